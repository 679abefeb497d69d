import { monotonicMs } from '@mocktopus/responders'
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
  readonly model?: string
  readonly ruleIndex?: number | null
  readonly status: number
  readonly durationMs: number
  /** When the request arrived: ISO 8601 (as the server emits it) or ms since the epoch. */
  readonly time?: string | number
  /** The answer came from a rule or a recording, not from a live upstream. */
  readonly mocked: boolean
  /** The usage the client saw; absent on responses that carry none. */
  readonly usage?: CostUsage
  /** The client left before the stream's end. */
  readonly aborted?: boolean
}

/** The body of `GET /cost-report`. */
export interface CostReportBody {
  readonly report: CostReport
  readonly summary: string
}

/** The fields `GET /health` takes from the cost observer. */
export interface CostHealth {
  readonly requests_mocked: number
  readonly cost_saved: string
  /** Whole seconds since the observer (the server instance) was created. */
  readonly uptime_s: number
}

export interface CostObserverOptions {
  /** Prices laid over the built-in table and the scenario's `pricing:` block (`--pricing`). */
  readonly pricing?: PricingTable
  /** The scenario's `pricing:` block. */
  readonly scenarioPricing?: PricingTable
  /** Milliseconds since the epoch; defaults to `Date.now`. */
  readonly now?: () => number
  /** A monotonic clock in milliseconds for `uptime_s`; defaults to `monotonicMs`. */
  readonly monotonic?: () => number
  /** Latency histogram bounds in seconds. */
  readonly buckets?: readonly number[]
  /**
   * The API's route patterns (`/v1/models/:id`). The metrics label an exchange with the pattern
   * its endpoint matches, or `other`, so that unknown paths and model ids cannot grow the
   * number of series without limit. Without it, endpoints are used as they are.
   */
  readonly routes?: () => readonly string[]
}

export interface CostObserver {
  /** Feed it every `exchange` event. Returns the cost when the exchange was counted. */
  observe(exchange: CostExchange): RecordedCost | undefined
  report(): CostReportBody
  /** `requests_mocked`, `cost_saved` (`$X.XX`) and `uptime_s` for `GET /health`. */
  health(): CostHealth
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

function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
  return new RegExp(`^${source}$`)
}

/**
 * The route pattern an endpoint belongs to, or `other` when none matches.
 *
 * @example routeLabel('/v1/models/gpt-4o', ['/v1/models', '/v1/models/:id']) // '/v1/models/:id'
 */
export function routeLabel(endpoint: string, patterns: readonly string[]): string {
  for (const pattern of patterns) if (patternRegExp(pattern).test(endpoint)) return pattern
  return 'other'
}

// Under load many exchanges share an arrival millisecond, and so their time text.
let lastTimeText = ''
let lastTimeMs = Number.NaN

/**
 * An exchange's time in ms; its ISO text parsed once per distinct text.
 *
 * @example timeOf('2026-01-01T00:00:00.000Z') // 1767225600000
 */
export function timeOf(time: string | number | undefined): number | undefined {
  if (time === undefined) return undefined
  if (typeof time === 'number') return Number.isFinite(time) ? time : undefined
  if (time !== lastTimeText) {
    lastTimeMs = Date.parse(time)
    lastTimeText = time
  }
  return Number.isFinite(lastTimeMs) ? lastTimeMs : undefined
}

/** How many endpoints keep their label at once; past it the cache starts over. */
const LABEL_CACHE_SIZE = 1024

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
  // Uptime is about the process, not the scenario's clock, which tests often freeze.
  const monotonic = options.monotonic ?? monotonicMs
  const created = monotonic()
  let compiled: { readonly pattern: string; readonly regexp: RegExp }[] = []
  // Labels by endpoint: a run calls a few endpoints again and again, matched once each.
  const labels = new Map<string, string>()
  const endpointLabel = (endpoint: string | undefined): string => {
    if (endpoint === undefined) return 'other'
    if (!options.routes) return endpoint
    const known = labels.get(endpoint)
    if (known !== undefined) return known
    const patterns = options.routes()
    // Route modules register while the app is built; recompile only when the list has grown.
    if (patterns.length !== compiled.length) {
      compiled = patterns.map((pattern) => ({ pattern, regexp: patternRegExp(pattern) }))
      labels.clear()
    }
    const label = compiled.find(({ regexp }) => regexp.test(endpoint))?.pattern ?? 'other'
    if (labels.size >= LABEL_CACHE_SIZE) labels.clear()
    labels.set(endpoint, label)
    return label
  }

  return {
    tracker,
    observe(exchange) {
      meter.observe({
        endpoint: endpointLabel(exchange.endpoint),
        ruleIndex: exchange.ruleIndex ?? undefined,
        status: exchange.status,
        durationMs: exchange.durationMs,
        ...(exchange.aborted ? { aborted: true } : {}),
      })
      if (!isCountedExchange(exchange) || !exchange.usage) return undefined
      const time = timeOf(exchange.time)
      return tracker.record({
        model: exchange.model,
        usage: exchange.usage,
        ...(time === undefined ? {} : { time }),
      })
    },
    report() {
      const report = tracker.report()
      return { report, summary: formatCostSummary(report) }
    },
    health() {
      const totals = tracker.totals()
      return {
        requests_mocked: totals.requests,
        cost_saved: formatUSD(totals.cost_pico, 2),
        uptime_s: Math.floor((monotonic() - created) / 1000),
      }
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
