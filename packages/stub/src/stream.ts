/**
 * The stub's answer to `stream: true`: shaped like the `openai` SDK's `Stream` (an async
 * iterable of chunk objects with a `controller`, `tee()` and `toReadableStream()`), so code
 * written against the SDK's stream runs unchanged.
 */

/**
 * An async iterable of chunks that can be iterated once, like the SDK's `Stream`.
 * `controller.abort()` ends the iteration early without an error, as in the SDK.
 *
 * @example
 * const stream = await client.chat.completions.create({ ...params, stream: true })
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '')
 */
export class MockStream<Item> implements AsyncIterable<Item> {
  readonly controller: AbortController
  #source: () => AsyncIterator<Item>
  #consumed = false

  constructor(
    source: () => AsyncIterator<Item>,
    controller: AbortController = new AbortController(),
  ) {
    this.#source = source
    this.controller = controller
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    if (this.#consumed) {
      throw new Error('Cannot iterate over a consumed stream, use `.tee()` to split the stream.')
    }
    this.#consumed = true
    const iterator = this.#source()
    const { signal } = this.controller
    try {
      while (!signal.aborted) {
        const { value, done } = await iterator.next()
        if (done || signal.aborted) return
        yield value
      }
    } finally {
      await iterator.return?.()
    }
  }

  /**
   * Two streams that each see every chunk, read independently.
   *
   * @example const [forUi, forLog] = stream.tee()
   */
  tee(): [MockStream<Item>, MockStream<Item>] {
    const left: Promise<IteratorResult<Item>>[] = []
    const right: Promise<IteratorResult<Item>>[] = []
    const iterator = this[Symbol.asyncIterator]()
    const branch = (queue: Promise<IteratorResult<Item>>[]): AsyncIterator<Item> => ({
      next: () => {
        if (queue.length === 0) {
          const result = iterator.next()
          left.push(result)
          right.push(result)
        }
        return queue.shift() as Promise<IteratorResult<Item>>
      },
    })
    return [
      new MockStream(() => branch(left), this.controller),
      new MockStream(() => branch(right), this.controller),
    ]
  }

  /**
   * The chunks as newline-separated JSON bytes, as the SDK's `toReadableStream()` gives them.
   *
   * @example new Response(stream.toReadableStream())
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder()
    const iterator = this[Symbol.asyncIterator]()
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { value, done } = await iterator.next()
          if (done) controller.close()
          else controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`))
        } catch (error) {
          controller.error(error)
        }
      },
      async cancel() {
        await iterator.return?.()
      },
    })
  }
}
