import { afterEach, describe, expect, it } from 'vitest'
import { createMocktopus, type MocktopusOptions } from './mocktopus.js'
import { type RunningServer, serve } from './node.js'

const SCENARIO = `
version: 1
rules:
  - type: llm
    respond: { content: "hi there" }
`

const EXPOSED = 'x-mocktopus-rule,x-mocktopus-warning,retry-after,x-request-id,request-id'

const chat = (stream = false): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
  body: JSON.stringify({ model: 'gpt-4o', stream, messages: [{ role: 'user', content: 'hi' }] }),
})

const mock = (options: MocktopusOptions = {}) =>
  createMocktopus({ scenario: SCENARIO, fixedTime: 1_700_000_000, ...options })

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('createApp CORS', () => {
  it('sets the CORS headers on a JSON answer and keeps the route headers', async () => {
    const m = await mock()
    const res = await m.app.request('/v1/chat/completions', chat())
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-expose-headers')).toBe(EXPOSED)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('x-mocktopus-rule')).toBe('0')
    expect((await res.json()).choices[0].message.content).toBe('hi there')
  })

  it('sets them on a stream and on the catch-all 404', async () => {
    const m = await mock()
    const stream = await m.app.request('/v1/chat/completions', chat(true))
    expect(stream.headers.get('access-control-allow-origin')).toBe('*')
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(await stream.text()).toMatch(/data: \[DONE\]\n\n$/)
    const missing = await m.app.request('/v1/nothing', chat())
    expect(missing.status).toBe(404)
    expect(missing.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('honours CORS options: an allowed origin is echoed and varies', async () => {
    const m = await mock({ cors: { origin: ['http://localhost:3000'] } })
    const res = await m.app.request('/v1/chat/completions', chat())
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(res.headers.get('vary')).toBe('Origin')
    expect((await res.json()).choices[0].message.content).toBe('hi there')
  })

  it('sets them on the tooling routes, and honours credentials', async () => {
    const m = await mock({ cors: { credentials: true } })
    for (const path of ['/health', '/cost-report']) {
      const res = await m.app.request(path, { headers: { origin: 'http://localhost:3000' } })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*')
      expect(res.headers.get('access-control-allow-credentials'), path).toBe('true')
    }
    const res = await m.app.request('/v1/chat/completions', chat())
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-expose-headers')).toBe(EXPOSED)
  })

  it("never grants CORS on the admin routes, and refuses other sites' pages there", async () => {
    const m = await mock()
    for (const [method, path] of [
      ['GET', '/_mocktopus/requests'],
      ['POST', '/_mocktopus/reset'],
      ['GET', '/_mocktopus/metrics'],
    ] as const) {
      const foreign = await m.app.request(path, {
        method,
        headers: { origin: 'http://localhost:3000', 'content-type': 'text/plain' },
      })
      expect(foreign.status, path).toBe(403)
      expect((await foreign.json()).error.code, path).toBe('forbidden_origin')
      expect(foreign.headers.get('access-control-allow-origin'), path).toBeNull()
      const preflight = await m.app.request(path, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:3000', 'access-control-request-method': method },
      })
      expect(preflight.headers.get('access-control-allow-origin'), path).toBeNull()
      // A tool with no Origin, and the server's own pages, are let through, without CORS.
      const tool = await m.app.request(path, { method })
      expect(tool.status, path).toBe(200)
      expect(tool.headers.get('access-control-allow-origin'), path).toBeNull()
      const own = await m.app.request(`http://localhost${path}`, {
        method,
        headers: { origin: 'http://localhost' },
      })
      expect(own.status, path).toBe(200)
    }
  })

  it('sends no CORS headers when turned off', async () => {
    const m = await mock({ cors: false })
    const res = await m.app.request('/v1/chat/completions', chat())
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('sends the same headers and body over Node HTTP', async () => {
    const m = await mock()
    server = await serve(m, { port: 0 })
    const res = await fetch(`${server.url}/v1/chat/completions`, chat())
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-expose-headers')).toBe(EXPOSED)
    expect(res.headers.get('x-request-id')).toMatch(/^req_/)
    expect((await res.json()).choices[0].message.content).toBe('hi there')
  })
})
