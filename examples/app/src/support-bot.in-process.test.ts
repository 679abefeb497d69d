/**
 * Way 2: the real `openai` SDK with Mocktopus's in-process `fetch`. The whole HTTP path runs
 * (JSON, SSE framing, status codes, headers, the SDK's own parsing and typed errors) without a
 * port. Use it to check that the app handles what the SDK really hands it.
 */
import { fileURLToPath } from 'node:url'
import { createMocktopus, type Mocktopus } from '@mocktopus/server'
import OpenAI from 'openai'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BUSY_REPLY, createSupportBot } from './support-bot.js'

const scenarioFile = fileURLToPath(new URL('../support.yaml', import.meta.url))
let mock: Mocktopus
let bot: ReturnType<typeof createSupportBot>

beforeAll(async () => {
  mock = await createMocktopus({ scenarioFile })
  const client = new OpenAI({
    apiKey: 'test-key',
    baseURL: 'http://mocktopus.local/v1',
    fetch: mock.fetch,
    // Errors are the thing under test here; the SDK would otherwise retry 429s.
    maxRetries: 0,
  })
  bot = createSupportBot({ client })
})

beforeEach(() => {
  mock.reset()
})

describe('support bot, with the in-process fetch', () => {
  it('triages tickets from the model JSON', async () => {
    expect(await bot.triage('Please refund my invoice')).toEqual({
      category: 'billing',
      urgent: true,
    })
    expect(await bot.triage('Where is my hat?')).toEqual({ category: 'other', urgent: false })
  })

  it('streams a reply over SSE', async () => {
    const reply = await bot.draftReply('I was charged twice')
    expect(reply).toBe('Sorry about that! I have refunded the duplicate charge.')
  })

  it('answers a real 429 with the busy reply', async () => {
    expect(await bot.draftReply('busy day')).toBe(BUSY_REPLY)
  })

  it('journals each request with its rule, status and body', async () => {
    await bot.triage('The app crashes on start')
    await bot.draftReply('busy day')
    await bot.draftReply('thanks')
    const requests = mock.requests()
    expect(requests.map((r) => [r.endpoint, r.ruleIndex, r.status, r.stream])).toEqual([
      ['/v1/chat/completions', 1, 200, false],
      ['/v1/chat/completions', 3, 429, false],
      ['/v1/chat/completions', 4, 200, true],
    ])
    expect(requests[0]?.usage).toEqual({ input_tokens: 40, output_tokens: 11 })
    expect(requests[2]?.body).toMatchObject({ model: 'gpt-4o-mini', stream: true })
  })
})
