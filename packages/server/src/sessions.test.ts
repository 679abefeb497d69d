import { describe, expect, it } from 'vitest'
import { createMocktopus, type MocktopusOptions } from './mocktopus.js'
import { createSessionTable, newSession, sessionNamed } from './sessions.js'

const SCENARIO = `version: 1
rules:
  - type: llm.openai
    times: 2
    error: { error_type: rate_limit, message: slow down }
  - type: llm
    respond:
      content: fallback
      usage: { input_tokens: 10, output_tokens: 5 }
`

const ORIGIN = 'http://mocktopus.local'
const CHAT = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })

function start(options: MocktopusOptions = {}) {
  return createMocktopus({ scenario: SCENARIO, ...options })
}

type Mock = Awaited<ReturnType<typeof start>>

async function chat(mock: Mock, root: string, headers: Record<string, string> = {}) {
  const response = await mock.fetch(`${ORIGIN}${root}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: CHAT,
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

async function admin(mock: Mock, method: string, path: string, body?: string) {
  const response = await mock.fetch(`${ORIGIN}${path}`, { method, ...(body ? { body } : {}) })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('sessions', () => {
  it('keeps times counters apart for sessions by prefix, by header and the default', async () => {
    const mock = await start()
    const seen: Record<string, number[]> = { a: [], b: [], default: [] }
    for (let i = 0; i < 3; i++) {
      seen.a?.push((await chat(mock, '/sessions/a')).status)
      seen.b?.push((await chat(mock, '', { 'x-mocktopus-session': 'b' })).status)
      seen.default?.push((await chat(mock, '')).status)
    }
    expect(seen).toEqual({ a: [429, 429, 200], b: [429, 429, 200], default: [429, 429, 200] })
  })

  it('names one session by prefix or header, and journals each apart', async () => {
    const mock = await start()
    await chat(mock, '/sessions/a')
    await chat(mock, '', { 'x-mocktopus-session': 'a' })
    await chat(mock, '/sessions/b')
    await chat(mock, '')
    const a = mock.session('a').requests()
    expect(a.map((entry) => [entry.session, entry.status, entry.path, entry.endpoint])).toEqual([
      ['a', 429, '/sessions/a/v1/chat/completions', '/v1/chat/completions'],
      ['a', 429, '/v1/chat/completions', '/v1/chat/completions'],
    ])
    const page = await admin(mock, 'GET', '/_mocktopus/requests?session=b')
    expect((page.body.requests as { session: string }[]).map((entry) => entry.session)).toEqual([
      'b',
    ])
    expect(mock.requests().map((entry) => entry.session)).toEqual(['a', 'a', 'b', undefined])
    // A tooling route reached with the header reads that session.
    const byHeader = await mock.fetch(`${ORIGIN}/_mocktopus/requests`, {
      headers: { 'x-mocktopus-session': 'a' },
    })
    expect(((await byHeader.json()) as { requests: unknown[] }).requests).toHaveLength(2)
  })

  it('resets one session without touching the others', async () => {
    const mock = await start()
    await chat(mock, '/sessions/a')
    await chat(mock, '/sessions/b')
    expect((await admin(mock, 'POST', '/_mocktopus/reset?session=a')).status).toBe(200)
    expect(mock.session('a').requests()).toEqual([])
    expect(mock.session('b').requests()).toHaveLength(1)
    expect((await chat(mock, '/sessions/a')).status).toBe(429)
    expect((await chat(mock, '/sessions/b')).status).toBe(429)
    expect((await chat(mock, '/sessions/b')).status).toBe(200)
    expect((await chat(mock, '/sessions/a')).status).toBe(429)
  })

  it('refuses a malformed id, and a prefix and header naming two sessions, with 400', async () => {
    const mock = await start()
    const bad = await chat(mock, '/sessions/a%20b')
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: { code: 'invalid_session' } })
    const both = await chat(mock, '/sessions/a', { 'x-mocktopus-session': 'b' })
    expect(both.status).toBe(400)
    expect((both.body.error as { message: string }).message).toContain('name one session')
    const long = await chat(mock, '', { 'x-mocktopus-session': 'x'.repeat(129) })
    expect(long.status).toBe(400)
    const anthropic = await mock.fetch(`${ORIGIN}/sessions/no!/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: '{}',
    })
    expect(anthropic.status).toBe(400)
    expect(await anthropic.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    })
  })

  it('installs a session scenario over HTTP, refuses a broken one with file:line:col', async () => {
    const mock = await start()
    const yaml = 'version: 1\nrules:\n  - type: llm\n    respond: { content: own answer }\n'
    const put = await admin(mock, 'PUT', '/_mocktopus/sessions/own/scenario', yaml)
    expect(put).toEqual({ status: 200, body: { id: 'own', scenario: { rules: 1 } } })
    const answer = await chat(mock, '/sessions/own')
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ choices: [{ message: { content: 'own answer' } }] })
    expect((await chat(mock, '')).status).toBe(429)

    const json = JSON.stringify({ version: 1, rules: [{ type: 'llm', respond: { content: 'j' } }] })
    expect((await admin(mock, 'PUT', '/_mocktopus/sessions/json/scenario', json)).status).toBe(200)
    expect((await chat(mock, '/sessions/json')).body).toMatchObject({
      choices: [{ message: { content: 'j' } }],
    })

    const broken = 'version: 1\nrules:\n  - type: llm\n    respnd: { content: x }\n'
    const refused = await admin(mock, 'PUT', '/_mocktopus/sessions/own/scenario', broken)
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({ error: { code: 'invalid_scenario' } })
    expect((refused.body.error as { message: string }).message).toMatch(
      /^sessions\/own\/scenario:3:5 rules\[0\]: needs "respond"/,
    )
    expect((refused.body.error as { message: string }).message).toContain(
      'sessions/own/scenario:4:5 rules[0].respnd: unknown key "respnd"',
    )
    expect(refused.body.issues).toHaveLength(2)
    // The scenario in place is kept.
    expect((await chat(mock, '/sessions/own')).body).toMatchObject({
      choices: [{ message: { content: 'own answer' } }],
    })
  })

  it('ends a session on DELETE; an unknown one is 404', async () => {
    const mock = await start()
    await chat(mock, '/sessions/a')
    expect(await admin(mock, 'DELETE', '/_mocktopus/sessions/a')).toEqual({
      status: 200,
      body: { id: 'a', deleted: true },
    })
    expect((await admin(mock, 'DELETE', '/_mocktopus/sessions/a')).status).toBe(404)
    expect((await chat(mock, '/sessions/a')).status).toBe(429)
    expect((await admin(mock, 'GET', '/_mocktopus/sessions/a')).status).toBe(405)
    const list = await admin(mock, 'GET', '/_mocktopus/sessions')
    expect(list.body).toMatchObject({ sessions: [{ id: 'a', requests: 1 }], max: 1000 })
  })

  it('evicts the least recently used session at the bound, and logs it', async () => {
    const logged: string[] = []
    const mock = await start({ sessions: { max: 2, log: (line) => logged.push(line) } })
    await chat(mock, '/sessions/a')
    await chat(mock, '/sessions/b')
    mock.session('a').requests()
    await chat(mock, '/sessions/c')
    expect(logged).toHaveLength(1)
    expect(logged[0]).toContain('"b"')
    expect(logged[0]).toContain('session table full (2 sessions)')
    const ids = (await admin(mock, 'GET', '/_mocktopus/sessions')).body.sessions as { id: string }[]
    expect(ids.map((session) => session.id).sort()).toEqual(['a', 'c'])
  })

  it('counts costs per session', async () => {
    const mock = await start()
    for (let i = 0; i < 3; i++) await chat(mock, '/sessions/a')
    const report = await admin(mock, 'GET', '/cost-report?session=a')
    expect(report.body).toMatchObject({ session: 'a', report: { requests_mocked: 1 } })
    const other = await admin(mock, 'GET', '/cost-report?session=b')
    expect(other.body).toMatchObject({ report: { requests_mocked: 0 } })
  })

  it('gives in-process handles with URLs and a scenario of their own', async () => {
    const mock = await start()
    const session = mock.session('unit')
    expect(session.baseURL).toBe(`${ORIGIN}/sessions/unit/v1`)
    expect(session.anthropicBaseURL).toBe(`${ORIGIN}/sessions/unit`)
    expect(session.headers).toEqual({ 'x-mocktopus-session': 'unit' })
    session.useScenario({ version: 1, rules: [{ type: 'llm', respond: { content: 'object' } }] })
    expect((await chat(mock, '/sessions/unit')).body).toMatchObject({
      choices: [{ message: { content: 'object' } }],
    })
    expect(() => session.useScenario('version: 1\nrules: [{ type: nope }]')).toThrow(
      /session unit:2:9 rules\[0\]/,
    )
    expect(mock.session().id).toMatch(/^session-[0-9a-f-]{36}$/)
    expect(() => mock.session('bad id')).toThrow(/Invalid session id/)
  })

  it('lets a preflight ask for the session header even with a fixed header list', async () => {
    const mock = await start({ cors: { allowHeaders: ['content-type'] } })
    const response = await mock.fetch(`${ORIGIN}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-mocktopus-session',
      },
    })
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'content-type,x-mocktopus-session',
    )
  })
})

describe('createSessionTable', () => {
  it('ends sessions idle past the timeout', async () => {
    let now = 0
    const mock = await start()
    const base = (id: string, at: number) =>
      newSession(id, at, {} as never, { reset() {} } as never, 0)
    const table = createSessionTable({ idleTimeoutMs: 1000, now: () => now }, base)
    table.use('a')
    now = 500
    table.use('b')
    now = 1200
    expect(table.list().map((session) => session.id)).toEqual(['b'])
    expect(table.find('a')).toBeUndefined()
    now = 5000
    expect(table.size).toBe(0)
    expect(mock.session('x').id).toBe('x')
  })
})

describe('sessionNamed', () => {
  it('strips the prefix, decodes the id, and leaves other paths alone', () => {
    expect(sessionNamed('/sessions/a.b:c/v1/models', undefined)).toEqual({
      id: 'a.b:c',
      path: '/v1/models',
    })
    expect(sessionNamed('/sessions/a', undefined)).toEqual({ id: 'a', path: '/' })
    expect(sessionNamed('/v1/models', 'h')).toEqual({ id: 'h', path: '/v1/models' })
    expect(sessionNamed('/v1/models', undefined)).toBeUndefined()
  })
})
