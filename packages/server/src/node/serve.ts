/**
 * The Node adapter: a `node:http` server that hands every request to the transport-neutral
 * handler (../handler.ts) and writes its outputs straight to the socket.
 */
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { openaiError } from '@mocktopus/responders'
import type { Mocktopus } from '../mocktopus.js'
import type { Output } from '../output.js'
import { NodeRequest } from './request.js'
import { type WarmUp, warmWhenIdle } from './warm-tokenizers.js'
import { sendJSON, sendResponse, sendStream } from './write.js'

export interface ServeOptions {
  /** Default 8080; 0 picks a free port. */
  readonly port?: number
  /** Default `127.0.0.1`: reachable from this machine only. */
  readonly hostname?: string
  /**
   * How long `close()` lets in-flight requests and streams finish before cutting them off.
   * Default 3000 ms.
   */
  readonly shutdownTimeoutMs?: number
  /**
   * Told when the server binds an address other than loopback (anyone who can reach the
   * machine can then call it); default `console.warn`, `false` for silence.
   */
  readonly onWarning?: ((message: string) => void) | false
  /**
   * How long a client has to send a whole request, headers and body, in ms; a slower one gets
   * 408 and its connection closed. Default 60000.
   */
  readonly requestTimeoutMs?: number
}

export interface CloseOptions {
  /** Overrides `shutdownTimeoutMs` for this call; 0 cuts open requests off at once. */
  readonly timeoutMs?: number
}

/** How long a client has to send a whole request unless told otherwise. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000

// Node's own answers to requests its parser refused are bare plain text; ours are the API's
// JSON envelope, and the connection closes (the parser cannot find the next request).
const PARSER_ERRORS: Readonly<Record<string, { status: number; message: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    message:
      "Request header fields too large: the headers exceed Node's limit (16 KiB by default).",
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    message: 'Request timeout: the request did not arrive in time (--request-timeout).',
  },
}

function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) {
    socket.destroy()
    return
  }
  const known = PARSER_ERRORS[error.code ?? '']
  const { status, message } = known ?? {
    status: 400,
    message: `Bad request: the HTTP request could not be parsed (${error.code ?? 'parse error'}).`,
  }
  const wire = openaiError({ status, message, code: 'invalid_http_request' })
  const body = JSON.stringify(wire.body)
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
      'content-type: application/json\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  )
}

/** How long `close()` waits for in-flight requests unless told otherwise. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 3000

/**
 * Whether `host` only accepts connections from this machine.
 *
 * @example isLoopbackHost('::1') // true
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\./.test(h) || /^::ffff:127\./.test(h)
}

export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:8080` (the API is under `/v1`). */
  readonly url: string
  readonly port: number
  /**
   * Stops accepting connections, lets in-flight requests and streams finish (up to
   * `shutdownTimeoutMs`, then cuts them off), closes idle keep-alive sockets, and resolves
   * when every connection is closed and every exchange has been reported.
   */
  close(options?: CloseOptions): Promise<void>
}

/**
 * Runs a Mocktopus instance on Node's HTTP server.
 *
 * @example
 * const server = await serve(await createMocktopus({ scenarioFile: 'scenario.yaml' }), { port: 0 })
 * const openai = new OpenAI({ apiKey: 'test', baseURL: `${server.url}/v1` })
 */
export async function serve(
  mock: Pick<Mocktopus, 'handler'> & Partial<Pick<Mocktopus, 'scenario'>>,
  options: ServeOptions = {},
): Promise<RunningServer> {
  const { port = 8080, hostname = '127.0.0.1' } = options
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS
  const warn = options.onWarning ?? ((message: string) => console.warn(message))
  if (warn && !isLoopbackHost(hostname)) {
    warn(
      `[mocktopus] listening on ${hostname}, not loopback: anyone who can reach this machine can call the mock server (consider authToken)`,
    )
  }
  // Responses not yet fully sent (a stream counts until its last byte): close() waits for them.
  // A count and one shared listener, not a closure per request.
  const open: OpenWork = { responses: 0, streams: new Set(), live: new Set() }
  const closed = () => {
    open.responses--
  }
  const track = (settled: Promise<void>) => {
    open.streams.add(settled)
    void settled.then(() => open.streams.delete(settled))
  }
  const { handler } = mock
  let warm: WarmUp | undefined
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(60_000, requestTimeout),
      // How often Node looks for late requests; its default (30 s) would let one run long over.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, requestTimeout / 4)),
    },
    (incoming, response) => {
      open.responses++
      warm?.touch()
      response.on('close', closed)
      const write = (output: Output) => {
        if (output.kind === 'json') sendJSON(response, output)
        else if (output.kind === 'stream') {
          if (output.live) {
            open.live.add(response)
            response.once('close', () => open.live.delete(response))
          } else track(output.settled)
          void sendStream(response, output)
        } else track(sendResponse(response, output.response, output.headers))
      }
      try {
        handler(new NodeRequest(incoming, response), '', write)
      } catch {
        // The handler answers its own failures; a throw here is a bug of the adapter's.
        response.destroy()
      }
    },
  )
  server.on('clientError', answerClientError)
  return new Promise((resolve, reject) => {
    server.listen(port, hostname, () => {
      const info = server.address() as AddressInfo
      server.off('error', reject)
      const host = info.address.includes(':') ? `[${info.address}]` : info.address
      // The OpenAI encodings the scenario names load in the server's first idle moment after
      // `listen`, not on the first request that needs them (./warm-tokenizers.ts).
      if (mock.scenario) warm = warmWhenIdle(mock.scenario, () => open.responses)
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: (closeOptions = {}) => {
          warm?.stop()
          return closeGracefully(server, open, closeOptions.timeoutMs ?? shutdownTimeoutMs)
        },
      })
    })
    server.once('error', reject)
  })
}

/** What close() waits for. */
interface OpenWork {
  /** Responses not yet fully sent (a stream counts until its last byte). */
  responses: number
  /** Streams not yet ended or cancelled; a stream reports its exchange as it ends. */
  readonly streams: Set<Promise<void>>
  /** Endless feeds (the inspector's): cut off at once, for they never end by themselves. */
  readonly live: Set<ServerResponse>
}

function closeGracefully(server: Server, open: OpenWork, timeoutMs: number): Promise<void> {
  const { streams } = open
  return new Promise<void>((done, fail) => {
    const cutOff = () => {
      if ('closeAllConnections' in server) server.closeAllConnections()
    }
    const timer = setTimeout(cutOff, timeoutMs)
    const poll = setInterval(() => {
      // A finished response leaves its keep-alive socket idle; idle sockets would hold close().
      if ('closeIdleConnections' in server) server.closeIdleConnections()
      if (open.responses === 0) cutOff()
    }, 10)
    for (const response of open.live) response.destroy()
    server.close((error) => {
      clearTimeout(timer)
      clearInterval(poll)
      // A cut-off stream reports its exchange as its cancellation unwinds; wait for that.
      void Promise.all(streams).then(() => (error ? fail(error) : done()))
    })
    if ('closeIdleConnections' in server) server.closeIdleConnections()
    if (open.responses === 0 || timeoutMs <= 0) cutOff()
  })
}
