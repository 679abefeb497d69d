import { readFileSync } from 'node:fs'
import { fixedClock } from '@mocktopus/responders'
import { parseScenario, ScenarioError } from '@mocktopus/scenario'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createStubClient } from './client.js'
import {
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  MockAPIError,
  NoMatchingRuleError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors.js'
import { MockStream } from './stream.js'

const SCENARIO = readFileSync(new URL('../../e2e/fixtures/support.yaml', import.meta.url), 'utf8')
const NOW = 1_700_000_000

const ask = (content: string, model = 'gpt-4o') => ({
  model,
  messages: [{ role: 'user' as const, content }],
})

function stub() {
  return createStubClient(SCENARIO, { fixedTime: NOW })
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

async function caught(promise: Promise<unknown>): Promise<MockAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof MockAPIError)) throw new Error(`expected a MockAPIError, got ${error}`)
  return error
}

afterEach(() => {
  vi.useRealTimers()
})

describe('createStubClient: chat.completions.create', () => {
  it('returns the completion the server would send', async () => {
    const completion = await stub().chat.completions.create(ask('hello there'))
    expect(completion).toMatchObject({
      object: 'chat.completion',
      created: NOW,
      model: 'gpt-4o',
      system_fingerprint: 'fp_mocktopus',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello! How can I help?', refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 },
    })
    expect(completion.id).toMatch(/^chatcmpl-/)
  })

  it('carries the x-request-id as a non-enumerable _request_id, as the SDK does', async () => {
    const completion = await stub().chat.completions.create(ask('hello there'))
    expect(completion._request_id).toMatch(/^req_/)
    expect(Object.keys(completion)).not.toContain('_request_id')
    const embedding = await stub().embeddings.create({
      model: 'text-embedding-3-small',
      input: 'a',
    })
    expect(embedding._request_id).toMatch(/^req_/)
  })

  it('accepts a parsed Scenario as well as YAML text', async () => {
    const client = createStubClient(parseScenario(SCENARIO))
    const completion = await client.chat.completions.create(ask('hello'))
    expect(completion.choices[0]?.message.content).toBe('Hello! How can I help?')
    expect(client.scenario.rules).toHaveLength(13)
  })

  it('throws ScenarioError for invalid YAML, naming the source', () => {
    expect(() =>
      createStubClient('version: 1\nrules:\n  - type: llm.openai\n    when: { modle: x }\n', {
        source: 'unit.yaml',
      }),
    ).toThrow(ScenarioError)
    expect(() => createStubClient('version: 1\nrules: [{ type: nope }]\n')).toThrow(/^stub:/m)
  })

  it('gives the same ids for the same requests in a fresh client', async () => {
    const a = await stub().chat.completions.create(ask('hello'))
    const b = await stub().chat.completions.create(ask('hello'))
    expect(b).toEqual(a)
  })

  it('streams chunk objects that add up to the content', async () => {
    const stream = await stub().chat.completions.create({ ...ask('hello'), stream: true })
    expect(stream).toBeInstanceOf(MockStream)
    const chunks = await collect(stream)
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '', refusal: null })
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')
    expect(text).toBe('Hello! How can I help?')
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop')
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1)
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.created === NOW)).toBe(
      true,
    )
  })

  it('sends a usage chunk when stream_options.include_usage is set', async () => {
    const stream = await stub().chat.completions.create({
      ...ask('hello'),
      stream: true,
      stream_options: { include_usage: true },
    })
    const last = (await collect(stream)).at(-1)
    expect(last?.choices).toEqual([])
    expect(last?.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 6 })
  })

  it('returns tool calls, streamed and not', async () => {
    const completion = await stub().chat.completions.create(ask('weather in Paris?'))
    expect(completion.choices[0]).toMatchObject({
      message: {
        content: null,
        tool_calls: [
          {
            id: 'call_weather_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city": "Paris"}' },
          },
        ],
      },
      finish_reason: 'tool_calls',
    })
    const stream = await stub().chat.completions.create({ ...ask('weather?'), stream: true })
    const deltas = (await collect(stream)).flatMap((c) => c.choices[0]?.delta.tool_calls ?? [])
    expect(deltas[0]).toMatchObject({ index: 0, id: 'call_weather_1', type: 'function' })
    expect(deltas.map((d) => d.function.arguments).join('')).toBe('{"city": "Paris"}')
  })

  it('counts times and restores them on reset()', async () => {
    const client = stub()
    await client.chat.completions.create(ask('limited'))
    await client.chat.completions.create(ask('limited'))
    const third = await caught(client.chat.completions.create(ask('limited')))
    expect(third).toBeInstanceOf(NoMatchingRuleError)
    const verdict = (third as NoMatchingRuleError).verdicts[2]
    expect(verdict?.reasons.join(' ')).toContain('used up')
    client.reset()
    const again = await client.chat.completions.create(ask('limited'))
    expect(again.choices[0]?.message.content).toBe('limited answer')
  })
})

describe('createStubClient: errors', () => {
  it('throws each error rule as the SDK class for its status, with its fields', async () => {
    const client = stub()
    const cases = [
      ['rate limit', RateLimitError, 429, 'rate_limit_error', 'rate_limit_exceeded'],
      ['auth', AuthenticationError, 401, 'authentication_error', 'invalid_api_key'],
      ['invalid', BadRequestError, 400, 'invalid_request_error', null],
      ['timeout', InternalServerError, 504, 'timeout_error', null],
      ['server', InternalServerError, 500, 'server_error', null],
      ['filter', UnprocessableEntityError, 422, 'invalid_request_error', 'content_filtered'],
      ['forbidden', PermissionDeniedError, 403, 'authentication_error', 'invalid_api_key'],
    ] as const
    for (const [prompt, cls, status, type, code] of cases) {
      const error = await caught(client.chat.completions.create(ask(prompt)))
      expect(error, prompt).toBeInstanceOf(cls)
      expect(error.status).toBe(status)
      expect(error.type).toBe(type)
      expect(error.code).toBe(code)
      expect(error.body).toEqual({ error: error.error })
    }
  })

  it('carries headers, param and the message', async () => {
    const limited = await caught(stub().chat.completions.create(ask('rate limit')))
    expect(limited.headers.get('retry-after')).toBe('7')
    const invalid = await caught(stub().chat.completions.create(ask('invalid')))
    expect(invalid.param).toBe('model')
    expect(invalid.message).toBe("400 The model 'gpt-5' does not exist")
  })

  it('throws an error rule even for stream: true', async () => {
    const error = await caught(stub().chat.completions.create({ ...ask('auth'), stream: true }))
    expect(error).toBeInstanceOf(AuthenticationError)
  })

  it('throws NoMatchingRuleError naming the closest rule and why', async () => {
    const client = createStubClient(`
version: 1
rules:
  - type: llm.openai
    when: { model: "gpt-4*", messages_contains: "hello" }
    respond: { content: hi }
`)
    const error = await caught(client.chat.completions.create(ask('hello', 'gpt-3.5-turbo')))
    expect(error).toBeInstanceOf(NoMatchingRuleError)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.status).toBe(404)
    expect(error.code).toBe('no_matching_rule')
    expect(error.message).toBe(
      '404 no rule matched; rules[0] came closest: model "gpt-3.5-turbo" does not match "gpt-4*"',
    )
    expect((error as NoMatchingRuleError).verdicts).toHaveLength(1)
  })

  it('rejects a malformed request as the server does, naming the field', async () => {
    const client = stub()
    const noMessages = await caught(
      client.chat.completions.create({ model: 'gpt-4o' } as unknown as ReturnType<typeof ask>),
    )
    expect(noMessages).toBeInstanceOf(BadRequestError)
    expect(noMessages.param).toBe('messages')
    const badRole = await caught(
      client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'robot' }] }),
    )
    expect(badRole.param).toBe('messages[0].role')
  })
})

describe('createStubClient: delays', () => {
  it('skips delay_ms, chunk delays and the timeout wait by default', async () => {
    const sleeps: number[] = []
    const clock = { now: () => NOW * 1000, sleep: async (ms: number) => void sleeps.push(ms) }
    const recorded = createStubClient(SCENARIO, { clock })
    await collect(await recorded.chat.completions.create({ ...ask('slow'), stream: true }))
    await caught(recorded.chat.completions.create(ask('timeout')))
    // The injected clock sees every wait the server would make: the first byte, between the
    // four chunks (role, two words, finish), and the timeout rule's default 30 s...
    expect(sleeps).toEqual([250, 50, 50, 50, 30_000])
    // ...and the default client makes none of them, or this test would take 30 s.
    const client = stub()
    await collect(await client.chat.completions.create({ ...ask('slow'), stream: true }))
    await caught(client.chat.completions.create(ask('timeout')))
  })

  it('waits delay_ms with realtime: true', async () => {
    vi.useFakeTimers()
    const client = createStubClient(SCENARIO, { realtime: true })
    let settled = false
    const pending = client.chat.completions.create(ask('slow')).then((c) => {
      settled = true
      return c
    })
    await vi.advanceTimersByTimeAsync(249)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(settled).toBe(true)
    expect((await pending).choices[0]?.message.content).toBe('slow answer')
  })

  it('spaces chunks by chunk_delay_ms with realtime: true, and abort cuts a wait short', async () => {
    vi.useFakeTimers()
    const client = createStubClient(SCENARIO, { realtime: true })
    const pending = client.chat.completions.create({ ...ask('slow'), stream: true })
    await vi.advanceTimersByTimeAsync(250)
    const stream = await pending
    const iterator = stream[Symbol.asyncIterator]()
    await iterator.next()
    let second = false
    const next = iterator.next().then((r) => {
      second = true
      return r
    })
    await vi.advanceTimersByTimeAsync(49)
    expect(second).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect((await next).done).toBe(false)
    let ended = false
    const third = iterator.next().then((r) => {
      ended = r.done === true
    })
    stream.controller.abort()
    await vi.advanceTimersByTimeAsync(0)
    await third
    expect(ended).toBe(true)
  })
})

describe('createStubClient: the signal option', () => {
  it('rejects at once, without using a rule, when the signal is already aborted', async () => {
    const client = stub()
    const controller = new AbortController()
    controller.abort()
    await expect(
      client.chat.completions.create(ask('limited'), { signal: controller.signal }),
    ).rejects.toThrow(APIUserAbortError)
    expect(client.requests()).toEqual([])
    await client.chat.completions.create(ask('limited'))
    await client.chat.completions.create(ask('limited'))
  })

  it('rejects a call waiting out delay_ms when the signal aborts', async () => {
    vi.useFakeTimers()
    const client = createStubClient(SCENARIO, { realtime: true })
    const controller = new AbortController()
    const pending = client.chat.completions.create(ask('slow'), { signal: controller.signal })
    const outcome = pending.then(
      () => 'answered',
      (e: unknown) => e,
    )
    await vi.advanceTimersByTimeAsync(100)
    controller.abort()
    const error = await outcome
    expect(error).toBeInstanceOf(APIUserAbortError)
    expect((error as Error).message).toBe('Request was aborted.')
  })

  it('accepts the SDK request options it does not need', async () => {
    const completion = await stub().chat.completions.create(ask('hello'), {
      timeout: 1000,
      maxRetries: 0,
      headers: { 'x-test': '1' },
    })
    expect(completion.choices[0]?.message.content).toBe('Hello! How can I help?')
  })

  it('ends a stream when the signal aborts', async () => {
    const controller = new AbortController()
    const stream = await stub().chat.completions.create(
      { ...ask('hello'), stream: true },
      { signal: controller.signal },
    )
    const seen: unknown[] = []
    for await (const chunk of stream) {
      seen.push(chunk)
      controller.abort()
    }
    expect(seen).toHaveLength(1)
    expect(stream.controller.signal.aborted).toBe(true)
  })
})

describe('createStubClient: requests()', () => {
  it('lists every call with its rule and status, and reset() clears it', async () => {
    const client = stub()
    await client.chat.completions.create(ask('hello'))
    await caught(client.chat.completions.create(ask('rate limit')))
    await caught(client.chat.completions.create(ask('nothing here', 'gpt-3.5-turbo')))
    await client.embeddings.create({ model: 'text-embedding-3-small', input: 'x' })
    expect(client.requests()).toEqual([
      {
        method: 'POST',
        path: '/v1/chat/completions',
        endpoint: '/v1/chat/completions',
        model: 'gpt-4o',
        body: ask('hello'),
        ruleIndex: 0,
        status: 200,
        durationMs: expect.any(Number),
        time: '2023-11-14T22:13:20.000Z',
        mocked: true,
        stream: false,
        usage: { input_tokens: 5, output_tokens: 6 },
      },
      expect.objectContaining({ ruleIndex: 4, status: 429 }),
      expect.objectContaining({ ruleIndex: null, status: 404, mocked: false }),
      expect.objectContaining({ path: '/v1/embeddings', ruleIndex: 12, status: 200 }),
    ])
    client.reset()
    expect(client.requests()).toEqual([])
  })

  it('keeps a large body truncated, within the journal bounds', async () => {
    const client = createStubClient(SCENARIO, { journal: { bodyBytes: 1024, bytes: 4096 } })
    const long = 'hello '.repeat(2000)
    for (let i = 0; i < 10; i++) await client.chat.completions.create(ask(long))
    const requests = client.requests()
    // Each kept body weighs 1 KiB plus a fixed overhead: 2 fit in 4 KiB.
    expect(requests.length).toBe(2)
    for (const request of requests) {
      expect(request).toMatchObject({ truncated: true, ruleIndex: 0 })
      expect(typeof request.body).toBe('string')
      expect((request.bodyBytes ?? 0) > 12_000).toBe(true)
    }
  })

  it('keeps at most journalSize calls', async () => {
    const client = createStubClient(SCENARIO, { journalSize: 2 })
    for (const word of ['hello', 'weather', 'hello']) {
      await client.chat.completions.create(ask(word))
    }
    expect(client.requests().map((r) => r.ruleIndex)).toEqual([1, 0])
  })
})

describe('createStubClient: embeddings.create', () => {
  it('returns float vectors as the SDK decodes them, unless base64 is asked for', async () => {
    const client = stub()
    const floats = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'a' })
    expect(floats).toMatchObject({ object: 'list', model: 'text-embedding-3-small' })
    expect(floats.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 })
    const vector = floats.data[0]?.embedding ?? []
    expect(vector).toHaveLength(1536)
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5)
    const base64 = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'a',
      encoding_format: 'base64',
    })
    expect(typeof base64.data[0]?.embedding).toBe('string')
    const float = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'a',
      encoding_format: 'float',
    })
    expect(Array.from(new Float32Array(float.data[0]?.embedding ?? []))).toEqual(vector)
  })

  it('returns pinned vectors at float32 precision, one per input', async () => {
    const result = await stub().embeddings.create({
      model: 'text-embedding-3-small',
      input: ['pinned one', 'pinned two'],
    })
    const expected = Array.from(new Float32Array([0.1, 0.2, 0.3]))
    expect(result.data.map((d) => d.embedding)).toEqual([expected, expected])
    expect(result.data.map((d) => d.index)).toEqual([0, 1])
  })
})

describe('createStubClient: responses.create', () => {
  it('returns the response object with output_text, as the SDK does', async () => {
    const response = await stub().responses.create({ model: 'gpt-4o', input: 'hello' })
    expect(response).toMatchObject({
      object: 'response',
      status: 'completed',
      model: 'gpt-4o',
      created_at: NOW,
      output_text: 'Hello! How can I help?',
    })
    expect(response.id).toMatch(/^resp_/)
  })

  it('streams typed events ending in response.completed', async () => {
    const stream = await stub().responses.create({ model: 'gpt-4o', input: 'hello', stream: true })
    const events = await collect(stream)
    expect(events[0]?.type).toBe('response.created')
    expect(events.at(-1)?.type).toBe('response.completed')
    const deltas = events.filter((e) => e.type === 'response.output_text.delta')
    expect(deltas.map((e) => (e as { delta?: string }).delta).join('')).toBe(
      'Hello! How can I help?',
    )
  })

  it('continues a conversation with previous_response_id until reset()', async () => {
    const client = stub()
    const first = await client.responses.create({ model: 'gpt-4o', input: 'weather?' })
    const follow = await client.responses.create({
      model: 'gpt-4o',
      input: 'hello',
      previous_response_id: first.id,
    })
    expect(follow.output_text).toBe('Hello! How can I help?')
    client.reset()
    const gone = await caught(
      client.responses.create({ model: 'gpt-4o', input: 'hello', previous_response_id: first.id }),
    )
    expect(gone.status).toBe(400)
    expect(gone.param).toBe('previous_response_id')
  })
})

describe('createStubClient: responses.retrieve and responses.delete', () => {
  it('retrieve a stored response and delete it, journaling both', async () => {
    const client = stub()
    const created = await client.responses.create({ model: 'gpt-4o', input: 'hello' })
    const retrieved = await client.responses.retrieve(created.id)
    expect(retrieved).toEqual(created)
    expect(retrieved.output_text).toBe('Hello! How can I help?')
    await client.responses.delete(created.id)
    const gone = await caught(client.responses.retrieve(created.id))
    expect(gone).toBeInstanceOf(NotFoundError)
    expect(gone.message).toContain(created.id)
    expect(await caught(client.responses.delete(created.id))).toBeInstanceOf(NotFoundError)
    expect(
      client.requests().map((r) => [r.method, r.path.replace(created.id, ':id'), r.status]),
    ).toEqual([
      ['POST', '/v1/responses', 200],
      ['GET', '/v1/responses/:id', 200],
      ['DELETE', '/v1/responses/:id', 200],
      ['GET', '/v1/responses/:id', 404],
      ['DELETE', '/v1/responses/:id', 404],
    ])
  })
})

describe('createStubClient: fixed clocks', () => {
  it('uses an injected clock for created', async () => {
    const client = createStubClient(SCENARIO, { clock: fixedClock(42, { instant: true }) })
    expect((await client.chat.completions.create(ask('hello'))).created).toBe(42)
  })
})
