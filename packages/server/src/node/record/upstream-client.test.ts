import { mkdtemp, rm } from 'node:fs/promises'
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createMocktopus } from '../../mocktopus.js'
import { createUpstreamProxy, type SkipInfo } from '../../record/proxy.js'
import { serve } from '../serve.js'
import { createRecorder } from './recorder.js'
import { nodeUpstreamSender, transportFor } from './upstream-client.js'

const servers: Server[] = []
const cleanups: (() => Promise<unknown>)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

// A real upstream on 127.0.0.1 answering through `answer`.
async function upstream(
  answer: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<string> {
  const server = createServer(answer)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

// A port nothing listens on: a server opened and closed.
async function closedPort(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

const send = nodeUpstreamSender()

function call(url: string, init: { body?: string; signal?: AbortSignal } = {}) {
  return send({
    url,
    method: init.body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
    ...(init.body === undefined ? {} : { body: init.body }),
    signal: init.signal ?? new AbortController().signal,
  })
}

async function text(body: ReadableStream<Uint8Array> | null): Promise<string> {
  return new Response(body).text()
}

function chatBody(): string {
  return JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] })
}

describe('nodeUpstreamSender', () => {
  it('sends the method, headers and body, and hands back status, headers and body', async () => {
    let seen: { method?: string; auth?: string; length?: string; body: string } = { body: '' }
    const url = await upstream((request, response) => {
      let body = ''
      request.on('data', (chunk) => {
        body += chunk
      })
      request.on('end', () => {
        seen = {
          ...(request.method ? { method: request.method } : {}),
          ...(request.headers.authorization ? { auth: request.headers.authorization } : {}),
          ...(request.headers['content-length']
            ? { length: request.headers['content-length'] }
            : {}),
          body,
        }
        response.writeHead(201, [
          'content-type',
          'application/json',
          'x-multi',
          'a',
          'x-multi',
          'b',
        ])
        response.end('{"ok":true}')
      })
    })
    const answer = await call(`${url}/v1/chat/completions`, { body: '{"model":"m"}' })
    expect(answer.status).toBe(201)
    expect(answer.headers.get('content-type')).toBe('application/json')
    expect(answer.headers.get('x-multi')).toBe('a, b')
    expect(await text(answer.body)).toBe('{"ok":true}')
    expect(seen).toEqual({
      method: 'POST',
      auth: 'Bearer sk-test',
      length: '13',
      body: '{"model":"m"}',
    })
  })

  it('gives the headers as fetch does: lower-case names, a repeated one joined', async () => {
    const url = await upstream((_request, response) => {
      response.setHeader('X-Request-Id', 'req_1')
      response.setHeader('Vary', ['Origin', 'Accept-Encoding'])
      response.end('{}')
    })
    const answer = await call(url)
    expect(answer.headers.get('x-request-id')).toBe('req_1')
    expect(answer.headers.get('X-Request-ID')).toBe('req_1')
    expect(answer.headers.get('vary')).toBe('Origin, Accept-Encoding')
    expect(answer.headers.get('x-missing')).toBeNull()
    const names = [...answer.headers].map(([name]) => name)
    expect(names).toContain('vary')
    expect(names.filter((name) => name === 'vary')).toHaveLength(1)
    expect(names.every((name) => name === name.toLowerCase())).toBe(true)
    await answer.readText?.(() => {})
  })

  it('decompresses a gzip body, as fetch does', async () => {
    let accepted: string | undefined
    const url = await upstream((request, response) => {
      accepted = request.headers['accept-encoding']
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      response.end(gzipSync('{"zipped":true}'))
    })
    const answer = await call(`${url}/v1/models`)
    expect(accepted).toContain('gzip')
    expect(await text(answer.body)).toBe('{"zipped":true}')
  })

  it('reads a whole answer as text without a stream, telling each piece as it comes', async () => {
    const url = await upstream((request, response) => {
      if (request.url === '/cut') {
        response.writeHead(200, { 'content-length': '100' })
        response.write('{"partial":')
        setImmediate(() => response.socket?.destroy())
        return
      }
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      const zipped = gzipSync('{"zipped":"\u00e9t\u00e9"}')
      response.write(zipped.subarray(0, 10))
      setImmediate(() => response.end(zipped.subarray(10)))
    })
    let pieces = 0
    const answer = await call(`${url}/v1/models`)
    expect(answer.readText).toBeDefined()
    expect(await answer.readText?.(() => pieces++)).toBe('{"zipped":"été"}')
    expect(pieces).toBeGreaterThan(0)

    const cut = await call(`${url}/cut`)
    const failure = await cut.readText?.(() => {}).catch((error: unknown) => error)
    expect((failure as Error).message).toBe('terminated')
  })

  it('hands an event stream on chunk by chunk, before the upstream ends it', async () => {
    let finish: (() => void) | undefined
    const url = await upstream((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: 1\n\n')
      finish = () => response.end('data: [DONE]\n\n')
    })
    const answer = await call(`${url}/v1/chat/completions`, { body: '{}' })
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe('data: 1\n\n')
    expect(finish).toBeDefined()
    finish?.()
    const second = await reader.read()
    expect(new TextDecoder().decode(second.value)).toBe('data: [DONE]\n\n')
    expect((await reader.read()).done).toBe(true)
  })

  it('rejects as fetch does when nothing listens: the cause has the code', async () => {
    const url = await closedPort()
    const failure = await call(`${url}/v1/models`).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(TypeError)
    expect((failure as TypeError).message).toBe('fetch failed')
    expect((failure as { cause: { code: string } }).cause.code).toBe('ECONNREFUSED')
  })

  it('errs the body `terminated: other side closed` when the upstream cuts it short', async () => {
    const url = await upstream((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      response.write('{"partial":')
      setImmediate(() => response.socket?.destroy())
    })
    const answer = await call(`${url}/v1/models`)
    const failure = await text(answer.body).catch((error: unknown) => error)
    expect((failure as Error).message).toBe('terminated')
    expect((failure as { cause: Error }).cause.message).toBe('other side closed')
    expect((failure as { cause: Error }).cause.stack).toMatch(/^SocketError: other side closed/)
  })

  it('ends the call when the signal aborts, before or during the body', async () => {
    const url = await upstream((request, response) => {
      if (request.url === '/silent') return
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: 1\n\n')
    })
    const before = new AbortController()
    const pending = call(`${url}/silent`, { signal: before.signal })
    before.abort(new Error('gone'))
    await expect(pending).rejects.toThrow('gone')

    const during = new AbortController()
    const answer = await call(`${url}/stream`, { signal: during.signal })
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    during.abort(new Error('gone mid-stream'))
    await expect(reader.read()).rejects.toThrow('gone mid-stream')
  })

  it('keeps the connection alive: two calls, one socket', async () => {
    const sockets = new Set<unknown>()
    const url = await upstream((request, response) => {
      sockets.add(request.socket)
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{}')
    })
    await text((await call(`${url}/v1/models`)).body)
    await text((await call(`${url}/v1/models`)).body)
    expect(sockets.size).toBe(1)
  })

  it('picks the TLS agent for https and the plain one for http', async () => {
    const https = (await transportFor(new URL('https://api.openai.com/v1'))).agent
    const http = (await transportFor(new URL('http://127.0.0.1:11434'))).agent
    expect(https).not.toBe(http)
    expect(https).toBe((await transportFor(new URL('https://api.anthropic.com'))).agent)
    expect((https as { protocol?: string }).protocol).toBe('https:')
    expect((http as { protocol?: string }).protocol).toBe('http:')
  })
})

describe('the upstream proxy on nodeUpstreamSender', () => {
  function proxyTo(url: string, upstreamTimeoutMs = 60_000) {
    const skipped: SkipInfo[] = []
    const proxy = createUpstreamProxy({
      upstream: `${url}/v1`,
      send: nodeUpstreamSender(),
      upstreamTimeoutMs,
      onSkip: (info) => skipped.push(info),
    })
    return { proxy, skipped }
  }

  it('answers 502 naming ECONNREFUSED when the upstream is down', async () => {
    const url = await closedPort()
    const dir = await mkdtemp(join(tmpdir(), 'mocktopus-client-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    // No `fetch` option: the recorder sends on node:http.
    const recorder = await createRecorder({
      recordingsDir: dir,
      upstream: `${url}/v1`,
      onSkip: () => {},
    })
    const response = await recorder.fetch(chatRequest())
    expect(response.status).toBe(502)
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      `[mocktopus] could not reach the upstream ${url} (ECONNREFUSED); check --upstream and your network`,
    )
  })

  it('answers 504 when the upstream stays silent past the timeout', async () => {
    const url = await upstream(() => {})
    const { proxy, skipped } = proxyTo(url, 50)
    const mock = await recorderOf(proxy)
    const response = await mock.fetch(chatRequest())
    expect(response.status).toBe(504)
    expect(skipped.map((each) => each.kind)).toEqual(['upstream'])
    expect(skipped[0]?.reason).toContain('sent no answer within 50 ms')
  })

  it('streams an SSE answer to a real client over HTTP as it arrives', async () => {
    let finish: (() => void) | undefined
    const url = await upstream((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write(
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, delta: { role: 'assistant', content: 'Hel' }, finish_reason: null }] })}\n\n`,
      )
      finish = () => response.end('data: [DONE]\n\n')
    })
    const { proxy } = proxyTo(url)
    const server = await serveThrough(proxy)
    const received = await new Promise<{ first: string; rest: Promise<string> }>(
      (resolve, reject) => {
        const request = httpRequest(`${server}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        })
        request.on('error', reject)
        request.on('response', (response) => {
          response.setEncoding('utf8')
          response.once('data', (first: string) => {
            let rest = ''
            response.on('data', (chunk: string) => {
              rest += chunk
            })
            resolve({ first, rest: new Promise((done) => response.on('end', () => done(rest))) })
          })
        })
        request.end(JSON.stringify({ ...JSON.parse(chatBody()), stream: true }))
      },
    )
    expect(received.first).toContain('"content":"Hel"')
    finish?.()
    expect(await received.rest).toBe('data: [DONE]\n\n')
  })

  it('stops the client stream but keeps reading the upstream when the client leaves mid-stream', async () => {
    let finish: (() => void) | undefined
    let upstreamClosed = false
    const url = await upstream((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: {"id":"c1","choices":[]}\n\n')
      response.on('close', () => {
        upstreamClosed = true
      })
      finish = () => response.end('data: [DONE]\n\n')
    })
    const { proxy } = proxyTo(url)
    const server = await serveThrough(proxy)
    const client = new AbortController()
    const response = await fetch(`${server}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...JSON.parse(chatBody()), stream: true }),
      signal: client.signal,
    })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    client.abort()
    await expect(reader.read()).rejects.toThrow()
    // The upstream's answer is still read to its end, to be recorded.
    expect(upstreamClosed).toBe(false)
    finish?.()
    await proxy.idle()
    expect(upstreamClosed).toBe(true)
  })
})

// The proxy behind the Node server, as `mocktopus serve --mode record` runs it.
async function serveThrough(proxy: ReturnType<typeof createUpstreamProxy>): Promise<string> {
  const server = await serve(await recorderOf(proxy), { port: 0, hostname: '127.0.0.1' })
  cleanups.push(() => server.close({ timeoutMs: 0 }))
  return server.url
}

function recorderOf(proxy: ReturnType<typeof createUpstreamProxy>) {
  return createMocktopus({
    mode: 'record',
    recording: { forwardAll: true, forward: proxy.forward },
  })
}

function chatRequest(): Request {
  return new Request(`http://localhost/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: chatBody(),
  })
}
