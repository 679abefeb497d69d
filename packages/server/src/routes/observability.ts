/**
 * `GET /cost-report` and `GET /_mocktopus/metrics`: what the mocked responses would have cost,
 * and Prometheus metrics. Like `/health`, neither is an API exchange, so neither is observed or
 * counted; both read the cost observer that the server feeds from its `exchange` event.
 */
import type { Hono } from 'hono'
import type { MocktopusContext } from '../context.js'
import { PROMETHEUS_CONTENT_TYPE } from '../cost/prometheus.js'

/** The path of the Prometheus scrape endpoint. */
export const METRICS_PATH = '/_mocktopus/metrics'

export function registerObservability(app: Hono, ctx: MocktopusContext): void {
  app.get('/cost-report', (c) => c.json(ctx.costs.report()))
  app.get(METRICS_PATH, (c) =>
    c.body(ctx.costs.metrics(), 200, {
      'content-type': PROMETHEUS_CONTENT_TYPE,
      'cache-control': 'no-store',
    }),
  )
}
