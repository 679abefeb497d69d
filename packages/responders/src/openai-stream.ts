/** Helpers shared by OpenAI's streamed APIs: lazy chunk iterables and `[DONE]`-terminated frames. */
import type { Clock } from './clock.js'
import type { SSEFrame } from './sse.js'

/**
 * An async iterable that starts a fresh generator for every `for await`, so a stream answer can
 * be read more than once and builds nothing until someone reads it.
 *
 * @example const chunks = replayable(() => makeChunks())
 */
export function replayable<T>(start: () => AsyncGenerator<T>): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: start }
}

/**
 * OpenAI's SSE framing: each chunk as one `data:` frame with no event name, then `data: [DONE]`.
 *
 * @example sseStream(openaiFrames(chunks))
 */
export function openaiFrames(chunks: AsyncIterable<unknown>): AsyncIterable<SSEFrame> {
  return replayable(async function* () {
    for await (const chunk of chunks) yield { data: chunk }
    yield { data: '[DONE]' }
  })
}

/** How a stream's chunks are paced: the rule's `chunk_delay_ms`, and when to stop. */
export interface StreamPacing {
  /** The pause between chunks, in ms; with 0 the chunks follow each other with no await. */
  readonly chunkDelayMs: number
  readonly clock: Clock
  /**
   * The client's abort signal, asked for when a pass starts (on Node, asking builds an
   * AbortController); once it aborts, no further chunk is made.
   */
  readonly signal: () => AbortSignal | undefined
}

const DONE: SSEFrame = { data: '[DONE]' }

/**
 * A stream answer's chunks and their SSE frames (OpenAI's framing, as {@link openaiFrames}),
 * each pass running `sequence` afresh at the pace `pacing` sets; `encode` gives a frame's
 * data. The frames are made by the same generator as the chunks, not by a second one reading
 * the first: each async generator a chunk passes through costs it a round of promises.
 *
 * @example const { chunks, frames } = pacedOpenAIStream(() => [a, b], { chunkDelayMs: 0, clock, signal: () => undefined })
 */
export function pacedOpenAIStream<Chunk>(
  sequence: () => Iterable<Chunk>,
  pacing: StreamPacing,
  /** A frame's `data`: the chunk itself by default (sent as JSON), or its JSON text. */
  encode: (chunk: Chunk) => unknown = (chunk) => chunk,
): { readonly chunks: AsyncIterable<Chunk>; readonly frames: AsyncIterable<SSEFrame> } {
  const frame = (chunk: Chunk): SSEFrame => ({ data: encode(chunk) })
  return {
    chunks: replayable(() => paced(sequence(), pacing, (chunk) => chunk)),
    frames: replayable(() => paced(sequence(), pacing, frame, DONE)),
  }
}

async function* paced<Chunk, Item>(
  sequence: Iterable<Chunk>,
  pacing: StreamPacing,
  item: (chunk: Chunk) => Item,
  end?: Item,
): AsyncGenerator<Item> {
  const signal = pacing.signal()
  let first = true
  for (const chunk of sequence) {
    // An await only where the rule asks for a pause: one per chunk cost a tenth of a stream.
    if (!first && pacing.chunkDelayMs > 0) await pacing.clock.sleep(pacing.chunkDelayMs, signal)
    first = false
    if (signal?.aborted) break
    yield item(chunk)
  }
  if (end !== undefined) yield end
}
