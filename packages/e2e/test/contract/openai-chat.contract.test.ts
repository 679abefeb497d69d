import { fixedClock } from '@mocktopus/responders'
import { createMocktopus, type Mocktopus } from '@mocktopus/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { openaiErrors, openaiSchema } from '../../src/contracts.js'

// Every body and every stream chunk the chat, embeddings, models and error paths can produce,
// validated against the official OpenAI spec through the real app (in process).
const SCENARIO = `
version: 1
rules:
  - type: llm.openai
    when: { messages_contains: "refuse" }
    respond: { refusal: "I can't help with that.", chunk_size: 6 }
  - type: llm.openai
    when: { messages_contains: "structured" }
    respond: {}
  - type: llm.openai
    when: { messages_contains: "tools" }
    respond:
      tool_calls:
        - type: function
          function: { name: get_weather, arguments: '{"location": "Paris"}' }
        - id: call_2
          type: function
          function: { name: web_search, arguments: '{"query": "news"}' }
  - type: llm.openai
    when: { messages_contains: "both" }
    respond:
      content: "Let me check."
      tool_calls:
        - type: function
          function: { name: get_weather, arguments: '{}' }
  - type: llm.openai
    when: { messages_contains: "length" }
    respond: { content: "Cut", finish_reason: length }
  - type: llm.openai
    when: { messages_contains: "filtered answer" }
    respond: { content: "", finish_reason: content_filter }
  - type: llm.openai
    when: { messages_contains: "empty" }
    respond: {}
  - type: llm.openai
    when: { messages_contains: "rate" }
    error: { error_type: rate_limit }
  - type: llm.openai
    when: { messages_contains: "auth" }
    error: { error_type: authentication }
  - type: llm.openai
    when: { messages_contains: "invalid" }
    error: { error_type: invalid_request, param: messages }
  - type: llm.openai
    when: { messages_contains: "timeout" }
    error: { error_type: timeout }
  - type: llm.openai
    when: { messages_contains: "content filter" }
    error: { error_type: content_filter }
  - type: llm.openai
    when: { messages_contains: "server" }
    error: { error_type: server_error, status_code: 503 }
  - type: llm.openai
    when: { model: "gpt-4*" }
    respond:
      content: "Hello! How can I assist you today? 😀"
      chunk_size: 5
  - type: embeddings
    when: { messages_contains: "pinned" }
    respond: { embeddings: [{ embedding: [0.5, 0.5] }] }
  - type: embeddings
    respond: { usage: { input_tokens: 3 } }
`

let mock: Mocktopus
beforeAll(async () => {
  mock = await createMocktopus({
    scenario: SCENARIO,
    clock: fixedClock(1_700_000_000, { instant: true }),
  })
  // Parsing the 3 MB spec is slow; do it once, outside any single test's timeout.
  openaiSchema('CreateChatCompletionResponse')
}, 60_000)

function post(path: string, body: unknown): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return mock.fetch(`http://mocktopus.local${path}`, { method: 'POST', body: text })
}

const chat = (content: string, extra: Record<string, unknown> = {}) =>
  post('/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content }], ...extra })

function sseChunks(text: string): unknown[] {
  const frames = text.split('\n\n').filter(Boolean)
  expect(frames.at(-1)).toBe('data: [DONE]')
  return frames.slice(0, -1).map((frame) => {
    expect(frame.startsWith('data: ')).toBe(true)
    return JSON.parse(frame.slice('data: '.length))
  })
}

function decodeFloat32(base64: string): number[] {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const view = new DataView(bytes.buffer)
  return Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(i * 4, true))
}

const ANSWERS = ['hello', 'use tools', 'both please', 'length', 'filtered answer', 'empty']
const VARIANTS: Record<string, Record<string, unknown>> = {
  plain: {},
  'n = 2': { n: 2 },
}

describe('chat completions against the spec', () => {
  for (const content of ANSWERS) {
    for (const [variant, extra] of Object.entries(VARIANTS)) {
      it(`"${content}" (${variant}) is a valid CreateChatCompletionResponse`, async () => {
        const res = await chat(content, extra)
        expect(res.status).toBe(200)
        expect(openaiErrors('CreateChatCompletionResponse', await res.json())).toEqual([])
      })

      it(`"${content}" (${variant}) streams valid chunks, with and without usage`, async () => {
        for (const stream_options of [undefined, { include_usage: true }]) {
          const res = await chat(content, { ...extra, stream: true, stream_options })
          expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
          const chunks = sseChunks(await res.text())
          expect(chunks.length).toBeGreaterThan(1)
          for (const [i, chunk] of chunks.entries()) {
            expect([i, openaiErrors('CreateChatCompletionStreamResponse', chunk)]).toEqual([i, []])
          }
        }
      })
    }
  }
})

const PERSON = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer' },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['name', 'age', 'tags'],
  additionalProperties: false,
}
const STRUCTURED: Record<string, [string, Record<string, unknown>]> = {
  refusal: ['refuse please', {}],
  'response_format json_schema': [
    'structured',
    { response_format: { type: 'json_schema', json_schema: { name: 'person', schema: PERSON } } },
  ],
  'response_format json_object': ['structured', { response_format: { type: 'json_object' } }],
  'forced tool': [
    'structured',
    {
      tools: [{ type: 'function', function: { name: 'save', parameters: PERSON } }],
      tool_choice: { type: 'function', function: { name: 'save' } },
    },
  ],
}

describe('refusals and structured outputs against the spec', () => {
  for (const [name, [content, extra]] of Object.entries(STRUCTURED)) {
    it(`${name} is a valid CreateChatCompletionResponse`, async () => {
      const res = await chat(content, extra)
      expect(res.status).toBe(200)
      expect(openaiErrors('CreateChatCompletionResponse', await res.json())).toEqual([])
    })

    it(`${name} streams valid chunks`, async () => {
      const res = await chat(content, { ...extra, stream: true })
      const chunks = sseChunks(await res.text())
      for (const [i, chunk] of chunks.entries()) {
        expect([i, openaiErrors('CreateChatCompletionStreamResponse', chunk)]).toEqual([i, []])
      }
    })
  }
})

describe('errors against the spec', () => {
  const cases: [string, () => Promise<Response>, number][] = [
    ['rate limit', () => chat('rate'), 429],
    ['authentication', () => chat('auth'), 401],
    ['invalid request', () => chat('invalid'), 400],
    ['timeout', () => chat('timeout'), 504],
    ['content filter', () => chat('content filter'), 400],
    ['server error', () => chat('server', { stream: true }), 503],
    ['no matching rule', () => chat('hi', { model: 'claude-3' }), 404],
    ['invalid JSON', () => post('/v1/chat/completions', '{nope'), 400],
    ['body not an object', () => post('/v1/chat/completions', '[]'), 400],
    ['missing model', () => post('/v1/chat/completions', { messages: [] }), 400],
    ['messages not a list', () => post('/v1/chat/completions', { model: 'm', messages: {} }), 400],
    ['bad embeddings input', () => post('/v1/embeddings', { model: 'm', input: {} }), 400],
    ['unknown path', () => post('/v1/nothing', {}), 404],
    ['wrong method', () => mock.fetch('http://mocktopus.local/v1/chat/completions'), 405],
    [
      'unknown model',
      async () => (await createMocktopus()).fetch('http://mocktopus.local/v1/models/nope'),
      404,
    ],
  ]
  for (const [name, send, status] of cases) {
    it(`${name} answers ${status} with a valid ErrorResponse`, async () => {
      const res = await send()
      expect(res.status).toBe(status)
      expect(res.headers.get('content-type')).toBe('application/json')
      expect(openaiErrors('ErrorResponse', await res.json())).toEqual([])
    })
  }

  it('an oversized body answers 413 with a valid ErrorResponse', async () => {
    const small = await createMocktopus({ scenario: SCENARIO, bodyLimit: 64 })
    const res = await small.fetch('http://mocktopus.local/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'x'.repeat(100) }],
      }),
    })
    expect(res.status).toBe(413)
    expect(openaiErrors('ErrorResponse', await res.json())).toEqual([])
  })
})

describe('embeddings and models against the spec', () => {
  const inputs: unknown[] = ['hello', ['a', 'b'], [1, 2, 3], [[1], [2, 3]], 'pinned']
  for (const input of inputs) {
    for (const encoding_format of ['float', 'base64']) {
      it(`input ${JSON.stringify(input)} as ${encoding_format} is a valid CreateEmbeddingResponse`, async () => {
        const res = await post('/v1/embeddings', {
          model: 'text-embedding-3-small',
          input,
          encoding_format,
        })
        expect(res.status).toBe(200)
        const body = await res.json()
        // The spec types `embedding` as numbers only, though the API sends base64 as a string
        // (and the SDK asks for it); check the string decodes, then validate the floats.
        if (encoding_format === 'base64') {
          for (const item of body.data) {
            expect(typeof item.embedding).toBe('string')
            item.embedding = decodeFloat32(item.embedding)
          }
        }
        expect(openaiErrors('CreateEmbeddingResponse', body)).toEqual([])
      })
    }
  }

  it('the model list is a valid ListModelsResponse and each model a valid Model', async () => {
    const list = await (await mock.fetch('http://mocktopus.local/v1/models')).json()
    expect(openaiErrors('ListModelsResponse', list)).toEqual([])
    const one = await (await mock.fetch('http://mocktopus.local/v1/models/gpt-4o')).json()
    expect(openaiErrors('Model', one)).toEqual([])
  })
})
