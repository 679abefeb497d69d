/** `GET /health`: liveness for scripts and orchestrators; not an API exchange, so not observed. */
import type { Hono } from 'hono'
import type { MocktopusContext } from '../context.js'

export function registerHealth(app: Hono, ctx: MocktopusContext): void {
  app.get('/health', (c) => c.json({ status: 'ok', rules: ctx.scenario.rules.length }))
}
