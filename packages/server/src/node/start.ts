/**
 * `startMocktopus()`: one call for a test suite's `beforeAll` that creates a Mocktopus
 * instance, serves it on a free port on 127.0.0.1, and hands back what the tests need.
 */
import type { Exchange } from '@mocktopus/responders'
import { createMocktopus, type Mocktopus, type MocktopusOptions } from '../mocktopus.js'
import type { MocktopusSession } from '../session-host.js'
import { serve } from './serve.js'

export interface StartMocktopusOptions extends MocktopusOptions {
  /** Default 0: a free port, so parallel test files never collide. */
  readonly port?: number
  /** Default `127.0.0.1`: reachable from this machine only. */
  readonly hostname?: string
}

export interface StartedMocktopus {
  /** The server's root, e.g. `http://127.0.0.1:53120`: the Anthropic SDK's `baseURL`. */
  readonly url: string
  /** The OpenAI API root, `${url}/v1`: the `openai` SDK's `baseURL`. */
  readonly baseURL: string
  readonly port: number
  /** The instance behind the server, for `setScenario()`, `on('exchange')` and the like. */
  readonly mock: Mocktopus
  /** The request journal: every API request answered so far, oldest first. */
  requests(): Exchange[]
  /** Restores every `times` counter and clears the journal and stored responses. */
  reset(): void
  /**
   * A session on this server (a random id when none is given): `baseURL` and
   * `anthropicBaseURL` point at `${url}/sessions/<id>`. See docs/sessions.md.
   */
  session(id?: string): MocktopusSession
  /** Stops the server; resolves when it is closed. */
  close(): Promise<void>
}

/**
 * Starts a Mocktopus server for a test suite.
 *
 * @example
 * let mocktopus: StartedMocktopus
 * beforeAll(async () => { mocktopus = await startMocktopus({ scenarioFile: 'scenario.yaml' }) })
 * afterAll(() => mocktopus.close())
 * const openai = new OpenAI({ apiKey: 'test', baseURL: mocktopus.baseURL })
 */
export async function startMocktopus(
  options: StartMocktopusOptions = {},
): Promise<StartedMocktopus> {
  const { port = 0, hostname = '127.0.0.1', ...mockOptions } = options
  const mock = await createMocktopus(mockOptions)
  const server = await serve(mock, { port, hostname })
  return {
    url: server.url,
    baseURL: `${server.url}/v1`,
    port: server.port,
    mock,
    requests: () => mock.requests(),
    reset: () => mock.reset(),
    session(id) {
      const session = mock.session(id)
      const root = `${server.url}/sessions/${encodeURIComponent(session.id)}`
      return { ...session, baseURL: `${root}/v1`, anthropicBaseURL: root }
    },
    close: () => server.close(),
  }
}
