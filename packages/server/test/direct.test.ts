/**
 * The Node runner's direct path (src/node-direct.ts) must be invisible: the same requests sent
 * to `serve(mock)` and to `serve(mock, { direct: false })` (every request through the Hono app)
 * get the same status line, the same header lines in the same order (but `Date`, and where
 * `Content-Length` stands), and the same bytes. And the direct path must answer only what it
 * claims to.
 */
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { directContextOf } from '../src/context.js'
import { createMocktopus, type MocktopusOptions } from '../src/mocktopus.js'
import { type RunningServer, serve } from '../src/node.js'
import { createDirectAnswerer } from '../src/node-direct.js'

const SCENARIO = `
version: 1
rules:
  - type: llm.openai
    when: { messages_contains: weather }
    respond: { content: "Sunny, 21 \\"degrees\\" \u00e9t\u00e9 \u2603", usage: { input_tokens: 7 } }
  - type: llm.openai
    when: { messages_contains: tools }
    respond:
      tool_calls:
        - function: { name: get_weather, arguments: '{"city":"Lisbon"}' }
  - type: llm.openai
    when: { messages_contains: story }
    respond: { content: "Once upon a time, a mock answered.", chunk_size: 7 }
  - type: llm.openai
    when: { messages_contains: busy }
    error: { error_type: rate_limit, message: "Slow down", retry_after: 3 }
  - type: llm.openai
    when: { messages_contains: later }
    respond: { content: "late", delay_ms: 5 }
  - type: llm.openai
    when: { messages_contains: drip }
    respond: { content: "${'drip '.repeat(200)}", chunk_size: 1, chunk_delay_ms: 20 }
  - type: embeddings
    respond: {}
  - type: llm
    when: { model: "text-davinci-*" }
    respond: { content: "completed" }
`

interface Raw {
  readonly status: number
  readonly statusMessage: string
  readonly headers: readonly string[]
  readonly body: string
}

interface Sent {
  readonly method?: string
  readonly path: string
  readonly headers?: Record<string, string>
  readonly body?: string | Uint8Array
}

// One request on a fresh connection; the answer as the header lines and the bytes arrived.
function send(base: string, sent: Sent): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const body = sent.body ?? ''
    const req = httpRequest(
      `${base}${sent.path}`,
      {
        method: sent.method ?? 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(
            typeof body === 'string' ? Buffer.byteLength(body) : body.length,
          ),
          ...sent.headers,
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const headers: string[] = []
          let length: string | undefined
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i] as string
            const line = `${name}: ${name.toLowerCase() === 'date' ? '(date)' : res.rawHeaders[i + 1]}`
            // The app's adapter has Node work the length out, and Node writes it after its own
            // Date and Connection; the direct path gives it with the answer's headers. Fields
            // of different names carry no meaning by their order (RFC 9110, 5.3).
            if (name.toLowerCase() === 'content-length') length = line
            else headers.push(line)
          }
          if (length !== undefined) headers.push(length)
          resolve({
            status: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? '',
            headers,
            body: Buffer.concat(chunks).toString('latin1'),
          })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const chat = (content: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }], ...extra })

const anthropic = (content: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    model: 'claude-3-5-sonnet',
    max_tokens: 10,
    messages: [{ role: 'user', content }],
    ...extra,
  })

const REQUESTS: Record<string, Sent> = {
  'chat completion': { path: '/v1/chat/completions', body: chat('weather in Lisbon?') },
  'chat with tool calls': { path: '/v1/chat/completions', body: chat('use tools', { n: 2 }) },
  'chat stream with usage': {
    path: '/v1/chat/completions',
    body: chat('tell a story', { stream: true, stream_options: { include_usage: true } }),
  },
  'rule error 429': { path: '/v1/chat/completions', body: chat('busy?') },
  'delayed answer': { path: '/v1/chat/completions', body: chat('later please') },
  'no rule matches (404)': {
    path: '/v1/chat/completions',
    body: JSON.stringify({ model: 'claude-x', messages: [{ role: 'user', content: 'nothing' }] }),
  },
  'JSON that does not parse (400)': { path: '/v1/chat/completions', body: '{"model":' },
  'bytes that are not UTF-8 (400)': {
    path: '/v1/chat/completions',
    body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  },
  'a request the API refuses (400)': {
    path: '/v1/chat/completions',
    body: JSON.stringify({ model: 'gpt-4o', messages: 'hello' }),
  },
  'an empty body (400)': { path: '/v1/chat/completions', body: '' },
  'embeddings, float': {
    path: '/v1/embeddings',
    body: JSON.stringify({ model: 'text-embedding-3-small', input: ['a', 'b'] }),
  },
  'embeddings, base64': {
    path: '/v1/embeddings',
    body: JSON.stringify({
      model: 'text-embedding-3-small',
      input: 'a',
      encoding_format: 'base64',
      dimensions: 8,
    }),
  },
  'legacy completions': {
    path: '/v1/completions',
    body: JSON.stringify({ model: 'text-davinci-003', prompt: 'Say hi' }),
  },
  'responses API': {
    path: '/v1/responses',
    body: JSON.stringify({ model: 'gpt-4o', input: 'weather today?' }),
  },
  'responses API, streamed': {
    path: '/v1/responses',
    body: JSON.stringify({ model: 'gpt-4o', input: 'a story', stream: true }),
  },
  'Anthropic message': {
    path: '/v1/messages',
    headers: { 'anthropic-version': '2023-06-01' },
    body: anthropic('weather?'),
  },
  'Anthropic message, streamed': {
    path: '/v1/messages',
    headers: { 'anthropic-version': '2023-06-01' },
    body: anthropic('tell a story', { stream: true }),
  },
  'Anthropic, no rule matches (404, request id by order)': {
    path: '/v1/messages',
    body: JSON.stringify({ model: 'text-davinci-x', max_tokens: 5, messages: [] }),
  },
  'Anthropic, JSON that does not parse (400)': { path: '/v1/messages', body: '{"model":' },
  'Anthropic, a rule error (429)': { path: '/v1/messages', body: anthropic('busy?') },
  'Anthropic token count (through the app)': {
    path: '/v1/messages/count_tokens',
    body: JSON.stringify({
      model: 'claude-3-5-sonnet',
      messages: [{ role: 'user', content: 'hi' }],
    }),
  },
  'a query string (through the app)': {
    path: '/v1/chat/completions?trace=1',
    body: chat('weather?'),
  },
  'a content type that is not JSON (through the app)': {
    path: '/v1/chat/completions',
    headers: { 'content-type': 'text/csv' },
    body: 'a,b',
  },
  'a body over the limit (through the app)': {
    path: '/v1/chat/completions',
    body: chat('x'.repeat(2000)),
  },
}

let running: RunningServer[] = []

afterEach(async () => {
  await Promise.all(running.map((server) => server.close({ timeoutMs: 0 })))
  running = []
})

async function bothWays(options: MocktopusOptions = {}) {
  const config = { scenario: SCENARIO, fixedTime: 1_700_000_000, bodyLimit: 1024, ...options }
  const direct = await serve(await createMocktopus(config), { port: 0 })
  const viaApp = await serve(await createMocktopus(config), { port: 0, direct: false })
  running.push(direct, viaApp)
  return { direct, viaApp }
}

describe('the direct path', () => {
  it.each(Object.entries(REQUESTS))('answers %s byte for byte as the app does', async (_, sent) => {
    const { direct, viaApp } = await bothWays()
    const [a, b] = [await send(direct.url, sent), await send(viaApp.url, sent)]
    expect(a).toEqual(b)
    expect(a.status).toBeGreaterThanOrEqual(200)
  })

  it('numbers Anthropic request ids as the app does, whichever path answers', async () => {
    const { direct, viaApp } = await bothWays()
    const sequence: Sent[] = [
      REQUESTS['Anthropic, no rule matches (404, request id by order)'] as Sent,
      REQUESTS['Anthropic message'] as Sent,
      // Through the app on both servers: a wrong method, a token count.
      { method: 'PUT', path: '/v1/messages', body: '{}' },
      REQUESTS['Anthropic token count (through the app)'] as Sent,
      REQUESTS['Anthropic, JSON that does not parse (400)'] as Sent,
    ]
    const ids: string[] = []
    for (const sent of sequence) {
      const [a, b] = [await send(direct.url, sent), await send(viaApp.url, sent)]
      expect(a).toEqual(b)
      const id = a.headers.find((line) => line.startsWith('request-id: '))
      expect(id, `${sent.method ?? 'POST'} ${sent.path}`).toBeDefined()
      ids.push(id ?? '')
    }
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('answers GET /health as the app does', async () => {
    const { direct, viaApp } = await bothWays()
    const health = { method: 'GET', path: '/health' }
    const [a, b] = [await send(direct.url, health), await send(viaApp.url, health)]
    expect(a).toEqual(b)
    expect(JSON.parse(a.body)).toMatchObject({ status: 'healthy', rules: 8 })
  })

  it('loads the app when a request needs it, and answers those as before', async () => {
    const { direct, viaApp } = await bothWays()
    const models = { method: 'GET', path: '/v1/models' }
    const [a, b] = await Promise.all([send(direct.url, models), send(viaApp.url, models)])
    expect(a).toEqual(b)
    expect(a.status).toBe(200)
    const preflight = {
      method: 'OPTIONS',
      path: '/v1/chat/completions',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    }
    const [c, d] = [await send(direct.url, preflight), await send(viaApp.url, preflight)]
    expect(c).toEqual(d)
    expect(c.status).toBe(204)
  })

  it('answers the same with CORS off', async () => {
    const { direct, viaApp } = await bothWays({ cors: false })
    const sent = REQUESTS['chat completion'] as Sent
    const [a, b] = [await send(direct.url, sent), await send(viaApp.url, sent)]
    expect(a).toEqual(b)
    expect(a.headers.some((line) => line.startsWith('access-control'))).toBe(false)
  })

  it('reports the same exchanges as the app', async () => {
    const config = { scenario: SCENARIO, fixedTime: 1_700_000_000 }
    const [one, two] = [await createMocktopus(config), await createMocktopus(config)]
    running.push(await serve(one, { port: 0 }), await serve(two, { port: 0, direct: false }))
    for (const sent of [REQUESTS['chat completion'], REQUESTS['rule error 429']] as Sent[]) {
      await send((running[0] as RunningServer).url, sent)
      await send((running[1] as RunningServer).url, sent)
    }
    const strip = (exchanges: readonly { durationMs: number }[]) =>
      exchanges.map(({ durationMs: _, ...rest }) => rest)
    expect(strip(one.requests())).toEqual(strip(two.requests()))
    expect(one.requests()).toMatchObject([
      { endpoint: '/v1/chat/completions', status: 200, ruleIndex: 0, mocked: true },
      { status: 429, ruleIndex: 3 },
    ])
  })
})

describe('a client that leaves mid-stream', () => {
  // The whole stream would take 20 s, longer than the test may: it ends only if it is stopped.
  it('stops the stream and still reports the exchange', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const server = await serve(mock, { port: 0 })
    running.push(server)
    const exchanges: unknown[] = []
    const reported = new Promise<void>((resolve) => {
      mock.on('exchange', (exchange) => {
        exchanges.push(exchange)
        resolve()
      })
    })
    const body = chat('drip, slowly', { stream: true })
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
        agent: false,
      })
      req.on('response', (res) => {
        res.once('data', () => {
          req.destroy()
          resolve()
        })
      })
      req.on('error', () => {})
      req.end(body)
      setTimeout(() => reject(new Error('no first chunk')), 5000)
    })
    await reported
    expect(exchanges).toMatchObject([{ status: 200, stream: true, ruleIndex: 5, mocked: true }])
  })
})

describe('which requests the direct path takes', () => {
  let server: Server | undefined

  afterEach(() => {
    server?.close()
    server = undefined
  })

  // A server where only the direct path answers; what it leaves gets 599.
  async function directOnly(options: MocktopusOptions = {}) {
    const mock = await createMocktopus({ scenario: SCENARIO, bodyLimit: 1024, ...options })
    const ctx = directContextOf(mock)
    if (!ctx) throw new Error('no direct context')
    const direct = createDirectAnswerer(ctx, { onStream: () => {} })
    server = createServer((req, res) => {
      if (direct(req, res)) return
      res.statusCode = 599
      res.end()
    })
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  it('takes plain requests to the OpenAI API routes', async () => {
    const base = await directOnly()
    for (const name of [
      'chat completion',
      'embeddings, float',
      'legacy completions',
      'responses API',
      'Anthropic message',
    ]) {
      expect((await send(base, REQUESTS[name] as Sent)).status, name).toBe(200)
    }
    expect((await send(base, REQUESTS['JSON that does not parse (400)'] as Sent)).status).toBe(400)
    expect((await send(base, { method: 'GET', path: '/health' })).status).toBe(200)
  })

  it('leaves everything else to the app', async () => {
    const base = await directOnly()
    const left = [
      'Anthropic token count (through the app)',
      'a query string (through the app)',
      'a content type that is not JSON (through the app)',
      'a body over the limit (through the app)',
    ]
    for (const name of left)
      expect((await send(base, REQUESTS[name] as Sent)).status, name).toBe(599)
    expect((await send(base, { method: 'GET', path: '/v1/models' })).status).toBe(599)
    expect((await send(base, { method: 'GET', path: '/v1/chat/completions' })).status).toBe(599)
    expect((await send(base, { path: '/health' })).status).toBe(599)
  })

  it('is not offered when middleware must see every request', async () => {
    const scenario = SCENARIO
    expect(directContextOf(await createMocktopus({ scenario }))).toBeDefined()
    expect(directContextOf(await createMocktopus({ scenario, cors: false }))).toBeDefined()
    expect(
      directContextOf(await createMocktopus({ scenario, authToken: 's3cret' })),
    ).toBeUndefined()
    const origins = { origin: ['https://app.example'] }
    expect(directContextOf(await createMocktopus({ scenario, cors: origins }))).toBeUndefined()
    const recording = { forwardAll: true, forward: async () => new Response() }
    expect(directContextOf(await createMocktopus({ scenario, recording }))).toBeUndefined()
  })
})

describe('answers written together after a round of I/O', () => {
  it('gives each of many concurrent requests its own answer', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const server = await serve(mock, { port: 0 })
    running.push(server)
    const kinds = [
      { sent: REQUESTS['chat completion'], status: 200, rule: '0', text: 'Sunny' },
      { sent: REQUESTS['chat with tool calls'], status: 200, rule: '1', text: 'get_weather' },
      { sent: REQUESTS['rule error 429'], status: 429, rule: '3', text: 'Slow down' },
      { sent: REQUESTS['embeddings, float'], status: 200, rule: '6', text: '"embedding"' },
    ]
    const expected = Array.from({ length: 48 }, (_, i) => kinds[i % kinds.length])
    // Separate connections, sent at once: most arrive in the same round of the event loop.
    const answers = await Promise.all(expected.map((kind) => send(server.url, kind?.sent as Sent)))
    answers.forEach((answer, i) => {
      const kind = expected[i]
      expect(answer.status, `request ${i}`).toBe(kind?.status)
      expect(answer.headers, `request ${i}`).toContain(`x-mocktopus-rule: ${kind?.rule}`)
      expect(answer.body, `request ${i}`).toContain(kind?.text)
    })
    expect(mock.requests()).toHaveLength(48)
  })

  it('closes only the connection of an answer Node will not write', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const ctx = directContextOf(mock)
    if (!ctx) throw new Error('no direct context')
    // No route gives such a header; a bug in one must still cost only its own request.
    ctx.directRoutes.set('GET /bad', {
      kind: 'plain',
      answer: () => ({ kind: 'json', status: 200, headers: { 'x-bad': 'a\nb' }, text: '{}' }),
    })
    const server = await serve(mock, { port: 0 })
    running.push(server)
    const [bad, health] = await Promise.allSettled([
      send(server.url, { method: 'GET', path: '/bad' }),
      send(server.url, { method: 'GET', path: '/health' }),
    ])
    expect(bad.status).toBe('rejected')
    expect(health).toMatchObject({ status: 'fulfilled', value: { status: 200 } })
    expect((await send(server.url, REQUESTS['chat completion'] as Sent)).status).toBe(200)
  })
})
