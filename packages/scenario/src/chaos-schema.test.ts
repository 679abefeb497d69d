import { describe, expect, it } from 'vitest'
import { parseScenario } from './parse.js'
import { validateScenario } from './validate.js'

const rule = (extra: Record<string, unknown>) => ({
  version: 1,
  rules: [{ type: 'llm', respond: { content: 'hi' }, ...extra }],
})

describe('a rule with chaos and stream timing', () => {
  it('loads chaos beside when and respond, and the timing keys under respond', () => {
    const scenario = parseScenario(`version: 1
rules:
  - type: llm
    respond: { content: "hi", ttft_ms: 250, tokens_per_second: 40, jitter_ms: 10 }
    chaos: { server_error: 0.5, disconnect_after_chunks: 3, stall_after_chunks: 1, stall_ms: 100 }
`)
    expect(scenario.rules[0]?.chaos).toEqual({
      server_error: 0.5,
      disconnect_after_chunks: 3,
      stall_after_chunks: 1,
      stall_ms: 100,
    })
    expect(scenario.rules[0]?.respond).toMatchObject({ ttft_ms: 250, tokens_per_second: 40 })
  })

  it('refuses chances above 1, unknown chaos keys and timing out of range', () => {
    const messages = (data: unknown) => validateScenario(data).map((issue) => issue.message)
    expect(messages(rule({ chaos: { rate_limit: 2 } })).join('\n')).toMatch(/<= 1/)
    expect(messages(rule({ chaos: { rate_limits: 0.1 } })).join('\n')).toMatch(/rate_limit/)
    expect(messages(rule({ respond: { content: 'hi', ttft_ms: 600_001 } }))).toEqual([
      'must be from 0 to 600000 milliseconds (10 minutes); got 600001',
    ])
    expect(messages(rule({ respond: { content: 'hi', tokens_per_second: 0 } })).length).toBe(1)
  })
})
