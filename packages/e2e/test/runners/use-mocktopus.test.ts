import Anthropic from '@anthropic-ai/sdk'
import { useMocktopus } from '@mocktopus/server/vitest'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// `useMocktopus()` as a user's test file has it: one line, a real server on 127.0.0.1, the
// real SDKs over HTTP. Two 429s, then answers: each test sees the two 429s only if no other
// test shares its counters.
const SCENARIO = `version: 1
rules:
  - type: llm
    times: 2
    error: { error_type: rate_limit, message: slow down }
  - type: llm
    respond: { content: fallback }
`

const openai = (baseURL: string) => new OpenAI({ apiKey: 'test', baseURL, maxRetries: 0 })

async function statuses(baseURL: string, count: number): Promise<number[]> {
  const seen: number[] = []
  for (let i = 0; i < count; i++) {
    try {
      await openai(baseURL).chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `call ${i}` }],
      })
      seen.push(200)
    } catch (error) {
      seen.push((error as { status: number }).status)
    }
  }
  return seen
}

const mocktopus = useMocktopus({ scenario: SCENARIO })
let resetServerURL = ''

describe('useMocktopus()', () => {
  it('starts a server on a free port of 127.0.0.1 and names the test’s session', () => {
    expect(mocktopus.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(mocktopus.url).toBe(`http://127.0.0.1:${mocktopus.port}`)
    expect(mocktopus.session.id).toMatch(/^useMocktopus-starts-a-server-on-a-free-port/)
    const root = `${mocktopus.url}/sessions/${encodeURIComponent(mocktopus.session.id)}`
    expect(mocktopus.baseURL).toBe(`${root}/v1`)
    expect(mocktopus.anthropicBaseURL).toBe(root)
    expect(mocktopus.headers).toEqual({ 'x-mocktopus-session': mocktopus.session.id })
  })

  it('gives each test fresh counters and a journal of its own requests', async () => {
    expect(await statuses(mocktopus.baseURL, 3)).toEqual([429, 429, 200])
    expect(mocktopus.requests().map((entry) => entry.status)).toEqual([429, 429, 200])
  })

  it('serves the Anthropic SDK at anthropicBaseURL', async () => {
    const anthropic = new Anthropic({
      apiKey: 'test',
      baseURL: mocktopus.anthropicBaseURL,
      maxRetries: 0,
    })
    await expect(
      anthropic.messages.create({
        model: 'claude-sonnet-4-5',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    ).rejects.toMatchObject({ status: 429 })
    expect(mocktopus.requests()).toHaveLength(1)
  })

  it('reset() restores this test’s counters only', async () => {
    expect(await statuses(mocktopus.baseURL, 2)).toEqual([429, 429])
    mocktopus.reset()
    expect(mocktopus.requests()).toEqual([])
    expect(await statuses(mocktopus.baseURL, 1)).toEqual([429])
  })
})

describe.concurrent('useMocktopus() with tests running at the same time', () => {
  const TESTS = 4
  // Every test waits here until all have started, so they are in flight together.
  let arrived = 0
  let release: () => void = () => {}
  const together = new Promise<void>((resolve) => {
    release = resolve
  })
  async function meet() {
    arrived += 1
    if (arrived === TESTS) release()
    await together
  }

  for (let n = 0; n < TESTS; n++) {
    it(`test ${n} reads its own session`, async () => {
      const id = mocktopus.session.id
      await meet()
      const baseURL = mocktopus.baseURL
      expect(baseURL).toContain(`/sessions/${encodeURIComponent(id)}/v1`)
      const seen = await statuses(baseURL, 3)
      expect(seen).toEqual([429, 429, 200])
      expect(mocktopus.session.id).toBe(id)
      expect(mocktopus.requests()).toHaveLength(3)
      expect(mocktopus.requests().every((entry) => entry.session === id)).toBe(true)
    })
  }
})

describe("useMocktopus({ perTest: 'reset' })", () => {
  const shared = useMocktopus({ scenario: SCENARIO, perTest: 'reset' })

  beforeAll(() => {
    expect(() => shared.baseURL).toThrow(/belongs to a test/)
  })

  it('gives the test the server itself', async () => {
    resetServerURL = shared.url
    expect(shared.url).not.toBe(mocktopus.url)
    expect(shared.baseURL).toBe(`${shared.url}/v1`)
    expect(() => shared.session).toThrow(/no sessions with perTest: 'reset'/)
    expect(await statuses(shared.baseURL, 3)).toEqual([429, 429, 200])
  })

  it('resets it before the next test', async () => {
    expect(shared.requests()).toEqual([])
    expect(await statuses(shared.baseURL, 1)).toEqual([429])
    expect(shared.server.requests()).toHaveLength(1)
  })
})

afterAll(async () => {
  // The describe's own server closed when its tests were done; the file's is still up here.
  await expect(fetch(`${resetServerURL}/health`)).rejects.toThrow()
  expect((await fetch(`${mocktopus.url}/health`)).status).toBe(200)
})
