/**
 * The recorder's `send` in Node: each upstream call on `node:http` or `node:https` with
 * keep-alive agents, the answer's body a `ReadableStream` fed as its chunks arrive. It gives
 * the proxy what `fetch` gives (bodies decompressed, repeated headers joined, failures a
 * `TypeError('fetch failed')` whose `cause` has the socket's `code`) at a fraction of undici's
 * cost per request: no `Request`, no `Response`, no fetch controller.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type {
  SendUpstream,
  UpstreamHeaders,
  UpstreamRequest,
  UpstreamResponse,
} from '../../record/upstream.js'

/** How calls to one protocol go: its `request` and its keep-alive agent. */
export interface Transport {
  readonly request: typeof httpRequest
  readonly agent: HttpAgent
}

// One pool per protocol; an agent keeps its sockets per origin. An idle socket is unref'd by
// the agent, so a pool never keeps the process alive.
const HTTP: Transport = { request: httpRequest, agent: new HttpAgent({ keepAlive: true }) }
// `node:https` loads TLS, some 3 ms of every start-up: loaded when an upstream is https only.
let https: Promise<Transport> | undefined

// What `fetch` asks for, so that an upstream compresses as it would for undici.
const ACCEPT_ENCODING = 'gzip, deflate, br'

/**
 * The transport for a URL's protocol: `https:` gets the TLS one (loaded on first use).
 *
 * @example (await transportFor(new URL('https://api.openai.com/v1'))).agent === (await transportFor(new URL('https://example.com'))).agent
 */
export function transportFor(url: URL): Transport | Promise<Transport> {
  if (url.protocol !== 'https:') return HTTP
  https ??= import('node:https').then(({ Agent, request }) => ({
    request: request as typeof httpRequest,
    agent: new Agent({ keepAlive: true }),
  }))
  return https
}

// As undici names a request that did not go through, with the socket's error as its cause.
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause })
}

// The socket closed under a response, named as undici names it (logs read the same either way).
class SocketError extends Error {
  readonly code = 'UND_ERR_SOCKET'
}
// On the prototype, so the stack, written in the constructor, names it too.
SocketError.prototype.name = 'SocketError'

// As undici names a body cut short: `terminated`, the socket's error (or `other side closed`)
// as its cause.
function terminated(cause?: unknown): TypeError {
  return new TypeError('terminated', { cause: cause ?? new SocketError('other side closed') })
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError')
}

// The body as `fetch` hands it: decompressed by its content-encoding, if one Node knows. As
// undici, lenient about a stream that ends without its final block.
function decoded(response: IncomingMessage): Readable {
  const encoding = response.headers['content-encoding']?.trim().toLowerCase()
  const lenient = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH }
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(createGunzip(lenient))
  if (encoding === 'deflate') return response.pipe(createInflate(lenient))
  if (encoding === 'br') {
    const flush = constants.BROTLI_OPERATION_FLUSH
    return response.pipe(createBrotliDecompress({ flush, finishFlush: flush }))
  }
  return response
}

/** Where a body's chunks go; `fail` and `end` are called once between them. */
interface BodySink {
  chunk(bytes: Buffer): void
  end(): void
  fail(error: unknown): void
}

// Feeds `sink` from the (decoded) body, with an error of `fetch`'s shape when the upstream cuts
// it short or the signal ends it.
function consume(
  response: IncomingMessage,
  body: Readable,
  signal: AbortSignal,
  sink: BodySink,
): void {
  let finished = false
  const fail = (error: unknown): void => {
    if (finished) return
    finished = true
    sink.fail(error)
  }
  // The socket closed before the last byte (Node says `aborted`, then errs `aborted`).
  const cut = (): void => fail(signal.aborted ? abortError(signal) : terminated())
  body.on('data', (chunk: Buffer) => {
    if (!finished) sink.chunk(chunk)
  })
  body.once('end', () => {
    if (finished) return
    finished = true
    sink.end()
  })
  response.once('aborted', cut)
  response.on('error', cut)
  response.once('close', () => {
    if (!response.complete) cut()
  })
  // A body that does not decompress.
  if (body !== response) body.on('error', (error) => fail(terminated(error)))
}

// The response's body as a Web stream: a chunk in as soon as Node has it, paused while the
// reader is behind.
function bodyStream(
  response: IncomingMessage,
  body: Readable,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  let cancelled = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      consume(response, body, signal, {
        chunk(bytes) {
          if (cancelled) return
          controller.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
          if ((controller.desiredSize ?? 1) <= 0) body.pause()
        },
        end: () => {
          if (!cancelled) controller.close()
        },
        fail: (error) => {
          if (!cancelled) controller.error(error)
        },
      })
    },
    pull() {
      body.resume()
    },
    cancel() {
      cancelled = true
      response.destroy()
    },
  })
}

// One decoder for every whole body: decoding without `stream` keeps nothing between calls.
const UTF8 = new TextDecoder()

// The whole body as text, with no stream in between: what a JSON answer needs.
function bodyText(
  response: IncomingMessage,
  body: Readable,
  signal: AbortSignal,
  progress: () => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    consume(response, body, signal, {
      chunk(bytes) {
        chunks.push(bytes)
        progress()
      },
      // As `fetch`'s `text()`: a byte-order mark dropped, bad bytes replaced.
      end: () => resolve(UTF8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))),
      fail: reject,
    })
  })
}

/**
 * The upstream's headers as `fetch` gives them (lower-case names, a repeated header's values
 * joined with `, `), without undici's `Headers` and its checks on every value: Node's parser
 * has already refused a header no `Headers` would take.
 */
class AnswerHeaders implements UpstreamHeaders {
  readonly #values = new Map<string, string>()

  constructor(raw: readonly string[]) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = (raw[i] as string).toLowerCase()
      const value = (raw[i + 1] as string).trim()
      const before = this.#values.get(name)
      this.#values.set(name, before === undefined ? value : `${before}, ${value}`)
    }
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#values.entries()
  }
}

/**
 * Sends `request` and resolves with the upstream's status, headers and streamed body once its
 * headers arrive; `request.signal` destroys the call at any point.
 */
function sendOnce(request: UpstreamRequest, retried: boolean): Promise<UpstreamResponse> {
  const { signal } = request
  if (signal.aborted) return Promise.reject(abortError(signal))
  return new Promise<UpstreamResponse>((resolve, reject) => {
    let url: URL
    try {
      url = new URL(request.url)
    } catch (error) {
      reject(new TypeError(`Failed to parse URL from ${request.url}`, { cause: error }))
      return
    }
    const transport = transportFor(url)
    if (transport instanceof Promise) {
      transport.then((loaded) => sendWith(loaded, url, request, retried)).then(resolve, reject)
    } else sendWith(transport, url, request, retried).then(resolve, reject)
  })
}

function sendWith(
  transport: Transport,
  url: URL,
  request: UpstreamRequest,
  retried: boolean,
): Promise<UpstreamResponse> {
  const { signal } = request
  // The signal may have fired while TLS was loading.
  if (signal.aborted) return Promise.reject(abortError(signal))
  return new Promise<UpstreamResponse>((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers }
    headers['accept-encoding'] ??= ACCEPT_ENCODING
    let answered = false
    const outgoing = transport.request(url, {
      method: request.method,
      headers,
      agent: transport.agent,
    })
    const onAbort = (): void => {
      outgoing.destroy(abortError(signal) as Error)
    }
    signal.addEventListener('abort', onAbort, { once: true })
    // Every error, not the first only: once answered, the response's stream reports them.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return
      signal.removeEventListener('abort', onAbort)
      if (signal.aborted) {
        reject(abortError(signal))
        return
      }
      // A kept-alive socket the upstream closed while idle: it never saw the request, so it
      // goes once more on a fresh socket.
      if (
        !retried &&
        outgoing.reusedSocket &&
        (error.code === 'ECONNRESET' || error.code === 'EPIPE')
      ) {
        sendOnce(request, true).then(resolve, reject)
        return
      }
      reject(fetchFailed(error))
    })
    outgoing.once('response', (response) => {
      answered = true
      // An error after the headers is the body's stream's to report (or nobody's, without one).
      response.on('error', () => {})
      const answer = new AnswerHeaders(response.rawHeaders)
      const status = response.statusCode ?? 0
      const empty = request.method === 'HEAD' || status === 204 || status === 304
      // From here the signal ends the body, which the stream reports.
      response.once('close', () => signal.removeEventListener('abort', onAbort))
      if (empty) response.resume()
      const body = empty ? undefined : decoded(response)
      // The stream is built on first read only: a JSON answer is read by `readText`.
      let stream: ReadableStream<Uint8Array> | null | undefined
      resolve({
        status,
        headers: answer,
        get body() {
          if (stream === undefined)
            stream = body === undefined ? null : bodyStream(response, body, signal)
          return stream
        },
        readText: (progress) =>
          body === undefined ? Promise.resolve('') : bodyText(response, body, signal, progress),
      })
    })
    outgoing.end(request.body)
  })
}

/**
 * The Node `send` of the upstream proxy: `node:http`/`node:https` with keep-alive agents.
 *
 * @example createUpstreamProxy({ send: nodeUpstreamSender() })
 */
export function nodeUpstreamSender(): SendUpstream {
  return (request) => sendOnce(request, false)
}
