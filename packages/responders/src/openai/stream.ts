/** OpenAI's SSE framing for its streamed APIs: each chunk as `data:`, then `data: [DONE]`. */
import {
  pacedStream,
  replayable,
  type StreamPacing,
  type StreamParts,
} from '../shared/paced-stream.js'
import type { SSEFrame } from '../shared/sse.js'

const DONE: SSEFrame = { data: '[DONE]' }

/**
 * OpenAI's SSE framing: each chunk as one `data:` frame with no event name, then `data: [DONE]`.
 *
 * @example sseStream(openaiFrames(chunks))
 */
export function openaiFrames(chunks: AsyncIterable<unknown>): AsyncIterable<SSEFrame> {
  return replayable(async function* () {
    for await (const chunk of chunks) yield { data: chunk }
    yield DONE
  })
}

/**
 * {@link pacedStream} in OpenAI's framing (as {@link openaiFrames}): every chunk paced, each
 * frame's data the chunk (sent as JSON) or what `encode` makes of it, then `[DONE]`.
 *
 * @example const { chunks, frames } = pacedOpenAIStream(() => [a, b], { chunkDelayMs: 0, clock, signal: () => undefined })
 */
export function pacedOpenAIStream<Chunk>(
  sequence: () => Iterable<Chunk>,
  pacing: StreamPacing<Chunk>,
  /** A frame's `data`: the chunk itself by default (sent as JSON), or its JSON text. */
  encode: (chunk: Chunk) => unknown = (chunk) => chunk,
): StreamParts<Chunk> {
  return pacedStream(sequence, pacing, (chunk) => ({ data: encode(chunk) }), DONE)
}
