import { describe, expect, it } from 'vitest'
import { createCounters, createMatcher } from './match.js'
import { parseScenario } from './parse.js'
import type { MatchRequest } from './types.js'

const request: MatchRequest = {
  endpoint: '/v1/chat/completions',
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'hello' }],
}

const matcher = createMatcher(
  parseScenario(`version: 1
rules:
  - type: llm.openai
    times: 2
    error: { error_type: rate_limit, message: slow down }
  - type: llm.openai
    respond: { content: fallback }
`),
)

describe('createCounters', () => {
  it('keeps times counts apart from the matcher and from other counters', () => {
    matcher.reset()
    const a = createCounters()
    const b = createCounters()
    const picks = (counters?: ReturnType<typeof createCounters>) =>
      [1, 2, 3].map(() => matcher.match(request, counters)?.index)
    expect(picks(a)).toEqual([0, 0, 1])
    expect(picks(b)).toEqual([0, 0, 1])
    expect(picks()).toEqual([0, 0, 1])
    expect(a.get(0)).toBe(2)
    expect(a.get(1)).toBe(1)
  })

  it('numbers uses per set of counters', () => {
    const a = createCounters()
    const b = createCounters()
    expect(matcher.match(request, a)?.use).toBe(1)
    expect(matcher.match(request, b)?.use).toBe(1)
    expect(matcher.match(request, a)?.use).toBe(2)
  })

  it('explains with the counts of the given counters', () => {
    const a = createCounters()
    matcher.match(request, a)
    matcher.match(request, a)
    const used = matcher.explain(request, a)[0]
    expect(used?.matched).toBe(false)
    expect(used?.reasons).toContain('used up: times is 2, already selected 2 times')
    expect(matcher.explain(request, createCounters())[0]?.matched).toBe(true)
  })

  it('forgets every count on reset', () => {
    const a = createCounters()
    matcher.match(request, a)
    a.reset()
    expect(a.get(0)).toBe(0)
    expect(matcher.match(request, a)?.use).toBe(1)
  })
})
