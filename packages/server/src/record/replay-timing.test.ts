import { describe, expect, it } from 'vitest'
import { replayScenario, untimedRule } from './replay-timing.js'

describe('replay timing', () => {
  const scenario = {
    version: 1 as const,
    meta: {},
    rules: [
      {
        type: 'llm' as const,
        when: {},
        times: null,
        respond: {
          content: 'a',
          delay_ms: 5,
          ttft_ms: 7,
          chunk_delay_ms: 3,
          chunk_delays_ms: [3, 900],
          chunk_size: 2,
        },
      },
      {
        type: 'llm' as const,
        when: {},
        times: null,
        error: { error_type: 'timeout' as const, delay_ms: 0 },
      },
    ],
  }

  it('drops the recorded waits with none, keeps the rest', () => {
    const [timed, failing] = replayScenario(scenario, 'none').rules
    expect(timed?.respond).toEqual({ content: 'a', chunk_size: 2 })
    expect(failing).toBe(scenario.rules[1])
    expect(replayScenario(scenario, 'recorded')).toBe(scenario)
  })

  it('leaves a rule without timing as it is', () => {
    const rule = { type: 'llm' as const, when: {}, times: null, respond: { content: 'x' } }
    expect(untimedRule(rule)).toBe(rule)
  })
})
