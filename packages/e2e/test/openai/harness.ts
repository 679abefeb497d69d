/**
 * Starts Mocktopus on 127.0.0.1 with a free port for a test file and stops it afterwards, so
 * every SDK under test talks real HTTP to the real server.
 */
import { type Clock, fixedClock } from '@mocktopus/responders'
import { createMocktopus, type Exchange, type Mocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import { afterAll, beforeAll, beforeEach } from 'vitest'

export interface Harness {
  mock: Mocktopus
  server: RunningServer
  /** `http://127.0.0.1:<port>/v1` */
  baseURL: string
  exchanges: Exchange[]
}

/** An instant clock frozen at 2023-11-14: bodies are byte-identical and delays take no time. */
export const TEST_CLOCK: Clock = fixedClock(1_700_000_000, { instant: true })

let strictRequests = false

/**
 * Makes every harness of this test file serve with strict requests (docs/server.md): a file that
 * calls it and then imports other test files runs their flows in strict mode.
 */
export function useStrictRequests(): void {
  strictRequests = true
}

/**
 * Serves `scenario` for the tests of the calling file; counters reset before each test.
 *
 * @example const h = useMocktopus(SCENARIO)
 */
export function useMocktopus(scenario: string, options: { clock?: Clock } = {}): Harness {
  const harness = { exchanges: [] as Exchange[] } as Harness
  beforeAll(async () => {
    harness.mock = await createMocktopus({
      scenario,
      clock: options.clock ?? TEST_CLOCK,
      ...(strictRequests ? { strict: true } : {}),
    })
    harness.mock.on('exchange', (exchange) => harness.exchanges.push(exchange))
    harness.server = await serve(harness.mock, { port: 0 })
    harness.baseURL = `${harness.server.url}/v1`
  })
  beforeEach(() => {
    harness.mock.reset()
    harness.exchanges.length = 0
  })
  afterAll(async () => {
    await harness.server?.close()
  })
  return harness
}
