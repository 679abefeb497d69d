import { MAX_CHUNK_DELAYS } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { createLineClock, eventGaps, streamTiming } from './stream-timing.js'

describe('streamTiming', () => {
  it('measures the headers, the first event, each gap and their mean', () => {
    expect(streamTiming(0, 120, [400, 431, 460])).toEqual({
      delayMs: 120,
      ttftMs: 280,
      chunkDelayMs: 30,
      gapsMs: [31, 29],
    })
  })

  it('keeps no gap for a stream of one event or none', () => {
    expect(streamTiming(10, 20, [25])).toEqual({ delayMs: 10, ttftMs: 5 })
    expect(streamTiming(10, 20, [])).toEqual({ delayMs: 10 })
  })
})

describe('eventGaps', () => {
  it('rounds on the running time, so the gaps add up to the stream', () => {
    const times = Array.from({ length: 101 }, (_, i) => 1000 + i * 0.4)
    const gaps = eventGaps(times)
    expect(gaps).toHaveLength(100)
    expect(gaps.reduce((sum, gap) => sum + gap, 0)).toBe(40)
    expect(eventGaps([0, 0.4, 0.8, 1.2, 31.2])).toEqual([0, 1, 0, 30])
  })

  it('keeps a stall where it was', () => {
    expect(eventGaps([5, 35, 65, 4065, 4095])).toEqual([30, 30, 4000, 30])
  })

  it('keeps at most the first MAX_CHUNK_DELAYS gaps', () => {
    const times = Array.from({ length: MAX_CHUNK_DELAYS + 50 }, (_, i) => i * 2)
    const gaps = eventGaps(times)
    expect(gaps).toHaveLength(MAX_CHUNK_DELAYS)
    expect(new Set(gaps)).toEqual(new Set([2]))
  })
})

describe('createLineClock', () => {
  const bytes = (text: string) => new TextEncoder().encode(text)

  it('times a line by the piece that ends it, however the pieces cut the lines', () => {
    const lines = createLineClock()
    lines.push(bytes('{"a":1}\n{"b"'), 10)
    lines.push(bytes(':2}\n{"c":3}\n'), 40)
    lines.push(bytes('\n{"done":true}'), 4040)
    expect(lines.end(4050)).toEqual([10, 40, 40, 4050])
  })

  it('counts no blank line, and nothing for an empty body', () => {
    const lines = createLineClock()
    lines.push(bytes('\n\n{"a":1}\n\n'), 7)
    expect(lines.end(9)).toEqual([7])
    expect(createLineClock().end(7)).toEqual([])
  })
})
