import parsePrometheusTextFormat from 'parse-prometheus-text-format'
import { describe, expect, it } from 'vitest'
import { type CostExchange, createCostObserver, isCountedExchange, routeLabel } from './observer.js'

const usage = { input_tokens: 1000, output_tokens: 500 }

function exchange(overrides: Partial<CostExchange> = {}): CostExchange {
  return {
    endpoint: '/v1/chat/completions',
    model: 'gpt-4o',
    ruleIndex: 0,
    status: 200,
    durationMs: 1,
    mocked: true,
    usage,
    ...overrides,
  }
}

describe('isCountedExchange', () => {
  it('counts successful mocked or replayed answers that carry usage', () => {
    expect(isCountedExchange(exchange())).toBe(true)
    expect(isCountedExchange(exchange({ status: 201 }))).toBe(true)
  })

  it('does not count errors, no-match answers, record-mode forwards or usage-less answers', () => {
    expect(isCountedExchange(exchange({ status: 429 }))).toBe(false)
    expect(isCountedExchange(exchange({ status: 404, ruleIndex: null }))).toBe(false)
    expect(isCountedExchange(exchange({ mocked: false }))).toBe(false)
    expect(isCountedExchange(exchange({ usage: undefined }))).toBe(false)
  })
})

describe('createCostObserver', () => {
  it('counts only what it should, but meters every request', () => {
    let elapsed = 0
    const costs = createCostObserver({
      now: () => Date.UTC(2026, 10, 25, 9),
      monotonic: () => elapsed,
    })
    expect(costs.observe(exchange())?.cost_usd).toBe(0.0075)
    expect(costs.observe(exchange({ stream: true } as Partial<CostExchange>))?.cost_usd).toBe(
      0.0075,
    )
    expect(costs.observe(exchange({ status: 500, ruleIndex: 1 }))).toBeUndefined()
    expect(costs.observe(exchange({ mocked: false, ruleIndex: undefined }))).toBeUndefined()
    elapsed = 61_999
    expect(costs.health()).toEqual({ requests_mocked: 2, cost_saved: '$0.02', uptime_s: 61 })
    const { report, summary } = costs.report()
    expect(report.total_saved).toBe(0.015)
    expect(summary).toMatch(/^Mocktopus saved \$0\.0150 on 2 mocked requests/)
    const families = parsePrometheusTextFormat(costs.metrics())
    const requests = families.find((f) => f.name === 'mocktopus_requests_total')
    expect(requests?.metrics.map((m) => [m.labels?.rule, m.labels?.status, m.value])).toEqual([
      ['0', '200', '2'],
      ['1', '500', '1'],
      ['none', '200', '1'],
    ])
    const cost = families.find((f) => f.name === 'mocktopus_cost_saved_usd_total')
    expect(cost?.metrics[0]?.value).toBe('0.015')
  })

  it('lays the scenario pricing over the built-in table and --pricing over both', () => {
    const costs = createCostObserver({
      scenarioPricing: { 'gpt-4o': { input: 1, output: 1 }, 'house-model': { input: 3 } },
      pricing: { 'house-model': { input: 4 } },
    })
    const million = { input_tokens: 1_000_000, output_tokens: 0 }
    expect(costs.observe(exchange({ usage: million }))?.cost_usd).toBe(1)
    expect(costs.observe(exchange({ model: 'house-model', usage: million }))?.cost_usd).toBe(4)
    costs.setScenarioPricing(undefined)
    expect(costs.observe(exchange({ usage: million }))?.cost_usd).toBe(2.5)
    expect(costs.observe(exchange({ model: 'house-model', usage: million }))?.cost_usd).toBe(4)
  })

  it('forgets everything on reset', () => {
    const costs = createCostObserver()
    costs.observe(exchange())
    costs.reset()
    expect(costs.health()).toMatchObject({ requests_mocked: 0, cost_saved: '$0.00' })
    expect(costs.metrics()).not.toContain('mocktopus_requests_total{')
  })
})

describe('routeLabel', () => {
  it('labels an endpoint with its route pattern, and anything else as other', () => {
    const patterns = ['/v1/models', '/v1/models/:id', '/v1/chat/completions']
    expect(routeLabel('/v1/models/gpt-4o', patterns)).toBe('/v1/models/:id')
    expect(routeLabel('/v1/models', patterns)).toBe('/v1/models')
    expect(routeLabel('/v1/nope', patterns)).toBe('other')
    expect(routeLabel('/v1/models/a/b', patterns)).toBe('other')
  })

  it('keeps the metrics to one series per route however many paths are requested', () => {
    const costs = createCostObserver({ routes: () => ['/v1/models/:id'] })
    for (const path of ['/v1/models/a', '/v1/models/b', '/x/1', '/x/2']) {
      costs.observe(exchange({ endpoint: path, ruleIndex: null, status: 404, usage: undefined }))
    }
    const lines = costs
      .metrics()
      .split('\n')
      .filter((l) => l.startsWith('mocktopus_requests_total'))
    expect(lines).toEqual([
      'mocktopus_requests_total{endpoint="/v1/models/:id",rule="none",status="404"} 2',
      'mocktopus_requests_total{endpoint="other",rule="none",status="404"} 2',
    ])
  })
})
