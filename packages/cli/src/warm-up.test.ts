import { createMatcher, ENDPOINTS, parseScenario, readSimpleYaml } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { WARM_UP_SCENARIO, warmUpCodeCache } from './warm-up.js'

describe('warmUpCodeCache', () => {
  it('reads, checks and matches its sample without an error', () => {
    expect(() => warmUpCodeCache()).not.toThrow()
  })

  it('goes the way a start on recordings goes: the fast reader, then the validator', () => {
    // Read by the fast reader (no fallback to `yaml`) and valid, so the code compiled is the
    // code a start on recordings runs.
    let reads = 0
    const scenario = parseScenario(WARM_UP_SCENARIO, {
      read: (text) => {
        reads += 1
        return readSimpleYaml(text)
      },
    })
    expect(reads).toBe(1)
    expect(readSimpleYaml(WARM_UP_SCENARIO)).toBeDefined()
    expect(scenario.rules).toHaveLength(1)
    const matched = createMatcher(scenario).match({
      endpoint: ENDPOINTS.chatCompletions,
      model: 'warm-up',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Warm up:\n\tthe "code" cache' },
      ],
    })
    expect(matched?.rule.respond?.content).toBe("It's warm")
  })
})
