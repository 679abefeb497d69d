import { describe, expect, it } from 'vitest'
import type { Clock } from '../shared/clock.js'
import type { SSEFrame } from '../shared/sse.js'
import { openaiFrames, pacedOpenAIStream } from './stream.js'

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

// A clock that records its pauses and can abort the stream during one.
function recordingClock(onSleep: (ms: number) => void = () => {}) {
  const sleeps: number[] = []
  const clock: Clock = {
    now: () => 0,
    sleep: async (ms) => {
      sleeps.push(ms)
      onSleep(ms)
    },
  }
  return { clock, sleeps }
}

describe('openaiFrames', () => {
  it('frames each chunk as data and ends with [DONE], afresh on every pass', async () => {
    const frames = openaiFrames(
      (async function* () {
        yield { n: 1 }
        yield { n: 2 }
      })(),
    )
    expect(await all(frames)).toEqual([{ data: { n: 1 } }, { data: { n: 2 } }, { data: '[DONE]' }])
  })
})

describe('pacedOpenAIStream', () => {
  it('gives the chunks, and their frames ending in [DONE], on every pass', async () => {
    const { clock } = recordingClock()
    const stream = pacedOpenAIStream(() => ['a', 'b'], {
      chunkDelayMs: 0,
      clock,
      signal: () => undefined,
    })
    expect(await all(stream.chunks)).toEqual(['a', 'b'])
    expect(await all(stream.chunks)).toEqual(['a', 'b'])
    expect(await all(stream.frames)).toEqual([{ data: 'a' }, { data: 'b' }, { data: '[DONE]' }])
  })

  it('encodes each frame with encode, and never the chunks', async () => {
    const { clock } = recordingClock()
    const stream = pacedOpenAIStream(
      () => [{ n: 1 }],
      { chunkDelayMs: 0, clock, signal: () => undefined },
      (chunk) => `n=${chunk.n}`,
    )
    expect(await all(stream.frames)).toEqual<SSEFrame[]>([{ data: 'n=1' }, { data: '[DONE]' }])
    expect(await all(stream.chunks)).toEqual([{ n: 1 }])
  })

  it('pauses between chunks only, and pauses not at all without a delay', async () => {
    const paced = recordingClock()
    const chunks = () => ['a', 'b', 'c']
    const slow = pacedOpenAIStream(chunks, {
      chunkDelayMs: 25,
      clock: paced.clock,
      signal: () => undefined,
    })
    await all(slow.frames)
    expect(paced.sleeps).toEqual([25, 25])
    const unpaced = recordingClock()
    await all(
      pacedOpenAIStream(chunks, { chunkDelayMs: 0, clock: unpaced.clock, signal: () => undefined })
        .frames,
    )
    expect(unpaced.sleeps).toEqual([])
  })

  it('makes no chunk once the signal aborts, and asks for the signal once a pass', async () => {
    const controller = new AbortController()
    const { clock } = recordingClock(() => controller.abort())
    let asked = 0
    const stream = pacedOpenAIStream(() => ['a', 'b', 'c'], {
      chunkDelayMs: 5,
      clock,
      signal: () => {
        asked += 1
        return controller.signal
      },
    })
    expect(await all(stream.chunks)).toEqual(['a'])
    expect(asked).toBe(1)
    // A second pass asks again, and finds the signal aborted before its first chunk.
    expect(await all(stream.frames)).toEqual([{ data: '[DONE]' }])
    expect(asked).toBe(2)
  })
})
