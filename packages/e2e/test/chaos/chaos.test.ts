/**
 * Seeded chaos, stream timing and rate-limit headers as the real SDKs meet them over HTTP
 * (docs/chaos.md).
 */
import Anthropic from '@anthropic-ai/sdk'
import { type Clock, fixedClock } from '@mocktopus/responders'
import { type ChaosSettings, createMocktopus, type Mocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import OpenAI from 'openai'
import { afterEach, describe, expect, it } from 'vitest'

const SCENARIO = `version: 1
rules:
  - type: llm
    when: { messages_contains: "cut me" }
    respond: { content: "one two three four five six seven eight" }
    chaos: { disconnect_after_chunks: 3 }
  - type: llm
    when: { messages_contains: "slow start" }
    respond: { content: "first token then the rest", ttft_ms: 250, chunk_delay_ms: 5 }
  - type: llm
    respond: { content: "Hello from the mock, steady as ever." }
`

const CLOCK = fixedClock(1_700_000_000, { instant: true })
const running: RunningServer[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()))
})

async function start(
  chaos?: ChaosSettings,
  clock: Clock = CLOCK,
): Promise<{ mock: Mocktopus; url: string }> {
  const mock = await createMocktopus({ scenario: SCENARIO, clock, ...(chaos ? { chaos } : {}) })
  const server = await serve(mock, { port: 0 })
  running.push(server)
  return { mock, url: server.url }
}

function openai(url: string, maxRetries = 0): OpenAI {
  return new OpenAI({ apiKey: 'test', baseURL: `${url}/v1`, maxRetries })
}

function anthropic(url: string): Anthropic {
  return new Anthropic({ apiKey: 'test', baseURL: url, maxRetries: 0 })
}

const ask = (content: string) => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content }],
})

async function statusOf(promise: Promise<unknown>): Promise<number | string> {
  try {
    await promise
    return 200
  } catch (error) {
    if (error instanceof OpenAI.APIError && error.status !== undefined) return error.status
    return error instanceof Error ? error.constructor.name : String(error)
  }
}

describe('chaos over HTTP', () => {
  it('cuts a stream mid-way: the SDK raises and the server keeps serving', async () => {
    const { mock, url } = await start()
    const client = openai(url)
    const stream = await client.chat.completions.create({ ...ask('cut me'), stream: true })
    const seen: string[] = []
    await expect(async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '')
    }).rejects.toThrow()
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.join('')).not.toBe('one two three four five six seven eight')

    const next = await client.chat.completions.create(ask('hello'))
    expect(next.choices[0]?.message.content).toBe('Hello from the mock, steady as ever.')
    const health = await fetch(`${url}/health`)
    expect(health.status).toBe(200)
    await expect
      .poll(() => mock.requests().find((entry) => entry.fault))
      .toMatchObject({
        fault: 'disconnect',
        aborted: true,
      })
  })

  it('gives the same statuses for the same seed in two server runs', async () => {
    const chaos = { rate_limit: 0.25, server_error: 0.25, seed: 42 }
    const run = async () => {
      const { url } = await start(chaos)
      const client = openai(url)
      const statuses: (number | string)[] = []
      for (let i = 0; i < 24; i++) {
        statuses.push(await statusOf(client.chat.completions.create(ask(`request ${i}`))))
      }
      await running.pop()?.close()
      return statuses
    }
    const first = await run()
    const second = await run()
    expect(second).toEqual(first)
    expect(new Set(first).size).toBeGreaterThanOrEqual(3)
    const other = await (async () => {
      const { url } = await start({ ...chaos, seed: 7 })
      const client = openai(url)
      const statuses: (number | string)[] = []
      for (let i = 0; i < 24; i++) {
        statuses.push(await statusOf(client.chat.completions.create(ask(`request ${i}`))))
      }
      return statuses
    })()
    expect(other).not.toEqual(first)
  })

  it('raises RateLimitError with retry-after and the fault header (maxRetries: 0)', async () => {
    const { url } = await start({ rate_limit: 1 })
    const error = await openai(url)
      .chat.completions.create(ask('hello'))
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    const rateLimited = error as InstanceType<typeof OpenAI.RateLimitError>
    expect(rateLimited.status).toBe(429)
    expect(rateLimited.code).toBe('rate_limit_exceeded')
    expect(rateLimited.headers?.get('retry-after')).toBe('1')
    expect(rateLimited.headers?.get('x-mocktopus-fault')).toBe('rate_limit')
  })

  it('raises InternalServerError for 500 and 503', async () => {
    const { url } = await start({ server_error: 1, seed: 5 })
    const client = openai(url)
    const statuses = new Set<number>()
    for (let i = 0; i < 12; i++) {
      const error = await client.chat.completions.create(ask('hello')).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(OpenAI.InternalServerError)
      statuses.add((error as InstanceType<typeof OpenAI.APIError>).status as number)
    }
    expect(statuses).toEqual(new Set([500, 503]))
  })

  it('makes a malformed body and a cut connection raise in the SDK', async () => {
    const malformed = await start({ malformed: 1 })
    await expect(openai(malformed.url).chat.completions.create(ask('hello'))).rejects.toThrow()
    const cut = await start({ disconnect: 1 })
    await expect(openai(cut.url).chat.completions.create(ask('hello'))).rejects.toThrow()
    const health = await fetch(`${cut.url}/health`)
    expect(health.status).toBe(200)
  })

  it('gives Anthropic 529 as OverloadedError, and cuts its streams', async () => {
    const { url } = await start({ server_error: 1, seed: 1 })
    const client = anthropic(url)
    const params = {
      model: 'claude-sonnet-5',
      max_tokens: 64,
      messages: [{ role: 'user' as const, content: 'hello' }],
    }
    const errors: unknown[] = []
    for (let i = 0; i < 12; i++) errors.push(await client.messages.create(params).catch((e) => e))
    const overloaded = errors.find((error) => (error as { status?: number }).status === 529)
    expect(overloaded).toBeInstanceOf(Anthropic.OverloadedError)
    expect(overloaded).toBeInstanceOf(Anthropic.InternalServerError)
    expect((overloaded as InstanceType<typeof Anthropic.APIError>).type).toBe('overloaded_error')
    expect(errors.some((error) => (error as { status?: number }).status === 500)).toBe(true)

    const plain = await start()
    const stream = anthropic(plain.url).messages.stream({
      ...params,
      messages: [{ role: 'user', content: 'cut me' }],
    })
    await expect(stream.finalMessage()).rejects.toThrow()
  })
})

describe('stream timing over HTTP', () => {
  it('waits ttft_ms before the first chunk, through the clock', async () => {
    const waits: number[] = []
    const clock: Clock = {
      now: () => 1_700_000_000_000,
      sleep: (ms) => {
        waits.push(ms)
        return Promise.resolve()
      },
    }
    const { url } = await start(undefined, clock)
    const stream = await openai(url).chat.completions.create({
      ...ask('slow start'),
      stream: true,
    })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    expect(text).toBe('first token then the rest')
    expect(waits[0]).toBe(250)
    expect(waits.slice(1).every((ms) => ms === 5)).toBe(true)
  })

  it('holds the first chunk back at least ttft_ms on a real clock', async () => {
    const { url } = await start(undefined, fixedClock(1_700_000_000))
    const began = performance.now()
    const stream = await openai(url).chat.completions.create({
      ...ask('slow start'),
      stream: true,
    })
    let first: number | undefined
    for await (const _chunk of stream) first ??= performance.now() - began
    expect(first).toBeGreaterThanOrEqual(200)
  })

  it('paces server-wide by tokens_per_second, with seeded jitter', async () => {
    const waits: number[] = []
    const clock: Clock = {
      now: () => 1_700_000_000_000,
      sleep: (ms) => {
        waits.push(ms)
        return Promise.resolve()
      },
    }
    const { url } = await start({ tokens_per_second: 20, jitter_ms: 10, seed: 3 }, clock)
    const client = openai(url)
    const read = async () => {
      waits.length = 0
      const stream = await client.chat.completions.create({ ...ask('hello'), stream: true })
      for await (const _chunk of stream) {
      }
      return [...waits]
    }
    const first = await read()
    expect(first.slice(1).every((ms) => ms >= 50 && ms <= 60)).toBe(true)
    expect(first.length).toBeGreaterThan(3)
  })
})

describe('rate-limit headers over HTTP', () => {
  it('are on by default, counted per session, and off when asked', async () => {
    const { mock, url } = await start()
    const remaining = async (base: string) => {
      const { response } = await openai(base).chat.completions.create(ask('hello')).withResponse()
      return [
        response.headers.get('x-ratelimit-limit-requests'),
        response.headers.get('x-ratelimit-remaining-requests'),
        response.headers.get('x-ratelimit-reset-requests'),
      ]
    }
    expect(await remaining(url)).toEqual(['10000', '9999', '1m0s'])
    expect(await remaining(url)).toEqual(['10000', '9998', '1m0s'])
    // A session counts its own allowance, as a separate API key would.
    expect(await remaining(`${url}/sessions/other`)).toEqual(['10000', '9999', '1m0s'])
    const { response } = await anthropic(url)
      .messages.create({
        model: 'claude-sonnet-5',
        max_tokens: 64,
        messages: [{ role: 'user', content: 'hello' }],
      })
      .withResponse()
    expect(response.headers.get('anthropic-ratelimit-requests-remaining')).toBe('9997')
    const off = await mock.fetch(
      new Request('http://127.0.0.1/_mocktopus/chaos', {
        method: 'POST',
        body: JSON.stringify({ rate_limit_headers: false }),
      }),
    )
    expect(((await off.json()) as { chaos: ChaosSettings }).chaos.rate_limit_headers).toBe(false)
    expect(await remaining(url)).toEqual([null, null, null])
  })

  it('count down per request on OpenAI and Anthropic answers', async () => {
    const { url } = await start({ rate_limit_requests: 5, rate_limit_tokens: 10_000 })
    const first = await openai(url).chat.completions.create(ask('hello')).withResponse()
    expect(first.response.headers.get('x-ratelimit-limit-requests')).toBe('5')
    expect(first.response.headers.get('x-ratelimit-remaining-requests')).toBe('4')
    expect(first.response.headers.get('x-ratelimit-reset-requests')).toBe('1m0s')
    const message = await anthropic(url)
      .messages.create({
        model: 'claude-sonnet-5',
        max_tokens: 64,
        messages: [{ role: 'user', content: 'hello' }],
      })
      .withResponse()
    const headers = message.response.headers
    expect(headers.get('anthropic-ratelimit-requests-limit')).toBe('5')
    expect(headers.get('anthropic-ratelimit-requests-remaining')).toBe('3')
    expect(headers.get('anthropic-ratelimit-requests-reset')).toBe('2023-11-14T22:14:20Z')
    expect(Number(headers.get('anthropic-ratelimit-tokens-remaining'))).toBeLessThan(10_000)
  })

  it('refuses past the limit with a retry-after the SDK honours', async () => {
    const { url } = await start(
      { rate_limit_requests: 1, rate_limit_window_ms: 1000 },
      { now: () => Date.now(), sleep: CLOCK.sleep },
    )
    await openai(url).chat.completions.create(ask('hello'))
    const refused = await openai(url)
      .chat.completions.create(ask('hello'))
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError)
    expect((refused as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('1')
    // With a retry, the SDK waits the second retry-after asks for, and the new window admits it.
    const began = performance.now()
    const retried = await openai(url, 1).chat.completions.create(ask('hello'))
    expect(retried.choices[0]?.message.content).toBe('Hello from the mock, steady as ever.')
    expect(performance.now() - began).toBeGreaterThanOrEqual(500)
  })
})
