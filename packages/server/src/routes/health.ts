/** `GET /health`: liveness for scripts and orchestrators; not an API exchange, so not observed. */
import type { Hono } from 'hono'
import type { MocktopusContext } from '../context.js'

export function registerHealth(app: Hono, ctx: MocktopusContext): void {
  app.get('/health', (c) => {
    const { scenario } = ctx
    return c.json({
      status: 'healthy',
      mode: ctx.mode ?? 'mock',
      scenario_loaded: scenario.source !== undefined || scenario.rules.length > 0,
      rules: scenario.rules.length,
      ...ctx.costs.health(),
    })
  })
}
