/**
 * The parity table: one scenario, and the requests every transport must answer alike. A case is
 * a few steps sent in order to a fresh instance; a step that is an SDK call also says how to
 * make it through the stub client.
 */
import type { MocktopusOptions } from '@mocktopus/server'
import type { StubClient } from '@mocktopus/stub'
import { expect } from 'vitest'
import { type Answer, headerOf, jsonOf, type Sent, textOf } from './transports.js'

export const SCENARIO = `
version: 1
rules:
  - type: llm.openai
    when: { messages_contains: weather }
    respond: { content: "Sunny, 21 \\"degrees\\" \u00e9t\u00e9 \u2603", usage: { input_tokens: 7 } }
  - type: llm.openai
    when: { messages_contains: tools }
    respond:
      content: "Checking two things."
      tool_calls:
        - id: call_weather
          type: function
          function: { name: get_weather, arguments: '{"city":"Lisbon"}' }
        - function: { name: get_time, arguments: { zone: UTC } }
      chunk_size: 6
  - type: llm.openai
    when: { messages_contains: busy }
    error: { error_type: rate_limit, message: "Slow down", retry_after: 3 }
  - type: llm.openai
    when: { messages_contains: later }
    respond: { content: "late but here", delay_ms: 30 }
  - type: llm.openai
    when: { messages_contains: drip }
    respond: { content: "drip drip drip drip drip", chunk_size: 5, chunk_delay_ms: 100 }
  - type: llm.anthropic
    when: { messages_contains: crowded }
    error: { error_type: rate_limit, retry_after: 2 }
  - type: llm.anthropic
    respond: { content: "Bonjour from Claude, \u00e7a va?", chunk_size: 8, usage: { input_tokens: 9 } }
  - type: embeddings
    respond: {}
  - type: llm
    when: { model: "text-davinci-*" }
    respond: { content: "completed" }
  - type: llm.ollama
    respond: { content: "Ollama says \u00e9t\u00e9 \u2603", chunk_size: 5 }
  - type: llm.gemini
    respond: { content: "Gemini says \u00e9t\u00e9 \u2603", chunk_size: 5 }
`

/** One request of a case, its expected status, and the stub call it mirrors if it is one. */
export interface Step {
  /** The request; a function of the earlier answers when it needs an id from them. */
  readonly sent: Sent | ((prior: readonly Answer[]) => Sent)
  readonly status: number
  /** More that must hold of the answer (on every transport), so equal is not vacuous. */
  readonly check?: (answer: Answer) => void
  /**
   * The status `mock.fetch` answers instead: it is in process, so it skips the Host and Origin
   * checks by design (`AppOptions.inProcess`); its answer and journal are then not compared.
   */
  readonly inProcess?: number
  /** The same call through the stub; `prior` are the app's answers to the earlier steps. */
  readonly stub?: (stub: StubClient, prior: readonly Answer[]) => Promise<unknown>
}

export interface Case {
  readonly name: string
  readonly options?: Omit<MocktopusOptions, 'scenario' | 'fixedTime'>
  readonly steps: readonly Step[]
}

export const ANTHROPIC_VERSION = { 'anthropic-version': '2023-06-01' }

const GEMINI_BODY = { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }

const chat = (content: string, extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content }],
  ...extra,
})

const claude = (content: string, extra: Record<string, unknown> = {}) => ({
  model: 'claude-sonnet-5-5',
  max_tokens: 64,
  messages: [{ role: 'user', content }],
  ...extra,
})

/** A JSON POST. */
export const post = (path: string, body: unknown, headers?: Record<string, string>): Sent => ({
  path,
  body: JSON.stringify(body),
  ...(headers ? { headers } : {}),
})

/** The chat request that answers 200 on every instance of the scenario. */
export const CHAT: Sent = post('/v1/chat/completions', chat('weather in Lisbon?'))

/** A chat stream slow enough to leave after its first chunk. */
export const SLOW_STREAM: Sent = post(
  '/v1/chat/completions',
  chat('drip', { stream: true, stream_options: { include_usage: true } }),
)

const isStream = (answer: Answer) => {
  expect(headerOf(answer, 'content-type')).toBe('text/event-stream; charset=utf-8')
}

const openaiError = (code: string, type?: string) => (answer: Answer) => {
  const { error } = jsonOf(answer) as { error: { code: string; type: string } }
  expect(error.code).toBe(code)
  if (type) expect(error.type).toBe(type)
}

const anthropicError = (type: string) => (answer: Answer) => {
  expect(jsonOf(answer)).toMatchObject({ type: 'error', error: { type } })
  expect(headerOf(answer, 'request-id')).toMatch(/^req_/)
}

const responseIdOf = (prior: readonly Answer[]) => {
  const first = prior[0]
  if (!first) throw new Error('the Responses case begins with a create')
  return (jsonOf(first) as { id: string }).id
}

const CHAT_STREAM = chat('use tools', { stream: true, stream_options: { include_usage: true } })
const EMBED_FLOAT = {
  model: 'text-embedding-3-small',
  input: ['a', 'b'],
  encoding_format: 'float' as const,
}
const EMBED_BASE64 = {
  model: 'text-embedding-3-small',
  input: 'a',
  encoding_format: 'base64' as const,
  dimensions: 8,
}
const RESPONSE = { model: 'gpt-4o', input: 'weather today?' }
const NO_RULE = { model: 'claude-x', messages: [{ role: 'user', content: 'nothing' }] }
const ORIGIN = 'http://localhost:3000'
const EVIL = 'https://evil.example'
const PREFLIGHT: Sent = {
  method: 'OPTIONS',
  path: '/v1/chat/completions',
  headers: {
    origin: ORIGIN,
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'content-type,authorization',
  },
}
// The hint names the root the client reached, so every transport is sent the same Host.
const SAME_HOST = 'localhost:8080'
const hintsAtBaseURL = (endpoint: string) => (answer: Answer) => {
  expect(textOf(answer)).toContain(`Did you mean POST ${endpoint}?`)
  expect(textOf(answer)).toContain("Check the client's base URL")
  expect(textOf(answer)).toContain(`(http://${SAME_HOST}/v1)`)
}

export const CASES: readonly Case[] = [
  {
    name: 'a chat completion',
    steps: [
      {
        sent: CHAT,
        status: 200,
        check: (answer) => expect(textOf(answer)).toContain('\u00e9t\u00e9 \u2603'),
        stub: (stub) => stub.chat.completions.create(chat('weather in Lisbon?')),
      },
    ],
  },
  {
    name: 'a chat stream with tool calls and include_usage',
    steps: [
      {
        sent: post('/v1/chat/completions', CHAT_STREAM),
        status: 200,
        check: (answer) => {
          isStream(answer)
          expect(textOf(answer)).toContain('"tool_calls"')
          expect(textOf(answer)).toContain('"usage":{')
          expect(textOf(answer).endsWith('data: [DONE]\n\n')).toBe(true)
        },
        stub: (stub) => stub.chat.completions.create(CHAT_STREAM),
      },
    ],
  },
  {
    name: 'an Ollama chat as NDJSON lines, then as one object',
    steps: [
      {
        sent: post('/api/chat', { model: 'llama3.2', messages: [{ role: 'user', content: 'hi' }] }),
        status: 200,
        check: (answer) => {
          expect(headerOf(answer, 'content-type')).toBe('application/x-ndjson')
          const lines = textOf(answer).split('\n')
          expect(lines.at(-1)).toBe('')
          expect(JSON.parse(lines.at(-2) ?? '')).toMatchObject({ done: true, done_reason: 'stop' })
        },
      },
      {
        sent: post('/api/chat', {
          model: 'llama3.2',
          messages: [{ role: 'user', content: 'hi' }],
          stream: false,
        }),
        status: 200,
        check: (answer) => expect(textOf(answer)).toContain('"done":true'),
      },
    ],
  },
  {
    name: 'a Gemini generateContent, then its alt=sse stream',
    steps: [
      {
        sent: post('/v1beta/models/gemini-2.5-flash:generateContent', GEMINI_BODY),
        status: 200,
        check: (answer) =>
          expect(jsonOf(answer)).toMatchObject({ modelVersion: 'gemini-2.5-flash' }),
      },
      {
        sent: post('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse', GEMINI_BODY),
        status: 200,
        check: (answer) => {
          expect(headerOf(answer, 'content-type')).toMatch(/^text\/event-stream/)
          expect(textOf(answer).endsWith('\r\n\r\n')).toBe(true)
          expect(textOf(answer)).toContain('"finishReason":"STOP"')
        },
      },
    ],
  },
  {
    name: 'embeddings as floats',
    steps: [
      {
        sent: post('/v1/embeddings', EMBED_FLOAT),
        status: 200,
        stub: (stub) => stub.embeddings.create(EMBED_FLOAT),
      },
    ],
  },
  {
    name: 'embeddings as base64',
    steps: [
      {
        sent: post('/v1/embeddings', EMBED_BASE64),
        status: 200,
        check: (answer) => expect(textOf(answer)).toMatch(/"embedding":"[A-Za-z0-9+/=]+"/),
        stub: (stub) => stub.embeddings.create(EMBED_BASE64),
      },
    ],
  },
  {
    name: 'a Responses API answer created, retrieved, deleted and then missing',
    steps: [
      {
        sent: post('/v1/responses', RESPONSE),
        status: 200,
        stub: (stub) => stub.responses.create(RESPONSE),
      },
      {
        sent: (prior) => ({ method: 'GET', path: `/v1/responses/${responseIdOf(prior)}` }),
        status: 200,
        stub: (stub, prior) => stub.responses.retrieve(responseIdOf(prior)),
      },
      {
        sent: (prior) => ({ method: 'DELETE', path: `/v1/responses/${responseIdOf(prior)}` }),
        status: 200,
        check: (answer) => expect(jsonOf(answer)).toMatchObject({ deleted: true }),
        stub: (stub, prior) => stub.responses.delete(responseIdOf(prior)),
      },
      {
        sent: (prior) => ({ method: 'GET', path: `/v1/responses/${responseIdOf(prior)}` }),
        status: 404,
        stub: (stub, prior) => stub.responses.retrieve(responseIdOf(prior)),
      },
    ],
  },
  {
    name: 'a legacy completion',
    steps: [
      {
        sent: post('/v1/completions', { model: 'text-davinci-003', prompt: 'Say hi' }),
        status: 200,
        check: (answer) => expect(jsonOf(answer)).toMatchObject({ object: 'text_completion' }),
      },
    ],
  },
  {
    name: 'an Anthropic message',
    steps: [
      {
        sent: post('/v1/messages', claude('hello'), ANTHROPIC_VERSION),
        status: 200,
        check: (answer) => expect(jsonOf(answer)).toMatchObject({ type: 'message' }),
      },
    ],
  },
  {
    name: 'an Anthropic message stream',
    steps: [
      {
        sent: post('/v1/messages', claude('hello', { stream: true }), ANTHROPIC_VERSION),
        status: 200,
        check: (answer) => {
          isStream(answer)
          expect(textOf(answer)).toContain('event: message_stop')
        },
      },
    ],
  },
  {
    name: 'an Anthropic token count',
    steps: [
      {
        sent: post(
          '/v1/messages/count_tokens',
          { model: 'claude-sonnet-5-5', messages: [{ role: 'user', content: 'hello' }] },
          ANTHROPIC_VERSION,
        ),
        status: 200,
        check: (answer) => expect(jsonOf(answer)).toHaveProperty('input_tokens'),
      },
    ],
  },
  {
    name: 'the OpenAI model list',
    steps: [
      {
        sent: { method: 'GET', path: '/v1/models' },
        status: 200,
        check: (answer) => expect(jsonOf(answer)).toMatchObject({ object: 'list' }),
      },
    ],
  },
  {
    name: 'the Anthropic model list (anthropic-version sent)',
    steps: [
      {
        sent: { method: 'GET', path: '/v1/models', headers: ANTHROPIC_VERSION },
        status: 200,
        check: (answer) => expect(jsonOf(answer)).toHaveProperty('has_more'),
      },
    ],
  },
  {
    name: 'an OpenAI error rule (429 with retry-after)',
    steps: [
      {
        sent: post('/v1/chat/completions', chat('busy?')),
        status: 429,
        check: (answer) => {
          expect(headerOf(answer, 'retry-after')).toBe('3')
          openaiError('rate_limit_exceeded')(answer)
        },
        stub: (stub) => stub.chat.completions.create(chat('busy?')),
      },
    ],
  },
  {
    name: 'an Anthropic error rule (429 with retry-after)',
    steps: [
      {
        sent: post('/v1/messages', claude('crowded?'), ANTHROPIC_VERSION),
        status: 429,
        check: (answer) => {
          expect(headerOf(answer, 'retry-after')).toBe('2')
          anthropicError('rate_limit_error')(answer)
        },
      },
    ],
  },
  {
    name: 'JSON that does not parse (400), both providers',
    steps: [
      { sent: { path: '/v1/chat/completions', body: '{"model":' }, status: 400 },
      {
        sent: { path: '/v1/messages', body: '{"model":', headers: ANTHROPIC_VERSION },
        status: 400,
        check: anthropicError('invalid_request_error'),
      },
    ],
  },
  {
    name: 'no matching rule (404)',
    steps: [
      {
        sent: post('/v1/chat/completions', NO_RULE),
        status: 404,
        check: openaiError('no_matching_rule'),
        stub: (stub) => stub.chat.completions.create(NO_RULE),
      },
    ],
  },
  {
    name: 'an answer after delay_ms',
    steps: [
      {
        sent: post('/v1/chat/completions', chat('later please')),
        status: 200,
        check: (answer) => expect(textOf(answer)).toContain('late but here'),
        stub: (stub) => stub.chat.completions.create(chat('later please')),
      },
    ],
  },
  {
    name: 'a CORS preflight',
    steps: [
      {
        sent: PREFLIGHT,
        status: 204,
        check: (answer) => {
          expect(headerOf(answer, 'access-control-allow-origin')).toBe('*')
          expect(headerOf(answer, 'access-control-allow-headers')).toBe(
            'content-type,authorization',
          )
          expect(answer.body).toBe('')
        },
      },
    ],
  },
  {
    name: 'custom CORS expose headers',
    options: { cors: { exposeHeaders: ['x-a', 'x-b'] } },
    steps: [
      {
        sent: { ...CHAT, headers: { origin: ORIGIN } },
        status: 200,
        check: (answer) =>
          expect(headerOf(answer, 'access-control-expose-headers')).toBe('x-a,x-b'),
      },
      { sent: PREFLIGHT, status: 204 },
    ],
  },
  {
    name: 'CORS for listed origins only, with credentials',
    options: { cors: { origin: [ORIGIN], credentials: true, maxAge: 600 } },
    steps: [
      {
        sent: { ...CHAT, headers: { origin: ORIGIN } },
        status: 200,
        check: (answer) => {
          expect(headerOf(answer, 'access-control-allow-origin')).toBe(ORIGIN)
          expect(headerOf(answer, 'access-control-allow-credentials')).toBe('true')
          expect(headerOf(answer, 'vary')).toBe('Origin')
        },
      },
      {
        sent: { ...CHAT, headers: { origin: 'http://elsewhere.test' } },
        status: 200,
        check: (answer) => expect(headerOf(answer, 'access-control-allow-origin')).toBeUndefined(),
      },
      {
        sent: PREFLIGHT,
        status: 204,
        check: (answer) => expect(headerOf(answer, 'access-control-max-age')).toBe('600'),
      },
    ],
  },
  {
    name: 'CORS turned off',
    options: { cors: false },
    steps: [
      {
        sent: { ...CHAT, headers: { origin: ORIGIN } },
        status: 200,
        check: (answer) => expect(answer.headers.join('\n')).not.toContain('access-control-'),
      },
      { sent: PREFLIGHT, status: 405 },
    ],
  },
  {
    name: 'an auth token: refused without it, in each provider envelope, accepted with it',
    options: { authToken: 's3cret' },
    steps: [
      { sent: CHAT, status: 401, check: openaiError('invalid_api_key') },
      {
        sent: { ...CHAT, headers: { authorization: 'Bearer wrong' } },
        status: 401,
        check: openaiError('invalid_api_key'),
      },
      { sent: { ...CHAT, headers: { authorization: 'Bearer s3cret' } }, status: 200 },
      {
        sent: post('/v1/messages', claude('hello'), ANTHROPIC_VERSION),
        status: 401,
        check: anthropicError('authentication_error'),
      },
      {
        sent: post('/v1/messages', claude('hello'), {
          ...ANTHROPIC_VERSION,
          'x-api-key': 's3cret',
        }),
        status: 200,
      },
      { sent: { method: 'GET', path: '/health' }, status: 200 },
    ],
  },
  {
    name: 'an unknown path (404) and a wrong method (405 with allow)',
    steps: [
      {
        sent: { method: 'GET', path: '/v1/nope' },
        status: 404,
        check: openaiError('unknown_url'),
      },
      {
        sent: { method: 'GET', path: '/v1/chat/completions' },
        status: 405,
        check: (answer) => expect(headerOf(answer, 'allow')).toBe('POST'),
      },
      {
        sent: { method: 'OPTIONS', path: '/v1/chat/completions' },
        status: 405,
        check: (answer) => expect(headerOf(answer, 'allow')).toBe('POST'),
      },
      {
        sent: { method: 'HEAD', path: '/v1/models' },
        status: 405,
        check: (answer) => expect(answer.body).toBe(''),
      },
      {
        sent: { method: 'PUT', path: '/v1/messages', headers: ANTHROPIC_VERSION, body: '{}' },
        status: 405,
        check: (answer) => {
          expect(headerOf(answer, 'allow')).toBe('POST')
          expect(jsonOf(answer)).toMatchObject({ type: 'error' })
        },
      },
    ],
  },
  {
    name: 'a wrong base URL (404, not 405, with a hint in the right envelope)',
    steps: [
      {
        sent: { ...post('/v1/v1/messages', claude('hello')), host: SAME_HOST },
        status: 404,
        check: (answer) => {
          expect(jsonOf(answer)).toMatchObject({ type: 'error' })
          hintsAtBaseURL('/v1/messages')(answer)
        },
      },
      {
        sent: { ...post('/foo/v1/chat/completions', chat('weather')), host: SAME_HOST },
        status: 404,
        check: (answer) => {
          openaiError('unknown_url')(answer)
          hintsAtBaseURL('/v1/chat/completions')(answer)
        },
      },
    ],
  },
  {
    name: 'a Host not this machine (DNS rebinding) and another site on the admin routes (403)',
    steps: [
      {
        sent: { method: 'GET', path: '/v1/models', host: 'rebind.evil.example' },
        status: 403,
        inProcess: 200,
        check: openaiError('invalid_host'),
      },
      {
        sent: { method: 'GET', path: '/_mocktopus/requests', headers: { origin: EVIL } },
        status: 403,
        inProcess: 200,
        check: (answer) => {
          openaiError('forbidden_origin')(answer)
          expect(headerOf(answer, 'access-control-allow-origin')).toBeUndefined()
        },
      },
      {
        sent: {
          ...PREFLIGHT,
          path: '/_mocktopus/reset',
          headers: { ...PREFLIGHT.headers, origin: EVIL },
        },
        status: 403,
        inProcess: 405,
      },
      { sent: { method: 'GET', path: '/v1/models', host: 'localhost:8080' }, status: 200 },
    ],
  },
  {
    name: 'a wrong base URL for the model list (404 in the envelope of the SDK that sent it)',
    steps: [
      {
        sent: { method: 'GET', path: '/openai/v1/models', host: SAME_HOST },
        status: 404,
        check: (answer) => {
          openaiError('unknown_url')(answer)
          expect(textOf(answer)).toContain('Did you mean GET /v1/models?')
        },
      },
      {
        sent: { method: 'GET', path: '/v1/v1/models', headers: ANTHROPIC_VERSION, host: SAME_HOST },
        status: 404,
        check: anthropicError('not_found_error'),
      },
    ],
  },
  {
    name: 'percent-encoded paths (journal path, and the path an error message names)',
    steps: [
      {
        sent: { method: 'GET', path: '/v1/models/gpt%2D4o-mini' },
        status: 200,
        check: (answer) => expect(jsonOf(answer)).toMatchObject({ id: 'gpt-4o-mini' }),
      },
      { sent: { method: 'GET', path: '/v1/nope%20x' }, status: 404 },
    ],
  },
  {
    name: 'bodies the transports read differently: query string, bad bytes, wrong type, too big, empty',
    options: { bodyLimit: 1024 },
    steps: [
      { sent: { ...CHAT, path: '/v1/chat/completions?trace=1' }, status: 200 },
      {
        sent: { ...CHAT, headers: { 'content-type': 'Application/JSON; charset=utf-8' } },
        status: 200,
      },
      {
        sent: {
          path: '/v1/chat/completions',
          body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]),
        },
        status: 400,
      },
      {
        sent: {
          path: '/v1/chat/completions',
          headers: { 'content-type': 'text/csv' },
          body: 'a,b',
        },
        status: 400,
        check: openaiError('unsupported_content_type'),
      },
      { sent: post('/v1/chat/completions', chat('x'.repeat(2000))), status: 413 },
      { sent: { path: '/v1/chat/completions', body: '' }, status: 400 },
    ],
  },
]
