/**
 * The runner-neutral half of `useMocktopus()` (`@mocktopus/server/vitest` and `/jest`): a server
 * started before a file's tests and closed after them, and per test either a session of its own
 * or the server reset. The runner entries decide when a test begins and ends and which test is
 * current; this file knows nothing of either runner.
 */
import type { Exchange } from '@mocktopus/responders'
import { MocktopusError } from '@mocktopus/scenario'
import type { StartedMocktopus, StartMocktopusOptions } from './node/start.js'
import type { MocktopusSession } from './session-host.js'

export interface UseMocktopusOptions extends StartMocktopusOptions {
  /**
   * What each test gets. `'session'` (default): a session of its own, named after the test, so
   * tests run in parallel (`describe.concurrent`) without sharing `times` counters, journals or
   * scenarios. `'reset'`: the whole server, reset before each test (counters, journal, stored
   * responses), for tests that run one at a time and clients that cannot take a base URL prefix
   * or header.
   */
  readonly perTest?: 'session' | 'reset'
}

/** What `useMocktopus()` returns: each getter answers for the test that reads it. */
export interface MocktopusForTests {
  /** The server's root, e.g. `http://127.0.0.1:53120`; readable from `beforeAll` on. */
  readonly url: string
  readonly port: number
  /** The current test's OpenAI API root: its session's, or `${url}/v1` with `perTest: 'reset'`. */
  readonly baseURL: string
  /** The current test's Anthropic API root (the SDK's `baseURL`). */
  readonly anthropicBaseURL: string
  /** The current test's session; with `perTest: 'reset'`, there is none and this throws. */
  readonly session: MocktopusSession
  /** The headers that name the current test's session (none with `perTest: 'reset'`). */
  readonly headers: Readonly<Record<string, string>>
  /** The running server: its whole journal, `mock.setScenario()`, `close()`. */
  readonly server: StartedMocktopus
  /** The current test's journal: what it sent, oldest first. */
  requests(): Exchange[]
  /** Restores the current test's counters and clears its journal (its session, or the server). */
  reset(): void
}

/** One test's share of the server. */
export interface TestState {
  readonly session: MocktopusSession | undefined
}

export interface TestServer {
  start(): Promise<void>
  close(): Promise<void>
  /** A test begins: its session, or the server reset. */
  begin(sessionId: string): TestState
  /** The test is over: its session ends. */
  finish(state: TestState): void
  /** The object the tests read, answering for `current()`. */
  view(current: () => TestState | undefined, helper: string): MocktopusForTests
}

export function createTestServer(options: UseMocktopusOptions = {}): TestServer {
  const { perTest = 'session', ...startOptions } = options
  let server: StartedMocktopus | undefined

  function started(helper: string): StartedMocktopus {
    if (server) return server
    throw new MocktopusError(
      `[mocktopus] ${helper}: the server starts in beforeAll; read it inside a hook or a test, not while the file is collected`,
    )
  }

  return {
    async start() {
      // Loaded here, not imported at the top: the entries that use this file also hold
      // `useMocktopusSession`, which runs where no Node server can (a browser test).
      const { startMocktopus } = await import('./node/start.js')
      server = await startMocktopus(startOptions)
    },
    async close() {
      const closing = server
      server = undefined
      await closing?.close()
    },
    begin(sessionId) {
      const running = started('useMocktopus')
      if (perTest === 'reset') {
        running.reset()
        return { session: undefined }
      }
      return { session: running.session(sessionId) }
    },
    finish(state) {
      state.session?.end()
    },
    view(current, helper) {
      const test = (what: string): TestState => {
        const state = current()
        if (state) return state
        throw new MocktopusError(
          `[mocktopus] ${helper}: ${what} belongs to a test; read it inside a test or its beforeEach/afterEach`,
        )
      }
      const session = (what: string): MocktopusSession | undefined => test(what).session
      return {
        get url() {
          return started(helper).url
        },
        get port() {
          return started(helper).port
        },
        get server() {
          return started(helper)
        },
        get baseURL() {
          return session('baseURL')?.baseURL ?? started(helper).baseURL
        },
        get anthropicBaseURL() {
          return session('anthropicBaseURL')?.anthropicBaseURL ?? started(helper).url
        },
        get headers() {
          return session('headers')?.headers ?? {}
        },
        get session() {
          const found = session('session')
          if (found) return found
          throw new MocktopusError(
            `[mocktopus] ${helper}: there are no sessions with perTest: 'reset'; use baseURL and requests()`,
          )
        },
        requests() {
          const found = session('requests()')
          return found ? found.requests() : started(helper).requests()
        },
        reset() {
          const found = session('reset()')
          if (found) found.reset()
          else started(helper).reset()
        },
      }
    },
  }
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
