import { encodeSSE } from '@mocktopus/responders'
import { MocktopusError } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { createMocktopus, type Mocktopus } from '../mocktopus.js'
import { heldText } from '../text-response.js'
import type { ForwardInfo } from './hooks.js'
import { createUpstreamProxy, type SkipInfo, type UpstreamProxyOptions } from './proxy.js'
import type { UpstreamRequest } from './upstream.js'

const KEY = 'sk-client-0123456789abcdef'
const encoder = new TextEncoder()

// A body that sends `parts` and then breaks, as a connection dropped mid-answer does.
function cutBody(parts: readonly string[]): ReadableStream<Uint8Array> {
  let next = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts[next++]
      if (part === undefined) controller.error(new TypeError('terminated'))
      else controller.enqueue(encoder.encode(part))
    },
  })
}

// A body that sends `parts` and then nothing, ever.
function stalledBody(parts: readonly string[]): ReadableStream<Uint8Array> {
  let next = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts[next++]
      if (part !== undefined) controller.enqueue(encoder.encode(part))
      else return new Promise<void>(() => {})
    },
  })
}

interface Setup {
  readonly mock: Mocktopus
  readonly skipped: SkipInfo[]
  readonly recorded: unknown[]
  readonly idle: () => Promise<void>
}

async function setup(
  fetch: (request: Request) => Promise<Response>,
  options: UpstreamProxyOptions = {},
): Promise<Setup> {
  const skipped: SkipInfo[] = []
  const recorded: unknown[] = []
  const proxy = createUpstreamProxy({
    fetch,
    onSkip: (info) => skipped.push(info),
    onRecord: ({ rule }) => {
      recorded.push(rule)
    },
    ...options,
  })
  const mock = await createMocktopus({
    mode: 'record',
    recording: { forwardAll: true, forward: proxy.forward },
  })
  return { mock, skipped, recorded, idle: () => proxy.idle() }
}

function chat(extra: Record<string, unknown> = {}, signal?: AbortSignal): Request {
  return new Request('http://mocktopus.local/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      ...extra,
    }),
    ...(signal ? { signal } : {}),
  })
}

function messages(extra: Record<string, unknown> = {}): Request {
  return new Request('http://mocktopus.local/v1/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': KEY },
    body: JSON.stringify({
      model: 'claude-sonnet-4-5',
      max_tokens: 5,
      messages: [{ role: 'user', content: 'hi' }],
      ...extra,
    }),
  })
}

const chunk = (content: string, finish: string | null = null) => ({
  id: 'chatcmpl-up',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, delta: { content }, finish_reason: finish }],
})

describe('createUpstreamProxy', () => {
  it('hands each call to `send` as plain data, reading the client without its Request', async () => {
    const sent: UpstreamRequest[] = []
    const proxy = createUpstreamProxy({
      upstream: 'https://upstream.test/v1',
      onSkip: () => {},
      send: async (request) => {
        sent.push(request)
        return new Response('{"object":"list","data":[]}', {
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        })
      },
    })
    // The pipeline's `client` is all the proxy reads: its Web `Request` is never built.
    const answers: Response[] = []
    const forward = (info: ForwardInfo) =>
      proxy
        .forward(
          Object.create(info, {
            request: {
              get() {
                throw new Error('the proxy read the Request')
              },
            },
          }) as ForwardInfo,
        )
        .then((answer) => {
          answers.push(answer)
          return answer
        })
    const mock = await createMocktopus({ mode: 'record', recording: { forwardAll: true, forward } })
    const response = await mock.fetch(
      new Request('http://mocktopus.local/v1/chat/completions?trace=1', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: '{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}',
      }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(sent).toHaveLength(1)
    const [request] = sent
    expect(request).not.toBeInstanceOf(Request)
    expect(request?.url).toBe('https://upstream.test/v1/chat/completions?trace=1')
    expect(request?.method).toBe('POST')
    expect(request?.body).toBe('{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}')
    expect({ ...request?.headers }).toEqual({
      'content-type': 'application/json',
      authorization: `Bearer ${KEY}`,
    })
    expect(request?.signal).toBeInstanceOf(AbortSignal)
    // The JSON answer is passed on as the text it was read as, for the Node server's one write.
    expect(heldText(answers[0] as Response)).toBe('{"object":"list","data":[]}')
  })

  it("answers 502 upstream_error in the provider's envelope when the upstream cuts its answer", async () => {
    const { mock, skipped, recorded } = await setup(async () => {
      return new Response(cutBody(['{"id":"chatcmpl-up","obj']), {
        headers: { 'content-type': 'application/json' },
      })
    })
    const openai = await mock.fetch(chat())
    expect(openai.status).toBe(502)
    expect(await openai.json()).toEqual({
      error: {
        message:
          '[mocktopus] the upstream https://api.openai.com cut its answer short (terminated)',
        type: 'server_error',
        param: null,
        code: 'upstream_error',
      },
    })
    const anthropic = await mock.fetch(messages())
    expect(anthropic.status).toBe(502)
    expect(await anthropic.json()).toMatchObject({
      type: 'error',
      error: {
        type: 'api_error',
        message:
          '[mocktopus] the upstream https://api.anthropic.com cut its answer short (terminated)',
      },
    })
    expect(skipped).toEqual([
      {
        endpoint: '/v1/chat/completions',
        kind: 'upstream',
        reason:
          'the upstream https://api.openai.com cut its answer short (terminated); the client got 502',
        stack: expect.stringContaining('TypeError: terminated'),
      },
      expect.objectContaining({ endpoint: '/v1/messages', kind: 'upstream' }),
    ])
    expect(recorded).toEqual([])
  })

  it('answers 502 when a 2xx body is not JSON, naming what came instead', async () => {
    const page = '<html><head><title>Bad Gateway</title></head><body>nginx</body></html>'
    const { mock, skipped } = await setup(
      async () => new Response(page, { headers: { 'content-type': 'text/html' } }),
    )
    const response = await mock.fetch(chat())
    expect(response.status).toBe(502)
    const { error } = (await response.json()) as { error: { message: string; code: string } }
    expect(error.code).toBe('upstream_error')
    expect(error.message).toBe(
      '[mocktopus] the upstream https://api.openai.com answered 200 with a body that is not JSON (text/html, "<html><head><title>Bad Gateway</title></head><body>nginx</bo..."); check --upstream',
    )
    expect(skipped).toHaveLength(1)
  })

  it('passes an error status with a body that is not JSON through, and records it', async () => {
    const { mock, recorded } = await setup(
      async () => new Response('upstream overloaded', { status: 503 }),
    )
    const response = await mock.fetch(chat())
    expect(response.status).toBe(503)
    expect(await response.text()).toBe('upstream overloaded')
    expect(recorded).toHaveLength(1)
  })

  it('answers 504 upstream_timeout when the upstream sends no headers in time', async () => {
    let signal: AbortSignal | undefined
    // A `fetch` that ignores its signal still ends on time.
    const { mock, skipped } = await setup(
      (request) => {
        signal = request.signal
        return new Promise<Response>(() => {})
      },
      { upstreamTimeoutMs: 50 },
    )
    const started = Date.now()
    const response = await mock.fetch(messages())
    expect(Date.now() - started).toBeLessThan(1000)
    expect(response.status).toBe(504)
    expect(await response.json()).toEqual({
      type: 'error',
      error: {
        type: 'timeout_error',
        message:
          '[mocktopus] the upstream https://api.anthropic.com sent no answer within 50 ms; check the upstream, or raise --upstream-timeout',
      },
      request_id: null,
    })
    expect(signal?.aborted).toBe(true)
    expect(skipped).toEqual([
      {
        endpoint: '/v1/messages',
        kind: 'upstream',
        reason:
          'the upstream https://api.anthropic.com sent no answer within 50 ms; check the upstream, or raise --upstream-timeout; the client got 504',
      },
    ])
  })

  it('answers 504 when the upstream goes silent in the middle of a JSON answer', async () => {
    const { mock } = await setup(
      async () =>
        new Response(stalledBody(['{"id":']), { headers: { 'content-type': 'application/json' } }),
      { upstreamTimeoutMs: 50 },
    )
    const response = await mock.fetch(chat())
    expect(response.status).toBe(504)
    expect(await response.json()).toMatchObject({ error: { code: 'upstream_timeout' } })
  })

  it('ends a stream the upstream cuts with an error event after the last whole event', async () => {
    const { mock, skipped, recorded, idle } = await setup(async () => {
      const first = encodeSSE({ data: chunk('Hello') })
      return new Response(cutBody([first, 'data: {"id":"chat']), {
        headers: { 'content-type': 'text/event-stream' },
      })
    })
    const response = await mock.fetch(chat({ stream: true }))
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toBe(
      `${encodeSSE({ data: chunk('Hello') })}data: {"error":{"message":"[mocktopus] the upstream https://api.openai.com cut the stream short (terminated)","type":"server_error","param":null,"code":"upstream_error"}}\n\n`,
    )
    await idle()
    expect(skipped).toEqual([
      expect.objectContaining({
        kind: 'upstream',
        reason:
          "the upstream https://api.openai.com cut the stream short (terminated); the client's stream was ended with an error event",
      }),
    ])
    expect(recorded).toEqual([])
  })

  it("ends an Anthropic stream that goes silent with the provider's error event", async () => {
    const start = encodeSSE({
      event: 'message_start',
      data: { type: 'message_start', message: { id: 'msg_1', usage: { input_tokens: 1 } } },
    })
    const { mock, skipped } = await setup(
      async () =>
        new Response(stalledBody([start]), { headers: { 'content-type': 'text/event-stream' } }),
      { upstreamTimeoutMs: 50 },
    )
    const text = await (await mock.fetch(messages({ stream: true }))).text()
    expect(text).toBe(
      `${start}event: error\ndata: {"type":"error","error":{"type":"timeout_error","message":"[mocktopus] the upstream https://api.anthropic.com went silent for 50 ms in the middle of the stream (--upstream-timeout)"},"request_id":null}\n\n`,
    )
    expect(skipped).toHaveLength(1)
    expect(skipped[0]?.stack).toBeUndefined()
  })

  it("relays an Ollama stream line by line, and ends one cut short with Ollama's error line", async () => {
    const line = (content: string, done = false) =>
      `${JSON.stringify({ model: 'llama3.2', message: { role: 'assistant', content }, done })}\n`
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let cut = false
    const { mock, skipped, recorded, idle } = await setup(async () => {
      const parts = [line('Hel'), line('lo'), line('', true)]
      let next = 0
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          // The last line waits until the client has had the first ones: nothing is held back.
          if (next === 2) await held
          if (cut && next === 1) {
            controller.enqueue(encoder.encode('{"model":"llama3.2","mess'))
            controller.error(new TypeError('terminated'))
            return
          }
          const part = parts[next++]
          if (part === undefined) controller.close()
          else controller.enqueue(encoder.encode(part))
        },
      })
      return new Response(body, { headers: { 'content-type': 'application/x-ndjson' } })
    })
    const ollamaChat = () =>
      mock.fetch('http://mocktopus.local/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'llama3.2', messages: [{ role: 'user', content: 'hi' }] }),
      })
    const response = await ollamaChat()
    expect(response.headers.get('content-type')).toBe('application/x-ndjson')
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let text = ''
    while (!text.includes(line('lo'))) {
      const { value } = await reader.read()
      text += decoder.decode(value, { stream: true })
    }
    release()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
    expect(text).toBe(line('Hel') + line('lo') + line('', true))
    await idle()
    expect(recorded).toEqual([
      expect.objectContaining({ respond: expect.objectContaining({ content: 'Hello' }) }),
    ])

    cut = true
    const broken = await (await ollamaChat()).text()
    expect(broken).toBe(
      `${line('Hel')}{"error":"an error was encountered while running the model: unexpected EOF"}\n`,
    )
    await idle()
    expect(skipped.at(-1)).toMatchObject({ kind: 'upstream' })
    expect(skipped.at(-1)?.reason).toContain("the client's stream was ended with an error event")
    expect(recorded).toHaveLength(1)
  })

  it('cancels the upstream call when the client goes away before the upstream answers', async () => {
    // The Request itself, not only its signal: undici holds the controller that aborts a
    // Request's signal through its Request, and a signal alone may lose it to the collector.
    let upstreamRequest: Request | undefined
    const { mock, skipped } = await setup((request) => {
      upstreamRequest = request
      return new Promise<Response>(() => {})
    })
    const client = new AbortController()
    const answer = mock.fetch(chat({}, client.signal))
    await new Promise((resolve) => setTimeout(resolve, 20))
    client.abort()
    await answer.catch(() => {})
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(upstreamRequest?.signal.aborted).toBe(true)
    expect(skipped).toEqual([
      {
        endpoint: '/v1/chat/completions',
        kind: 'client',
        reason: 'the client went away before the upstream answered',
      },
    ])
  })

  it('never puts a credential in a report or an answer', async () => {
    const { mock, skipped } = await setup(async () => {
      throw new TypeError(`fetch failed for ${KEY}`)
    })
    const response = await mock.fetch(chat())
    expect(response.status).toBe(502)
    expect(await response.text()).not.toContain(KEY)
    expect(JSON.stringify(skipped)).not.toContain(KEY)
    expect(skipped).toHaveLength(1)
  })

  it('refuses a timeout a timer cannot hold', () => {
    expect(() => createUpstreamProxy({ upstreamTimeoutMs: 0 })).toThrow(MocktopusError)
    expect(() => createUpstreamProxy({ upstreamTimeoutMs: 2 ** 31 })).toThrow(MocktopusError)
  })
})
