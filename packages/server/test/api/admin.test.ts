import type { Exchange } from '@mocktopus/responders'
import { fixedClock } from '@mocktopus/responders'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createMocktopus, type MocktopusOptions } from '../../src/mocktopus.js'

const SCENARIO = `
version: 1
rules:
  - type: llm.openai
    when: { messages_contains: "hello" }
    respond:
      content: "Hello there, friend!"
      usage: { input_tokens: 5, output_tokens: 4 }
  - type: llm.openai
    when: { messages_contains: "limited" }
    times: 1
    respond: { content: "only once" }
  - type: llm.openai
    when: { messages_contains: "rate" }
    error: { error_type: rate_limit }
`

const NOW = 1_700_000_000

function post(content: string, extra: Record<string, unknown> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content }], ...extra }),
  }
}

async function mock(options: MocktopusOptions = {}) {
  return createMocktopus({
    scenario: SCENARIO,
    clock: fixedClock(NOW, { instant: true }),
    ...options,
  })
}

async function journal(fetch: (path: string, init?: RequestInit) => Promise<Response>) {
  const response = await fetch('/_mocktopus/requests')
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  return ((await response.json()) as { requests: Exchange[] }).requests
}

const local =
  (m: { fetch: (input: string, init?: RequestInit) => Promise<Response> }) =>
  (path: string, init?: RequestInit) =>
    m.fetch(`http://mocktopus.local${path}`, init)

describe('GET /_mocktopus/requests', () => {
  it('starts empty', async () => {
    expect(await journal(local(await mock()))).toEqual([])
  })

  it('records every API request with its rule, status, duration and time', async () => {
    const m = await mock()
    const fetch = local(m)
    await fetch('/v1/chat/completions', post('hello'))
    await fetch('/v1/chat/completions', post('rate please'))
    await fetch('/v1/chat/completions', post('nothing matches'))
    await fetch('/v1/chat/completions', { method: 'POST', body: '{not json' })
    await fetch('/v1/nope')
    const requests = await journal(fetch)
    expect(requests.map((r) => [r.method, r.path, r.ruleIndex, r.status])).toEqual([
      ['POST', '/v1/chat/completions', 0, 200],
      ['POST', '/v1/chat/completions', 2, 429],
      ['POST', '/v1/chat/completions', null, 404],
      ['POST', '/v1/chat/completions', null, 400],
      ['GET', '/v1/nope', null, 404],
    ])
    expect(requests[0]).toMatchObject({
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o',
      body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] },
      time: new Date(NOW * 1000).toISOString(),
      mocked: true,
      stream: false,
      usage: { input_tokens: 5, output_tokens: 4 },
    })
    expect(requests[0]?.durationMs).toBeGreaterThanOrEqual(0)
    expect(requests[3]?.body).toBe('{not json')
    expect(m.requests()).toEqual(requests)
  })

  it('records a stream once it has been read to the end', async () => {
    const m = await mock()
    const response = await m.fetch(
      'http://mocktopus.local/v1/chat/completions',
      post('hello', { stream: true }),
    )
    expect(m.requests()).toEqual([])
    await response.text()
    expect(m.requests()).toMatchObject([{ stream: true, status: 200, ruleIndex: 0 }])
  })

  it('does not record /health, the admin routes or wrong methods on them', async () => {
    const m = await mock()
    const fetch = local(m)
    await fetch('/health')
    await fetch('/_mocktopus/requests')
    await fetch('/_mocktopus/metrics')
    await fetch('/_mocktopus/reset', { method: 'POST' })
    await fetch('/_mocktopus/reset')
    await fetch('/_mocktopus/requests', { method: 'DELETE' })
    await fetch('/_mocktopus/unknown')
    expect(await journal(fetch)).toEqual([])
  })

  it('keeps only the last journalSize requests', async () => {
    const m = await mock({ journalSize: 3 })
    for (let i = 0; i < 10; i++) {
      await m.fetch('http://mocktopus.local/v1/chat/completions', post(`hello ${i}`))
    }
    const requests = await journal(local(m))
    expect(
      requests.map((r) => (r.body as { messages: { content: string }[] }).messages[0]?.content),
    ).toEqual(['hello 7', 'hello 8', 'hello 9'])
  })

  it('records nothing with journalSize 0, and observers still see every exchange', async () => {
    const seen: Exchange[] = []
    const m = await mock({ journalSize: 0, observers: [(e) => seen.push(e)] })
    await m.fetch('http://mocktopus.local/v1/chat/completions', post('hello'))
    expect(m.requests()).toEqual([])
    expect(seen).toHaveLength(1)
  })

  it('works under a mount prefix', async () => {
    const m = await mock()
    const parent = new Hono()
    parent.route('/llm', m.app)
    const fetch = (path: string, init?: RequestInit) =>
      Promise.resolve(parent.request(`http://app.localhost/llm${path}`, init))
    await fetch('/v1/chat/completions', post('hello'))
    await fetch('/health')
    const requests = await journal(fetch)
    expect(requests.map((r) => [r.path, r.endpoint])).toEqual([
      ['/llm/v1/chat/completions', '/v1/chat/completions'],
    ])
    expect((await fetch('/_mocktopus/reset', { method: 'POST' })).status).toBe(200)
    expect(await journal(fetch)).toEqual([])
  })
})

describe('POST /_mocktopus/reset', () => {
  it('clears the journal and restores every times counter', async () => {
    const m = await mock()
    const fetch = local(m)
    expect((await fetch('/v1/chat/completions', post('limited'))).status).toBe(200)
    expect((await fetch('/v1/chat/completions', post('limited'))).status).toBe(404)
    const reset = await fetch('/_mocktopus/reset', { method: 'POST' })
    expect(reset.status).toBe(200)
    expect(await reset.json()).toEqual({ reset: true })
    expect(await journal(fetch)).toEqual([])
    expect((await fetch('/v1/chat/completions', post('limited'))).status).toBe(200)
    expect(await journal(fetch)).toHaveLength(1)
  })

  it('does what mock.reset() does, and mock.reset() clears the journal too', async () => {
    const m = await mock()
    await m.fetch('http://mocktopus.local/v1/chat/completions', post('limited'))
    m.reset()
    expect(m.requests()).toEqual([])
    const again = await m.fetch('http://mocktopus.local/v1/chat/completions', post('limited'))
    expect(again.status).toBe(200)
  })

  it('forgets stored responses, as mock.reset() does', async () => {
    const m = await mock()
    const fetch = local(m)
    const created = await fetch('/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', input: 'hello' }),
    })
    const { id } = (await created.json()) as { id: string }
    expect((await fetch(`/v1/responses/${id}`)).status).toBe(200)
    await fetch('/_mocktopus/reset', { method: 'POST' })
    expect((await fetch(`/v1/responses/${id}`)).status).toBe(404)
  })
})
