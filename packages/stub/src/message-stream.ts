/**
 * The Anthropic stub's `messages.stream()`: shaped like `@anthropic-ai/sdk`'s `MessageStream`
 * (`lib/MessageStream.ts`). It reads the same events `messages.create({ stream: true })` gives,
 * builds the message from them as the SDK does, and offers the SDK's events (`text`,
 * `inputJson`, `contentBlock`, `message`, `finalMessage`, `end`, `error`, `abort`) and helpers
 * (`finalMessage()`, `finalText()`, `done()`, `abort()`, `withResponse()`).
 */
import type { AnthropicContentBlock, AnthropicMessage } from '@mocktopus/responders'
import { AnthropicError, APIUserAbortError } from './anthropic-errors.js'
import { maybeParseAnthropicMessage } from './anthropic-parse.js'
import type { AnthropicStreamEvent, StubMessage } from './anthropic-types.js'
import { partialParse } from './partial-json.js'
import { MockStream } from './stream.js'

/**
 * The final message as `MessageStream` gives it: with the SDK's `parsed_output`, parsed when
 * `output_config.format` was built by `zodOutputFormat`, else `null`.
 */
export type StreamedMessage = StubMessage & { readonly parsed_output: unknown }

/** The events a {@link MockMessageStream} emits, with their listeners' arguments. */
export interface MessageStreamEvents {
  connect: () => void
  streamEvent: (event: AnthropicStreamEvent, snapshot: AnthropicMessage) => void
  text: (textDelta: string, textSnapshot: string) => void
  inputJson: (partialJson: string, jsonSnapshot: unknown) => void
  contentBlock: (content: AnthropicContentBlock) => void
  message: (message: StreamedMessage) => void
  finalMessage: (message: StreamedMessage) => void
  error: (error: AnthropicError) => void
  abort: (error: APIUserAbortError) => void
  end: () => void
}

type Listener = (...args: never[]) => void
type Mutable<T> = { -readonly [K in keyof T]: T[K] }
type Snapshot = Mutable<Omit<AnthropicMessage, 'content' | 'usage'>> & {
  content: Record<string, unknown>[]
  usage: Record<string, unknown>
}

// Tool input as far as it has streamed, read as the SDK reads it.
function parseSoFar(json: string, previous: unknown): unknown {
  if (json === '') return {}
  try {
    return partialParse(json)
  } catch {
    // The SDK's getter would throw when read; the answers here are always whole JSON.
    return previous
  }
}

/**
 * A `MessageStream` over the stub: iterate it for events, listen with `on`, or await
 * `finalMessage()` / `finalText()`.
 *
 * @example
 * const stream = anthropic.messages.stream(params).on('text', (delta) => out.push(delta))
 * const message = await stream.finalMessage()
 */
export class MockMessageStream implements AsyncIterable<AnthropicStreamEvent> {
  /** The conversation: the request's messages, then each message received, as accumulated. */
  readonly messages: unknown[]
  readonly receivedMessages: StreamedMessage[] = []
  readonly controller: AbortController = new AbortController()
  #snapshot: Snapshot | undefined
  #listeners = new Map<keyof MessageStreamEvents, { listener: Listener; once: boolean }[]>()
  #ended = false
  #errored = false
  #aborted = false
  #endPromise: Promise<void>
  #resolveEnd: () => void = () => {}
  #rejectEnd: (error: unknown) => void = () => {}
  #requestID: string | null | undefined
  #workspaceID: string | null | undefined
  #response: Response | undefined
  // The answer's `Response` once the stream has connected (`withResponse()`); rejects as the
  // request does.
  readonly #connected: Promise<Response>
  #resolveConnected: (response: Response) => void = () => {}
  #rejectConnected: (error: unknown) => void = () => {}
  readonly #answer: (() => Response) | undefined
  // Whether someone awaits the end (`done()`, `finalMessage()`, ...).
  #catching = false

  readonly #params: { readonly output_config?: { readonly format?: unknown } | null } | null

  constructor(
    params: {
      readonly messages: readonly unknown[]
      readonly output_config?: { readonly format?: unknown } | null
    },
    open: (signal: AbortSignal) => Promise<MockStream<AnthropicStreamEvent>>,
    answer?: () => Response,
  ) {
    this.#params = params
    this.#answer = answer
    this.messages = [...params.messages]
    this.#connected = new Promise<Response>((resolve, reject) => {
      this.#resolveConnected = resolve
      this.#rejectConnected = reject
    })
    // Rejected for nobody unless `withResponse()` asks, as in the SDK.
    this.#connected.catch(() => {})
    this.#endPromise = new Promise<void>((resolve, reject) => {
      this.#resolveEnd = resolve
      this.#rejectEnd = reject
    })
    // Unhandled only if nobody awaits it, as in the SDK.
    this.#endPromise.catch(() => {})
    queueMicrotask(() => {
      this.#run(open).then(
        () => {
          this.#emitFinal()
          this.#emit('end')
        },
        (error) => this.#fail(error),
      )
    })
  }

  /** The `request-id` of the answer, once connected. */
  get request_id(): string | null | undefined {
    return this.#requestID
  }

  /** The `anthropic-workspace-id` of the answer, once connected (`null` from the stub). */
  get workspace_id(): string | null | undefined {
    return this.#workspaceID
  }

  /** The answer's `Response` (status and headers as the server sends them), once connected. */
  get response(): Response | null | undefined {
    return this.#response
  }

  /**
   * The stream itself, the answer's `Response` and its request id, once connected, as the
   * SDK's `MessageStream.withResponse()`; rejects with the request's error.
   *
   * @example const { data, response, request_id } = await anthropic.messages.stream(params).withResponse()
   */
  async withResponse(): Promise<{
    data: MockMessageStream
    response: Response
    request_id: string | null | undefined
    workspace_id: string | null | undefined
  }> {
    this.#catching = true
    const response = await this.#connected
    return {
      data: this,
      response,
      request_id: response.headers.get('request-id'),
      workspace_id: response.headers.get('anthropic-workspace-id'),
    }
  }

  get ended(): boolean {
    return this.#ended
  }

  get errored(): boolean {
    return this.#errored
  }

  get aborted(): boolean {
    return this.#aborted
  }

  /** The message built so far, between `message_start` and `message_stop`. */
  get currentMessage(): AnthropicMessage | undefined {
    return this.#snapshot as unknown as AnthropicMessage | undefined
  }

  async #run(open: (signal: AbortSignal) => Promise<MockStream<AnthropicStreamEvent>>) {
    let stream: MockStream<AnthropicStreamEvent>
    try {
      stream = await open(this.controller.signal)
    } catch (error) {
      this.#rejectConnected(error)
      throw error
    }
    this.#requestID = (stream as { _request_id?: string | null })._request_id ?? null
    const response = this.#answer?.()
    if (response) {
      this.#response = response
      this.#workspaceID = response.headers.get('anthropic-workspace-id')
      this.#resolveConnected(response)
    } else this.#rejectConnected(new Error('Could not resolve a `Response` object'))
    this.#emit('connect')
    this.#snapshot = undefined
    for await (const event of stream) this.#add(event)
    if (this.controller.signal.aborted) throw new APIUserAbortError()
    if (!this.#snapshot) throw new AnthropicError('request ended without sending any chunks')
    this.#snapshot = undefined
  }

  // The SDK's `#handleError`: an abort becomes `abort`, anything else `error`, then `end`.
  #fail(error: unknown) {
    this.#errored = true
    if (error instanceof Error && error.name === 'AbortError') error = new APIUserAbortError()
    if (error instanceof APIUserAbortError) {
      this.#aborted = true
      this.#emit('abort', error)
      return
    }
    if (error instanceof AnthropicError) {
      this.#emit('error', error)
      return
    }
    const wrapped = new AnthropicError(error instanceof Error ? error.message : String(error))
    if (error instanceof Error) wrapped.cause = error
    this.#emit('error', wrapped)
  }

  #add(event: AnthropicStreamEvent) {
    const snapshot = this.#accumulate(event)
    this.#emit('_event' as keyof MessageStreamEvents, event)
    if (!snapshot) return
    const message = snapshot as unknown as AnthropicMessage
    this.#emit('streamEvent', event, message)
    switch (event.type) {
      case 'content_block_delta': {
        const block = snapshot.content.at(-1)
        if (event.delta.type === 'text_delta' && block?.type === 'text') {
          this.#emit('text', event.delta.text, (block.text as string) || '')
        } else if (event.delta.type === 'input_json_delta' && block?.type === 'tool_use') {
          this.#emit('inputJson', event.delta.partial_json, block.input)
        }
        break
      }
      case 'content_block_stop':
        this.#emit('contentBlock', snapshot.content.at(-1) as unknown as AnthropicContentBlock)
        break
      case 'message_start':
        this.#snapshot = snapshot
        break
      case 'message_stop': {
        const done = maybeParseAnthropicMessage(
          snapshot as unknown as StubMessage,
          this.#params,
        ) as StreamedMessage
        // As the SDK: the conversation gets the message as accumulated, whole.
        this.messages.push(snapshot)
        this.receivedMessages.push(done)
        this.#emit('message', done)
        break
      }
      default:
        break
    }
  }

  // The SDK's `#accumulateMessage`: the snapshot after `event`, `undefined` before a start.
  #accumulate(event: AnthropicStreamEvent): Snapshot | undefined {
    if (event.type === 'message_start') {
      if (this.#snapshot) {
        throw new AnthropicError(
          `Unexpected event order, got ${event.type} before receiving "message_stop"`,
        )
      }
      return structuredClone(event.message) as unknown as Snapshot
    }
    const snapshot = this.#snapshot
    if (!snapshot) return undefined
    switch (event.type) {
      case 'message_delta':
        snapshot.stop_reason = event.delta.stop_reason
        snapshot.stop_sequence = event.delta.stop_sequence
        snapshot.usage.output_tokens = event.usage.output_tokens
        for (const key of [
          'input_tokens',
          'cache_creation_input_tokens',
          'cache_read_input_tokens',
        ] as const) {
          if (event.usage[key] != null) snapshot.usage[key] = event.usage[key]
        }
        return snapshot
      case 'content_block_start':
        snapshot.content.push({ ...event.content_block })
        return snapshot
      case 'content_block_delta': {
        const block = snapshot.content[event.index]
        if (!block) return snapshot
        if (event.delta.type === 'text_delta' && block.type === 'text') {
          snapshot.content[event.index] = {
            ...block,
            text: ((block.text as string) || '') + event.delta.text,
          }
        } else if (event.delta.type === 'input_json_delta' && block.type === 'tool_use') {
          const json = ((block.__json_buf as string | undefined) ?? '') + event.delta.partial_json
          const next = { ...block, input: parseSoFar(json, block.input) }
          Object.defineProperty(next, '__json_buf', { value: json, enumerable: false })
          snapshot.content[event.index] = next
        }
        return snapshot
      }
      default:
        return snapshot
    }
  }

  #emitFinal() {
    const last = this.receivedMessages.at(-1)
    if (last) this.#emit('finalMessage', last)
  }

  #emit(event: keyof MessageStreamEvents, ...args: unknown[]) {
    // Nothing is emitted after `end`.
    if (this.#ended) return
    if (event === 'end') {
      this.#ended = true
      this.#resolveEnd()
    }
    const listeners = this.#listeners.get(event)
    if (listeners) {
      this.#listeners.set(
        event,
        listeners.filter((l) => !l.once),
      )
      for (const { listener } of listeners) (listener as (...a: unknown[]) => void)(...args)
    }
    if (event === 'abort' || event === 'error') {
      // As the SDK: an error nobody listens for nor awaits is an unhandled rejection.
      if (!this.#catching && !listeners?.length) Promise.reject(args[0])
      this.#rejectEnd(args[0])
      this.#emit('end')
    }
  }

  /**
   * Adds a listener for `event`; returns the stream, for chaining.
   *
   * @example stream.on('text', (delta, snapshot) => render(snapshot))
   */
  on<Event extends keyof MessageStreamEvents>(
    event: Event,
    listener: MessageStreamEvents[Event],
  ): this {
    const listeners = this.#listeners.get(event) ?? []
    listeners.push({ listener: listener as Listener, once: false })
    this.#listeners.set(event, listeners)
    return this
  }

  /** Removes a listener added by `on` or `once`. */
  off<Event extends keyof MessageStreamEvents>(
    event: Event,
    listener: MessageStreamEvents[Event],
  ): this {
    const listeners = this.#listeners.get(event)
    if (listeners) {
      this.#listeners.set(
        event,
        listeners.filter((l) => l.listener !== listener),
      )
    }
    return this
  }

  /** Adds a listener called at most once. */
  once<Event extends keyof MessageStreamEvents>(
    event: Event,
    listener: MessageStreamEvents[Event],
  ): this {
    const listeners = this.#listeners.get(event) ?? []
    listeners.push({ listener: listener as Listener, once: true })
    this.#listeners.set(event, listeners)
    return this
  }

  /**
   * The first argument of the next `event`; rejects if the stream errors first (for `error`,
   * resolves with the error).
   *
   * @example const message = await stream.emitted('message')
   */
  emitted<Event extends keyof MessageStreamEvents>(
    event: Event,
  ): Promise<Parameters<MessageStreamEvents[Event]>[0]> {
    return new Promise((resolve, reject) => {
      this.#catching = true
      if (event !== 'error') this.once('error', reject)
      this.once(event, resolve as MessageStreamEvents[Event])
    })
  }

  /** Ends the stream: `done()` rejects with `APIUserAbortError` and `abort` is emitted. */
  abort(): void {
    this.controller.abort()
  }

  /** Resolves when the stream has ended; rejects with its error or `APIUserAbortError`. */
  async done(): Promise<void> {
    this.#catching = true
    await this.#endPromise
  }

  /** The last message received, once the stream has ended. */
  async finalMessage(): Promise<StreamedMessage> {
    await this.done()
    const last = this.receivedMessages.at(-1)
    if (!last) {
      throw new AnthropicError('stream ended without producing a Message with role=assistant')
    }
    return last
  }

  /** The final message's text blocks joined with a space, as the SDK's `finalText()`. */
  async finalText(): Promise<string> {
    const message = await this.finalMessage()
    const texts = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : []))
    if (texts.length === 0) {
      throw new AnthropicError('stream ended without producing a content block with type=text')
    }
    return texts.join(' ')
  }

  /**
   * The events as newline-separated JSON bytes, as the SDK's `toReadableStream()`.
   *
   * @example new Response(stream.toReadableStream())
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    return new MockStream(() => this[Symbol.asyncIterator](), this.controller).toReadableStream()
  }

  [Symbol.asyncIterator](): AsyncIterator<AnthropicStreamEvent> {
    const pushed: AnthropicStreamEvent[] = []
    const waiting: {
      resolve: (event: AnthropicStreamEvent | undefined) => void
      reject: (error: unknown) => void
    }[] = []
    let done = false
    this.on(
      '_event' as 'end',
      ((event: AnthropicStreamEvent) => {
        const reader = waiting.shift()
        if (reader) reader.resolve(event)
        else pushed.push(event)
      }) as never,
    )
    this.on('end', () => {
      done = true
      for (const reader of waiting.splice(0)) reader.resolve(undefined)
    })
    const fail = (error: unknown) => {
      done = true
      for (const reader of waiting.splice(0)) reader.reject(error)
    }
    this.on('abort', fail)
    this.on('error', fail)
    return {
      next: async () => {
        const event = pushed.shift()
        if (event) return { value: event, done: false }
        if (done) return { value: undefined, done: true }
        const next = await new Promise<AnthropicStreamEvent | undefined>((resolve, reject) =>
          waiting.push({ resolve, reject }),
        )
        return next ? { value: next, done: false } : { value: undefined, done: true }
      },
      return: async () => {
        this.abort()
        return { value: undefined, done: true }
      },
    }
  }
}
