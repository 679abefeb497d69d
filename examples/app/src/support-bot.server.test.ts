/**
 * Way 3: a real server on a free port, as in an integration test or CI job where the app (or
 * another process) talks plain HTTP to Mocktopus. `startMocktopus` is all the set-up needed;
 * the same works in Jest (`beforeAll`/`afterAll`) and `node:test` (`before`/`after`).
 */
import { fileURLToPath } from 'node:url'
import { type StartedMocktopus, startMocktopus } from '@mocktopus/server/node'
import OpenAI from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BUSY_REPLY, createSupportBot } from './support-bot.js'

const scenarioFile = fileURLToPath(new URL('../support.yaml', import.meta.url))
let mocktopus: StartedMocktopus
let bot: ReturnType<typeof createSupportBot>

beforeAll(async () => {
  mocktopus = await startMocktopus({ scenarioFile })
  bot = createSupportBot({
    client: new OpenAI({ apiKey: 'test-key', baseURL: mocktopus.baseURL, maxRetries: 0 }),
  })
})

afterAll(async () => {
  await mocktopus.close()
})

beforeEach(() => {
  mocktopus.reset()
})

describe('support bot, against a running server', () => {
  it('triages and replies over real HTTP', async () => {
    expect(await bot.triage('I was charged twice')).toEqual({ category: 'billing', urgent: true })
    expect(await bot.draftReply('I was charged twice')).toBe(
      'Sorry about that! I have refunded the duplicate charge.',
    )
    expect(await bot.draftReply('busy day')).toBe(BUSY_REPLY)
  })

  it('serves the journal at /_mocktopus/requests', async () => {
    await bot.triage('Where is my hat?')
    const response = await fetch(`${mocktopus.url}/_mocktopus/requests`)
    const { requests } = (await response.json()) as {
      requests: { path: string; ruleIndex: number | null; status: number }[]
    }
    expect(requests).toEqual(mocktopus.requests())
    expect(requests.map((r) => [r.path, r.ruleIndex, r.status])).toEqual([
      ['/v1/chat/completions', 2, 200],
    ])
  })

  it('starts each test from a clean journal', async () => {
    expect(mocktopus.requests()).toEqual([])
    await fetch(`${mocktopus.url}/health`)
    expect(mocktopus.requests()).toEqual([])
  })
})
