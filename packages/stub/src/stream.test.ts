import { describe, expect, it } from 'vitest'
import { MockStream } from './stream.js'

async function* count(n: number, log: string[] = []) {
  try {
    for (let i = 0; i < n; i++) yield { i }
  } finally {
    log.push('closed')
  }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

describe('MockStream', () => {
  it('yields every chunk once and refuses a second iteration', async () => {
    const stream = new MockStream(() => count(3))
    expect(await collect(stream)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }])
    await expect(collect(stream)).rejects.toThrow(/consumed stream/)
  })

  it('stops without an error when the controller aborts, closing the source', async () => {
    const log: string[] = []
    const stream = new MockStream(() => count(10, log))
    const seen: unknown[] = []
    for await (const chunk of stream) {
      seen.push(chunk)
      if (seen.length === 2) stream.controller.abort()
    }
    expect(seen).toHaveLength(2)
    expect(log).toEqual(['closed'])
  })

  it('closes the source when the consumer breaks early', async () => {
    const log: string[] = []
    const stream = new MockStream(() => count(10, log))
    for await (const _ of stream) break
    expect(log).toEqual(['closed'])
  })

  it('tees into two streams that each see every chunk', async () => {
    const [a, b] = new MockStream(() => count(3)).tee()
    const [left, right] = await Promise.all([collect(a), collect(b)])
    expect(left).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }])
    expect(right).toEqual(left)
  })

  it('converts to newline-separated JSON bytes', async () => {
    const text = await new Response(new MockStream(() => count(2)).toReadableStream()).text()
    expect(text).toBe('{"i":0}\n{"i":1}\n')
  })
})
