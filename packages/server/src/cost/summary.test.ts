import { describe, expect, it } from 'vitest'
import { formatCostSummary } from './summary.js'
import { createCostTracker } from './tracker.js'

describe('formatCostSummary', () => {
  it('says so when nothing was mocked', () => {
    expect(formatCostSummary(createCostTracker().report())).toBe('No requests mocked yet.')
  })

  it('gives the total, tokens, runtime and one line per model, most expensive first', () => {
    let now = Date.UTC(2026, 10, 25, 9)
    const tracker = createCostTracker({ now: () => now })
    tracker.record({ model: 'gpt-4o', usage: { input_tokens: 1000, output_tokens: 500 } })
    tracker.record({ model: 'gpt-4o', usage: { input_tokens: 1000, output_tokens: 500 } })
    tracker.record({
      model: 'gpt-4o-mini-2024-07-18',
      usage: { input_tokens: 20_000, output_tokens: 10_000 },
    })
    tracker.record({ model: 'my-local-llama', usage: { input_tokens: 5, output_tokens: 5 } })
    now += 90 * 60_000 + 5_000
    expect(formatCostSummary(tracker.report())).toMatchInlineSnapshot(`
      "Mocktopus saved $0.0240 on 4 mocked requests (prices checked 2026-11-25)
      Tokens: 33,010 (22,005 input, 11,005 output)
      Runtime: 1h 30m

      By model:
        gpt-4o                    $0.0150  2 requests
        gpt-4o-mini-2024-07-18    $0.0090  1 request (priced as gpt-4o-mini)
        my-local-llama           unpriced  1 request

      Unpriced (tokens counted, $0): my-local-llama. Add them to the scenario's pricing: block or a --pricing file."
    `)
  })
})
