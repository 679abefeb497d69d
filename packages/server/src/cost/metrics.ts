import { picoToFloatUSD } from './money.js'
import {
  familyHeader,
  type HistogramSeries,
  histogramLines,
  observeHistogram,
  sampleLine,
} from './prometheus.js'
import type { CostTotals } from './tracker.js'

/**
 * Latency bucket bounds in seconds: below Prometheus's defaults, since a mock answers at once
 * unless a rule asks for a delay, and up to 10 s for `delay_ms` rules and slow streams.
 */
export const DURATION_BUCKETS: readonly number[] = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
]

/** What the metrics need to know of one API request. */
export interface MetricsSample {
  /** The endpoint family (e.g. `/v1/chat/completions`); unknown paths share one label value. */
  readonly endpoint: string
  /** The index of the rule that answered, or `undefined` when none matched. */
  readonly ruleIndex: number | undefined
  readonly status: number
  readonly durationMs: number
  /** The client left before the stream's end. */
  readonly aborted?: boolean
}

export interface Metrics {
  observe(sample: MetricsSample): void
  /** The exposition text, with tokens and cost taken from `totals`. */
  render(totals: CostTotals): string
  reset(): void
}

interface RequestCount {
  readonly endpoint: string
  readonly rule: string
  readonly status: string
  value: number
}

/**
 * Request counts and latencies for `GET /_mocktopus/metrics`: counter
 * `mocktopus_requests_total{endpoint,rule,status}`, histogram
 * `mocktopus_request_duration_seconds`, counters `mocktopus_tokens_total{direction}`
 * and `mocktopus_cost_saved_usd_total` (the last two from the cost tracker, so they count the
 * same responses as `/cost-report`).
 *
 * @example
 * const metrics = createMetrics()
 * metrics.observe({ endpoint: ENDPOINTS.chatCompletions, ruleIndex: 0, status: 200, durationMs: 2 })
 * metrics.render(tracker.totals())
 */
export function createMetrics(options: { buckets?: readonly number[] } = {}): Metrics {
  const bounds = [...(options.buckets ?? DURATION_BUCKETS)].sort((a, b) => a - b)
  let requests = new Map<string, RequestCount>()
  const newSeries = (): HistogramSeries => ({
    labels: {},
    buckets: bounds.map(() => 0),
    sum: 0,
    count: 0,
  })
  // One latency series for all endpoints: the endpoint split lives in mocktopus_requests_total,
  // and an unlabelled histogram keeps the scrape small and readable by every text parser.
  let durations = newSeries()
  let aborted = 0

  return {
    observe(sample) {
      if (sample.aborted) aborted += 1
      const rule =
        sample.ruleIndex === undefined || sample.ruleIndex < 0 ? 'none' : String(sample.ruleIndex)
      const status = String(sample.status)
      const key = `${sample.endpoint}\u0000${rule}\u0000${status}`
      const counter = requests.get(key)
      if (counter) counter.value += 1
      else requests.set(key, { endpoint: sample.endpoint, rule, status, value: 1 })
      observeHistogram(durations, bounds, Math.max(0, sample.durationMs) / 1000)
    },

    render(totals) {
      const lines = familyHeader(
        'mocktopus_requests_total',
        'counter',
        'API requests answered, by endpoint, matched rule (none: no rule matched) and HTTP status.',
      )
      const counts = [...requests.values()].sort(
        (a, b) =>
          a.endpoint.localeCompare(b.endpoint) ||
          a.rule.localeCompare(b.rule, 'en', { numeric: true }) ||
          a.status.localeCompare(b.status),
      )
      for (const c of counts) {
        lines.push(
          sampleLine(
            'mocktopus_requests_total',
            { endpoint: c.endpoint, rule: c.rule, status: c.status },
            c.value,
          ),
        )
      }
      lines.push(
        ...familyHeader(
          'mocktopus_requests_aborted_total',
          'counter',
          'Streams the client abandoned before their end (also counted above, with status 499).',
        ),
        sampleLine('mocktopus_requests_aborted_total', {}, aborted),
      )
      lines.push(
        ...familyHeader(
          'mocktopus_request_duration_seconds',
          'histogram',
          'Time from request to the end of the response body (streams included), in seconds.',
        ),
      )
      lines.push(...histogramLines('mocktopus_request_duration_seconds', bounds, durations))
      lines.push(
        ...familyHeader(
          'mocktopus_tokens_total',
          'counter',
          'Tokens in mocked responses that would have been billed (the usage the client saw).',
        ),
        sampleLine('mocktopus_tokens_total', { direction: 'input' }, totals.input_tokens),
        sampleLine('mocktopus_tokens_total', { direction: 'output' }, totals.output_tokens),
        ...familyHeader(
          'mocktopus_cost_saved_usd_total',
          'counter',
          "What the mocked responses would have cost at the providers' list prices, in USD.",
        ),
        sampleLine('mocktopus_cost_saved_usd_total', {}, picoToFloatUSD(totals.cost_pico)),
      )
      return `${lines.join('\n')}\n`
    },

    reset() {
      requests = new Map()
      durations = newSeries()
      aborted = 0
    },
  }
}
