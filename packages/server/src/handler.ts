/**
 * The transport-neutral handler: everything between a request arriving and its answer being
 * written. It owns routing (the endpoint table and the tooling routes), CORS, the auth guard,
 * 404 and 405, the 500 envelope and the exchange records; the engine answers API requests.
 * The Hono app (./app.ts) and the Node server (./node/serve.ts) are thin adapters over it.
 */
import {
  type BodyRead,
  beginExchange,
  bodyRefusal,
  completeExchange,
  createRouter,
  type EngineAnswer,
  type EngineContext,
  type EngineForward,
  type EngineRequest,
  type EngineResult,
  type Exchange,
  type ExchangeDraft,
  exchangeWeight,
  OPENAI_PROVIDER,
  outcomeOf,
  type Provider,
  type Route,
  refuse,
  runEngine,
  type WireErrorInit,
  type WireResult,
} from '@mocktopus/responders'
import type { CORS } from './cors.js'
import { isAuthorized, unauthorized } from './guard.js'
import type { AnswerCapture } from './inspector/capture.js'
import { notFoundError, providerOf } from './not-found.js'
import { type Output, RULE_HEADER, toResponse, whenRead } from './output.js'
import { type ForwardedRequest, type RecordingHooks, watchSignal } from './record/hooks.js'
import {
  type AllowedHosts,
  createHostCheck,
  foreignOrigin,
  invalidHost,
  isSameOrigin,
} from './security.js'
import { type SessionAdmin, sessionAdminRoute } from './session-host.js'
import { SESSION_HEADER, type Session, sessionNamed, sessionQuery } from './sessions.js'
import { type ToolingRoute, toolingRoute } from './tooling.js'

/** A request as the handler reads it, whichever transport it came through. */
export interface HttpRequest {
  readonly method: string
  /** The path as requested, without the query string, e.g. `/llm/v1/chat/completions`. */
  readonly path: string
  /** The query string without `?`; empty when there is none. */
  readonly query: string
  /** A request header by lower-case name. */
  header(name: string): string | undefined
  /** The `Host` the request was sent to (for a Web `Request`, its URL's host). */
  readonly host: string | undefined
  /**
   * Made in this process (`mock.fetch`), so no browser page can have sent it: the Host and
   * Origin checks do not apply.
   */
  readonly inProcess?: boolean
  /** Reads the body under `limit` bytes, then calls `done`, or `failed` if reading broke. */
  readBody(limit: number, done: (read: BodyRead) => void, failed: (error: unknown) => void): void
  /** Aborts when the client goes away. Read only by what waits, so it may be built lazily. */
  readonly signal: AbortSignal
  /** The request as a Web `Request` (its body already read), to forward upstream. */
  toRequest(): Request
  /**
   * Every header, lower-case names, repeated ones joined with `, `: what the upstream proxy
   * forwards. Without it, read from `toRequest()`.
   */
  headerEntries?(): Iterable<readonly [string, string]>
  /**
   * Calls `listener` once if the client goes away; returns what stops listening. Without it,
   * `signal` is watched.
   */
  onClose?(listener: () => void): () => void
}

// The client's request as the upstream proxy reads it, from the transport's own accessors.
function forwardedOf(http: HttpRequest, toRequest: () => Request): ForwardedRequest {
  return {
    method: http.method,
    query: http.query,
    header: (name) => http.header(name),
    headers: () => http.headerEntries?.() ?? toRequest().headers,
    onClose: (listener) => http.onClose?.(listener) ?? watchSignal(http.signal, listener),
  }
}

/** What the handler answers from: one Mocktopus instance. */
export interface HandlerCore {
  /** The engine's context; its matcher is the current scenario's. */
  readonly engine: EngineContext
  readonly cors: CORS | undefined
  readonly authToken: string | undefined
  /** `false` hides `/_mocktopus/*`. */
  readonly admin: boolean
  /** Host names allowed beyond localhost and IP addresses, or `all`. */
  readonly allowedHosts: AllowedHosts
  /**
   * Whether a cross-origin page at `origin` may call the API where requests are forwarded
   * upstream (record mode): only origins listed in the CORS settings may.
   */
  listedOrigin(origin: string): boolean
  readonly recording: RecordingHooks | undefined
  /** The session `id`, begun on first use (docs/sessions.md); without it, sessions are ignored. */
  session?(id: string): Session
  /** The admin routes under `/_mocktopus/sessions`: list, end, install a scenario. */
  sessionAdmin?(request: SessionAdmin): Output
  /**
   * Tells every observer about one finished exchange; `weight` is its bytes, for the journal;
   * `draft` is its record while it was handled (the inspector's capture is keyed by it).
   */
  emit(exchange: Exchange, weight: number, draft?: ExchangeDraft): void
  /**
   * The tooling routes' answers: health, journal, reset, metrics, cost report, inspector,
   * chaos; `body` for a route that `readsBody`.
   */
  tooling(route: ToolingRoute, query: string, request: HttpRequest, body?: BodyRead): Output
  /** The inspector's capture of requests and answers; absent when the admin routes are off. */
  readonly capture?: AnswerCapture | undefined
}

/** Answers one request; `reply` is called exactly once. */
export type Handler = (request: HttpRequest, mount: string, reply: (output: Output) => void) => void

const EMPTY_BODY: BodyRead = { ok: true, text: '' }

// The engine's view of one request. A class, so `signal` is a getter read only by what waits.
class RoutedRequest implements EngineRequest {
  readonly route: Route
  readonly exchange: ExchangeDraft
  readonly query: string
  readonly body: BodyRead
  readonly #http: HttpRequest

  constructor(route: Route, exchange: ExchangeDraft, http: HttpRequest, body: BodyRead) {
    this.route = route
    this.exchange = exchange
    this.query = http.query
    this.body = body
    this.#http = http
  }

  get signal(): AbortSignal {
    return this.#http.signal
  }
}

/**
 * The handler over one instance.
 *
 * @example const handle = createHandler(core); handle(request, '', (output) => write(output))
 */
export function createHandler(core: HandlerCore): Handler {
  const router = createRouter()
  const { cors, authToken, engine, capture } = core
  const hostAllowed = createHostCheck(core.allowedHosts)

  // An answer ready to send; the exchange is reported when it is done (a stream's at its end).
  function output(
    wire: WireResult,
    exchange: ExchangeDraft | undefined,
    corsHeaders: Readonly<Record<string, string>> | undefined,
  ): Output {
    // A plain record: Node writes it straight to the socket. Responders give lower-case names.
    const headers: Record<string, string> = Object.assign({}, corsHeaders, wire.headers)
    if (exchange && exchange.ruleIndex !== null) headers[RULE_HEADER] = String(exchange.ruleIndex)
    if (wire.kind !== 'stream') {
      headers['content-type'] = 'application/json'
      const text = (wire.kind === 'json' && wire.bodyText) || JSON.stringify(wire.body)
      if (exchange) {
        capture?.json(exchange, headers, text, wire.body)
        core.emit(completeExchange(exchange, outcomeOf(wire)), exchangeWeight(exchange), exchange)
      }
      return { kind: 'json', status: wire.status, headers, text }
    }
    // A responder may name its stream's type (Ollama's `application/x-ndjson`); else SSE.
    if (headers['content-type'] === undefined) {
      headers['content-type'] = 'text/event-stream; charset=utf-8'
      headers['cache-control'] = 'no-cache'
    }
    const source =
      capture && exchange ? capture.stream(exchange, headers, wire.frames) : wire.frames
    let settle = () => {}
    const settled = new Promise<void>((resolve) => {
      settle = resolve
    })
    const frames = whenRead(source, (end) => {
      const aborted = end !== 'done'
      if (exchange) {
        const outcome = { ...outcomeOf(wire), aborted }
        core.emit(completeExchange(exchange, outcome), exchangeWeight(exchange), exchange)
      }
      settle()
    })
    return { kind: 'stream', status: wire.status, headers, frames, settled }
  }

  // An error of the handler's own, journaled as an exchange on `path` unless it is tooling.
  function refusal(
    provider: Provider,
    init: WireErrorInit,
    http: HttpRequest,
    path: string,
    corsHeaders: Readonly<Record<string, string>> | undefined,
    journaled = true,
    session?: string,
  ): Output {
    const exchange = beginExchange(http.method, http.path, path, engine.clock.now())
    if (session !== undefined) exchange.session = session
    if (journaled) capture?.request(exchange, http)
    const wire = refuse(provider, init, exchange, engine.state)
    return output(wire, journaled ? exchange : undefined, corsHeaders)
  }

  function forward(
    result: EngineForward,
    route: Route,
    http: HttpRequest,
    corsHeaders: Readonly<Record<string, string>> | undefined,
  ): Promise<Output> {
    const send = core.recording?.forward
    if (!send) throw new Error('a request to forward, but no recording hooks')
    const { exchange } = result
    // The proxy reads `client`; a Web `Request` is built only for a `forward` that asks.
    let request: Request | undefined
    const toRequest = (): Request => {
      request ??= http.toRequest()
      return request
    }
    return send({
      get request() {
        return toRequest()
      },
      client: forwardedOf(http, toRequest),
      endpoint: exchange.endpoint,
      text: result.text,
      ...(result.body === undefined ? {} : { body: result.body }),
      errors: route.endpoint.provider.errors,
      ...(result.request === undefined ? {} : { match: result.request }),
      reply: (wire) => toResponse(output(wire, exchange, corsHeaders)),
      finish: (outcome) =>
        core.emit(completeExchange(exchange, outcome), exchangeWeight(exchange), exchange),
    }).then((response) => ({
      kind: 'response',
      response,
      ...(corsHeaders === undefined ? {} : { headers: corsHeaders }),
    }))
  }

  function answerAPI(
    route: Route,
    http: HttpRequest,
    path: string,
    corsHeaders: Readonly<Record<string, string>> | undefined,
    reply: (output: Output) => void,
    session?: Session,
  ): void {
    const exchange = beginExchange(http.method, http.path, path, engine.clock.now())
    if (session) exchange.session = session.id
    capture?.request(exchange, http)
    // As a thrown error anywhere below: a 500 in the endpoint's envelope, never a lost socket.
    const fail = (error: unknown) => {
      const message = `[mocktopus] internal error: ${error instanceof Error ? error.message : String(error)}`
      const { provider } = route.endpoint
      reply(refusal(provider, { status: 500, message }, http, path, corsHeaders, true, session?.id))
    }
    const send = (result: EngineResult) => {
      if (result.kind === 'forward') {
        forward(result, route, http, corsHeaders).then(reply, fail)
        return
      }
      const { wire } = result as EngineAnswer
      if (wire.delayMs <= 0) reply(output(wire, exchange, corsHeaders))
      else
        engine.clock
          .sleep(wire.delayMs, http.signal)
          .then(() => reply(output(wire, exchange, corsHeaders)), fail)
    }
    const run = (body: BodyRead) => {
      let result: EngineResult | Promise<EngineResult>
      try {
        result = runEngine(
          session?.engine ?? engine,
          new RoutedRequest(route, exchange, http, body),
        )
      } catch (error) {
        fail(error)
        return
      }
      if (result instanceof Promise) result.then(send, fail)
      else send(result)
    }
    const { endpoint } = route
    if (endpoint.kind === 'plain' && !endpoint.readsBody) run(EMPTY_BODY)
    else http.readBody(engine.bodyLimit, run, fail)
  }

  // `/_mocktopus/sessions[/<id>[/scenario]]`, refused as the other admin routes are; a
  // scenario's body is read under the body limit.
  function sessionAdminAnswer(
    route: NonNullable<ReturnType<typeof sessionAdminRoute>>,
    admin: (request: SessionAdmin) => Output,
    http: HttpRequest,
    path: string,
    reply: (output: Output) => void,
  ): void {
    const { method } = http
    const refused = (init: WireErrorInit) =>
      reply(refusal(OPENAI_PROVIDER, init, http, path, undefined, false))
    if (!core.admin) {
      const message = `Invalid URL (${method} ${http.path}): the admin routes are turned off (admin: false, --no-admin).`
      refused({ status: 404, message, code: 'unknown_url' })
    } else if (authToken !== undefined && !isAuthorized(http, authToken)) {
      refused(unauthorized(OPENAI_PROVIDER, http))
    } else if (!route.valid) {
      const message = `Invalid method for URL (${method} ${http.path}): use ${route.method}.`
      const headers = { allow: route.method }
      refused({ status: 405, message, code: 'method_not_allowed', headers })
    } else answerSessionAdmin(route, admin, http, refused, reply)
  }

  function answerSessionAdmin(
    route: NonNullable<ReturnType<typeof sessionAdminRoute>>,
    admin: (request: SessionAdmin) => Output,
    http: HttpRequest,
    refused: (init: WireErrorInit) => void,
    reply: (output: Output) => void,
  ): void {
    const fail = (error: unknown) =>
      refused({
        status: 500,
        message: `[mocktopus] internal error: ${error instanceof Error ? error.message : String(error)}`,
      })
    const { id } = route
    if (id === undefined) reply(admin({ action: 'list' }))
    else if (route.method === 'DELETE') reply(admin({ action: 'end', id }))
    else
      http.readBody(
        engine.bodyLimit,
        (read) => {
          if (!read.ok) refused(bodyRefusal(read, engine.bodyLimit))
          else
            try {
              reply(admin({ action: 'scenario', id, text: read.text }))
            } catch (error) {
              fail(error)
            }
        },
        fail,
      )
  }

  // A tooling route's answer, or why it is refused; never journaled.
  function toolingAnswer(
    tooling: ToolingRoute,
    http: HttpRequest,
    path: string,
    corsHeaders: Readonly<Record<string, string>> | undefined,
    session?: string,
    body?: BodyRead,
  ): Output {
    const { method } = http
    const refused = (init: WireErrorInit) =>
      refusal(OPENAI_PROVIDER, init, http, path, corsHeaders, false)
    if (tooling.admin && !core.admin) {
      const message = `Invalid URL (${method} ${http.path}): the admin routes are turned off (admin: false, --no-admin).`
      return refused({ status: 404, message, code: 'unknown_url' })
    }
    if (
      authToken !== undefined &&
      tooling.name !== 'health' &&
      tooling.open !== true &&
      !isAuthorized(http, authToken)
    ) {
      return refused(unauthorized(OPENAI_PROVIDER, http))
    }
    if (tooling.name === 'missing') {
      return refused({
        status: 404,
        message: `Invalid URL (${method} ${http.path}).`,
        code: 'unknown_url',
      })
    }
    if (method !== tooling.method) {
      const message = `Invalid method for URL (${method} ${http.path}): use ${tooling.method}.`
      const headers = { allow: tooling.method }
      return refused({ status: 405, message, code: 'method_not_allowed', headers })
    }
    const answer = core.tooling(tooling, sessionQuery(http.query, session), http, body)
    if (answer.kind !== 'response') Object.assign(answer.headers, corsHeaders)
    return answer
  }

  return (http, mount, reply) => {
    const { method } = http
    const mounted =
      mount !== '' && http.path.startsWith(mount) ? http.path.slice(mount.length) || '/' : http.path
    // A session, by base-URL prefix or header (docs/sessions.md): the prefix is no part of the
    // API path.
    const named = core.session && sessionNamed(mounted, http.header(SESSION_HEADER))
    const path = named ? named.path : mounted
    const origin = http.header('origin')
    const checked = http.inProcess !== true
    if (checked && !hostAllowed(http.host)) {
      const init = invalidHost(http.host ?? '')
      reply(refusal(OPENAI_PROVIDER, init, http, path, undefined, false))
      return
    }
    if (named?.invalid !== undefined) {
      const provider =
        router.find(method, path, http)?.endpoint.provider ?? providerOf(path, http, router)
      const init = { status: 400, message: named.invalid, code: 'invalid_session' }
      reply(refusal(provider, init, http, path, cors?.headers(origin), false))
      return
    }
    // A page of another site: never on the admin routes, and never forwarded with real keys.
    const foreign = checked && origin !== undefined && !isSameOrigin(origin, http.host)
    const route = router.find(method, path, http)
    // The tooling routes: not API traffic, so never journaled.
    const tooling = route ? undefined : toolingRoute(path)
    const forwards = core.recording?.forward !== undefined && !tooling
    // Where pages must not reach, no CORS grant either (a preflight is answered without one).
    const closed =
      (tooling?.admin === true && core.admin) ||
      (forwards && foreign && !core.listedOrigin(origin as string))
    if (cors && !closed && method === 'OPTIONS' && http.header('access-control-request-method')) {
      const headers = cors.preflight(origin, http.header('access-control-request-headers'))
      reply({ kind: 'json', status: 204, headers, text: '' })
      return
    }
    const corsHeaders = closed ? undefined : cors?.headers(origin)
    if (closed && foreign) {
      const what = tooling
        ? 'the admin routes (/_mocktopus/*)'
        : 'an API that forwards upstream in record mode'
      const provider = route?.endpoint.provider ?? OPENAI_PROVIDER
      reply(refusal(provider, foreignOrigin(origin as string, what), http, path, undefined, false))
      return
    }

    if (tooling) {
      const { sessionAdmin } = core
      const sessions = sessionAdmin && sessionAdminRoute(method, path)
      if (sessions && sessionAdmin) sessionAdminAnswer(sessions, sessionAdmin, http, path, reply)
      else if (tooling.readsBody && method === tooling.method) {
        const fail = (error: unknown) => {
          const message = `[mocktopus] internal error: ${error instanceof Error ? error.message : String(error)}`
          reply(refusal(OPENAI_PROVIDER, { status: 500, message }, http, path, corsHeaders, false))
        }
        http.readBody(
          engine.bodyLimit,
          (read) => reply(toolingAnswer(tooling, http, path, corsHeaders, named?.id, read)),
          fail,
        )
      } else reply(toolingAnswer(tooling, http, path, corsHeaders, named?.id))
      return
    }

    const provider = route?.endpoint.provider ?? providerOf(path, http, router)
    if (authToken !== undefined && !isAuthorized(http, authToken)) {
      const init = unauthorized(provider, http)
      reply(refusal(provider, init, http, path, corsHeaders, true, named?.id))
      return
    }
    if (!route) {
      reply(
        refusal(
          provider,
          notFoundError(method, http.path, path, router, http),
          http,
          path,
          corsHeaders,
          true,
          named?.id,
        ),
      )
      return
    }
    answerAPI(route, http, path, corsHeaders, reply, named ? core.session?.(named.id) : undefined)
  }
}
