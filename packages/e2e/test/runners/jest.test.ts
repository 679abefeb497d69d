import { type JestHooks, useMocktopus } from '@mocktopus/server/jest'
import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'

// `@mocktopus/server/jest` driven as Jest drives a file: its hooks registered on Jest's globals
// while the file is collected, then beforeAll, each test between beforeEach and afterEach, and
// afterAll. Jest itself is not installed here; these globals record the hooks and run them in
// Jest's order, and the server, the sessions and the SDK are real.
const SCENARIO = `version: 1
rules:
  - type: llm
    times: 1
    error: { error_type: rate_limit, message: slow down }
  - type: llm
    respond: { content: fallback }
`

type Fn = () => unknown

function fakeJest() {
  const hooks = {
    beforeAll: [] as Fn[],
    afterAll: [] as Fn[],
    beforeEach: [] as Fn[],
    afterEach: [] as Fn[],
  }
  let currentTestName: string | undefined
  const globals: JestHooks = {
    beforeAll: (fn) => hooks.beforeAll.push(fn),
    afterAll: (fn) => hooks.afterAll.push(fn),
    beforeEach: (fn) => hooks.beforeEach.push(fn),
    afterEach: (fn) => hooks.afterEach.push(fn),
    expect: { getState: () => ({ currentTestName }) },
  }
  const all = async (fns: Fn[]) => {
    for (const fn of fns) await fn()
  }
  return {
    globals,
    hooks,
    beforeAll: () => all(hooks.beforeAll),
    afterAll: () => all(hooks.afterAll),
    async test(name: string, body: () => Promise<void>) {
      currentTestName = name
      await all(hooks.beforeEach)
      try {
        await body()
      } finally {
        await all(hooks.afterEach)
        currentTestName = undefined
      }
    },
  }
}

async function chatStatus(baseURL: string): Promise<number> {
  const openai = new OpenAI({ apiKey: 'test', baseURL, maxRetries: 0 })
  try {
    await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
    })
    return 200
  } catch (error) {
    return (error as { status: number }).status
  }
}

describe('useMocktopus from @mocktopus/server/jest', () => {
  it('registers one hook of each kind and starts nothing while the file is collected', () => {
    const jest = fakeJest()
    const mocktopus = useMocktopus({ scenario: SCENARIO }, jest.globals)
    expect(Object.values(jest.hooks).map((fns) => fns.length)).toEqual([1, 1, 1, 1])
    expect(() => mocktopus.url).toThrow(/starts in beforeAll/)
  })

  it('gives each test a session named after it, over real HTTP, and closes the server', async () => {
    const jest = fakeJest()
    const mocktopus = useMocktopus({ scenario: SCENARIO }, jest.globals)
    await jest.beforeAll()
    const url = mocktopus.url
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(() => mocktopus.baseURL).toThrow(/belongs to a test/)
    const ids: string[] = []
    for (const name of ['cart adds an item', 'cart adds an item']) {
      await jest.test(name, async () => {
        ids.push(mocktopus.session.id)
        expect(mocktopus.baseURL).toBe(`${url}/sessions/${mocktopus.session.id}/v1`)
        expect(await chatStatus(mocktopus.baseURL)).toBe(429)
        expect(await chatStatus(mocktopus.baseURL)).toBe(200)
        expect(mocktopus.requests().map((entry) => entry.status)).toEqual([429, 200])
      })
    }
    // Two tests of the same name still get sessions of their own.
    expect(ids).toEqual(['cart-adds-an-item.1', 'cart-adds-an-item.2'])
    expect(mocktopus.server.requests()).toHaveLength(4)
    await jest.afterAll()
    await expect(fetch(`${url}/health`)).rejects.toThrow()
  })

  it("with perTest: 'reset' gives each test the whole server, reset", async () => {
    const jest = fakeJest()
    const mocktopus = useMocktopus({ scenario: SCENARIO, perTest: 'reset' }, jest.globals)
    await jest.beforeAll()
    try {
      for (const name of ['first', 'second']) {
        await jest.test(name, async () => {
          expect(mocktopus.baseURL).toBe(`${mocktopus.url}/v1`)
          expect(mocktopus.requests()).toEqual([])
          expect(await chatStatus(mocktopus.baseURL)).toBe(429)
        })
      }
    } finally {
      await jest.afterAll()
    }
  })

  it('says what is missing outside Jest', () => {
    expect(() => useMocktopus({}, {} as JestHooks)).toThrow(/needs Jest's globals/)
  })
})
