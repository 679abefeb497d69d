import { describe, expect, it } from 'vitest'
import { buildPage } from '../../scripts/build-inspector.mjs'
import { createMocktopus, type Mocktopus } from '../mocktopus.js'
import { serve } from '../node.js'
import { INLINE_TEXT_CHARS } from './capture.js'
import { PAGE_HTML, PAGE_SCRIPT, PAGE_STYLE } from './page.generated.js'

const SCENARIO = `version: 1
rules:
  - type: llm
    when:
      messages_contains: hello
    respond:
      content: Hello there!
      usage: { input_tokens: 5, output_tokens: 3 }
  - type: llm
    when:
      model: gpt-4o
      messages_contains: stream me
    respond:
      content: one two three
  - type: embeddings
    when:
      model: never-used
    respond: {}
`

const BASE = 'http://127.0.0.1:8080'

// biome-ignore lint/suspicious/noExplicitAny: JSON read back from the server
type JSONValue = any

function chat(mock: Mocktopus, text: string, extra: Record<string, unknown> = {}) {
  return mock.app.request(`${BASE}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-secret-key' },
    body: JSON.stringify({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: text }],
      ...extra,
    }),
  })
}

async function getJSON(mock: Mocktopus, path: string, headers: Record<string, string> = {}) {
  const response = await mock.app.request(`${BASE}${path}`, { headers })
  return { status: response.status, body: (await response.json()) as Record<string, JSONValue> }
}

// Reads server-sent events until `until` holds for the frames read so far.
async function readEvents(
  response: Response,
  until: (frames: { event: string; data: JSONValue }[]) => boolean,
) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  const frames: { event: string; data: JSONValue }[] = []
  let buffer = ''
  while (!until(frames)) {
    const { value, done } = await reader.read()
    if (done) break
    buffer += decoder.decode(value, { stream: true })
    let end = buffer.indexOf('\n\n')
    while (end !== -1) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message'
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? ''
      frames.push({ event, data: JSON.parse(data) })
      end = buffer.indexOf('\n\n')
    }
  }
  await reader.cancel()
  return frames
}

describe('the inspector page', () => {
  it('is served from memory with a policy that keeps every load on this server', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const page = await mock.app.request(`${BASE}/_mocktopus/ui`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'")
    expect(await page.text()).toBe(PAGE_HTML)
    const script = await mock.app.request(`${BASE}/_mocktopus/ui/app.js`)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe(PAGE_SCRIPT)
    expect(PAGE_HTML + PAGE_SCRIPT + PAGE_STYLE).not.toMatch(/https?:\/\/(?!\$)/)
  })

  it('is built from its sources (run `pnpm --filter @mocktopus/server build:inspector`)', () => {
    const built = buildPage()
    expect(PAGE_HTML).toBe(built.html)
    expect(PAGE_SCRIPT).toBe(built.script)
    expect(PAGE_STYLE).toBe(built.style)
  })

  it('is off with the admin routes', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, admin: false })
    expect((await mock.app.request(`${BASE}/_mocktopus/ui`)).status).toBe(404)
    expect((await mock.app.request(`${BASE}/_mocktopus/inspector/events`)).status).toBe(404)
  })

  it('serves the page without the auth token, and its data only with it', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, authToken: 's3cret' })
    expect((await mock.app.request(`${BASE}/_mocktopus/ui`)).status).toBe(200)
    expect((await mock.app.request(`${BASE}/_mocktopus/ui/app.css`)).status).toBe(200)
    expect((await getJSON(mock, '/_mocktopus/inspector/scenario')).status).toBe(401)
    expect((await mock.app.request(`${BASE}/_mocktopus/inspector/events`)).status).toBe(401)
    const given = await getJSON(mock, '/_mocktopus/inspector/scenario', {
      authorization: 'Bearer s3cret',
    })
    expect(given.status).toBe(200)
  })

  it('refuses another site’s page and answers its own', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const foreign = await mock.app.request(`${BASE}/_mocktopus/inspector/entry?n=1`, {
      headers: { origin: 'https://evil.example' },
    })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    await chat(mock, 'hello')
    const own = await mock.app.request(`${BASE}/_mocktopus/inspector/entry?n=1`, {
      headers: { origin: BASE },
    })
    expect(own.status).toBe(200)
  })
})

describe('the live feed', () => {
  it('starts with the kept entries, says when it is ready, then sends each new one', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    await chat(mock, 'hello world')
    await chat(mock, 'no rule for this one')
    const feed = await mock.app.request(`${BASE}/_mocktopus/inspector/events`)
    expect(feed.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const reading = readEvents(feed, (frames) => frames.length >= 4)
    // The feed has sent its start; an exchange recorded now reaches it live.
    await new Promise((resolve) => setTimeout(resolve, 20))
    await chat(mock, 'hello again')
    const frames = await reading
    expect(frames.map((frame) => frame.event)).toEqual(['entry', 'entry', 'ready', 'entry'])
    const [first, second, ready, live] = frames.map((frame) => frame.data)
    expect(first).toMatchObject({
      n: 1,
      provider: 'openai',
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o',
      text: 'hello world',
      status: 200,
      ruleIndex: 0,
      rule: 'scenario:3',
      stream: false,
    })
    expect(first.cost).toBeGreaterThan(0)
    expect(second).toMatchObject({ n: 2, ruleIndex: null, status: 404 })
    expect(ready).toEqual({ cursor: 2 })
    expect(live).toMatchObject({ n: 3, text: 'hello again', ruleIndex: 0 })
  })

  it('resumes after a cursor without losing or repeating entries', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    for (const text of ['hello 1', 'hello 2', 'hello 3']) await chat(mock, text)
    const feed = await mock.app.request(`${BASE}/_mocktopus/inspector/events?after=1`)
    const frames = await readEvents(feed, (read) => read.some((frame) => frame.event === 'ready'))
    expect(frames.map((frame) => frame.data.n ?? 'ready')).toEqual([2, 3, 'ready'])
  })

  it('is cut off by a Node server’s close(), which does not wait for it', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const server = await serve(mock, { port: 0, shutdownTimeoutMs: 60_000 })
    const feed = await fetch(`${server.url}/_mocktopus/inspector/events`)
    const reading = readEvents(feed, () => false).then(
      () => 'ended',
      (error: Error) => error.message,
    )
    await server.close()
    // The socket was destroyed mid-stream, as `close()` does to a request past its timeout.
    await expect(reading).resolves.toBe('terminated')
  })

  it('tells the page when the journal is reset', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    await chat(mock, 'hello')
    const feed = await mock.app.request(`${BASE}/_mocktopus/inspector/events`)
    const reading = readEvents(feed, (frames) => frames.some((frame) => frame.event === 'reset'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await mock.app.request(`${BASE}/_mocktopus/reset`, { method: 'POST' })
    const frames = await reading
    expect(frames.at(-1)).toEqual({ event: 'reset', data: { cursor: 1 } })
  })
})

describe('an entry’s detail', () => {
  it('explains every rule up to the one that answered, and keeps the answer and headers', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    await (await chat(mock, 'please stream me a reply', { stream: true })).text()
    const { status, body } = await getJSON(mock, '/_mocktopus/inspector/entry?n=1')
    expect(status).toBe(200)
    expect(body.entry).toMatchObject({ n: 1, ruleIndex: 1, stream: true })
    expect(body.verdicts).toEqual([
      expect.objectContaining({
        index: 0,
        name: 'rules[0] (line 3)',
        matched: false,
        answered: false,
        reasons: [expect.stringContaining('does not contain "hello"')],
      }),
      expect.objectContaining({ index: 1, matched: true, answered: true }),
    ])
    expect(body.suggestion).toBeUndefined()
    expect(body.requestHeaders).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer ***',
    })
    expect(JSON.stringify(body)).not.toContain('sk-secret-key')
    expect(body.responseHeaders).toMatchObject({ 'x-mocktopus-rule': '1' })
    expect(body.answer.kind).toBe('stream')
    const frames = body.answer.frames as { ms: number; data: string }[]
    expect(frames.at(-1)?.data).toBe('[DONE]')
    expect(frames.length).toBeGreaterThan(3)
    for (const [i, frame] of frames.entries()) {
      expect(frame.ms).toBeGreaterThanOrEqual(i === 0 ? 0 : (frames[i - 1]?.ms ?? 0))
    }
  })

  it('explains when.params with the request body, as the engine matched it', async () => {
    const mock = await createMocktopus({
      scenario: `version: 1
rules:
  - type: llm
    when: { params: { temperature: 0.9 } }
    respond: { content: hot }
  - type: llm
    when: { params: { temperature: 0.2 } }
    respond: { content: cold }
`,
    })
    await (await chat(mock, 'hi', { temperature: 0.2 })).text()
    const { body } = await getJSON(mock, '/_mocktopus/inspector/entry?n=1')
    expect(body.verdicts).toEqual([
      expect.objectContaining({
        index: 0,
        matched: false,
        reasons: ['params.temperature is 0.2, the rule expects 0.9'],
      }),
      expect.objectContaining({ index: 1, matched: true, answered: true }),
    ])
  })

  it('suggests, for an unmatched request, a rule that makes it match once appended', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    await chat(mock, 'What is the capital of Peru?')
    const { body } = await getJSON(mock, '/_mocktopus/inspector/entry?n=1')
    expect(body.entry.ruleIndex).toBeNull()
    expect(body.answer).toMatchObject({ kind: 'json' })
    expect(JSON.parse(body.answer.text).error.code).toBe('no_matching_rule')
    expect(body.suggestion).toBe(
      [
        '  - type: llm',
        '    when:',
        '      endpoint: /v1/chat/completions',
        '      model: gpt-4o',
        '      messages_contains: What is the capital of Peru?',
        '    respond:',
        '      content: "TODO: the answer this request should get"',
        '',
      ].join('\n'),
    )
    mock.setScenario(SCENARIO + body.suggestion)
    const again = await chat(mock, 'What is the capital of Peru?')
    expect(again.status).toBe(200)
    expect(again.headers.get('x-mocktopus-rule')).toBe('3')
  })

  it('shows a long answer (kept as its value) with exactly the text the client got', async () => {
    const mock = await createMocktopus({
      scenario: 'version: 1\nrules:\n  - type: embeddings\n    respond: {}\n',
    })
    const answer = await mock.fetch('http://127.0.0.1/v1/embeddings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'text-embedding-3-small', input: ['one', 'two'] }),
    })
    const sent = await answer.text()
    expect(sent.length).toBeGreaterThan(INLINE_TEXT_CHARS)
    const { body } = await getJSON(mock, '/_mocktopus/inspector/entry?n=1')
    expect(body.answer).toEqual({ kind: 'json', text: sent })
  })

  it('answers 404 for an entry the journal no longer keeps', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, journal: { size: 1 } })
    await chat(mock, 'hello 1')
    await chat(mock, 'hello 2')
    expect((await getJSON(mock, '/_mocktopus/inspector/entry?n=1')).status).toBe(404)
    expect((await getJSON(mock, '/_mocktopus/inspector/entry?n=2')).status).toBe(200)
  })

  it('keeps the answers of the entries the journal keeps, across many requests and a reset', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, journal: { size: 3 } })
    const answerOf = async (n: number) =>
      (await getJSON(mock, `/_mocktopus/inspector/entry?n=${n}`)).body.answer
    for (let i = 1; i <= 20; i++) await chat(mock, `hello ${i}`)
    for (const n of [18, 19, 20]) {
      expect(JSON.parse((await answerOf(n)).text).choices[0].message.content).toBe('Hello there!')
    }
    mock.reset()
    for (let i = 21; i <= 24; i++) await chat(mock, `hello ${i}`)
    for (const n of [22, 23, 24]) expect((await answerOf(n)).kind).toBe('json')
    expect((await getJSON(mock, '/_mocktopus/inspector/entry?n=21')).status).toBe(404)
  })
})

describe('sessions', () => {
  it('explains a session’s request against the scenario the session installed', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const own =
      'version: 1\nrules:\n  - type: llm\n    when:\n      messages_contains: ping\n    respond:\n      content: pong\n'
    const installed = await mock.app.request(`${BASE}/_mocktopus/sessions/alice/scenario`, {
      method: 'PUT',
      body: own,
    })
    expect(installed.status).toBe(200)
    const answered = await mock.app.request(`${BASE}/sessions/alice/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'ping' }] }),
    })
    expect(answered.status).toBe(200)
    const { body } = await getJSON(mock, '/_mocktopus/inspector/entry?n=1')
    expect(body.entry).toMatchObject({ session: 'alice', ruleIndex: 0 })
    expect(body.verdicts).toEqual([
      expect.objectContaining({ index: 0, name: 'rules[0] (line 3)', answered: true }),
    ])
    // The server's scenario view counts no hit for the session's own rule.
    const view = await getJSON(mock, '/_mocktopus/inspector/scenario')
    expect(view.body.unused).toBe(3)
  })
})

describe('the scenario view', () => {
  it('counts each rule’s hits and the rules never used', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    await chat(mock, 'hello')
    await chat(mock, 'hello')
    const { body } = await getJSON(mock, '/_mocktopus/inspector/scenario')
    expect(body.total).toBe(3)
    expect(body.unused).toBe(2)
    expect(body.rules.map((rule: { hits: number }) => rule.hits)).toEqual([2, 0, 0])
    expect(body.rules[2]).toMatchObject({ where: 'scenario:15', type: 'embeddings' })
  })
})
