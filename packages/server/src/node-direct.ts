/**
 * The Node runner's direct path. Requests to the API routes are answered from `node:http`'s
 * own request and response objects, without a Web `Request` and `Response` per request: for a
 * small answer, building those and routing through the app cost more than the answer itself.
 * The steps are the app's (`answerRead`, `wireOutput`), so the bytes on the wire are the app's
 * too; a test sends the same requests both ways and compares them.
 *
 * Only the plain case comes here: an API route at its exact path (no query string, no mount
 * prefix), a declared length within the limit and a JSON content type; no Hono middleware runs
 * (a route's own last word on its answers is its `finish`, which runs on both paths);
 * and `GET /health`, the readiness probe, so a server answers it before the app's adapter has
 * even loaded (see ./node.ts). Everything else (preflights, refusals before the body, other
 * routes) goes to the app.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { encodeSSE } from '@mocktopus/responders'
import { type BodyRead, decodeBody, isJSONContentType } from './body.js'
import type { MocktopusContext } from './context.js'
import { beginExchange } from './exchange-start.js'
import {
  type ApiAnswer,
  type ApiRequest,
  type ApiRoute,
  answerRead,
  finishOutput,
  internalError,
  wireOutput,
} from './pipeline.js'
import type { JSONOutput, StreamOutput } from './wire-output.js'

/** Answers a request and says `true`, or leaves it to the app and says `false`. */
export type DirectAnswerer = (request: IncomingMessage, response: ServerResponse) => boolean

export interface DirectOptions {
  /** Told of every stream the direct path starts; `settled` resolves once it is over. */
  readonly onStream: (settled: Promise<void>) => void
}

/**
 * The direct path over a Mocktopus context.
 *
 * @example const direct = createDirectAnswerer(ctx, { onStream: (s) => streams.add(s) })
 * createServer((req, res) => direct(req, res) || appListener(req, res))
 */
export function createDirectAnswerer(
  ctx: MocktopusContext,
  options: DirectOptions,
): DirectAnswerer {
  return (request, response) => {
    const { method, url } = request
    const direct = ctx.directRoutes.get(`${method} ${url}`)
    if (direct === undefined || method === undefined || url === undefined) return false
    if (direct.kind === 'plain') {
      sendJSON(response, direct.answer())
      return true
    }
    const { route } = direct
    const { headers } = request
    const length = headers['content-length']
    if (length === undefined || !(Number(length) <= ctx.bodyLimit)) return false
    if (!isJSONContentType(headers['content-type'] ?? null)) return false
    answerDirectly(ctx, route, new NodeApiRequest(method, url, response), request, options)
    return true
  }
}

// Callbacks, not promises, from the body's last chunk to the write: an answer built at once
// goes out in the same turn of the event loop, as the bare handler's does.
function answerDirectly(
  ctx: MocktopusContext,
  route: ApiRoute<unknown>,
  request: NodeApiRequest,
  incoming: IncomingMessage,
  options: DirectOptions,
): void {
  const { response } = request
  const start = beginExchange(ctx, request.method, request.path, route.path)
  const send = (answer: ApiAnswer) => {
    // Recording hooks keep a Mocktopus off the direct path: only the app forwards.
    if (answer.kind === 'forward') fail(new Error('the direct path cannot forward a request'))
    else if (answer.kind === 'json') sendJSON(response, answer)
    else {
      options.onStream(answer.settled)
      void sendStream(response, answer)
    }
  }
  // As the app's onError answers: a 500 in the route's envelope, never a dropped socket.
  const fail = (error: unknown) => {
    const failed = beginExchange(ctx, request.method, request.path, request.path)
    send(finishOutput(route, wireOutput(ctx, failed, internalError(route.errors, error)), failed))
  }
  readNodeBody(
    incoming,
    ctx.bodyLimit,
    (read) => {
      let answer: ApiAnswer | Promise<ApiAnswer>
      try {
        answer = answerRead(ctx, route, request, start, read)
      } catch (error) {
        return fail(error)
      }
      if (answer instanceof Promise) answer.then(send, fail)
      else send(answer)
    },
    fail,
  )
}

// The request as the shared steps read it once its body is in: method, path, and the signal
// of a client going away. A class, for the getter (see Answering).
class NodeApiRequest implements Pick<ApiRequest, 'method' | 'path' | 'signal'> {
  readonly method: string
  readonly path: string
  readonly response: ServerResponse
  #controller: AbortController | undefined

  constructor(method: string, path: string, response: ServerResponse) {
    this.method = method
    this.path = path
    this.response = response
  }

  get signal(): AbortSignal {
    if (this.#controller) return this.#controller.signal
    const controller = new AbortController()
    this.#controller = controller
    const response = this.response
    // The client went away: the response closed before its last byte was handed on.
    const abort = () => {
      if (!response.writableFinished)
        controller.abort(new Error('the client closed the connection'))
    }
    if (response.destroyed) abort()
    else response.once('close', abort)
    return controller.signal
  }
}

// The whole body, whose declared length was within the limit; HTTP/1.1 framing keeps it so.
// The listeners stay on the request, which is dropped once answered: taking four off again
// (and the wrappers `once` makes) cost more here than reading a small body.
function readNodeBody(
  request: IncomingMessage,
  limit: number,
  done: (read: BodyRead) => void,
  failed: (error: Error) => void,
): void {
  const chunks: Uint8Array[] = []
  let size = 0
  let ended = false
  request.on('data', (chunk: Uint8Array) => {
    size += chunk.byteLength
    if (size <= limit) chunks.push(chunk)
  })
  request.on('end', () => {
    ended = true
    if (size > limit) done({ ok: false, reason: 'too_large' })
    else done(decodeBody(chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks)))
  })
  // Also told after a normal end ('close' follows it), which it then leaves alone.
  const broken = (error?: Error) => {
    if (!ended)
      failed(error ?? new Error('the client closed the connection before sending the body'))
  }
  request.on('error', broken)
  request.on('close', broken)
}

// JSON answers made while the event loop handles one round of I/O, written together once that
// round is over (setImmediate runs after it), as Redis writes its replies before it next waits
// for the network. Written one by one, each answer woke a client that had gone idle waiting
// for it: under 32 connections the load generator slept and woke once per answer against
// Mocktopus, a third as often against the bare server, and the waking cost the server's
// write as much again. Written together, one wake-up serves the round: about 1.4 times the
// requests per second (ratio to the bare server 0.58-0.69 -> 0.88-0.89, same runs). A lone
// request waits one hop of the loop.
let pendingJSON: [ServerResponse, JSONOutput][] = []

function sendJSON(response: ServerResponse, output: JSONOutput): void {
  if (pendingJSON.length === 0) setImmediate(writePendingJSON)
  pendingJSON.push([response, output])
}

function writePendingJSON(): void {
  const round = pendingJSON
  pendingJSON = []
  for (const [response, output] of round) {
    try {
      writeJSON(response, output)
    } catch {
      // Never the rest of the round for one answer Node would not write: that client's
      // connection closes instead of waiting.
      response.destroy()
    }
  }
}

// As @hono/node-server writes a string body: status, headers as given, and the length. One
// writeHead with the length among the headers (the adapter has Node add it after Date and
// Connection), for a setHeader call per header cost more than the rest of the write. The
// record is this answer's own: wireOutput and healthOutput build one per answer.
function writeJSON(response: ServerResponse, output: JSONOutput): void {
  const headers: Record<string, string | number> = output.headers
  headers['Content-Length'] = Buffer.byteLength(output.text)
  response.writeHead(output.status, headers)
  response.end(output.text)
}

// As @hono/node-server writes a stream (headers at once, then each frame as it comes, waiting
// when the socket is full), but from the frames themselves: no byte stream between them and
// the socket, and no encoder, since the socket takes strings. A client that leaves ends the
// loop, whose return() stops the source and reports the exchange.
async function sendStream(response: ServerResponse, output: StreamOutput): Promise<void> {
  response.writeHead(output.status, output.headers)
  response.flushHeaders()
  try {
    for await (const frame of output.frames) {
      if (response.destroyed) break
      if (!response.write(encodeSSE(frame))) await drained(response)
    }
    response.end()
  } catch {
    response.destroy()
  }
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done)
      response.off('close', done)
      resolve()
    }
    response.once('drain', done)
    response.once('close', done)
  })
}
