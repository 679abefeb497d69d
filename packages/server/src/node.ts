/** @module @mocktopus/server/node */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { openaiError } from '@mocktopus/responders'
import { directContextOf } from './context.js'
import type { Mocktopus } from './mocktopus.js'
import { createDirectAnswerer } from './node-direct.js'
import { internalError, streamSettled, wireKindOf } from './pipeline.js'

export { loadPricingFile } from './cost/load-pricing.js'
export * from './record/node.js'

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
   * Whether plain API requests (chat, embeddings, completions, responses) are answered
   * straight from `node:http`, skipping the Hono app's per-request `Request` and `Response`:
   * the same bytes, at a fraction of the cost. Default `true`; `false` sends every request
   * through the app, as when it is mounted elsewhere. Has no effect on a `mock` that uses
   * recording hooks or an auth token, which always goes through the app.
   */
  readonly direct?: boolean
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
  mock: Pick<Mocktopus, 'fetch'>,
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
  // A count and one shared listener, not a set and a closure per request: this runs on every
  // request, and a second 'request' listener made Node emit through a copied listener array.
  const open: OpenWork = { responses: 0, streams: new Set() }
  const closed = () => {
    open.responses--
  }
  const track = (settled: Promise<void>) => {
    open.streams.add(settled)
    void settled.then(() => open.streams.delete(settled))
  }
  const ctx = options.direct === false ? undefined : directContextOf(mock)
  const direct = ctx && createDirectAnswerer(ctx, { onStream: track })
  // The app answers whatever the direct path leaves to it.
  const { toApp, loadApp } = appListener(
    async (request) => trackStream(await mock.fetch(request), track),
    hostname,
  )
  const server = createServer((request, response) => {
    open.responses++
    response.on('close', closed)
    if (!direct?.(request, response)) toApp(request, response)
  })
  if (!direct) await loadApp()
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

type AppListener = (request: IncomingMessage, response: ServerResponse) => Promise<void>

/**
 * The Hono app on `@hono/node-server`, loaded when first needed: the adapter brings Node's fetch
 * implementation (undici) and `node:http2`, about a third of the CLI's start-up, and with the
 * direct path answering the readiness probe and the OpenAI routes, a run may never need it.
 */
function appListener(fetch: (request: Request) => Promise<Response>, hostname: string) {
  let app: AppListener | undefined
  let loading: Promise<AppListener> | undefined
  const loadApp = () => {
    loading ??= import('@hono/node-server').then(({ getRequestListener }) => {
      app = getRequestListener(fetch, { hostname })
      return app
    })
    return loading
  }
  const toApp = (request: IncomingMessage, response: ServerResponse) => {
    if (app) void app(request, response)
    else void loadApp().then((loaded) => loaded(request, response), failed(response))
  }
  return { toApp, loadApp }
}

// Should the adapter fail to load, each request it was for still gets a JSON error envelope.
function failed(response: ServerResponse): (error: unknown) => void {
  return (error) => {
    const { body, status } = internalError(openaiError, error)
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }
}

// Adds an SSE answer to `streams` until it has ended or been cancelled (the cancellation has
// then reached the stream's source, which reports the exchange): writeWire's streams say so
// themselves; a stream from elsewhere is handed on chunk by chunk through one that watches it.
function trackStream(response: Response, track: (settled: Promise<void>) => void): Response {
  // On Node, reading `headers` or `body` turns a JSON answer into a full Response, which costs
  // more than building the answer; what writeWire wrote says what it is without either.
  const kind = wireKindOf(response)
  if (kind === 'json') return response
  // writeWire's own streams say when they are done: no second stream to watch them through.
  const settledByWire = streamSettled(response)
  if (settledByWire) {
    track(settledByWire)
    return response
  }
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return response
  if (!response.body) return response
  const reader = response.body.getReader()
  let settle: () => void = () => {}
  const settled = new Promise<void>((resolve) => {
    settle = resolve
  })
  track(settled)
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) {
          controller.close()
          settle()
        } else {
          controller.enqueue(value)
        }
      } catch (error) {
        controller.error(error)
        settle()
      }
    },
    async cancel(reason) {
      try {
        await reader.cancel(reason)
      } finally {
        settle()
      }
    },
  })
  const { status, statusText, headers } = response
  return new Response(body, { status, statusText, headers })
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

export {
  type StartedMocktopus,
  type StartMocktopusOptions,
  startMocktopus,
} from './node-helpers.js'
