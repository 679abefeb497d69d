import type { Rule } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../shared/clock.js'
import { timedWait } from '../shared/paced-stream.js'
import type { SSEFrame } from '../shared/sse.js'
import type { WireStream } from '../shared/wire.js'
import {
  applyChaos,
  ChaosControl,
  FAULT_HEADER,
  goDuration,
  planChaos,
  streamTiming,
} from './chaos.js'
import {
  ANTHROPIC_PROVIDER,
  GEMINI_PROVIDER,
  OLLAMA_PROVIDER,
  OPENAI_PROVIDER,
} from './providers.js'

const RULE: Rule = { type: 'llm', when: {}, respond: { content: 'hi' }, times: null }
const clock = fixedClock(1_700_000_000, { instant: true })

function statuses(seed: number, count: number): string[] {
  const chaos = new ChaosControl({ seed, faults: { rate_limit: 0.3, server_error: 0.3 } })
  return Array.from({ length: count }, () => {
    const plan = planChaos(chaos, RULE, OPENAI_PROVIDER, clock)
    return plan.error ? String(plan.error.status) : 'ok'
  })
}

function frames(count: number): WireStream {
  const items: SSEFrame[] = Array.from({ length: count }, (_, i) => ({ data: { i } }))
  const iterable = {
    async *[Symbol.asyncIterator]() {
      yield* items
    },
  }
  return {
    kind: 'stream',
    status: 200,
    headers: {},
    delayMs: 0,
    chunks: iterable,
    frames: iterable,
  }
}

async function read(stream: AsyncIterable<SSEFrame>): Promise<unknown[]> {
  const seen: unknown[] = []
  for await (const frame of stream) seen.push(frame.data)
  return seen
}

describe('planChaos', () => {
  it('gives the same faults for the same seed, and others for another', () => {
    const first = statuses(42, 40)
    expect(statuses(42, 40)).toEqual(first)
    expect(statuses(7, 40)).not.toEqual(first)
    expect(new Set(first)).toEqual(new Set(['ok', '429', '500', '503']))
  })

  it('starts over at the seed on reset', () => {
    const chaos = new ChaosControl({ seed: 3, faults: { server_error: 0.5 } })
    const run = () =>
      Array.from({ length: 10 }, () => planChaos(chaos, RULE, ANTHROPIC_PROVIDER, clock).fault)
    const before = run()
    chaos.reset()
    expect(run()).toEqual(before)
  })

  it("answers Anthropic's overload as a 529 overloaded_error", () => {
    const chaos = new ChaosControl({ faults: { server_error: 1 } })
    const seen = new Set<number>()
    for (let i = 0; i < 20; i++) {
      const error = planChaos(chaos, RULE, ANTHROPIC_PROVIDER, clock).error
      seen.add(error?.status ?? 0)
      if (error?.status === 529) {
        expect(error.body).toMatchObject({
          error: { type: 'overloaded_error', message: 'Overloaded' },
        })
      }
    }
    expect(seen).toEqual(new Set([500, 529]))
  })

  it("lets a rule's disconnect_after_chunks cut every stream", () => {
    const rule: Rule = { ...RULE, chaos: { disconnect_after_chunks: 2 } }
    const plan = planChaos(new ChaosControl(), rule, OPENAI_PROVIDER, clock)
    expect(plan).toMatchObject({ fault: 'disconnect', afterChunks: 2 })
  })
})

describe('applyChaos', () => {
  it('cuts a stream after N chunks with an error', async () => {
    const rule: Rule = { ...RULE, chaos: { disconnect_after_chunks: 2 } }
    const plan = planChaos(new ChaosControl(), rule, OPENAI_PROVIDER, clock)
    const wire = applyChaos(plan, frames(5), clock, () => new AbortController().signal)
    expect(wire.headers[FAULT_HEADER]).toBe('disconnect')
    const seen: unknown[] = []
    await expect(async () => {
      for await (const frame of (wire as WireStream).frames) seen.push(frame.data)
    }).rejects.toThrow(/connection cut after 2 chunks/)
    expect(seen).toEqual([{ i: 0 }, { i: 1 }])
  })

  it('ends a malformed stream with a truncated event', async () => {
    const plan = { draw: 0, fault: 'malformed', afterChunks: 1, stallMs: 0 } as const
    const wire = applyChaos(plan, frames(3), clock, () => new AbortController().signal)
    expect(await read((wire as WireStream).frames)).toEqual([{ i: 0 }, '{"i'])
  })

  it('truncates a JSON body and keeps status 200', () => {
    const plan = { draw: 0, fault: 'malformed', afterChunks: 1, stallMs: 0 } as const
    const json = {
      kind: 'json',
      status: 200,
      headers: {},
      delayMs: 0,
      body: { a: 'bcdefgh' },
    } as const
    const wire = applyChaos(plan, json, clock, () => new AbortController().signal)
    expect(wire).toMatchObject({ status: 200, bodyText: '{"a":"b' })
    expect(() => JSON.parse((wire as { bodyText: string }).bodyText)).toThrow()
  })

  it('stalls a stream through the clock', async () => {
    const waits: number[] = []
    const spy = {
      now: () => 0,
      sleep: (ms: number) => {
        waits.push(ms)
        return Promise.resolve()
      },
    }
    const plan = { draw: 0, fault: 'stall', afterChunks: 1, stallMs: 250 } as const
    const wire = applyChaos(plan, frames(3), spy, () => new AbortController().signal)
    expect(await read((wire as WireStream).frames)).toHaveLength(3)
    expect(waits).toEqual([250])
  })
})

describe('rate-limit headers', () => {
  it('count down per request and reset when the window ends', () => {
    let now = 1_700_000_000_000
    const chaos = new ChaosControl({ rateLimits: { requests: 3, tokens: 100, windowMs: 60_000 } })
    const wire = {
      kind: 'json',
      status: 200,
      headers: {},
      delayMs: 0,
      body: {},
      usage: { input_tokens: 10, output_tokens: 5 },
    } as const
    const first = chaos.rateLimitHeaders(OPENAI_PROVIDER, now, wire, false)
    expect(first).toEqual({
      'x-ratelimit-limit-requests': '3',
      'x-ratelimit-limit-tokens': '100',
      'x-ratelimit-remaining-requests': '2',
      'x-ratelimit-remaining-tokens': '85',
      'x-ratelimit-reset-requests': '1m0s',
      'x-ratelimit-reset-tokens': '1m0s',
    })
    now += 1500
    const second = chaos.rateLimitHeaders(ANTHROPIC_PROVIDER, now, wire, false)
    expect(second).toMatchObject({
      'anthropic-ratelimit-requests-remaining': '1',
      'anthropic-ratelimit-tokens-remaining': '70',
      'anthropic-ratelimit-input-tokens-remaining': '80',
      'anthropic-ratelimit-output-tokens-remaining': '90',
      'anthropic-ratelimit-requests-reset': '2023-11-14T22:14:20Z',
    })
    chaos.rateLimitHeaders(OPENAI_PROVIDER, now, wire, false)
    expect(chaos.exhausted(now)).toBe(59)
    const refused = planChaos(chaos, RULE, OPENAI_PROVIDER, { now: () => now, sleep: clock.sleep })
    expect(refused.error).toMatchObject({ status: 429, headers: { 'retry-after': '59' } })
    now += 60_000
    expect(chaos.exhausted(now)).toBeUndefined()
  })
})

describe('rate-limit headers by default', () => {
  const wire = {
    kind: 'json',
    status: 200,
    headers: {},
    delayMs: 0,
    body: {},
    usage: { input_tokens: 100, output_tokens: 100 },
  } as const
  const now = 1_700_000_000_000

  it('are on with the default limits, and never refuse', () => {
    const chaos = new ChaosControl()
    expect(chaos.active).toBe(false)
    expect(chaos.rateLimitHeaders(OPENAI_PROVIDER, now, wire, false)).toEqual({
      'x-ratelimit-limit-requests': '10000',
      'x-ratelimit-limit-tokens': '2000000',
      'x-ratelimit-remaining-requests': '9999',
      'x-ratelimit-remaining-tokens': '1999800',
      'x-ratelimit-reset-requests': '1m0s',
      'x-ratelimit-reset-tokens': '1m0s',
    })
    // 10,000 answers of 200 tokens use the whole token allowance: the window starts over
    // instead of refusing, so the headers never read 0 left.
    let last: Record<string, string> | undefined
    for (let i = 0; i < 10_000; i++)
      last = chaos.rateLimitHeaders(OPENAI_PROVIDER, now, wire, false)
    expect(chaos.exhausted(now)).toBeUndefined()
    expect(last?.['x-ratelimit-remaining-tokens']).toBe('1999800')
    expect(last?.['x-ratelimit-remaining-requests']).toBe('9999')
  })

  it('follow the provider: none for Gemini and Ollama, off when asked', () => {
    const chaos = new ChaosControl()
    expect(chaos.rateLimitHeaders(GEMINI_PROVIDER, now, wire, false)).toBeUndefined()
    expect(chaos.rateLimitHeaders(OLLAMA_PROVIDER, now, wire, false)).toBeUndefined()
    expect(
      Object.keys(chaos.rateLimitHeaders(ANTHROPIC_PROVIDER, now, wire, false) ?? {}),
    ).toContain('anthropic-ratelimit-requests-remaining')
    chaos.configure({ rateLimitHeaders: false })
    expect(chaos.headers).toBe(false)
    expect(chaos.rateLimitHeaders(OPENAI_PROVIDER, now, wire, false)).toBeUndefined()
  })
})

describe('goDuration', () => {
  it("writes durations as OpenAI's headers do", () => {
    expect([12, 8640, 34_000, 360_000, 3_723_000].map(goDuration)).toEqual([
      '12ms',
      '8.64s',
      '34s',
      '6m0s',
      '1h2m3s',
    ])
  })
})

describe('timedWait', () => {
  it('waits ttft before the first chunk, the pace after, plus seeded jitter', () => {
    expect(timedWait({ firstMs: 500, gapMs: 20, jitterMs: 0, seed: 1 }, 0, 5)).toBe(500)
    expect(timedWait({ firstMs: 500, gapMs: 20, jitterMs: 0, seed: 1 }, 3, 5)).toBe(20)
    expect(timedWait({ firstMs: 0, jitterMs: 0, seed: 1 }, 3, 5)).toBe(5)
    const jittered = timedWait({ firstMs: 0, gapMs: 10, jitterMs: 30, seed: 9 }, 2, 0)
    expect(jittered).toBeGreaterThanOrEqual(10)
    expect(jittered).toBeLessThanOrEqual(40)
    expect(timedWait({ firstMs: 0, gapMs: 10, jitterMs: 30, seed: 9 }, 2, 0)).toBe(jittered)
  })

  it('waits the listed gaps in turn, then the pace', () => {
    const timing = { firstMs: 40, gapsMs: [30, 900], gapMs: 20, jitterMs: 0, seed: 1 }
    expect([0, 1, 2, 3, 4].map((n) => timedWait(timing, n, 5))).toEqual([40, 30, 900, 20, 20])
    const { gapMs: _pace, ...unpaced } = timing
    expect(timedWait(unpaced, 3, 5)).toBe(5)
  })
})

describe('streamTiming', () => {
  it('takes chunk_delays_ms from the rule, over the server-wide pace', () => {
    const timing = streamTiming({ chunk_delays_ms: [12, 4000] }, { tokens_per_second: 50 }, () => 1)
    expect(timing).toMatchObject({ firstMs: 0, gapsMs: [12, 4000], gapMs: 20 })
    expect(streamTiming({ chunk_delays_ms: [] }, undefined, () => 1)).toMatchObject({ firstMs: 0 })
    expect(streamTiming({ chunk_delays_ms: [] }, undefined, () => 1)?.gapsMs).toBeUndefined()
    expect(streamTiming({ chunk_delay_ms: 5 }, undefined, () => 1)).toBeUndefined()
  })
})
