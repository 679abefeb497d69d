/** `GET /health`: liveness for scripts and orchestrators; not an API exchange, so not observed. */
import type { Hono } from 'hono'
import type { MocktopusContext } from '../context.js'
import { type JSONOutput, toResponse } from '../wire-output.js'

/**
 * The health answer: status, mode, the scenario's rule count and the cost figures. The Node
 * runner answers it directly too, so it is built here once for both.
 *
 * @example healthOutput(ctx).text // '{"status":"healthy","mode":"mock",...}'
 */
export function healthOutput(ctx: MocktopusContext): JSONOutput {
  const { scenario } = ctx
  const body = {
    status: 'healthy',
    mode: ctx.mode ?? 'mock',
    scenario_loaded: scenario.source !== undefined || scenario.rules.length > 0,
    rules: scenario.rules.length,
    ...ctx.costs.health(),
  }
  const headers = { ...ctx.responseHeaders, 'content-type': 'application/json' }
  return { kind: 'json', status: 200, headers, text: JSON.stringify(body) }
}

export function registerHealth(app: Hono, ctx: MocktopusContext): void {
  ctx.directRoutes.set('GET /health', { kind: 'plain', answer: () => healthOutput(ctx) })
  app.get('/health', () => toResponse(healthOutput(ctx)))
}
