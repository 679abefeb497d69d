// A Jest suite as a user writes it: one line for the server, the openai SDK over HTTP, Jest's
// own globals (test, expect, describe). Two 429s, then an answer: each test sees both 429s only
// with counters of its own.
import { useMocktopus } from '@mocktopus/server/jest'
import OpenAI from 'openai'

const mocktopus = useMocktopus({
  scenario: `version: 1
rules:
  - type: llm
    times: 2
    error: { error_type: rate_limit, message: slow down }
  - type: llm
    respond: { content: fallback }
`,
})

async function statuses(count) {
  const openai = new OpenAI({ apiKey: 'test', baseURL: mocktopus.baseURL, maxRetries: 0 })
  const seen = []
  for (let i = 0; i < count; i++) {
    try {
      await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `call ${i}` }],
      })
      seen.push(200)
    } catch (error) {
      seen.push(error.status)
    }
  }
  return seen
}

describe('useMocktopus under Jest', () => {
  test('a test gets a server on 127.0.0.1 and a session named after it', async () => {
    expect(mocktopus.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(mocktopus.session.id).toMatch(/^useMocktopus-under-Jest-a-test-gets-a-server/)
    expect(mocktopus.baseURL).toBe(`${mocktopus.url}/sessions/${mocktopus.session.id}/v1`)
    expect(await statuses(3)).toEqual([429, 429, 200])
    expect(mocktopus.requests()).toHaveLength(3)
  })

  test('the next test starts with fresh counters', async () => {
    expect(mocktopus.requests()).toEqual([])
    expect(await statuses(1)).toEqual([429])
  })
})
