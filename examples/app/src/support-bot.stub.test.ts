/**
 * Way 1: the stub. No server, no HTTP: the bot gets an in-process client shaped like `new
 * OpenAI()`. The fastest way to test application logic: parsing, fallbacks, error handling.
 */
import { readFileSync } from 'node:fs'
import { createStubClient, RateLimitError } from '@mocktopus/stub'
import { beforeEach, describe, expect, it } from 'vitest'
import { BUSY_REPLY, createSupportBot } from './support-bot.js'

const scenario = readFileSync(new URL('../support.yaml', import.meta.url), 'utf8')
const client = createStubClient(scenario)
const bot = createSupportBot({ client })

beforeEach(() => {
  client.reset()
})

describe('support bot, with the stub', () => {
  it('triages a billing ticket from the model JSON', async () => {
    expect(await bot.triage('I was charged twice')).toEqual({ category: 'billing', urgent: true })
    expect(await bot.triage('The app crashes on start')).toEqual({
      category: 'bug',
      urgent: false,
    })
  })

  it('falls back when the model answers prose instead of JSON', async () => {
    expect(await bot.triage('Where is my hat?')).toEqual({ category: 'other', urgent: false })
  })

  it('streams a reply and reports each piece', async () => {
    const pieces: string[] = []
    const reply = await bot.draftReply('I was charged twice', (piece) => pieces.push(piece))
    expect(reply).toBe('Sorry about that! I have refunded the duplicate charge.')
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces.join('')).toBe(reply)
  })

  it('answers a rate limit with the busy reply', async () => {
    expect(await bot.draftReply('busy day')).toBe(BUSY_REPLY)
  })

  it('sees the SDK-shaped error the bot catches', async () => {
    const error = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Reply to: busy' }] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).headers.get('retry-after')).toBe('2')
  })

  it('records what the bot sent', async () => {
    await bot.triage('I was charged twice')
    await bot.draftReply('busy day')
    expect(client.requests().map((r) => [r.ruleIndex, r.status, r.stream])).toEqual([
      [0, 200, false],
      [3, 429, false],
    ])
    const body = client.requests()[0]?.body as { model: string; messages: { role: string }[] }
    expect(body.model).toBe('gpt-4o-mini')
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user'])
  })
})
