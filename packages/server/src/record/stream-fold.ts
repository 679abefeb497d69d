/**
 * How the proxy relays a stream and folds it into a recording, by its framing: SSE events
 * (OpenAI, Azure, Anthropic, Gemini) or NDJSON lines (Ollama). The client gets whole events or
 * lines as they arrive, so a stream cut short can still end with the provider's error; the
 * recording gets the answer they add up to, its shape, and when each paced unit arrived.
 */
import {
  type AssembledStream,
  encodeSSE,
  type Provider,
  type StreamAssembler,
} from '@mocktopus/responders'
import { createEventCutter, createLineCutter } from './relay.js'
import { createShapeCollector, ndjsonShape } from './shape.js'
import { createSSEParser } from './sse-parse.js'
import { createLineClock } from './stream-timing.js'

/** What a relayed stream added up to. */
export interface FoldedStream {
  readonly assembled: AssembledStream
  /** The shape of its events or lines (`shape.ts`). */
  readonly shape: string | undefined
  /** When each unit replay paces arrived (`performance.now()`), in order. */
  readonly times: readonly number[]
}

export interface StreamFold {
  /** Takes the next bytes, which arrived at `arrived`; gives the whole units to pass on. */
  push(bytes: Uint8Array, arrived: number): Uint8Array | undefined
  /** The upstream ended at `ended`: the bytes held back, to pass on. */
  rest(ended: number): Uint8Array | undefined
  /** Once ended: the answer, its shape and its timing. */
  result(): FoldedStream
  /** The frame that ends the client's stream on a failure (`body` the error's), if any. */
  errorFrame(body: unknown): Uint8Array | undefined
}

const encoder = new TextEncoder()

/**
 * An SSE stream: cut after whole events, parsed as they come, folded by the provider's
 * assembler (none: not recordable), timed on the events it `paces`.
 *
 * @example const fold = sseFold(assembler, 'the endpoint does not stream', false)
 */
export function sseFold(
  assembler: StreamAssembler | undefined,
  unrecordable: string,
  namedEvents: boolean,
): StreamFold {
  const cutter = createEventCutter()
  const parser = createSSEParser()
  const decoder = new TextDecoder()
  const shape = createShapeCollector()
  const times: number[] = []
  const add = (events: readonly { event?: string; data: string }[], at: number): void => {
    for (const event of events) {
      assembler?.add(event)
      shape.addEvent(event)
      if (assembler?.paces?.(event) ?? true) times.push(at)
    }
  }
  return {
    push(bytes, arrived) {
      const ready = cutter.push(bytes)
      add(parser.push(decoder.decode(bytes, { stream: true })), arrived)
      return ready
    },
    rest(ended) {
      add([...parser.push(decoder.decode()), ...parser.end()], ended)
      return cutter.rest()
    },
    result: () => ({
      assembled: assembler?.result() ?? { ok: false, reason: unrecordable },
      shape: shape.result(),
      times,
    }),
    // Anthropic's streams name their events; the error is one of them.
    errorFrame: (body) =>
      encoder.encode(encodeSSE(namedEvents ? { event: 'error', data: body } : { data: body })),
  }
}

/**
 * An NDJSON stream (Ollama's): cut after whole lines, folded whole at its end by the
 * provider's `fold` (none: not recordable), timed line by line; a failure ends it with the
 * provider's own error line (`streamFailure`), as the API does when a model fails midway.
 *
 * @example const fold = ndjsonFold(assembleOllamaStream, 'not NDJSON', OLLAMA_PROVIDER)
 */
export function ndjsonFold(
  fold: ((text: string) => AssembledStream) | undefined,
  unrecordable: string,
  provider: Provider | undefined,
): StreamFold {
  const cutter = createLineCutter()
  const decoder = new TextDecoder()
  const lines = createLineClock()
  let text = ''
  let times: readonly number[] = []
  return {
    push(bytes, arrived) {
      lines.push(bytes, arrived)
      text += decoder.decode(bytes, { stream: true })
      return cutter.push(bytes)
    },
    rest(ended) {
      times = lines.end(ended)
      text += decoder.decode()
      return cutter.rest()
    },
    result: () => ({
      assembled: fold ? fold(text) : { ok: false, reason: unrecordable },
      shape: ndjsonShape(text),
      times,
    }),
    errorFrame() {
      const frame = provider?.streamFailure?.()
      return frame ? encoder.encode(encodeSSE(frame)) : undefined
    },
  }
}
