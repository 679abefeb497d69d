import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format'
import { describe, expect, it } from 'vitest'
import { createMetrics } from './metrics.js'
import { escapeHelp, escapeLabelValue, formatValue } from './prometheus.js'

const NO_COST = { requests: 0, input_tokens: 0, output_tokens: 0, cost_pico: 0n }

// The text format's grammar for the lines we emit, stricter than the parser: one space between
// parts, quoted and escaped label values, Go-style floats.
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*'
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"'
const VALUE = '(?:[+-]?Inf|NaN|-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)'
const LINE = new RegExp(
  `^(?:# HELP ${NAME} .+|# TYPE ${NAME} (?:counter|gauge|histogram)|${NAME}(?:\\{${LABEL}(?:,${LABEL})*\\})? ${VALUE})$`,
)

function family(families: ParsedFamily[], name: string): ParsedFamily {
  const found = families.find((f) => f.name === name)
  if (!found) throw new Error(`no family ${name}`)
  return found
}

describe('createMetrics', () => {
  it('renders counters and the latency histogram that a Prometheus parser reads back', () => {
    const metrics = createMetrics()
    metrics.observe({
      endpoint: '/v1/chat/completions',
      ruleIndex: 0,
      status: 200,
      durationMs: 0.4,
    })
    metrics.observe({ endpoint: '/v1/chat/completions', ruleIndex: 0, status: 200, durationMs: 30 })
    metrics.observe({ endpoint: '/v1/chat/completions', ruleIndex: 2, status: 429, durationMs: 2 })
    metrics.observe({
      endpoint: '/v1/embeddings',
      ruleIndex: undefined,
      status: 404,
      durationMs: 12_000,
    })
    const text = metrics.render({
      requests: 2,
      input_tokens: 1000,
      output_tokens: 500,
      cost_pico: 7_500_000_000n,
    })
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(LINE)
    expect(text.endsWith('\n')).toBe(true)

    const families = parsePrometheusTextFormat(text)
    expect(families.map((f) => [f.name, f.type])).toEqual([
      ['mocktopus_requests_total', 'COUNTER'],
      ['mocktopus_requests_aborted_total', 'COUNTER'],
      ['mocktopus_request_duration_seconds', 'HISTOGRAM'],
      ['mocktopus_tokens_total', 'COUNTER'],
      ['mocktopus_cost_saved_usd_total', 'COUNTER'],
    ])
    expect(family(families, 'mocktopus_requests_total').metrics).toEqual([
      { labels: { endpoint: '/v1/chat/completions', rule: '0', status: '200' }, value: '2' },
      { labels: { endpoint: '/v1/chat/completions', rule: '2', status: '429' }, value: '1' },
      { labels: { endpoint: '/v1/embeddings', rule: 'none', status: '404' }, value: '1' },
    ])
    const [latency] = family(families, 'mocktopus_request_duration_seconds').metrics
    expect(latency?.labels).toBeUndefined()
    expect(latency?.count).toBe('4')
    expect(Number(latency?.sum)).toBeCloseTo(12.0324, 10)
    expect(latency?.buckets).toMatchObject({
      '0.001': '1',
      '0.0025': '2',
      '0.025': '2',
      '0.05': '3',
    })
    expect(latency?.buckets).toMatchObject({ '5': '3', '10': '3', '+Inf': '4' })
    expect(family(families, 'mocktopus_tokens_total').metrics).toEqual([
      { labels: { direction: 'input' }, value: '1000' },
      { labels: { direction: 'output' }, value: '500' },
    ])
    expect(family(families, 'mocktopus_cost_saved_usd_total').metrics).toEqual([
      { value: '0.0075' },
    ])
    for (const f of families) expect(f.help.length).toBeGreaterThan(10)
  })

  it('keeps histogram buckets cumulative and equal to the count at +Inf', () => {
    const metrics = createMetrics({ buckets: [0.1, 0.01, 1] })
    for (const ms of [5, 50, 500, 5000, 10]) {
      metrics.observe({ endpoint: '/v1/messages', ruleIndex: 1, status: 200, durationMs: ms })
    }
    const series = family(
      parsePrometheusTextFormat(metrics.render(NO_COST)),
      'mocktopus_request_duration_seconds',
    ).metrics[0]
    expect(series?.buckets).toEqual({ '0.01': '2', '0.1': '3', '1': '4', '+Inf': '5' })
    expect(series?.count).toBe('5')
  })

  it('escapes label values so that quotes, backslashes and newlines survive a round trip', () => {
    const metrics = createMetrics()
    const endpoint = 'C:\\dir\\"odd"\nname'
    metrics.observe({ endpoint, ruleIndex: 0, status: 200, durationMs: 1 })
    const text = metrics.render(NO_COST)
    expect(text).toContain('endpoint="C:\\\\dir\\\\\\"odd\\"\\nname"')
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(LINE)
    const counter = family(parsePrometheusTextFormat(text), 'mocktopus_requests_total')
    expect(counter.metrics[0]?.labels?.endpoint).toBe(endpoint)
  })

  it('renders headers and zero totals before any request, and forgets requests on reset', () => {
    const metrics = createMetrics()
    metrics.observe({ endpoint: '/v1/chat/completions', ruleIndex: 0, status: 200, durationMs: 1 })
    metrics.reset()
    expect(metrics.render(NO_COST)).toMatchInlineSnapshot(`
      "# HELP mocktopus_requests_total API requests answered, by endpoint, matched rule (none: no rule matched) and HTTP status.
      # TYPE mocktopus_requests_total counter
      # HELP mocktopus_requests_aborted_total Streams the client abandoned before their end (also counted above, with status 499).
      # TYPE mocktopus_requests_aborted_total counter
      mocktopus_requests_aborted_total 0
      # HELP mocktopus_request_duration_seconds Time from request to the end of the response body (streams included), in seconds.
      # TYPE mocktopus_request_duration_seconds histogram
      mocktopus_request_duration_seconds_bucket{le="0.001"} 0
      mocktopus_request_duration_seconds_bucket{le="0.0025"} 0
      mocktopus_request_duration_seconds_bucket{le="0.005"} 0
      mocktopus_request_duration_seconds_bucket{le="0.01"} 0
      mocktopus_request_duration_seconds_bucket{le="0.025"} 0
      mocktopus_request_duration_seconds_bucket{le="0.05"} 0
      mocktopus_request_duration_seconds_bucket{le="0.1"} 0
      mocktopus_request_duration_seconds_bucket{le="0.25"} 0
      mocktopus_request_duration_seconds_bucket{le="0.5"} 0
      mocktopus_request_duration_seconds_bucket{le="1"} 0
      mocktopus_request_duration_seconds_bucket{le="2.5"} 0
      mocktopus_request_duration_seconds_bucket{le="5"} 0
      mocktopus_request_duration_seconds_bucket{le="10"} 0
      mocktopus_request_duration_seconds_bucket{le="+Inf"} 0
      mocktopus_request_duration_seconds_sum 0
      mocktopus_request_duration_seconds_count 0
      # HELP mocktopus_tokens_total Tokens in mocked responses that would have been billed (the usage the client saw).
      # TYPE mocktopus_tokens_total counter
      mocktopus_tokens_total{direction="input"} 0
      mocktopus_tokens_total{direction="output"} 0
      # HELP mocktopus_cost_saved_usd_total What the mocked responses would have cost at the providers' list prices, in USD.
      # TYPE mocktopus_cost_saved_usd_total counter
      mocktopus_cost_saved_usd_total 0
      "
    `)
  })
})

describe('exposition helpers', () => {
  it('escape HELP text and label values as the format requires', () => {
    expect(escapeHelp('a\\b\nc "d"')).toBe('a\\\\b\\nc "d"')
    expect(escapeLabelValue('a\\b\nc "d"')).toBe('a\\\\b\\nc \\"d\\"')
  })

  it('prints special floats the way Prometheus reads them', () => {
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('+Inf')
    expect(formatValue(Number.NEGATIVE_INFINITY)).toBe('-Inf')
    expect(formatValue(Number.NaN)).toBe('NaN')
    expect(formatValue(7.5e-8)).toBe('7.5e-8')
  })
})
