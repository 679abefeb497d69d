/**
 * A responder's answer made ready to send: the status, the header record and the JSON text, or
 * an SSE byte stream. `toResponse` makes a Web `Response` of it for the Hono app; the Node
 * runner's direct path (./node-direct.ts) writes it to the socket without one.
 */
import { type SSEFrame, sseStream, type WireResult } from '@mocktopus/responders'
import type { MocktopusContext } from './context.js'
import { type ExchangeStart, finishExchange } from './exchange-start.js'

/** The header naming the index of the rule that answered. */
export const RULE_HEADER = 'x-mocktopus-rule'

/** A JSON answer (errors included), written whole. */
export interface JSONOutput {
  readonly kind: 'json'
  readonly status: number
  readonly headers: Record<string, string>
  readonly text: string
}

/**
 * An SSE answer: its frames, to be read once; `settled` resolves once they have ended or been
 * abandoned (`return()`) and the exchange was reported.
 */
export interface StreamOutput {
  readonly kind: 'stream'
  readonly status: number
  readonly headers: Record<string, string>
  readonly frames: AsyncIterable<SSEFrame>
  readonly settled: Promise<void>
}

export type WireOutput = JSONOutput | StreamOutput

/**
 * Makes a responder's answer ready to send, and tells observers once it is done: at once for
 * JSON, when the last byte is sent (or the client leaves) for a stream.
 *
 * @example const output = wireOutput(ctx, start, openaiError({ status: 400, message: 'bad' }))
 */
export function wireOutput(
  ctx: MocktopusContext,
  start: ExchangeStart,
  wire: WireResult,
): WireOutput {
  // A plain record, not `Headers`: Node writes a record straight to the socket.
  // Responders give lower-case names, so these settings replace theirs. Object.assign, not
  // spreads: a record spread from another and then added to took about 3 us here, forty
  // times as long (V8 gives such clones no room for more properties).
  const headers: Record<string, string> = Object.assign({}, ctx.responseHeaders, wire.headers)
  if (start.ruleIndex !== null) headers[RULE_HEADER] = String(start.ruleIndex)
  if (wire.kind !== 'stream') {
    headers['content-type'] = 'application/json'
    finishExchange(ctx, start, wire)
    const text = (wire.kind === 'json' && wire.bodyText) || JSON.stringify(wire.body)
    return { kind: 'json', status: wire.status, headers, text }
  }
  headers['content-type'] = 'text/event-stream; charset=utf-8'
  headers['cache-control'] = 'no-cache'
  const frames = wire.frames
  let settle = () => {}
  const settled = new Promise<void>((resolve) => {
    settle = resolve
  })
  const observed = whenRead(frames, () => {
    finishExchange(ctx, start, wire)
    settle()
  })
  return { kind: 'stream', status: wire.status, headers, frames: observed, settled }
}

/**
 * `frames`, calling `done` once when a pass over them ends: after the last frame, on an error,
 * or when the reader stops early (the client left), after the source has been stopped. As a
 * generator's `try { yield* frames } finally { done() }` would, but without a generator: each
 * frame passed through one cost a round of promises, a tenth of a stream's time.
 */
function whenRead<T>(frames: AsyncIterable<T>, done: () => void): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const source = frames[Symbol.asyncIterator]()
      let over = false
      const end = () => {
        if (over) return
        over = true
        done()
      }
      return {
        next: () =>
          source.next().then(
            (result) => {
              if (result.done) end()
              return result
            },
            (error: unknown) => {
              end()
              throw error
            },
          ),
        return: async (value?: unknown) => {
          try {
            return (await source.return?.(value)) ?? { done: true, value: undefined }
          } finally {
            end()
          }
        },
      }
    },
  }
}

/**
 * The answer as a Web `Response`, marked with what it is (see `wireKindOf`).
 *
 * @example return toResponse(wireOutput(ctx, start, wire))
 */
export function toResponse(output: WireOutput): Response {
  const init = { status: output.status, headers: output.headers }
  if (output.kind === 'json') return marked(new Response(output.text, init), 'json')
  return marked(new Response(sseStream(output.frames), init), 'stream', output.settled)
}

/**
 * Turns a responder's answer into a `Response` and tells observers once it is done: at once
 * for JSON, when the last byte is sent (or the client leaves) for a stream.
 *
 * @example return writeWire(ctx, start, openaiError({ status: 400, message: 'bad' }))
 */
export function writeWire(ctx: MocktopusContext, start: ExchangeStart, wire: WireResult): Response {
  return toResponse(wireOutput(ctx, start, wire))
}

// What writeWire wrote, so others need not read a response's headers to know: on Node that
// read builds a `Headers` object, which costs more than a small answer's JSON. A symbol-keyed
// property, not a WeakMap: a WeakMap entry per request cost a tenth of the bookkeeping.
const WIRE_KIND = Symbol('mocktopus.wireKind')
const WIRE_SETTLED = Symbol('mocktopus.wireSettled')

type Marked = Response & {
  [WIRE_KIND]?: 'json' | 'stream'
  [WIRE_SETTLED]?: Promise<void>
}

function marked(response: Marked, kind: 'json' | 'stream', settled?: Promise<void>): Response {
  response[WIRE_KIND] = kind
  if (settled) response[WIRE_SETTLED] = settled
  return response
}

/**
 * For a stream `writeWire` wrote: settles once the stream has ended or been cancelled and its
 * exchange has been reported. `undefined` for any other response.
 *
 * @example await streamSettled(response)
 */
export function streamSettled(response: Response): Promise<void> | undefined {
  return (response as Marked)[WIRE_SETTLED]
}

/**
 * What `writeWire` wrote this response as: `json` (errors included) or an SSE `stream`;
 * `undefined` for a response built elsewhere. Such a response already carries
 * `ctx.responseHeaders`.
 *
 * @example if (wireKindOf(response) === 'stream') trackStream(response)
 */
export function wireKindOf(response: Response): 'json' | 'stream' | undefined {
  return (response as Marked)[WIRE_KIND]
}
