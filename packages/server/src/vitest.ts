/**
 * @module @mocktopus/server/vitest
 *
 * `useMocktopusSession(mock)`: each Vitest test gets a session of its own, named after the test,
 * so tests of one file (or of many files sharing one server) run in parallel without sharing
 * `times` counters, journals or scenarios. See docs/sessions.md.
 */
type Hooks = Pick<typeof import('vitest'), 'afterEach' | 'beforeEach'>

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

const MAX_NAME = 100

/**
 * The session id for a test: its name (with its suites) in the allowed characters, and its
 * Vitest id, so two tests of the same name never share a session.
 *
 * @example sessionIdFor({ name: 'adds', fullTestName: 'cart > adds', id: '1223_0_1' }) // 'cart-adds.1223_0_1'
 */
export function sessionIdFor(task: {
  readonly name: string
  readonly id: string
  readonly fullTestName?: string | undefined
}): string {
  const clean = (text: string) =>
    text
      .replace(/[^A-Za-z0-9._:-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_NAME)
  const name = clean(task.fullTestName ?? task.name) || 'test'
  return `${name}.${clean(task.id)}`.slice(0, 128)
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
