/**
 * Who can reach a running server, over real HTTP on 127.0.0.1: the Host check against DNS
 * rebinding, the admin routes closed to other sites' pages, record mode forwarding nothing a
 * foreign page sends, and the auth guard's one exemption. Requests go through `node:http`,
 * since `fetch` will not send a Host or Origin of our choosing.
 */
import { request as httpRequest } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createMocktopus, type MocktopusOptions } from '../src/mocktopus.js'
import { type RunningServer, serve } from '../src/node.js'
import type { ForwardInfo } from '../src/record/hooks.js'

const SCENARIO = `
version: 1
rules:
  - type: llm
    respond: { content: "hi" }
`

interface Raw {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

function send(
  server: RunningServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const chatBody = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(options: MocktopusOptions = {}) {
  const mock = await createMocktopus({ scenario: SCENARIO, ...options })
  server = await serve(mock, { port: 0 })
  return { mock, server }
}

describe('the Host check', () => {
  it('refuses a name that is not this machine, naming the flag, and lets local names through', async () => {
    const { server } = await start()
    const rebound = await send(server, '/v1/models', { headers: { host: 'rebind.evil.example' } })
    expect(rebound.status).toBe(403)
    expect(rebound.headers['content-type']).toBe('application/json')
    const { error } = JSON.parse(rebound.body)
    expect(error.code).toBe('invalid_host')
    expect(error.message).toContain('--allowed-hosts rebind.evil.example')
    expect(rebound.headers['access-control-allow-origin']).toBeUndefined()
    for (const host of [
      'localhost',
      `localhost:${server.port}`,
      `127.0.0.1:${server.port}`,
      'app.localhost',
      '[::1]:8080',
      '10.0.0.7',
    ]) {
      expect((await send(server, '/v1/models', { headers: { host } })).status, host).toBe(200)
    }
  })

  it('also guards /health and the admin routes, and takes listed names and `all`', async () => {
    const { server: strict } = await start()
    for (const path of ['/health', '/_mocktopus/requests']) {
      const res = await send(strict, path, { headers: { host: 'rebind.evil.example' } })
      expect(res.status, path).toBe(403)
    }
    await strict.close()
    const { server: listed } = await start({ allowedHosts: ['mock.example.test', '*.dev.test'] })
    for (const [host, status] of [
      ['mock.example.test', 200],
      ['api.dev.test:8080', 200],
      ['evil.example.test', 403],
    ] as const) {
      expect((await send(listed, '/v1/models', { headers: { host } })).status, host).toBe(status)
    }
    await listed.close()
    const { server: open } = await start({ allowedHosts: 'all' })
    const res = await send(open, '/v1/models', { headers: { host: 'rebind.evil.example' } })
    expect(res.status).toBe(200)
  })
})

describe('the admin routes and other sites', () => {
  it('grants a foreign page nothing and refuses its text/plain reset', async () => {
    const { mock, server } = await start()
    await send(server, '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chatBody,
    })
    expect(mock.requests()).toHaveLength(1)
    const origin = 'https://evil.example'
    const read = await send(server, '/_mocktopus/requests', { headers: { origin } })
    expect(read.status).toBe(403)
    expect(read.headers['access-control-allow-origin']).toBeUndefined()
    // A text/plain POST needs no preflight: the check itself must stop it.
    const reset = await send(server, '/_mocktopus/reset', {
      method: 'POST',
      headers: { origin, 'content-type': 'text/plain' },
      body: 'x',
    })
    expect(reset.status).toBe(403)
    expect(JSON.parse(reset.body).error.code).toBe('forbidden_origin')
    expect(mock.requests()).toHaveLength(1)
    // The API itself stays open to browser apps in mock mode.
    const api = await send(server, '/v1/models', { headers: { origin } })
    expect(api.status).toBe(200)
    expect(api.headers['access-control-allow-origin']).toBe('*')
    // The server's own origin, and tools that send none, may use the admin routes.
    const own = `http://127.0.0.1:${server.port}`
    expect((await send(server, '/_mocktopus/requests', { headers: { origin: own } })).status).toBe(
      200,
    )
    expect((await send(server, '/_mocktopus/reset', { method: 'POST' })).status).toBe(200)
    expect(mock.requests()).toHaveLength(0)
  })
})

describe('record mode and other sites', () => {
  function recording(forwarded: ForwardInfo[]): MocktopusOptions['recording'] {
    return {
      forwardAll: true,
      forward: async (info) => {
        forwarded.push(info)
        return new Response('{"upstream":true}', {
          headers: { 'content-type': 'application/json' },
        })
      },
    }
  }

  it('forwards nothing a foreign page sends, preflight or text/plain', async () => {
    const forwarded: ForwardInfo[] = []
    const { server } = await start({ recording: recording(forwarded), mode: 'record' })
    const origin = 'https://evil.example'
    const simple = await send(server, '/v1/chat/completions', {
      method: 'POST',
      headers: { origin, 'content-type': 'text/plain' },
      body: chatBody,
    })
    expect(simple.status).toBe(403)
    expect(JSON.parse(simple.body).error.code).toBe('forbidden_origin')
    const preflight = await send(server, '/v1/chat/completions', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    })
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    expect(forwarded).toEqual([])
    // A client that is not a browser page is forwarded as before.
    const tool = await send(server, '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chatBody,
    })
    expect(tool.status).toBe(200)
    expect(forwarded).toHaveLength(1)
  })

  it('forwards what a listed origin sends, with its CORS grant', async () => {
    const forwarded: ForwardInfo[] = []
    const origin = 'http://localhost:5173'
    const { server } = await start({
      recording: recording(forwarded),
      mode: 'record',
      cors: { origin: [origin] },
    })
    const res = await send(server, '/v1/chat/completions', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: chatBody,
    })
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBe(origin)
    expect(forwarded).toHaveLength(1)
  })
})

describe('the auth guard', () => {
  it('exempts /health exactly, not a path that ends in it', async () => {
    const { server } = await start({ authToken: 's3cret' })
    expect((await send(server, '/health')).status).toBe(200)
    const models = await send(server, '/v1/models/health')
    expect(models.status).toBe(401)
    expect(JSON.parse(models.body).error.code).toBe('invalid_api_key')
    const authorized = await send(server, '/v1/models/health', {
      headers: { authorization: 'Bearer s3cret' },
    })
    expect(authorized.status).toBe(200)
  })
})
