/**
 * @module @mocktopus/server/jest
 *
 * `useMocktopus(options?)` for Jest: one line in a test file gives it a server of its own
 * (started on a free port of 127.0.0.1 in `beforeAll`, closed in `afterAll`) and each test a
 * session of its own, or the server reset (`perTest: 'reset'`). See docs/testing.md.
 */
import {
  createTestServer,
  type MocktopusForTests,
  sessionIdFor,
  type TestState,
  type UseMocktopusOptions,
} from './use-mocktopus.js'

export type { MocktopusForTests, UseMocktopusOptions } from './use-mocktopus.js'

type Hook = (fn: () => unknown, timeout?: number) => void

/** The Jest globals `useMocktopus` registers its hooks with; `@jest/globals` exports the same. */
export interface JestHooks {
  readonly beforeAll: Hook
  readonly afterAll: Hook
  readonly beforeEach: Hook
  readonly afterEach: Hook
  readonly expect: { getState(): { currentTestName?: string | undefined } }
}

// Starting the server is quick, but a busy CI machine should not fail a suite over it.
const START_TIMEOUT_MS = 30_000

/**
 * A server for this file (or `describe`) and a session per test. Inside a test, the returned
 * object's getters answer for that test. Jest runs a file's tests one at a time, so the current
 * test is the one between `beforeEach` and `afterEach`. With `injectGlobals: false`, pass the
 * hooks: `useMocktopus(options, { beforeAll, afterAll, beforeEach, afterEach, expect })` from
 * `@jest/globals`.
 *
 * @example
 * const mocktopus = useMocktopus({ scenarioFile: 'scenario.yaml' })
 * test('answers', async () => {
 *   const openai = new OpenAI({ apiKey: 'test', baseURL: mocktopus.baseURL })
 *   await openai.chat.completions.create({ model: 'gpt-4o', messages })
 *   expect(mocktopus.requests()).toHaveLength(1)
 * })
 */
export function useMocktopus(
  options: UseMocktopusOptions = {},
  hooks: JestHooks = globalThis as unknown as JestHooks,
): MocktopusForTests {
  const { afterAll, afterEach, beforeAll, beforeEach, expect } = hooks
  if (typeof beforeAll !== 'function' || typeof expect?.getState !== 'function') {
    throw new Error(
      "[mocktopus] useMocktopus needs Jest's globals: call it in a Jest test file, or pass them: useMocktopus(options, { beforeAll, afterAll, beforeEach, afterEach, expect }) from '@jest/globals'",
    )
  }
  const tests = createTestServer(options)
  let current: TestState | undefined
  let count = 0
  beforeAll(() => tests.start(), START_TIMEOUT_MS)
  afterAll(() => tests.close())
  beforeEach(() => {
    count += 1
    const name = expect.getState().currentTestName ?? 'test'
    current = tests.begin(sessionIdFor({ name, id: String(count) }))
  })
  afterEach(() => {
    if (current) tests.finish(current)
    current = undefined
  })
  return tests.view(() => current, 'useMocktopus')
}
