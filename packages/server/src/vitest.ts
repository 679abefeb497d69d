/**
 * @module @mocktopus/server/vitest
 *
 * `useMocktopus(options?)`: one line in a test file gives it a server of its own (started on a
 * free port before its tests, closed after them) and each test a session of its own.
 * `useMocktopusSession(mock)`: each Vitest test gets a session of its own, named after the test,
 * so tests of one file (or of many files sharing one server) run in parallel without sharing
 * `times` counters, journals or scenarios. See docs/testing.md and docs/sessions.md.
 */
import {
  createTestServer,
  type MocktopusForTests,
  sessionIdFor,
  type TestState,
  type UseMocktopusOptions,
} from './use-mocktopus.js'

export type { MocktopusForTests, UseMocktopusOptions } from './use-mocktopus.js'
export { sessionIdFor } from './use-mocktopus.js'

type Hooks = Pick<typeof import('vitest'), 'afterAll' | 'afterEach' | 'beforeAll' | 'beforeEach'> &
  Partial<Pick<typeof import('vitest'), 'aroundEach'>>

// Vitest is an optional peer dependency: this entry still imports where it is missing (a plain
// Node project), and `useMocktopusSession` says so when called there.
const hooks: Hooks | undefined = await import('vitest').catch(() => undefined)

/** Anything that hands out sessions: `createMocktopus()`, `startMocktopus()`, `connectMocktopus()`. */
export interface SessionSource<Session> {
  session(id?: string): Session
}

interface Endable {
  readonly id: string
  end?(): unknown
}

/**
 * A session per test: call it at the top of a file or `describe`; inside a test, the returned
 * object is that test's session (`baseURL`, `headers`, `requests()`, `useScenario()`, ...).
 * Each test's session is ended after it. `source` may be a function, for a `mock` that
 * `beforeAll` creates.
 *
 * @example
 * const session = useMocktopusSession(() => mocktopus)
 * it('retries on 429', async () => {
 *   const openai = new OpenAI({ apiKey: 'test', baseURL: session.baseURL })
 *   expect(session.requests()).toHaveLength(0)
 * })
 */
export function useMocktopusSession<Session extends Endable>(
  source: SessionSource<Session> | (() => SessionSource<Session>),
): Session {
  if (!hooks) {
    throw new Error('[mocktopus] useMocktopusSession needs vitest: install it (pnpm add -D vitest)')
  }
  const { afterEach, beforeEach } = hooks
  let current: Session | undefined
  beforeEach((context) => {
    const from = typeof source === 'function' ? source() : source
    current = from.session(sessionIdFor(context.task))
  })
  afterEach(async () => {
    const ending = current
    current = undefined
    await ending?.end?.()
  })
  return new Proxy({} as Session, {
    get(_, key) {
      if (!current) {
        throw new Error(
          '[mocktopus] useMocktopusSession: the session exists only inside a test (between beforeEach and afterEach)',
        )
      }
      const value = Reflect.get(current, key)
      return typeof value === 'function' ? value.bind(current) : value
    },
    has: (_, key) => current !== undefined && key in current,
    ownKeys: () => (current ? Reflect.ownKeys(current) : []),
    getOwnPropertyDescriptor: (_, key) =>
      current ? Reflect.getOwnPropertyDescriptor(current, key) : undefined,
  })
}

/**
 * A server for this file (or `describe`) and, by default, a session per test: call it once at
 * the top; inside a test, the returned object's getters answer for that test, also when tests
 * run at the same time (`describe.concurrent`; Vitest 4.1's `aroundEach` keeps each test's
 * session with its own async calls). Options are `startMocktopus()`'s (`scenario`,
 * `scenarioFile`, ...) and `perTest: 'reset'` for one server reset before each test instead.
 *
 * @example
 * const mocktopus = useMocktopus({ scenarioFile: 'scenario.yaml' })
 * it('answers', async () => {
 *   const openai = new OpenAI({ apiKey: 'test', baseURL: mocktopus.baseURL })
 *   await openai.chat.completions.create({ model: 'gpt-4o', messages })
 *   expect(mocktopus.requests()).toHaveLength(1)
 * })
 */
export function useMocktopus(options: UseMocktopusOptions = {}): MocktopusForTests {
  if (!hooks) {
    throw new Error('[mocktopus] useMocktopus needs vitest: install it (pnpm add -D vitest)')
  }
  const { afterAll, afterEach, aroundEach, beforeAll, beforeEach } = hooks
  const tests = createTestServer(options)
  beforeAll(() => tests.start())
  afterAll(() => tests.close())
  if (aroundEach) {
    // Each test runs inside its own async context holding its state, so concurrent tests each
    // read their own session through the same object.
    let store: import('node:async_hooks').AsyncLocalStorage<TestState> | undefined
    beforeAll(async () => {
      const { AsyncLocalStorage } = await import('node:async_hooks')
      store = new AsyncLocalStorage()
    })
    aroundEach(async (runTest, context) => {
      const state = tests.begin(sessionIdFor(context.task))
      try {
        await (store as NonNullable<typeof store>).run(state, runTest)
      } finally {
        tests.finish(state)
      }
    })
    return tests.view(() => store?.getStore(), 'useMocktopus')
  }
  // Vitest before 4.1: one test at a time.
  let current: TestState | undefined
  beforeEach((context) => {
    current = tests.begin(sessionIdFor(context.task))
  })
  afterEach(() => {
    if (current) tests.finish(current)
    current = undefined
  })
  return tests.view(() => current, 'useMocktopus')
}
