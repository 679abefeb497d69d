import { readFileSync } from 'node:fs'
import { createMatcher, lintScenario, parseScenario } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'

// The recordings example in docs/record-replay.md is a real recordings file.
const docs = readFileSync(new URL('../../../../docs/record-replay.md', import.meta.url), 'utf8')
const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string)

describe('docs/record-replay.md', () => {
  it('shows a recordings file that validates without warnings and replays as described', () => {
    expect(blocks).toHaveLength(1)
    const scenario = parseScenario(blocks[0] as string, { source: 'record-replay.md' })
    expect(lintScenario(scenario)).toEqual([])
    const matcher = createMatcher(scenario)
    const hello = {
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Say hello' },
      ],
    }
    expect(matcher.match(hello)?.rule.respond?.content).toBe('Hello!')
    expect(matcher.match({ ...hello, messages: hello.messages.slice(1) })).toBeUndefined()
    const weather = matcher.match({
      endpoint: '/v1/messages',
      model: 'claude-sonnet-5-5',
      messages: [{ role: 'user', content: 'What is the weather in Lisbon?' }],
    })
    expect(weather?.rule.respond?.tool_calls?.[0]?.function.arguments).toBe('{"city":"Lisbon"}')
  })
})
