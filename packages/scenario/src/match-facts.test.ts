import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeNoMatch } from './describe.js'
import { createMatcher } from './match.js'
import { parseScenario } from './parse.js'
import type { ChatMessage, MatchRequest } from './types.js'

const CHAT = '/v1/chat/completions'

const SYSTEM: ChatMessage = { role: 'system', content: 'You are a weather bot.' }
const USER: ChatMessage = { role: 'user', content: 'Weather in Paris?' }
const CALL: ChatMessage = {
  role: 'assistant',
  content: null,
  tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather' } }],
}
const RESULT: ChatMessage = { role: 'tool', tool_call_id: 'call_1', content: '22C and sunny' }
const ANSWER: ChatMessage = { role: 'assistant', content: 'It is 22C.' }

/** The calls of one agent loop: the question, then the same after the tool result. */
const FIRST: MatchRequest = {
  endpoint: CHAT,
  model: 'gpt-4o',
  messages: [SYSTEM, USER],
  tools: ['get_weather', 'get_time'],
}
const SECOND: MatchRequest = { ...FIRST, messages: [SYSTEM, USER, CALL, RESULT] }
const THIRD: MatchRequest = {
  ...FIRST,
  messages: [SYSTEM, USER, CALL, RESULT, ANSWER, { role: 'user', content: 'thanks' }],
}

function single(when: string) {
  return createMatcher(
    parseScenario(`version: 1
rules:
  - type: llm
    when: ${when}
    respond: { content: x }
`),
  )
}

/** Whether the one rule holds, and the sentence explain gives for its last condition. */
function verdict(when: string, request: MatchRequest): [boolean, string] {
  const matcher = single(when)
  const [first] = matcher.explain(request)
  const held = matcher.match(request) !== undefined
  expect(first?.matched).toBe(held)
  const reasons = first?.reasons ?? []
  return [held, (held ? reasons[reasons.length - 1] : reasons[0]) as string]
}

describe('agent-loop conditions', () => {
  it.each<[string, MatchRequest, boolean, string]>([
    ['{ last_role: user }', FIRST, true, 'last message is user (last_role: user)'],
    ['{ last_role: tool }', SECOND, true, 'last message is tool (last_role: tool)'],
    ['{ last_role: tool }', FIRST, false, 'last message is user, not tool (last_role)'],
    ['{ last_role: assistant }', SECOND, false, 'last message is tool, not assistant (last_role)'],
    [
      '{ last_role: user }',
      { endpoint: CHAT, messages: [] },
      false,
      'the request has no messages, so no last role (last_role: user)',
    ],
    ['{ has_tool_result: false }', FIRST, true, 'conversation holds no tool result'],
    [
      '{ has_tool_result: true }',
      SECOND,
      true,
      'conversation holds a tool result (the latest answers call "call_1")',
    ],
    [
      '{ has_tool_result: false }',
      THIRD,
      false,
      'conversation holds a tool result (the latest answers call "call_1"), the rule wants has_tool_result: false',
    ],
    [
      '{ has_tool_result: true }',
      FIRST,
      false,
      'conversation holds no tool result, the rule wants has_tool_result: true',
    ],
    ['{ tool_result_contains: sunny }', THIRD, true, 'latest tool result contains "sunny"'],
    [
      '{ tool_result_contains: rain }',
      SECOND,
      false,
      'latest tool result "22C and sunny" does not contain "rain"',
    ],
    [
      '{ tool_result_contains: rain }',
      FIRST,
      false,
      'no tool result to contain "rain": the conversation holds none',
    ],
    ['{ tool_call_id: call_1 }', SECOND, true, 'latest tool result answers call "call_1"'],
    [
      '{ tool_call_id: call_2 }',
      SECOND,
      false,
      'latest tool result answers call "call_1", not "call_2"',
    ],
    [
      '{ tool_call_id: call_1 }',
      FIRST,
      false,
      'no tool result answers call "call_1": the conversation holds none',
    ],
    ['{ tools_offered: get_weather }', FIRST, true, 'request offers "get_weather" (tools_offered)'],
    [
      '{ tools_offered: [get_time, get_weather] }',
      FIRST,
      true,
      'request offers "get_time", "get_weather" (tools_offered)',
    ],
    [
      '{ tools_offered: [get_weather, search, book] }',
      FIRST,
      false,
      'request offers "get_weather", "get_time", not "search", "book" (tools_offered)',
    ],
    [
      '{ tools_offered: get_weather }',
      { endpoint: CHAT, messages: [USER] },
      false,
      'request offers no tools, not "get_weather" (tools_offered)',
    ],
    ['{ system_contains: weather bot }', FIRST, true, 'system prompt contains "weather bot"'],
    [
      '{ system_contains: pirate }',
      FIRST,
      false,
      'system prompt "You are a weather bot." does not contain "pirate"',
    ],
    [
      '{ system_contains: pirate }',
      { endpoint: CHAT, messages: [USER] },
      false,
      'request has no system prompt to contain "pirate"',
    ],
    ['{ turn: 0 }', FIRST, true, 'turn is 0 (0 assistant turns came before)'],
    ['{ turn: 1 }', SECOND, true, 'turn is 1 (1 assistant turn came before)'],
    ['{ turn: 1 }', THIRD, false, 'turn is 2 (2 assistant turns came before), not 1'],
  ])('when %s: %#', (when, request, held, sentence) => {
    expect(verdict(when, request)).toEqual([held, sentence])
  })

  it('ANDs them with each other and with the existing conditions', () => {
    const matcher = single(
      '{ messages_contains: Paris, last_role: tool, tool_result_contains: "22C", turn: 1, model: "gpt-*" }',
    )
    expect(matcher.match(SECOND)).toBeDefined()
    expect(matcher.match({ ...SECOND, model: 'claude-3' })).toBeUndefined()
    expect(matcher.match(FIRST)).toBeUndefined()
    expect(matcher.explain(SECOND)[0]?.reasons).toEqual([
      'type llm answers /v1/chat/completions',
      'model "gpt-4o" matches "gpt-*"',
      'last user message contains "Paris"',
      'last message is tool (last_role: tool)',
      'turn is 1 (1 assistant turn came before)',
      'latest tool result contains "22C"',
    ])
  })

  it('ends a tool loop: the first rule asks for a tool, the second answers after its result', () => {
    const matcher = createMatcher(
      parseScenario(`version: 1
rules:
  - type: llm
    when: { messages_contains: Paris, has_tool_result: false }
    respond:
      tool_calls: [{ id: call_1, type: function, function: { name: get_weather, arguments: {} } }]
  - type: llm
    when: { last_role: tool }
    respond: { content: It is 22C. }
`),
    )
    expect(matcher.match(FIRST)?.index).toBe(0)
    expect(matcher.match(SECOND)?.index).toBe(1)
    const again: MatchRequest = {
      ...FIRST,
      messages: [SYSTEM, USER, CALL, RESULT, ANSWER, { role: 'user', content: 'Paris tomorrow?' }],
    }
    expect(describeNoMatch(matcher.explain(again), matcher.scenario)).toBe(
      'no rule matched; rules[0] came closest: conversation holds a tool result (the latest answers call "call_1"), the rule wants has_tool_result: false',
    )
  })

  it('sees no conversation in an embeddings request', () => {
    const matcher = single('{ has_tool_result: false, turn: 0 }')
    expect(matcher.explain({ endpoint: CHAT, input: ['a'] })[0]?.matched).toBe(true)
    expect(single('{ last_role: user }').match({ endpoint: CHAT, input: ['a'] })).toBeUndefined()
  })
})

describe('match and explain on the agent-loop conditions', () => {
  const scenario = parseScenario(`version: 1
rules:
  - type: llm
    when: { has_tool_result: false, tools_offered: [a, b] }
    times: 2
    respond: { content: "0" }
  - type: llm
    when: { last_role: tool, tool_call_id: c1, turn: 1 }
    respond: { content: "1" }
  - type: llm
    when: { tool_result_contains: ok, system_contains: sys }
    times: 1
    respond: { content: "2" }
  - type: llm
    when: { last_role: assistant, turn: 2 }
    respond: { content: "3" }
  - type: llm
    when: { turn: 0, last_role: user, has_tool_result: true }
    respond: { content: "4" }
`)
  const message = fc.oneof(
    fc.constant<ChatMessage>({ role: 'user', content: 'hi' }),
    fc.constant<ChatMessage>({ role: 'system', content: 'sys prompt' }),
    fc.constant<ChatMessage>({ role: 'assistant', content: null }),
    fc.constantFrom('c1', 'c2').chain((id) =>
      fc.constantFrom('ok', 'bad').map(
        (content): ChatMessage => ({
          role: 'tool',
          tool_call_id: id,
          content,
        }),
      ),
    ),
  )
  const request = fc.record({
    messages: fc.array(message, { maxLength: 6 }),
    tools: fc.constantFrom(undefined, ['a'], ['b', 'a', 'c']),
  })

  it('agree on every conversation, as counters run out', () => {
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 8 }), (requests) => {
        const matcher = createMatcher(scenario)
        for (const { messages, tools } of requests) {
          const req: MatchRequest = tools
            ? { endpoint: CHAT, model: 'm', messages, tools }
            : { endpoint: CHAT, model: 'm', messages }
          const expected = matcher.explain(req).find((verdict) => verdict.matched)?.index
          expect(matcher.match(req)?.index).toBe(expected)
        }
      }),
      { numRuns: 500 },
    )
  })
})
