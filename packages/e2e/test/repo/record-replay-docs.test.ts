import { readFileSync } from 'node:fs'
import { createMatcher, lintScenario, parseScenario } from '@mocktopus/scenario'
import { parseRecordSettings } from '@mocktopus/server/node'
import { describe, expect, it } from 'vitest'

// The recordings example in docs/record-replay.md is a real recordings file.
const docs = readFileSync(new URL('../../../../docs/record-replay.md', import.meta.url), 'utf8')
const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string)
const block = (start: string) => blocks.find((text) => text.startsWith(start)) as string

describe('docs/record-replay.md', () => {
  it('shows a recordings file that validates without warnings and replays as described', () => {
    const scenario = parseScenario(block('# Recorded by Mocktopus'), { source: 'record-replay.md' })
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

  it('shows a settings file that is valid, and a recording matched on tools and params', () => {
    const settings = parseRecordSettings(block('# recordings/mocktopus.record.yaml'), 'docs')
    expect(settings.matchOn).toEqual(['tools', 'params'])
    expect(settings.normalize).toHaveLength(3)
    expect(settings.redact.body).toEqual(['user', 'metadata.customer_id', 'messages[*].name'])
    const rule = block('- type: llm.openai\n  when:\n    endpoint: /v1/chat/completions')
    const matcher = createMatcher(parseScenario(`version: 1\nrules:\n${rule}`))
    const request = {
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Pick a number' }],
      tools: ['get_weather'],
    }
    const body = { temperature: 0.2, tool_choice: 'auto' }
    expect(matcher.match({ ...request, body })?.rule.respond?.content).toBe('7')
    expect(matcher.match({ ...request, body: { ...body, temperature: 0.5 } })).toBeUndefined()
  })
})
