import { describe, expect, it } from 'vitest'
import { lintScenario } from './lint.js'
import { createMatcher } from './match.js'
import { paramsDiff, requestParams, toolsDiff } from './params.js'
import { parseScenario } from './parse.js'
import type { MatchRequest } from './types.js'

const CHAT = '/v1/chat/completions'
const HELLO: MatchRequest = {
  endpoint: CHAT,
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'hello' }],
}

// Two recordings of one conversation, told apart by their temperature and tools.
const RECORDINGS = parseScenario(`version: 1
rules:
  - type: llm.openai
    when:
      conversation: [{ role: user, content: hello }]
      tools: [get_weather]
      params: { temperature: 0.2, response_format: { type: json_object } }
    respond: { content: cold }
  - type: llm.openai
    when:
      conversation: [{ role: user, content: hello }]
      tools: []
      params: { temperature: 0.9 }
    respond: { content: hot }
`)

describe('when.params and when.tools', () => {
  const matcher = createMatcher(RECORDINGS)

  it('tells apart requests that differ only in a sampling parameter', () => {
    const cold = matcher.match({
      ...HELLO,
      tools: ['get_weather'],
      body: { temperature: 0.2, response_format: { type: 'json_object' }, stream: true },
    })
    const hot = matcher.match({ ...HELLO, body: { temperature: 0.9 } })
    expect(cold?.rule.respond?.content).toBe('cold')
    expect(hot?.rule.respond?.content).toBe('hot')
  })

  it('wants the very parameters: one more, one missing or another value is a miss', () => {
    expect(matcher.match({ ...HELLO, body: { temperature: 0.9, seed: 1 } })).toBeUndefined()
    expect(matcher.match({ ...HELLO, body: {} })).toBeUndefined()
    expect(matcher.match({ ...HELLO, body: { temperature: 0.5 } })).toBeUndefined()
  })

  it('wants the very tools, in any order', () => {
    const request = {
      ...HELLO,
      body: { temperature: 0.2, response_format: { type: 'json_object' } },
    }
    expect(matcher.match({ ...request, tools: ['get_weather', 'search'] })).toBeUndefined()
    expect(matcher.match({ ...request, tools: [] })).toBeUndefined()
  })

  it('reads the body only when a rule has params, and says so', () => {
    expect(matcher.readsBody).toBe(true)
    const plain = createMatcher(parseScenario('version: 1\nrules: [{ type: llm, respond: {} }]'))
    expect(plain.readsBody).toBe(false)
  })

  it('explains the difference', () => {
    const [first, second] = matcher.explain({ ...HELLO, tools: [], body: { temperature: 0.5 } })
    expect(first?.reasons).toEqual(['tools are none, the rule expects "get_weather"'])
    expect(second?.reasons).toEqual(['params.temperature is 0.5, the rule expects 0.9'])
  })

  it('does not lint a recording that differs in params as never selected', () => {
    expect(lintScenario(RECORDINGS)).toEqual([])
  })
})

describe('requestParams', () => {
  it('keeps the listed parameters, not the conversation, stream or nulls', () => {
    expect(
      requestParams({
        model: 'm',
        messages: [],
        stream: true,
        temperature: 0,
        max_tokens: 5,
        seed: null,
        tool_choice: 'auto',
      }),
    ).toEqual({ temperature: 0, max_tokens: 5, tool_choice: 'auto' })
    expect(requestParams(undefined)).toEqual({})
  })
})

describe('paramsDiff', () => {
  it('ignores key order and names the first difference', () => {
    expect(paramsDiff({ f: { a: 1, b: 2 } }, { f: { b: 2, a: 1 } })).toBeUndefined()
    expect(paramsDiff({ stop: null }, {})).toBeUndefined()
    expect(paramsDiff({ stop: null }, { stop: ['x'] })).toBe(
      'params.stop is ["x"], the rule expects none',
    )
    expect(paramsDiff({ n: 2 }, {})).toBe('params.n is not sent, the rule expects 2')
  })
})

describe('toolsDiff', () => {
  it('compares sets', () => {
    expect(toolsDiff(['a', 'b'], ['b', 'a'])).toBeUndefined()
    expect(toolsDiff(['a'], ['a', 'b'])).toBe('tools are "a", "b", the rule expects "a"')
  })
})
