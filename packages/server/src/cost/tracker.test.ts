import { describe, expect, it } from 'vitest'
import { DEFAULT_PRICING, mergePricing } from './pricing.js'
import { costOf, createCostTracker } from './tracker.js'

const T0 = Date.UTC(2026, 10, 25, 8, 30)

function clock(start = T0) {
  let now = start
  return {
    now: () => now,
    advance(ms: number) {
      now += ms
    },
  }
}

describe('costOf', () => {
  it('bills uncached input, cached input and output at their own prices', () => {
    const price = { input: 2.5, output: 10, cached_input: 1.25 }
    expect(costOf(price, { input_tokens: 1000, output_tokens: 500 })).toBe(7_500_000_000n)
    expect(costOf(price, { input_tokens: 1000, output_tokens: 0, cached_input_tokens: 400 })).toBe(
      600n * 2_500_000n + 400n * 1_250_000n,
    )
  })

  it('bills cached input at the input price where no cached price exists, and no output without an output price', () => {
    expect(
      costOf({ input: 1 }, { input_tokens: 10, output_tokens: 99, cached_input_tokens: 4 }),
    ).toBe(10_000_000n)
  })

  it('treats negative, fractional or missing counts as whole non-negative tokens', () => {
    const price = { input: 1, output: 1 }
    expect(costOf(price, { input_tokens: -5, output_tokens: 2.9 })).toBe(2_000_000n)
    expect(
      costOf(price, { input_tokens: Number.NaN, output_tokens: 0, cached_input_tokens: 50 }),
    ).toBe(0n)
  })
})

describe('createCostTracker', () => {
  it('adds up exact totals across chat, embeddings and Anthropic models', () => {
    const tracker = createCostTracker({ now: clock().now })
    tracker.record({ model: 'gpt-4o', usage: { input_tokens: 1000, output_tokens: 500 } })
    tracker.record({
      model: 'gpt-4o-mini-2024-07-18',
      usage: { input_tokens: 2000, output_tokens: 1000 },
    })
    tracker.record({
      model: 'text-embedding-3-small',
      usage: { input_tokens: 5000, output_tokens: 0 },
    })
    tracker.record({
      model: 'text-embedding-3-large',
      usage: { input_tokens: 1000, output_tokens: 0 },
    })
    const last = tracker.record({
      model: 'claude-3-5-sonnet-20241022',
      usage: { input_tokens: 100, output_tokens: 200 },
    })
    expect(last).toEqual({
      model: 'claude-3-5-sonnet-20241022',
      priced_as: 'claude-3-5-sonnet',
      cost_pico: 3_300_000_000n,
      cost_usd: 0.0033,
    })
    // 0.0075 + 0.0009 + 0.0001 + 0.00013 + 0.0033
    expect(tracker.totals()).toEqual({
      requests: 5,
      input_tokens: 9100,
      output_tokens: 1700,
      cost_pico: 11_930_000_000n,
    })
    const report = tracker.report()
    expect(report.total_saved).toBe(0.01193)
    expect(report.breakdown_by_model['gpt-4o-mini-2024-07-18']).toEqual({
      requests: 1,
      input_tokens: 2000,
      output_tokens: 1000,
      cost_saved: 0.0009,
      priced_as: 'gpt-4o-mini',
    })
    expect(report.unpriced_models).toEqual([])
  })

  it('keeps sums exact where float addition would drift', () => {
    const tracker = createCostTracker({ now: clock().now })
    for (let i = 0; i < 20_000; i++) {
      tracker.record({
        model: 'gpt-4o-mini',
        usage: { input_tokens: 1, output_tokens: 1, cached_input_tokens: 1 },
        time: T0,
      })
    }
    // 20,000 x (0.075 + 0.6) USD per 1M tokens; a float running sum of 6.75e-7 drifts off this.
    expect(tracker.totals().cost_pico).toBe(13_500_000_000n)
    expect(tracker.report().total_saved).toBe(0.0135)
  })

  it('counts the tokens of an unknown model, prices it at $0 and names it', () => {
    const tracker = createCostTracker({ now: clock().now })
    tracker.record({ model: 'my-local-llama', usage: { input_tokens: 10, output_tokens: 20 } })
    tracker.record({ model: undefined, usage: { input_tokens: 1, output_tokens: 1 } })
    tracker.record({ model: 'gpt-4o', usage: { input_tokens: 0, output_tokens: 100 } })
    const report = tracker.report()
    expect(report.requests_mocked).toBe(3)
    expect(report.input_tokens_mocked).toBe(11)
    expect(report.output_tokens_mocked).toBe(121)
    expect(report.total_saved).toBe(0.001)
    expect(report.unpriced_models).toEqual(['my-local-llama', 'unknown'])
    expect(report.breakdown_by_model['my-local-llama']).toEqual({
      requests: 1,
      input_tokens: 10,
      output_tokens: 20,
      cost_saved: 0,
      priced_as: null,
    })
  })

  it('breaks savings down by UTC hour and reports the session start and runtime', () => {
    const time = clock()
    const tracker = createCostTracker({ now: time.now })
    tracker.record({ model: 'gpt-4o', usage: { input_tokens: 1000, output_tokens: 0 } })
    time.advance(45 * 60_000)
    tracker.record({ model: 'gpt-4o', usage: { input_tokens: 1000, output_tokens: 0 } })
    tracker.record({
      model: 'gpt-4o',
      usage: { input_tokens: 0, output_tokens: 1000 },
      time: Date.UTC(2026, 10, 25, 23, 59, 59),
    })
    const report = tracker.report()
    expect(report.breakdown_by_hour).toEqual({
      '2026-11-25 08:00': 0.0025,
      '2026-11-25 09:00': 0.0025,
      '2026-11-25 23:00': 0.01,
    })
    expect(report.session_start).toBe('2026-11-25T08:30:00.000Z')
    expect(report.runtime_hours).toBe(0.75)
  })

  it('prices with the table it is given, and re-prices only later responses', () => {
    const tracker = createCostTracker({
      pricing: mergePricing(DEFAULT_PRICING, { 'gpt-4o': { input: 1, output: 1 } }),
      now: clock().now,
    })
    tracker.record({ model: 'gpt-4o', usage: { input_tokens: 1_000_000, output_tokens: 0 } })
    tracker.setPricing(mergePricing(DEFAULT_PRICING, { 'my-model': { input: 2 } }))
    tracker.record({ model: 'gpt-4o', usage: { input_tokens: 1_000_000, output_tokens: 0 } })
    tracker.record({ model: 'my-model', usage: { input_tokens: 1_000_000, output_tokens: 0 } })
    expect(tracker.report().breakdown_by_model['gpt-4o']?.cost_saved).toBe(3.5)
    expect(tracker.report().total_saved).toBe(5.5)
    expect(tracker.report().unpriced_models).toEqual([])
  })

  it('starts a new session on reset', () => {
    const time = clock()
    const tracker = createCostTracker({ now: time.now })
    tracker.record({ model: 'gpt-4o', usage: { input_tokens: 1, output_tokens: 1 } })
    time.advance(60_000)
    tracker.reset()
    const report = tracker.report()
    expect(report).toMatchObject({
      total_saved: 0,
      requests_mocked: 0,
      breakdown_by_model: {},
      breakdown_by_hour: {},
      session_start: '2026-11-25T08:31:00.000Z',
      runtime_hours: 0,
      unpriced_models: [],
    })
  })
})
