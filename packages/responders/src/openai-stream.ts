/** Helpers shared by OpenAI's streamed APIs: lazy chunk iterables and `[DONE]`-terminated frames. */
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
