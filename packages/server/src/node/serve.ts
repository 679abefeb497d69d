/**
 * The Node adapter: a `node:http` server that hands every request to the transport-neutral
 * handler (../handler.ts) and writes its outputs straight to the socket.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Mocktopus } from '../mocktopus.js'
import type { Output } from '../output.js'
import { NodeRequest } from './request.js'
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
}

export interface CloseOptions {
  /** Overrides `shutdownTimeoutMs` for this call; 0 cuts open requests off at once. */
  readonly timeoutMs?: number
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
  mock: Pick<Mocktopus, 'handler'>,
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
  const open: OpenWork = { responses: 0, streams: new Set() }
  const closed = () => {
    open.responses--
  }
  const track = (settled: Promise<void>) => {
    open.streams.add(settled)
    void settled.then(() => open.streams.delete(settled))
  }
  const { handler } = mock
  const server = createServer((incoming, response) => {
    open.responses++
    response.on('close', closed)
    const write = (output: Output) => {
      if (output.kind === 'json') sendJSON(response, output)
      else if (output.kind === 'stream') {
        track(output.settled)
        void sendStream(response, output)
      } else track(sendResponse(response, output.response))
    }
    try {
      handler(new NodeRequest(incoming, response), '', write)
    } catch {
      // The handler answers its own failures; a throw here is a bug of the adapter's.
      response.destroy()
    }
  })
  return new Promise((resolve, reject) => {
    server.listen(port, hostname, () => {
      const info = server.address() as AddressInfo
      server.off('error', reject)
      const host = info.address.includes(':') ? `[${info.address}]` : info.address
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: (closeOptions = {}) =>
          closeGracefully(server, open, closeOptions.timeoutMs ?? shutdownTimeoutMs),
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
