import { conversationFacts, createMatcher, parseScenario } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import type { AnthropicErrorBody } from '../errors.js'
import {
  type AnthropicMessagesRequest,
  anthropicInputText,
  anthropicMatchRequest,
  normalizeAnthropicMessages,
  parseAnthropicRequest,
} from './request.js'

const valid: AnthropicMessagesRequest = {
  model: 'claude-sonnet-4-5',
  max_tokens: 64,
  messages: [{ role: 'user', content: 'Hi' }],
}

function errorOf(body: unknown, options?: { countTokens?: boolean }): string | undefined {
  const result = parseAnthropicRequest(body, options)
  if (result.ok) return undefined
  expect(result.error.status).toBe(400)
  return (result.error.body as AnthropicErrorBody).error.message
}

describe('parseAnthropicRequest', () => {
  it('accepts a minimal request and normalizes it for the matcher', () => {
    expect(parseAnthropicRequest({ ...valid, stream: true })).toEqual({
      ok: true,
      params: {
        request: { ...valid, stream: true },
        model: valid.model,
        stream: true,
        body: { ...valid, stream: true },
      },
      match: { endpoint: '/v1/messages', model: valid.model, messages: valid.messages },
    })
  })

  it('answers a malformed body in the Anthropic envelope with the request id', () => {
    const result = parseAnthropicRequest({ model: 'm' }, { requestId: 'req_x' })
    expect(result).toMatchInlineSnapshot(`
      {
        "error": {
          "body": {
            "error": {
              "message": "max_tokens: Field required",
              "type": "invalid_request_error",
            },
            "request_id": "req_x",
            "type": "error",
          },
          "delayMs": 0,
          "headers": {},
          "kind": "error",
          "status": 400,
        },
        "ok": false,
      }
    `)
  })

  it('names the missing or malformed field as the real API does', () => {
    expect(errorOf([])).toBe('body: Input should be an object, got an array')
    expect(errorOf({ ...valid, model: undefined })).toBe('model: Field required')
    expect(errorOf({ ...valid, model: 3 })).toBe('model: Input should be a valid string')
    expect(errorOf({ ...valid, max_tokens: undefined })).toBe('max_tokens: Field required')
    expect(errorOf({ ...valid, max_tokens: 0 })).toBe(
      'max_tokens: Input should be a positive integer',
    )
    expect(errorOf({ ...valid, messages: undefined })).toBe('messages: Field required')
    expect(errorOf({ ...valid, messages: 'hi' })).toBe('messages: Input should be a valid list')
    expect(errorOf({ ...valid, messages: [] })).toBe('messages: at least one message is required')
    expect(errorOf({ ...valid, stream: 'yes' })).toBe('stream: Input should be a valid boolean')
    expect(errorOf({ ...valid, messages: [{ role: 'bot', content: 'x' }] })).toBe(
      "messages.0.role: Input should be 'user' or 'assistant'",
    )
    expect(errorOf({ ...valid, messages: [{ role: 'user' }] })).toBe(
      'messages.0.content: Field required',
    )
    expect(
      errorOf({
        ...valid,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text' }] }],
      }),
    ).toBe('messages.0.content.1.text: Field required')
    expect(
      errorOf({
        ...valid,
        messages: [
          { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: 'x' }] },
        ],
      }),
    ).toBe('messages.0.content.0.input: Input should be a valid dictionary')
    expect(
      errorOf({
        ...valid,
        messages: [{ role: 'user', content: [{ type: 'tool_result', content: 'x' }] }],
      }),
    ).toBe('messages.0.content.0.tool_use_id: Field required')
    expect(errorOf({ ...valid, system: [{ type: 'text' }] })).toBe('system.0.text: Field required')
    expect(errorOf({ ...valid, stop_sequences: [1] })).toBe(
      'stop_sequences: Input should be a valid list of strings',
    )
  })

  it('lets through block types it does not interpret', () => {
    const body = {
      ...valid,
      messages: [
        { role: 'user', content: [{ type: 'document', source: { type: 'text', data: 'x' } }] },
      ],
    }
    expect(parseAnthropicRequest(body).ok).toBe(true)
  })

  it('asks count_tokens for neither max_tokens nor a non-empty list', () => {
    expect(errorOf({ model: 'claude-x', messages: [] }, { countTokens: true })).toBeUndefined()
    expect(errorOf({ messages: [] }, { countTokens: true })).toBe('model: Field required')
  })
})

describe('normalizeAnthropicMessages', () => {
  it('puts system first and joins text blocks by a newline', () => {
    const messages = normalizeAnthropicMessages({
      model: 'm',
      system: [
        { type: 'text', text: 'Be brief.' },
        { type: 'text', text: 'Be kind.' },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AA==' } },
            { type: 'text', text: 'What is this?' },
            { type: 'text', text: 'Be precise.' },
          ],
        },
      ],
    })
    expect(messages).toEqual([
      { role: 'system', content: 'Be brief.\nBe kind.' },
      { role: 'user', content: 'What is this?\nBe precise.' },
    ])
  })

  it('turns tool_use into tool_calls and tool_result into tool messages, as OpenAI sends them', () => {
    const messages = normalizeAnthropicMessages({
      model: 'm',
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Let me look.' },
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              content: [{ type: 'text', text: 'Sunny' }],
            },
          ],
        },
      ],
    })
    expect(messages).toEqual([
      { role: 'user', content: 'Weather in Paris?' },
      {
        role: 'assistant',
        content: 'Let me look.',
        tool_calls: [
          {
            id: 'toolu_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: 'Sunny' },
    ])
  })

  it('keeps user text that follows tool results as a user message after them', () => {
    const messages = normalizeAnthropicMessages({
      model: 'm',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'a', content: '21C' },
            { type: 'text', text: 'And tomorrow?' },
          ],
        },
      ],
    })
    expect(messages).toEqual([
      { role: 'tool', tool_call_id: 'a', content: '21C' },
      { role: 'user', content: 'And tomorrow?' },
    ])
  })
})

describe('anthropicMatchRequest', () => {
  it('carries endpoint, model and the normalized messages', () => {
    expect(anthropicMatchRequest({ ...valid, system: 'S' }, '/v1/messages')).toEqual({
      endpoint: '/v1/messages',
      model: 'claude-sonnet-4-5',
      messages: [
        { role: 'system', content: 'S' },
        { role: 'user', content: 'Hi' },
      ],
    })
  })
})

describe('anthropicInputText', () => {
  it('counts system, messages, tool calls and tool definitions', () => {
    const text = anthropicInputText({
      model: 'm',
      system: 'Sys',
      messages: [
        { role: 'user', content: 'Q' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: { a: 1 } }] },
      ],
      tools: [{ name: 'f', input_schema: { type: 'object' } }],
    })
    expect(text).toBe('Sys Q {"a":1} [{"name":"f","input_schema":{"type":"object"}}]')
  })
})

describe('parseAnthropicRequest for the agent-loop conditions', () => {
  const toolUse = {
    role: 'assistant' as const,
    content: [
      { type: 'text', text: 'Let me look.' },
      { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
    ],
  }
  const toolResult = {
    role: 'user' as const,
    content: [
      { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '22C' }] },
    ],
  }
  const loop: AnthropicMessagesRequest = {
    ...valid,
    system: [{ type: 'text', text: 'You are a weather bot.' }],
    tools: [
      { name: 'get_weather', input_schema: { type: 'object' } },
      { type: 'web_search_20250305', name: 'web_search' },
    ],
    messages: [{ role: 'user', content: 'Weather in Paris?' }, toolUse, toolResult],
  }

  function matchOf(body: AnthropicMessagesRequest) {
    const parsed = parseAnthropicRequest(body)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.body))
    return parsed.match
  }

  it('names every tool offered, client and server, and none when there are none', () => {
    expect(matchOf(loop).tools).toEqual(['get_weather', 'web_search'])
    expect(matchOf(valid)).not.toHaveProperty('tools')
  })

  it('counts a user message of tool_result blocks as a tool result, not as the last user message', () => {
    expect(conversationFacts(matchOf(loop).messages)).toEqual({
      last_role: 'tool',
      has_tool_result: true,
      tool_result: { text: '22C', call_id: 'toolu_1' },
      turn: 1,
      system: 'You are a weather bot.',
    })
  })

  it('counts a user message with text after its tool results as a user message', () => {
    const mixed = {
      role: 'user' as const,
      content: [...toolResult.content, { type: 'text', text: 'And tomorrow?' }],
    }
    const facts = conversationFacts(
      matchOf({ ...loop, messages: [...loop.messages.slice(0, 2), mixed] }).messages,
    )
    expect(facts).toMatchObject({ last_role: 'user', has_tool_result: true, turn: 1 })
  })

  it('ends a tool loop: one rule asks for the tool, the next answers its result', () => {
    const matcher = createMatcher(
      parseScenario(`version: 1
rules:
  - type: llm.anthropic
    when: { messages_contains: Paris, has_tool_result: false }
    respond: { tool_calls: [{ id: toolu_1, function: { name: get_weather, arguments: {} } }] }
  - type: llm.anthropic
    when: { last_role: tool, tool_call_id: toolu_1, tools_offered: [get_weather, web_search] }
    respond: { content: It is 22C. }
`),
    )
    const first = { ...loop, messages: loop.messages.slice(0, 1) }
    expect(matcher.match(matchOf(first))?.index).toBe(0)
    expect(matcher.match(matchOf(loop))?.index).toBe(1)
  })
})
