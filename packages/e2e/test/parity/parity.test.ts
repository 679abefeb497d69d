/**
 * Transport parity: every request of the table (./cases.ts) answered through the Hono app
 * (`mock.app.request`), the in-process `fetch` and `serve(mock)` over real HTTP gets the same
 * status, headers and bytes, and leaves the same journal; where it is an SDK call, the stub
 * client returns (or throws) what the SDK would make of those bytes. Then what a table cannot
 * hold: a client leaving mid-stream, and the app mounted under a prefix.
 */
import { createMocktopus, type Exchange, type Mocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import { createStubClient } from '@mocktopus/stub'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { ANTHROPIC_VERSION, CASES, type Case, CHAT, post, SCENARIO, SLOW_STREAM } from './cases.js'
import {
  type Answer,
  answerOf,
  comparableJournal,
  initOf,
  jsonOf,
  NOW,
  type Sent,
  sdkOutcomeOf,
  send,
  stubOutcomeOf,
  textOf,
  WAYS,
  type Way,
} from './transports.js'

const servers: RunningServer[] = []

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close({ timeoutMs: 0 })))
})

interface Instance {
  readonly mock: Mocktopus
  readonly url: string | undefined
}

async function start(way: Way, options: Case['options'] = {}): Promise<Instance> {
  const mock = await createMocktopus({ ...options, scenario: SCENARIO, fixedTime: NOW })
  if (way !== 'serve') return { mock, url: undefined }
  const server = await serve(mock, { port: 0 })
  servers.push(server)
  return { mock, url: server.url }
}

interface Run {
  readonly answers: Answer[]
  readonly journal: unknown[]
}

async function run(testCase: Case, way: Way): Promise<Run> {
  const { mock, url } = await start(way, testCase.options)
  const answers: Answer[] = []
  for (const step of testCase.steps) {
    const sent = typeof step.sent === 'function' ? step.sent(answers) : step.sent
    answers.push(await send({ way, mock, url }, sent))
  }
  return { answers, journal: comparableJournal(mock.requests()) }
}

describe('transport parity', () => {
  for (const testCase of CASES) {
    it(`answers ${testCase.name} alike`, async () => {
      const runs = new Map<Way, Run>()
      for (const way of WAYS) runs.set(way, await run(testCase, way))
      const app = runs.get('app') as Run

      // Soft, so one test reports every transport that differs, and the checks still run.
      const fetchDiffers = testCase.steps.some((step) => step.inProcess !== undefined)
      for (const way of WAYS) {
        const { answers, journal } = runs.get(way) as Run
        answers.forEach((answer, i) => {
          const inProcess = testCase.steps[i]?.inProcess
          if (way === 'fetch' && inProcess !== undefined) {
            expect
              .soft(answer.status, `fetch (in process, no Host or Origin check), step ${i + 1}`)
              .toBe(inProcess)
          } else expect.soft(answer, `${way}, step ${i + 1}`).toEqual(app.answers[i])
        })
        if (way !== 'fetch' || !fetchDiffers) {
          expect.soft(journal, `${way}, journal`).toEqual(app.journal)
        }
      }
      testCase.steps.forEach((step, i) => {
        const answer = app.answers[i] as Answer
        expect(answer.status, `step ${i + 1}: ${textOf(answer)}`).toBe(step.status)
        step.check?.(answer)
      })

      const calls = testCase.steps.filter((step) => step.stub)
      if (calls.length === 0) return
      const stub = createStubClient(SCENARIO, { fixedTime: NOW })
      for (const [i, step] of testCase.steps.entries()) {
        if (!step.stub) continue
        const call = step.stub
        const outcome = await stubOutcomeOf(() => call(stub, app.answers.slice(0, i)))
        expect(outcome, `stub, step ${i + 1}`).toEqual(sdkOutcomeOf(app.answers[i] as Answer))
      }
      if (calls.length === testCase.steps.length) {
        expect(comparableJournal(stub.requests()), 'stub, journal').toEqual(app.journal)
      }
    })
  }
})

async function waitFor(done: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not done after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

function request(way: Way, instance: Instance, sent: Sent, signal: AbortSignal) {
  const init = initOf(sent, signal)
  switch (way) {
    case 'app':
      return instance.mock.app.request(sent.path, init)
    case 'fetch':
      return instance.mock.fetch(`http://mocktopus.local${sent.path}`, init)
    case 'serve':
      return fetch(`${instance.url}${sent.path}`, init)
  }
}

describe('a client that leaves a stream after its first chunk', () => {
  const left = new Map<Way, { journal: unknown[]; answer: Answer }>()

  for (const way of WAYS) {
    it(`is journaled, and the server answers on (${way})`, async () => {
      const instance = await start(way)
      const controller = new AbortController()
      const response = await request(way, instance, SLOW_STREAM, controller.signal)
      expect(response.status).toBe(200)
      const reader = (response.body as ReadableStream<Uint8Array>).getReader()
      const first = await reader.read()
      expect(new TextDecoder().decode(first.value)).toMatch(/^data: \{/)
      controller.abort()
      // In process the body is not tied to the signal: the client also stops reading, as
      // fetch does over HTTP when aborted.
      await reader.cancel().catch(() => {})

      await waitFor(() => instance.mock.requests().length === 1)
      const [entry] = instance.mock.requests() as [Exchange]
      // The status it is journaled with is compared across transports below, not fixed here.
      expect(entry).toMatchObject({ endpoint: '/v1/chat/completions', stream: true, ruleIndex: 4 })
      const answer = await send({ way, mock: instance.mock, url: instance.url }, CHAT)
      expect(answer.status).toBe(200)
      expect(instance.mock.requests()).toHaveLength(2)
      left.set(way, { journal: comparableJournal(instance.mock.requests()), answer })
    })
  }

  it('leaves the same journal and the same next answer on every transport', () => {
    const app = left.get('app')
    expect(app).toBeDefined()
    for (const way of WAYS) expect(left.get(way), way).toEqual(app)
  })
})

describe('the app mounted under a prefix', () => {
  const SENT: readonly Sent[] = [
    CHAT,
    post('/v1/chat/completions', {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'use tools' }],
      stream: true,
    }),
    post(
      '/v1/messages',
      { model: 'claude-sonnet-5-5', max_tokens: 8, messages: [{ role: 'user', content: 'hi' }] },
      ANTHROPIC_VERSION,
    ),
    post('/v1/chat/completions', {
      model: 'claude-x',
      messages: [{ role: 'user', content: 'nothing' }],
    }),
    { method: 'GET', path: '/v1/models' },
    { path: '/v1/chat/completions', body: '{"model":' },
  ]

  async function mounted() {
    const mock = await createMocktopus({ scenario: SCENARIO, fixedTime: NOW })
    const parent = new Hono()
    parent.route('/llm', mock.app)
    return { mock, parent }
  }

  it('answers as unmounted; the journal path keeps the prefix, the endpoint does not', async () => {
    const { mock, parent } = await mounted()
    const plain = await start('app')
    for (const sent of SENT) {
      const answer = await answerOf(sent, await parent.request(`/llm${sent.path}`, initOf(sent)))
      const unmounted = await send({ way: 'app', mock: plain.mock, url: undefined }, sent)
      expect(answer, sent.path).toEqual(unmounted)
    }
    const journal = comparableJournal(mock.requests()) as { path: string; endpoint: string }[]
    expect(journal.map((entry) => entry.path)).toEqual(SENT.map((sent) => `/llm${sent.path}`))
    expect(journal.map((entry) => entry.endpoint)).toEqual(SENT.map((sent) => sent.path))
    const unprefixed = journal.map((entry) => ({ ...entry, path: entry.endpoint }))
    expect(unprefixed).toEqual(comparableJournal(plain.mock.requests()))
  })

  it('answers a wrong method, an unknown path and a wrong base URL in the envelope, naming the path as sent', async () => {
    const { parent } = await mounted()
    const get = (path: string): Sent => ({ method: 'GET', path })
    const wrongMethod = await answerOf(
      get('/llm/v1/chat/completions'),
      await parent.request('/llm/v1/chat/completions', { method: 'GET' }),
    )
    expect(wrongMethod.status).toBe(405)
    expect(jsonOf(wrongMethod)).toMatchObject({
      error: { message: expect.stringContaining('GET /llm/v1/chat/completions') },
    })

    const unknown = await answerOf(
      get('/llm/v1/nope'),
      await parent.request('/llm/v1/nope', { method: 'GET' }),
    )
    expect(unknown.status).toBe(404)
    expect(jsonOf(unknown)).toMatchObject({ error: { code: 'unknown_url' } })

    const doubled = post('/llm/v1/v1/messages', { model: 'claude-sonnet-5-5', messages: [] })
    const wrongBase = await answerOf(doubled, await parent.request(doubled.path, initOf(doubled)))
    expect(wrongBase.status).toBe(404)
    expect(jsonOf(wrongBase)).toMatchObject({
      type: 'error',
      error: { message: expect.stringContaining('POST /llm/v1/v1/messages') },
    })
    expect(textOf(wrongBase)).toContain('Did you mean POST /v1/messages?')
  })
})
