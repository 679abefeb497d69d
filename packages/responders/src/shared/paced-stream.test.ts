import { describe, expect, it } from 'vitest'
import type { Clock } from './clock.js'
import { pacedStream } from './paced-stream.js'
import type { SSEFrame } from './sse.js'

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

// A stream of events in which only the deltas (`d…`) are paced, as Anthropic's and the
// Responses API's are.
const EVENTS = ['start', 'd1', 'between', 'd2', 'd3', 'stop']
const frame = (event: string): SSEFrame => ({ event: 'e', data: event })

describe('pacedStream', () => {
  it('pauses before each paced chunk but the first, never before the others', async () => {
    const sleeps: string[] = []
    let next = ''
    const clock: Clock = {
      now: () => 0,
      sleep: async (ms) => void sleeps.push(`${ms} before ${next}`),
    }
    const stream = pacedStream(
      function* () {
        for (const event of EVENTS) {
          next = event
          yield event
        }
      },
      { chunkDelayMs: 10, clock, signal: () => undefined, paces: (e) => e.startsWith('d') },
      frame,
    )
    expect(await all(stream.frames)).toEqual(EVENTS.map(frame))
    expect(sleeps).toEqual(['10 before d2', '10 before d3'])
  })

  it('makes no paced chunk, nor anything after it, once the signal aborts', async () => {
    const controller = new AbortController()
    const clock: Clock = { now: () => 0, sleep: async () => controller.abort() }
    const stream = pacedStream(
      () => EVENTS,
      {
        chunkDelayMs: 10,
        clock,
        signal: () => controller.signal,
        paces: (e) => e.startsWith('d'),
      },
      frame,
      { data: 'end' },
    )
    // The pause before d2 is where the client leaves; the end frame still closes the stream.
    expect(await all(stream.frames)).toEqual([
      frame('start'),
      frame('d1'),
      frame('between'),
      { data: 'end' },
    ])
  })

  it('runs the sequence afresh on every pass, for chunks and frames alike', async () => {
    let runs = 0
    const clock: Clock = { now: () => 0, sleep: async () => {} }
    const stream = pacedStream(
      function* () {
        runs += 1
        yield 'only'
      },
      { chunkDelayMs: 0, clock, signal: () => undefined },
      frame,
    )
    expect(runs).toBe(0)
    expect(await all(stream.chunks)).toEqual(['only'])
    expect(await all(stream.frames)).toEqual([frame('only')])
    expect(await all(stream.chunks)).toEqual(['only'])
    expect(runs).toBe(3)
  })
})
