import {
  encodeFloat32Base64,
  parseChatRequest,
  parseEmbeddingsRequest,
} from '@mocktopus/responders'
import {
  createMatcher,
  createScenario,
  ENDPOINTS,
  type MatchRequest,
  respondTemplate,
} from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { literalGlob, recordedRule, recordingKey, redactText } from './to-rule.js'

function chatMatch(body: Record<string, unknown>): MatchRequest {
  const parsed = parseChatRequest(body)
  if (!parsed.ok) throw new Error('invalid chat request')
  return parsed.match
}

const CHAT_REQUEST = {
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
  ],
}

const COMPLETION = {
  id: 'chatcmpl-abc',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o-mini-2024-07-18',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hello.', refusal: null },
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
}

describe('recordedRule', () => {
  it('matches exactly the recorded request and holds the answer', () => {
    const result = recordedRule({
      endpoint: '/v1/chat/completions',
      match: chatMatch(CHAT_REQUEST),
      status: 200,
      body: COMPLETION,
    })
    expect(result).toEqual({
      ok: true,
      rule: {
        type: 'llm.openai',
        when: {
          endpoint: '/v1/chat/completions',
          model: 'gpt-4o-mini',
          conversation: [
            { role: 'system', content: 'You are terse.' },
            { role: 'user', content: 'Hi' },
          ],
        },
        respond: {
          content: 'Hello.',
          finish_reason: 'stop',
          usage: { input_tokens: 9, output_tokens: 2, total_tokens: 11 },
          id: 'chatcmpl-abc',
        },
      },
    })
  })

  it('gives a rule the scenario accepts and that matches only its own request', () => {
    const result = recordedRule({
      endpoint: '/v1/chat/completions',
      match: chatMatch(CHAT_REQUEST),
      status: 200,
      body: COMPLETION,
    })
    if (!result.ok) throw new Error(result.reason)
    const matcher = createMatcher(createScenario({ version: 1, rules: [result.rule] }))
    expect(matcher.match(chatMatch(CHAT_REQUEST))?.index).toBe(0)
    const other = { ...CHAT_REQUEST, messages: [{ role: 'user', content: 'Hi' }] }
    expect(matcher.match(chatMatch(other))).toBeUndefined()
    expect(matcher.match(chatMatch({ ...CHAT_REQUEST, model: 'gpt-4o' }))).toBeUndefined()
    expect(matcher.match({ ...chatMatch(CHAT_REQUEST), endpoint: '/v1/responses' })).toBeUndefined()
  })

  it('keeps tool calls and leaves out a null content', () => {
    const result = recordedRule({
      endpoint: '/v1/chat/completions',
      match: chatMatch(CHAT_REQUEST),
      status: 200,
      body: {
        choices: [
          {
            message: {
              role: 'assistant',
              content: null,
              tool_calls: [
                { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
              ],
            },
            finish_reason: 'tool_calls',
          },
        ],
      },
    })
    expect(result.ok && result.rule.respond).toEqual({
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
      ],
      finish_reason: 'tool_calls',
    })
  })

  it('records text holding {{ so that replay sends it as it came', () => {
    const code = 'Use {{ user.name }} in the template, or {{{ raw }}}.'
    const args = '{"template": "{{ greeting }}", "{{ key }}": 1}'
    const result = recordedRule({
      endpoint: '/v1/chat/completions',
      match: chatMatch(CHAT_REQUEST),
      status: 200,
      body: {
        choices: [
          {
            message: {
              role: 'assistant',
              content: code,
              tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: args } }],
            },
            finish_reason: 'tool_calls',
          },
        ],
      },
    })
    if (!result.ok) throw new Error(result.reason)
    // A placeholder name like user.name would fail validation if it were read as one.
    const rule = createScenario({ version: 1, rules: [result.rule] }).rules[0]
    const values = { lastUserMessage: () => 'x', toolResult: () => 'x', model: () => 'x', body: {} }
    const sent = respondTemplate(rule?.respond ?? {})?.render(values)
    expect(sent?.content).toBe(code)
    expect(sent?.tool_calls?.[0]?.function.arguments).toBe(args)
  })

  it('decodes base64 embeddings and keeps their order', () => {
    const parsed = parseEmbeddingsRequest({ model: 'text-embedding-3-small', input: ['b', 'a'] })
    if (!parsed.ok) throw new Error('invalid')
    const result = recordedRule({
      endpoint: '/v1/embeddings',
      match: parsed.match,
      status: 200,
      body: {
        object: 'list',
        data: [
          { object: 'embedding', index: 1, embedding: encodeFloat32Base64([0.5, -1]) },
          { object: 'embedding', index: 0, embedding: [0.25, 2] },
        ],
        usage: { prompt_tokens: 2, total_tokens: 2 },
      },
    })
    expect(result).toEqual({
      ok: true,
      rule: {
        type: 'embeddings',
        when: { endpoint: '/v1/embeddings', model: 'text-embedding-3-small', input: ['b', 'a'] },
        respond: {
          embeddings: [{ embedding: [0.25, 2] }, { embedding: [0.5, -1] }],
          usage: { input_tokens: 2, total_tokens: 2 },
        },
      },
    })
  })

  it('records an upstream error with its status, code and Retry-After', () => {
    const result = recordedRule({
      endpoint: '/v1/chat/completions',
      match: chatMatch(CHAT_REQUEST),
      status: 429,
      headers: new Headers({ 'retry-after': '7' }),
      body: {
        error: {
          message: 'Rate limit reached',
          type: 'rate_limit_error',
          param: null,
          code: 'rate_limit_exceeded',
        },
      },
    })
    expect(result.ok && result.rule.error).toEqual({
      error_type: 'rate_limit',
      status_code: 429,
      message: 'Rate limit reached',
      code: 'rate_limit_exceeded',
      retry_after: 7,
    })
  })

  it('replays a timeout at once and an Anthropic error with its status', () => {
    const timeout = recordedRule({
      endpoint: '/v1/chat/completions',
      match: chatMatch(CHAT_REQUEST),
      status: 504,
      body: { error: { message: 'Gateway timeout' } },
    })
    expect(timeout.ok && timeout.rule.error).toMatchObject({
      error_type: 'timeout',
      status_code: 504,
      delay_ms: 0,
    })
    const overloaded = recordedRule({
      endpoint: '/v1/messages',
      match: { endpoint: '/v1/messages', model: 'claude', messages: [] },
      status: 529,
      body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    })
    expect(overloaded.ok && overloaded.rule).toMatchObject({
      type: 'llm.anthropic',
      error: { error_type: 'server_error', status_code: 529, message: 'Overloaded' },
    })
  })

  it('blanks out credentials, even a masked key quoted in an error message', () => {
    const key = 'sk-proj-abcdefghijklmnop1234'
    const result = recordedRule({
      endpoint: '/v1/chat/completions',
      match: chatMatch({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: `my key is ${key}` }],
      }),
      status: 401,
      body: {
        error: {
          message: 'Incorrect API key provided: sk-proj-****1234.',
          code: 'invalid_api_key',
        },
      },
      secrets: [key],
    })
    const text = JSON.stringify(result)
    expect(text).not.toContain(key)
    expect(text).not.toContain('****1234')
    expect(result.ok && result.rule.error?.message).toBe(
      'Incorrect API key provided: sk-[REDACTED]',
    )
  })

  it('declines endpoints and bodies it cannot replay', () => {
    const match = chatMatch(CHAT_REQUEST)
    expect(recordedRule({ endpoint: '/v1/models', match, status: 200, body: {} })).toEqual({
      ok: false,
      reason: '/v1/models is not a recordable endpoint',
    })
    expect(
      recordedRule({ endpoint: '/v1/chat/completions', match, status: 200, body: 'text' }),
    ).toEqual({ ok: false, reason: 'the 200 answer is not a JSON object' })
  })
})

describe('literalGlob', () => {
  it('escapes glob characters so the model matches only itself', () => {
    const glob = literalGlob('org/model[v2]*')
    const rule = { type: 'llm', when: { model: glob }, respond: { content: 'x' } }
    const matcher = createMatcher(createScenario({ version: 1, rules: [rule] }))
    const request = (model: string) => ({ endpoint: '/v1/chat/completions', model, messages: [] })
    expect(matcher.match(request('org/model[v2]*'))).toBeDefined()
    expect(matcher.match(request('org/model2'))).toBeUndefined()
  })
})

describe('recordingKey', () => {
  it('ignores key order', () => {
    expect(recordingKey({ type: 'llm', when: { model: 'a', endpoint: '/b' } })).toBe(
      recordingKey({ type: 'llm', when: { endpoint: '/b', model: 'a' } }),
    )
  })
})

describe('redactText', () => {
  it('blanks given secrets and key-shaped words', () => {
    expect(redactText('token abcd1234 and sk-ant-api03-xyz', ['abcd1234'])).toBe(
      'token [REDACTED] and sk-[REDACTED]',
    )
  })
})

describe('recordedRule with the directory settings', () => {
  const match = {
    endpoint: ENDPOINTS.chatCompletions,
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Hi alice' }],
  }
  const completion = (choices: unknown[]) => ({
    id: 'chatcmpl-1',
    choices,
    usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
  })
  const choice = (index: number, content: string, finish = 'stop') => ({
    index,
    message: { role: 'assistant', content },
    finish_reason: finish,
  })

  it('writes tools, params and the timing', () => {
    const result = recordedRule({
      endpoint: ENDPOINTS.chatCompletions,
      match,
      status: 200,
      body: completion([choice(0, 'Hello')]),
      tools: ['get_weather'],
      params: { temperature: 0.2 },
      timing: { delayMs: 12.4, ttftMs: 30.6, chunkDelayMs: 4.5 },
    })
    if (!result.ok) throw new Error(result.reason)
    expect(result.rule.when).toMatchObject({ tools: ['get_weather'], params: { temperature: 0.2 } })
    expect(result.rule.respond).toMatchObject({ delay_ms: 12, ttft_ms: 31, chunk_delay_ms: 5 })
  })

  it('writes each gap of a stream, but not a list of 0s', () => {
    const timed = (gapsMs: number[]) => {
      const result = recordedRule({
        endpoint: ENDPOINTS.chatCompletions,
        match,
        status: 200,
        body: completion([choice(0, 'Hello')]),
        timing: { delayMs: 1, ttftMs: 2, chunkDelayMs: 1, gapsMs },
      })
      if (!result.ok) throw new Error(result.reason)
      return result.rule.respond
    }
    expect(timed([0, 4012, 1])?.chunk_delays_ms).toEqual([0, 4012, 1])
    expect(timed([0, 0, 0])?.chunk_delays_ms).toBeUndefined()
    expect(timed([700_000])?.chunk_delays_ms).toEqual([600_000])
  })

  it('keeps a wait longer than a rule takes as the longest it takes', () => {
    const result = recordedRule({
      endpoint: ENDPOINTS.chatCompletions,
      match,
      status: 200,
      body: completion([choice(0, 'Slow')]),
      timing: { delayMs: 700_000 },
    })
    if (!result.ok) throw new Error(result.reason)
    expect(result.rule.respond?.delay_ms).toBe(600_000)
  })

  it('keeps every choice of an n > 1 answer, in index order', () => {
    const result = recordedRule({
      endpoint: ENDPOINTS.chatCompletions,
      match,
      status: 200,
      body: completion([choice(1, 'Two', 'length'), choice(0, 'One')]),
    })
    if (!result.ok) throw new Error(result.reason)
    expect(result.rule.respond).toMatchObject({
      content: 'One',
      choices: [
        { content: 'One', finish_reason: 'stop' },
        { content: 'Two', finish_reason: 'length' },
      ],
    })
  })

  it('blanks redacted values everywhere, a short one where it is a whole value', () => {
    const result = recordedRule({
      endpoint: ENDPOINTS.chatCompletions,
      match,
      status: 200,
      body: completion([choice(0, 'Hello alice, id 42')]),
      params: { seed: 42 },
      redacted: ['alice', '42'],
    })
    if (!result.ok) throw new Error(result.reason)
    const text = JSON.stringify(result.rule)
    expect(text).not.toContain('alice')
    expect(result.rule.when.params).toEqual({ seed: '[REDACTED]' })
    expect(result.rule.respond?.content).toBe('Hello [REDACTED], id 42')
  })
})
