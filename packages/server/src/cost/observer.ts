import { createMetrics, DURATION_BUCKETS, type Metrics } from './metrics.js'
import { formatUSD } from './money.js'
import { DEFAULT_PRICING, mergePricing, type PricingTable } from './pricing.js'
import { formatCostSummary } from './summary.js'
import {
  type CostReport,
  type CostTracker,
  type CostUsage,
  createCostTracker,
  type RecordedCost,
} from './tracker.js'

/** The fields of the server's `exchange` event that cost and metrics read. */
export interface CostExchange {
  readonly endpoint?: string
  readonly path?: string
  readonly model?: string
  readonly ruleIndex?: number | null
  readonly status: number
  readonly durationMs: number
  /** Milliseconds since the epoch. */
  readonly time?: number
  /** The answer came from a rule or a recording, not from a live upstream. */
  readonly mocked: boolean
  /** The usage the client saw; absent on responses that carry none. */
  readonly usage?: CostUsage
}

/** The body of `GET /cost-report`. */
export interface CostReportBody {
  readonly report: CostReport
  readonly summary: string
}

export interface CostObserverOptions {
  /** Prices laid over the built-in table and the scenario's `pricing:` block (`--pricing`). */
  readonly pricing?: PricingTable
  /** The scenario's `pricing:` block. */
  readonly scenarioPricing?: PricingTable
  /** Milliseconds since the epoch; defaults to `Date.now`. */
  readonly now?: () => number
  /** Latency histogram bounds in seconds. */
  readonly buckets?: readonly number[]
}

export interface CostObserver {
  /** Feed it every `exchange` event. Returns the cost when the exchange was counted. */
  observe(exchange: CostExchange): RecordedCost | undefined
  report(): CostReportBody
  /** `requests_mocked` and `cost_saved` (`$X.XX`) for `GET /health`. */
  health(): { readonly requests_mocked: number; readonly cost_saved: string }
  /** The Prometheus text for `GET /_mocktopus/metrics`. */
  metrics(): string
  /** Re-prices later responses after a scenario (re)load; what was counted keeps its cost. */
  setScenarioPricing(pricing: PricingTable | undefined): void
  readonly tracker: CostTracker
  reset(): void
}

/**
 * Whether an exchange is counted as money saved: a successful (status below 400) answer from a
 * rule or a recording that carried token usage. Errors, no-match answers and requests forwarded
 * upstream in record mode are not.
 *
 * @example isCountedExchange({ mocked: true, status: 200, durationMs: 1, usage }) // true
 */
export function isCountedExchange(exchange: CostExchange): boolean {
  return exchange.mocked && exchange.status < 400 && exchange.usage !== undefined
}

/**
 * The cost tracker and the metrics, fed by the server's `exchange` event so no route handler
 * does cost work. Prices: built-in, then the scenario's `pricing:` block, then `pricing` (the
 * `--pricing` file), each entry replacing the one before.
 *
 * @example
 * const costs = createCostObserver({ pricing: { 'my-model': { input: 1, output: 2 } } })
 * mock.on('exchange', (exchange) => costs.observe(exchange))
 */
export function createCostObserver(options: CostObserverOptions = {}): CostObserver {
  const table = (scenarioPricing: PricingTable | undefined) =>
    mergePricing(DEFAULT_PRICING, scenarioPricing, options.pricing)
  const tracker = createCostTracker({
    pricing: table(options.scenarioPricing),
    ...(options.now ? { now: options.now } : {}),
  })
  const meter: Metrics = createMetrics({ buckets: options.buckets ?? DURATION_BUCKETS })

  return {
    tracker,
    observe(exchange) {
      meter.observe({
        endpoint: exchange.endpoint ?? 'other',
        ruleIndex: exchange.ruleIndex ?? undefined,
        status: exchange.status,
        durationMs: exchange.durationMs,
      })
      if (!isCountedExchange(exchange) || !exchange.usage) return undefined
      return tracker.record({
        model: exchange.model,
        usage: exchange.usage,
        ...(exchange.time === undefined ? {} : { time: exchange.time }),
      })
    },
    report() {
      const report = tracker.report()
      return { report, summary: formatCostSummary(report) }
    },
    health() {
      const totals = tracker.totals()
      return { requests_mocked: totals.requests, cost_saved: formatUSD(totals.cost_pico, 2) }
    },
    metrics() {
      return meter.render(tracker.totals())
    },
    setScenarioPricing(pricing) {
      tracker.setPricing(table(pricing))
    },
    reset() {
      tracker.reset()
      meter.reset()
    },
  }
}
