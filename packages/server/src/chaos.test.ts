import { describe, expect, it } from 'vitest'
import { checkChaosSettings } from './chaos.js'
import { createMocktopus } from './mocktopus.js'

const SCENARIO = `version: 1
rules:
  - type: llm
    respond: { content: "Hello there from the mock" }
`
const BASE = 'http://mocktopus.local'

function chat(mock: { fetch: typeof fetch }, stream = false, headers: Record<string, string> = {}) {
  return mock.fetch(`${BASE}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream }),
  })
}

function setChaos(mock: { fetch: typeof fetch }, body: unknown, query = '') {
  return mock.fetch(`${BASE}/_mocktopus/chaos${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

describe('POST /_mocktopus/chaos', () => {
  it('turns faults on and off at run time, marking each in a header and the journal', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, fixedTime: 1_700_000_000 })
    expect((await chat(mock)).status).toBe(200)
    const set = await setChaos(mock, { rate_limit: 1, seed: 42 })
    expect(await set.json()).toEqual({
      chaos: { seed: 42, rate_limit: 1, rate_limit_headers: true },
    })
    const limited = await chat(mock)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-mocktopus-fault')).toBe('rate_limit')
    expect(limited.headers.get('retry-after')).toBe('1')
    expect(await limited.json()).toMatchObject({ error: { type: 'rate_limit_error' } })
    expect(mock.requests().at(-1)).toMatchObject({ status: 429, fault: 'rate_limit' })
    await setChaos(mock, {})
    expect((await chat(mock)).status).toBe(200)
  })

  it('refuses an unknown key with 400', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const answer = await setChaos(mock, { rate_limits: 0.1 })
    expect(answer.status).toBe(400)
    expect(await answer.json()).toMatchObject({ error: { code: 'invalid_chaos' } })
  })

  it('sets one session and leaves the others alone', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    await setChaos(mock, { server_error: 1 }, '?session=a')
    const inA = await chat(mock, false, { 'x-mocktopus-session': 'a' })
    expect([500, 503]).toContain(inA.status)
    expect((await chat(mock, false, { 'x-mocktopus-session': 'b' })).status).toBe(200)
    expect((await chat(mock)).status).toBe(200)
  })
})

describe('the chaos option', () => {
  it('sends truncated JSON with status 200 for malformed', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, chaos: { malformed: 1 } })
    const answer = await chat(mock)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('x-mocktopus-fault')).toBe('malformed')
    const text = await answer.text()
    expect(() => JSON.parse(text)).toThrow()
    expect(text.startsWith('{"id":"chatcmpl-')).toBe(true)
  })

  it('cuts a stream after the chunks a rule says', async () => {
    const mock = await createMocktopus({
      scenario: `version: 1
rules:
  - type: llm
    respond: { content: "one two three four five" }
    chaos: { disconnect_after_chunks: 2 }
`,
    })
    const answer = await chat(mock, true)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('x-mocktopus-fault')).toBe('disconnect')
    await expect(answer.text()).rejects.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(mock.requests().at(-1)).toMatchObject({ fault: 'disconnect', aborted: true })
  })

  it('counts the rate-limit headers down per request', async () => {
    const mock = await createMocktopus({
      scenario: SCENARIO,
      fixedTime: 1_700_000_000,
      chaos: { rate_limit_requests: 2, rate_limit_tokens: 1000 },
    })
    const first = await chat(mock)
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('2')
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('1')
    expect(first.headers.get('x-ratelimit-reset-requests')).toBe('1m0s')
    const used = 1000 - Number(first.headers.get('x-ratelimit-remaining-tokens'))
    expect(used).toBeGreaterThan(0)
    expect((await chat(mock)).headers.get('x-ratelimit-remaining-requests')).toBe('0')
    const refused = await chat(mock)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('60')
    mock.reset()
    expect((await chat(mock)).headers.get('x-ratelimit-remaining-requests')).toBe('1')
  })

  it('refuses settings that cannot be meant', async () => {
    expect(() => checkChaosSettings({ rate_limit: 2 })).toThrow(/chance from 0 to 1/)
    expect(() => checkChaosSettings({ rate_limit: 0.6, server_error: 0.6 })).toThrow(/add up/)
    await expect(createMocktopus({ chaos: { ttft_ms: -1 } })).rejects.toThrow(/ttft_ms/)
  })
})
