import { conversationFacts, createMatcher, parseScenario } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { parseChatRequest } from './request.js'

const messages = [{ role: 'user', content: 'hi' }]

function errorOf(body: unknown) {
  const parsed = parseChatRequest(body)
  if (parsed.ok) throw new Error('expected a parse error')
  return parsed.error
}

describe('parseChatRequest', () => {
  it('normalizes a valid body into params and the match request', () => {
    const parsed = parseChatRequest({
      model: 'gpt-4o',
      messages,
      stream: true,
      stream_options: { include_usage: true },
      n: 2,
    })
    expect(parsed).toMatchObject({
      ok: true,
      params: { model: 'gpt-4o', stream: true, include_usage: true, n: 2 },
      match: { endpoint: '/v1/chat/completions', model: 'gpt-4o', messages },
    })
  })

  it('defaults stream, include_usage and n', () => {
    const parsed = parseChatRequest({ model: 'm', messages, n: null, stream: null })
    expect(parsed).toMatchObject({
      ok: true,
      params: { stream: false, include_usage: false, n: 1 },
    })
  })

  it('rejects a missing model with param model', () => {
    expect(errorOf({ messages })).toMatchInlineSnapshot(`
      {
        "body": {
          "error": {
            "code": "missing_required_parameter",
            "message": "you must provide a model parameter",
            "param": "model",
            "type": "invalid_request_error",
          },
        },
        "delayMs": 0,
        "headers": {},
        "kind": "error",
        "status": 400,
      }
    `)
  })

  it.each([
    [null, null, 'Invalid body: expected a JSON object, but got null instead.'],
    [
      { model: 42, messages },
      'model',
      "Invalid type for 'model': expected a string, but got an integer instead.",
    ],
    [{ model: 'm' }, 'messages', "Missing required parameter: 'messages'."],
    [
      { model: 'm', messages: 'hi' },
      'messages',
      "Invalid type for 'messages': expected an array of objects, but got a string instead.",
    ],
    [
      { model: 'm', messages: [] },
      'messages',
      "Invalid value for 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
    ],
    [
      { model: 'm', messages: ['hi'] },
      'messages[0]',
      "Invalid type for 'messages[0]': expected an object, but got a string instead.",
    ],
    [
      { model: 'm', messages: [{ content: 'x' }] },
      'messages[0].role',
      "Missing required parameter: 'messages[0].role'.",
    ],
    [
      { model: 'm', messages: [{ role: 'bot', content: 'x' }] },
      'messages[0].role',
      "Invalid value for 'messages[0].role': 'bot'. Supported values are: 'system', 'developer', 'user', 'assistant', 'tool', 'function'.",
    ],
    [
      { model: 'm', messages: [{ role: 'user', content: 3 }] },
      'messages[0].content',
      "Invalid type for 'messages[0].content': expected one of a string or an array of objects, but got an integer instead.",
    ],
    [
      { model: 'm', messages: [{ role: 'user', content: [1] }] },
      'messages[0].content[0]',
      "Invalid type for 'messages[0].content[0]': expected an object, but got an integer instead.",
    ],
    [
      { model: 'm', messages, stream: 'yes' },
      'stream',
      "Invalid type for 'stream': expected a boolean, but got a string instead.",
    ],
    [
      { model: 'm', messages, n: 0 },
      'n',
      "Invalid value for 'n': expected a value greater than or equal to 1, but got 0 instead.",
    ],
    [
      { model: 'm', messages, n: 1.5 },
      'n',
      "Invalid type for 'n': expected an integer, but got a decimal instead.",
    ],
    [
      { model: 'm', messages, stream_options: 1 },
      'stream_options',
      "Invalid type for 'stream_options': expected an object, but got an integer instead.",
    ],
    [
      { model: 'm', messages, stream_options: { include_usage: 'y' } },
      'stream_options.include_usage',
      "Invalid type for 'stream_options.include_usage': expected a boolean, but got a string instead.",
    ],
  ])('rejects %j naming %s', (body, param, message) => {
    const error = errorOf(body)
    expect(error.status).toBe(400)
    expect(error.body).toMatchObject({ error: { type: 'invalid_request_error', param, message } })
  })
})

describe('parseChatRequest for the agent-loop conditions', () => {
  const weather = { type: 'function', function: { name: 'get_weather', parameters: {} } }
  const call = {
    role: 'assistant',
    content: null,
    tool_calls: [
      { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
    ],
  }
  const loop = [
    { role: 'developer', content: 'You are a weather bot.' },
    { role: 'user', content: 'Weather in Paris?' },
    call,
    { role: 'tool', tool_call_id: 'call_1', content: '22C' },
  ]

  function matchOf(body: Record<string, unknown>) {
    const parsed = parseChatRequest({ model: 'gpt-4o', ...body })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.body))
    return parsed.match
  }

  it('names the tools offered: function and custom tools, and the deprecated functions', () => {
    const tools = [weather, { type: 'custom', custom: { name: 'grammar' } }]
    expect(matchOf({ messages, tools }).tools).toEqual(['get_weather', 'grammar'])
    expect(matchOf({ messages, functions: [{ name: 'legacy' }] }).tools).toEqual(['legacy'])
    expect(matchOf({ messages })).not.toHaveProperty('tools')
  })

  it('leaves messages as sent and sees the tool result in them', () => {
    const match = matchOf({ messages: loop, tools: [weather] })
    expect(match.messages).toBe(loop)
    expect(conversationFacts(match.messages)).toEqual({
      last_role: 'tool',
      has_tool_result: true,
      tool_result: { text: '22C', call_id: 'call_1' },
      turn: 1,
      system: 'You are a weather bot.',
    })
  })

  it('ends a tool loop: one rule asks for the tool, the next answers its result', () => {
    const matcher = createMatcher(
      parseScenario(`version: 1
rules:
  - type: llm
    when: { has_tool_result: false, tools_offered: get_weather, system_contains: weather bot }
    respond: { tool_calls: [{ id: call_1, function: { name: get_weather, arguments: {} } }] }
  - type: llm
    when: { last_role: tool, tool_result_contains: 22C, turn: 1 }
    respond: { content: It is 22C. }
`),
    )
    expect(matcher.match(matchOf({ messages: loop.slice(0, 2), tools: [weather] }))?.index).toBe(0)
    expect(matcher.match(matchOf({ messages: loop, tools: [weather] }))?.index).toBe(1)
    expect(matcher.match(matchOf({ messages: loop.slice(0, 2) }))).toBeUndefined()
  })
})
