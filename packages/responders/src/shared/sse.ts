/** Server-sent events framing, as OpenAI and Anthropic send them. */

export interface SSEFrame {
  /** The `event:` line; OpenAI omits it, Anthropic names every event. */
  readonly event?: string
  /** A string is sent as is (`[DONE]`); anything else as compact JSON. */
  readonly data: unknown
  /** Ends the lines instead of `\n`: Gemini ends each frame `\r\n\r\n`. */
  readonly eol?: '\r\n'
  /** An NDJSON line instead of an SSE frame: the data's JSON (a string as is) and `\n` (Ollama). */
  readonly ndjson?: true
}

/**
 * One frame as text: an optional `event:` line, one `data:` line, a blank line.
 *
 * @example encodeSSE({ data: '[DONE]' }) // 'data: [DONE]\n\n'
 */
export function encodeSSE(frame: SSEFrame): string {
  const data = typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data)
  if (frame.ndjson) return `${data}\n`
  if (frame.eol) return `data: ${data}${frame.eol}${frame.eol}`
  return frame.event ? `event: ${frame.event}\ndata: ${data}\n\n` : `data: ${data}\n\n`
}

const encoder = new TextEncoder()

/**
 * A byte stream of frames. Pulls lazily, so a slow or departed client never makes us build
 * frames ahead; cancelling the stream (the client hung up) stops the source generator.
 */
export function sseStream(frames: AsyncIterable<SSEFrame>): ReadableStream<Uint8Array> {
  const iterator = frames[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next()
      if (done) controller.close()
      else controller.enqueue(encoder.encode(encodeSSE(value)))
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}
