/** `GET /v1/models` and `GET /v1/models/:id`, from the current scenario. */
import { listModels, openaiError, retrieveModel } from '@mocktopus/responders'
import type { Hono } from 'hono'
import type { MocktopusContext } from '../context.js'
import { addPlainRoute } from '../pipeline.js'

export function registerModels(app: Hono, ctx: MocktopusContext): void {
  addPlainRoute(app, ctx, {
    method: 'GET',
    path: '/v1/models',
    errors: openaiError,
    answer: () => listModels(ctx.scenario),
  })
  addPlainRoute(app, ctx, {
    method: 'GET',
    path: '/v1/models/:id',
    errors: openaiError,
    answer: (c) => retrieveModel(ctx.scenario, c.req.param('id') ?? ''),
  })
}
