/**
 * How every streamed answer is made: a plain sequence of chunks, read afresh on each pass,
 * paced as the rule asks (`chunk_delay_ms`) and stopped when the client leaves, giving the
 * chunks themselves (for the stub) or their SSE frames (for the server).
 */
import type { Clock } from './clock.js'
import { seededBelow } from './seeded.js'
import type { SSEFrame } from './sse.js'
import type { WireStream } from './wire.js'

/**
 * An async iterable that starts a fresh generator for every `for await`, so a stream answer can
 * be read more than once and builds nothing until someone reads it.
 *
 * @example const chunks = replayable(() => makeChunks())
 */
export function replayable<T>(start: () => AsyncGenerator<T>): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: start }
}

/** How a stream's chunks are paced: the rule's `chunk_delay_ms`, and when to stop. */
export interface StreamPacing<Chunk = unknown> {
  /** The pause between chunks, in ms; with 0 the chunks follow each other with no await. */
  readonly chunkDelayMs: number
  readonly clock: Clock
  /**
   * The client's abort signal, asked for when a pass starts (on Node, asking builds an
   * AbortController); once it aborts, no further paced chunk is made.
   */
  readonly signal: () => AbortSignal | undefined
  /**
   * Which chunks the pace applies to (the text deltas, where a stream's events frame them);
   * default every one. Each but the first waits `chunkDelayMs`, and none is made once the
   * signal has aborted.
   */
  readonly paces?: (chunk: Chunk) => boolean
  /** Time to the first paced chunk, a steady pace and seeded jitter (docs/chaos.md). */
  readonly timing?: StreamTiming
}

/**
 * A stream's timing beyond `chunkDelayMs`: the wait before the first paced chunk (`ttft_ms`),
 * the waits before the next ones in turn (`chunk_delays_ms`), the wait before each later one
 * (from `tokens_per_second`; `chunkDelayMs` when absent), and a jitter of 0 to `jitterMs`
 * added to each, drawn from `seed`.
 */
export interface StreamTiming {
  readonly firstMs: number
  /** The waits before paced chunks 1, 2, ... (0-based) in turn. */
  readonly gapsMs?: readonly number[]
  readonly gapMs?: number
  readonly jitterMs: number
  readonly seed: number
}

/**
 * The wait before the `n`th paced chunk (0-based) under `timing`.
 *
 * @example timedWait({ firstMs: 500, jitterMs: 0, seed: 1 }, 0, 10) // 500
 * @example timedWait({ firstMs: 0, gapsMs: [30, 900], jitterMs: 0, seed: 1 }, 2, 10) // 900
 */
export function timedWait(timing: StreamTiming, n: number, chunkDelayMs: number): number {
  const base = n === 0 ? timing.firstMs : (timing.gapsMs?.[n - 1] ?? timing.gapMs ?? chunkDelayMs)
  return timing.jitterMs > 0 ? base + seededBelow(timing.seed, n, timing.jitterMs + 1) : base
}

/** A stream answer's chunks and their SSE frames, as a `WireStream` carries them. */
export type StreamParts<Chunk> = Pick<WireStream<Chunk>, 'chunks' | 'frames'>

/**
 * A stream answer's chunks and their SSE frames, each pass running `sequence` afresh at the
 * pace `pacing` sets; `frame` frames a chunk, and `end` follows the last frame. The frames are
 * made by the same generator as the chunks, not by a second one reading the first: each async
 * generator a chunk passes through costs it a round of promises.
 *
 * @example const { chunks, frames } = pacedStream(() => events(), pacing, (e) => ({ event: e.type, data: e }))
 */
export function pacedStream<Chunk>(
  sequence: () => Iterable<Chunk>,
  pacing: StreamPacing<Chunk>,
  frame: (chunk: Chunk) => SSEFrame,
  end?: SSEFrame,
): StreamParts<Chunk> {
  return {
    chunks: replayable(() => paced(sequence(), pacing, (chunk) => chunk)),
    frames: replayable(() => paced(sequence(), pacing, frame, end)),
  }
}

async function* paced<Chunk, Item>(
  sequence: Iterable<Chunk>,
  pacing: StreamPacing<Chunk>,
  item: (chunk: Chunk) => Item,
  end?: Item,
): AsyncGenerator<Item> {
  const { chunkDelayMs, clock, paces, timing } = pacing
  const signal = pacing.signal()
  let first = true
  let n = 0
  for (const chunk of sequence) {
    if (paces === undefined || paces(chunk)) {
      if (timing !== undefined) {
        const wait = timedWait(timing, n++, chunkDelayMs)
        if (wait > 0) await clock.sleep(wait, signal)
      }
      // An await only where the rule asks for a pause: each one is a round of promises.
      else if (!first && chunkDelayMs > 0) await clock.sleep(chunkDelayMs, signal)
      first = false
      if (signal?.aborted) break
    }
    yield item(chunk)
  }
  if (end !== undefined) yield end
}
