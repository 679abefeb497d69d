/**
 * An answer made ready to send: the status, the header record and the JSON text, or the SSE
 * frames; or, for a forwarded request, the upstream's `Response` as it came. Both transports
 * write these: the Hono app as a Web `Response`, the Node server straight to its socket.
 */
import { type SSEFrame, sseStream } from '@mocktopus/responders'
import { heldText, textResponse } from './text-response.js'

/** The header naming the index of the rule that answered. */
export const RULE_HEADER = 'x-mocktopus-rule'

/** A JSON answer (errors included), written whole. */
export interface JSONOutput {
  readonly kind: 'json'
  readonly status: number
  /** This answer's own record: a transport may add to it. */
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
  /**
   * An endless feed (the inspector's events): it ends when its reader leaves, and a server's
   * `close()` cuts it off rather than waiting for it.
   */
  readonly live?: boolean
}

/** A forwarded request's answer, from the upstream (record mode). */
export interface ResponseOutput {
  readonly kind: 'response'
  readonly response: Response
  /**
   * Headers of ours on top of the response's (CORS), set as it is written: a fetched
   * `Response`'s own headers are immutable, and a copy of it per answer costs a `Response`.
   */
  readonly headers?: Readonly<Record<string, string>>
}

export type Output = JSONOutput | StreamOutput | ResponseOutput

/**
 * A JSON output of `body`.
 *
 * @example jsonOutput(200, { status: 'healthy' }, { 'cache-control': 'no-store' })
 */
export function jsonOutput(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): JSONOutput {
  headers['content-type'] = 'application/json'
  return { kind: 'json', status, headers, text: JSON.stringify(body) }
}

/** How a pass over a stream's frames ended: all sent, failed, or stopped early (client left). */
export type StreamEnd = 'done' | 'error' | 'stopped'

/**
 * `frames`, calling `done` once when a pass over them ends: after the last frame, on an error,
 * or when the reader stops early (the client left), after the source has been stopped. What a
 * generator's `try { yield* frames } finally { done() }` does, without a promise per frame.
 *
 * @example const watched = whenRead(frames, (end) => report(end))
 */
export function whenRead<T>(
  frames: AsyncIterable<T>,
  done: (end: StreamEnd) => void,
): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const source = frames[Symbol.asyncIterator]()
      let over = false
      const end = (how: StreamEnd) => {
        if (over) return
        over = true
        done(how)
      }
      return {
        next: () =>
          source.next().then(
            (result) => {
              if (result.done) end('done')
              return result
            },
            (error: unknown) => {
              end('error')
              throw error
            },
          ),
        return: async (value?: unknown) => {
          try {
            return (await source.return?.(value)) ?? { done: true, value: undefined }
          } finally {
            end('stopped')
          }
        },
      }
    },
  }
}

/**
 * The output as a Web `Response`.
 *
 * @example return toResponse(output)
 */
export function toResponse(output: Output): Response {
  if (output.kind === 'response') return withHeaders(output.response, output.headers)
  const init = { status: output.status, headers: output.headers }
  // A 204 (a preflight's) must have no body at all, not an empty one.
  if (output.kind === 'json') return new Response(output.status === 204 ? null : output.text, init)
  return new Response(sseStream(output.frames), init)
}

// The response with `extra` set on a copy of its headers.
function withHeaders(
  response: Response,
  extra: Readonly<Record<string, string>> | undefined,
): Response {
  if (!extra) return response
  const headers = new Headers(response.headers)
  for (const [name, value] of Object.entries(extra)) headers.set(name, value)
  const { status, statusText } = response
  // A body held as text stays so.
  const text = heldText(response)
  if (text !== undefined) return textResponse(text, { status, statusText, headers })
  return new Response(response.body, { status, statusText, headers })
}
