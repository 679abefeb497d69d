/**
 * The Hono adapter: one catch-all route hands every request to the transport-neutral handler
 * (./handler.ts). A route, not `notFound`, because `parent.route('/llm', mock.app)` keeps a
 * sub-app's routes and `onError` but drops its `notFound`; the mount prefix is read from the
 * matched route (`/llm/*`), so the handler sees paths relative to it.
 */
import { openaiError, readBody } from '@mocktopus/responders'
import { type Context, Hono } from 'hono'
import type { Handler, HttpRequest } from './handler.js'
import { toResponse } from './output.js'

// A Hono request as the handler reads it. A class, so `signal` stays a getter.
class HonoRequest implements HttpRequest {
  readonly #c: Context
  readonly method: string
  readonly path: string
  readonly query: string
  readonly inProcess: boolean

  constructor(c: Context, inProcess: boolean) {
    this.#c = c
    this.method = c.req.method
    this.path = c.req.path
    const { url } = c.req
    const at = url.indexOf('?')
    this.query = at === -1 ? '' : url.slice(at + 1)
    this.inProcess = inProcess
  }

  // A Web `Request` has no Host header: its URL says where it was sent.
  get host(): string | undefined {
    const { url } = this.#c.req
    const start = url.indexOf('//') + 2
    const end = url.indexOf('/', start)
    return url.slice(start, end === -1 ? undefined : end)
  }

  header(name: string): string | undefined {
    return this.#c.req.raw.headers.get(name) ?? undefined
  }

  readBody(
    limit: number,
    done: Parameters<HttpRequest['readBody']>[1],
    failed: (error: unknown) => void,
  ): void {
    readBody(this.#c.req.raw, limit).then(done, failed)
  }

  get signal(): AbortSignal {
    return this.#c.req.raw.signal
  }

  toRequest(): Request {
    return this.#c.req.raw
  }
}

// `/llm/*` -> `/llm`; `*` or `/*` -> ''.
function mountOf(c: Context): string {
  const pattern = c.req.routePath
  return pattern.endsWith('*') ? pattern.slice(0, -1).replace(/\/$/, '') : ''
}

export interface AppOptions {
  /**
   * Requests come from this process only (`mock.fetch`), never from a browser: the Host and
   * Origin checks are skipped. Default `false`.
   */
  readonly inProcess?: boolean
}

/**
 * The Mocktopus Hono app over a handler.
 *
 * @example const app = createApp(mock.handler); parent.route('/llm', app)
 */
export function createApp(handler: Handler, options: AppOptions = {}): Hono {
  const inProcess = options.inProcess === true
  const app = new Hono()
  app.all('*', (c) => {
    return new Promise<Response>((resolve) => {
      handler(new HonoRequest(c, inProcess), mountOf(c), (output) => resolve(toResponse(output)))
    })
  })
  // The handler answers its own failures; this is for a failure of the adapter itself.
  app.onError((error) => {
    const wire = openaiError({
      status: 500,
      message: `[mocktopus] internal error: ${error instanceof Error ? error.message : String(error)}`,
    })
    return new Response(JSON.stringify(wire.body), {
      status: 500,
      headers: { 'content-type': 'application/json' },
    })
  })
  return app
}
