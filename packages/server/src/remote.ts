/**
 * `connectMocktopus(url)`: sessions of a Mocktopus server that runs elsewhere (another process,
 * a container, `mocktopus serve` in CI), driven over its admin routes. The same handle as
 * `mock.session()`, with `requests`, `reset`, `useScenario` and `end` returning promises.
 */
import type { Exchange } from '@mocktopus/responders'
import { MocktopusError } from '@mocktopus/scenario'
import { invalidSessionId, SESSION_HEADER } from './sessions.js'

/** A session of a server reached over HTTP. */
export interface RemoteSession {
  readonly id: string
  /** The `openai` SDK's `baseURL`: `<url>/sessions/<id>/v1`. */
  readonly baseURL: string
  /** The Anthropic SDK's `baseURL`: `<url>/sessions/<id>`. */
  readonly anthropicBaseURL: string
  /** `{ 'x-mocktopus-session': id }`, for clients whose base URL is fixed. */
  readonly headers: Readonly<Record<string, string>>
  /** This session's journal, oldest first (`GET /_mocktopus/requests?session=<id>`). */
  requests(): Promise<Exchange[]>
  /** `POST /_mocktopus/reset?session=<id>`. */
  reset(): Promise<void>
  /**
   * `PUT /_mocktopus/sessions/<id>/scenario` with YAML or JSON text, or an object sent as JSON;
   * a broken scenario rejects with the server's file:line:column errors.
   */
  useScenario(scenario: string | object): Promise<void>
  /** `DELETE /_mocktopus/sessions/<id>`; an unknown (expired) session is not an error. */
  end(): Promise<void>
}

export interface ConnectOptions {
  /** Headers every admin call carries, e.g. `{ authorization: 'Bearer <token>' }` with `--auth-token`. */
  readonly headers?: Readonly<Record<string, string>>
  /** The `fetch` to call with; default the global one. */
  readonly fetch?: typeof fetch
}

/** A server reached over HTTP. */
export interface RemoteMocktopus {
  readonly url: string
  /** A session on it; a random id when none is given. Nothing is sent until it is used. */
  session(id?: string): RemoteSession
}

/** A failed admin call: the server's status and error message. */
export class RemoteMocktopusError extends MocktopusError {
  override readonly code: string = 'MOCKTOPUS_REMOTE'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Sessions of the server at `url` (its root, e.g. `http://127.0.0.1:8080`).
 *
 * @example
 * const session = connectMocktopus('http://127.0.0.1:8080').session('checkout-test')
 * await session.useScenario('version: 1\nrules: [...]')
 * const openai = new OpenAI({ apiKey: 'test', baseURL: session.baseURL })
 */
export function connectMocktopus(url: string, options: ConnectOptions = {}): RemoteMocktopus {
  const root = url.replace(/\/+$/, '')
  const send = options.fetch ?? fetch
  const call = async (method: string, path: string, body?: string): Promise<Response> => {
    // The server reads a body as it reads the API's: JSON or no content-type. A Blob without a
    // type is sent without one, so YAML text goes through as it is.
    const response = await send(`${root}${path}`, {
      method,
      headers: { ...options.headers },
      ...(body === undefined ? {} : { body: new Blob([body]) }),
    })
    if (response.ok) return response
    const text = await response.text()
    let message = text
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text
    } catch {}
    throw new RemoteMocktopusError(
      response.status,
      `[mocktopus] ${method} ${path}: ${response.status}: ${message}`,
    )
  }
  return {
    url: root,
    session(id) {
      const named = id ?? `session-${crypto.randomUUID()}`
      const invalid = invalidSessionId(named)
      if (invalid) throw new MocktopusError(invalid)
      const encoded = encodeURIComponent(named)
      const query = `session=${encoded}`
      return {
        id: named,
        baseURL: `${root}/sessions/${encoded}/v1`,
        anthropicBaseURL: `${root}/sessions/${encoded}`,
        headers: Object.freeze({ [SESSION_HEADER]: named }),
        async requests() {
          const exchanges: Exchange[] = []
          let after: number | null = null
          for (;;) {
            const page = `limit=500${after === null ? '' : `&after=${after}`}`
            const response = await call('GET', `/_mocktopus/requests?${query}&${page}`)
            const body = (await response.json()) as { requests: Exchange[]; cursor: number | null }
            exchanges.push(...body.requests)
            if (body.requests.length === 0 || body.cursor === after) return exchanges
            after = body.cursor
          }
        },
        async reset() {
          await (await call('POST', `/_mocktopus/reset?${query}`)).body?.cancel()
        },
        async useScenario(scenario) {
          const text = typeof scenario === 'string' ? scenario : JSON.stringify(scenario)
          await (await call('PUT', `/_mocktopus/sessions/${encoded}/scenario`, text)).body?.cancel()
        },
        async end() {
          try {
            await (await call('DELETE', `/_mocktopus/sessions/${encoded}`)).body?.cancel()
          } catch (error) {
            if (!(error instanceof RemoteMocktopusError && error.status === 404)) throw error
          }
        },
      }
    },
  }
}
