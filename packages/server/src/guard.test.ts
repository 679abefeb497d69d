import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { isAuthorized } from './guard.js'
import { createMocktopus } from './mocktopus.js'

const SCENARIO = `
version: 1
rules:
  - type: llm
    respond: { content: "hi" }
`
const TOKEN = 's3cret-token'

const chat = (headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] }),
})

const message = (headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({
    model: 'claude-sonnet-4-5',
    max_tokens: 16,
    messages: [{ role: 'user', content: 'hello' }],
  }),
})

describe('isAuthorized', () => {
  it('accepts the token as a bearer token or an x-api-key, and nothing else', () => {
    expect(isAuthorized(new Headers({ authorization: `Bearer ${TOKEN}` }), TOKEN)).toBe(true)
    expect(isAuthorized(new Headers({ authorization: `bearer  ${TOKEN}` }), TOKEN)).toBe(true)
    expect(isAuthorized(new Headers({ 'x-api-key': TOKEN }), TOKEN)).toBe(true)
    expect(isAuthorized(new Headers({ authorization: TOKEN }), TOKEN)).toBe(false)
    expect(isAuthorized(new Headers({ authorization: `Bearer ${TOKEN}x` }), TOKEN)).toBe(false)
    expect(isAuthorized(new Headers({ authorization: 'Bearer s3cret' }), TOKEN)).toBe(false)
    expect(isAuthorized(new Headers(), TOKEN)).toBe(false)
  })
})

describe('authToken', () => {
  it('answers a request without the token 401 in the OpenAI envelope, never echoing a key', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, authToken: TOKEN })
    for (const headers of [{}, { authorization: 'Bearer wrong-key' }] as Record<string, string>[]) {
      const res = await mock.fetch('http://x/v1/chat/completions', chat(headers))
      expect(res.status).toBe(401)
      const text = await res.text()
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain('wrong-key')
      expect(JSON.parse(text)).toMatchObject({
        error: { type: 'invalid_request_error', code: 'invalid_api_key', param: null },
      })
    }
  })

  it('answers the Messages API 401 in the Anthropic envelope with a request-id', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, authToken: TOKEN })
    const res = await mock.fetch('http://x/v1/messages', message({ 'x-api-key': 'wrong' }))
    expect(res.status).toBe(401)
    const body = await res.json()
    expect(body).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: 'invalid x-api-key' },
      request_id: res.headers.get('request-id'),
    })
    expect(body.request_id).toMatch(/^req_/)
  })

  it('lets the token through as a bearer token or an x-api-key', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, authToken: TOKEN })
    const bearer = await mock.fetch(
      'http://x/v1/chat/completions',
      chat({ authorization: `Bearer ${TOKEN}` }),
    )
    expect(bearer.status).toBe(200)
    const apiKey = await mock.fetch('http://x/v1/messages', message({ 'x-api-key': TOKEN }))
    expect(apiKey.status).toBe(200)
  })

  it('guards the admin and tooling routes but leaves /health and CORS preflights open', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, authToken: TOKEN })
    expect((await mock.fetch('http://x/_mocktopus/requests')).status).toBe(401)
    expect((await mock.fetch('http://x/v1/models')).status).toBe(401)
    expect((await mock.fetch('http://x/cost-report')).status).toBe(401)
    expect((await mock.fetch('http://x/health')).status).toBe(200)
    const preflight = await mock.fetch('http://x/v1/chat/completions', {
      method: 'OPTIONS',
      headers: { origin: 'http://app.test', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(204)
  })

  it('refuses an empty token', async () => {
    await expect(createMocktopus({ authToken: ' ' })).rejects.toThrow(/authToken must not be empty/)
  })
})

describe('admin: false', () => {
  it('answers every /_mocktopus route 404 in the OpenAI envelope, mounted or not', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, admin: false })
    const parent = new Hono()
    parent.route('/llm', mock.app)
    for (const [fetch, prefix] of [
      [mock.fetch, ''],
      [(url: string, init?: RequestInit) => parent.request(url, init), '/llm'],
    ] as const) {
      for (const [method, path] of [
        ['GET', '/_mocktopus/requests'],
        ['POST', '/_mocktopus/reset'],
        ['GET', '/_mocktopus/metrics'],
      ]) {
        const res = await fetch(`http://x.localhost${prefix}${path}`, { method })
        expect(res.status, `${method} ${prefix}${path}`).toBe(404)
        expect(await res.json()).toMatchObject({ error: { code: 'unknown_url' } })
      }
      expect((await fetch(`http://x.localhost${prefix}/v1/chat/completions`, chat())).status).toBe(
        200,
      )
    }
  })

  it('keeps the admin routes by default', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    expect((await mock.fetch('http://x/_mocktopus/requests')).status).toBe(200)
  })
})

describe('bodyLimit', () => {
  it('refuses a limit that is not a whole number of bytes above 0', async () => {
    for (const bodyLimit of [0, -1, 1.5, Number.NaN]) {
      await expect(createMocktopus({ bodyLimit })).rejects.toThrow(/bodyLimit must be/)
    }
  })
})
