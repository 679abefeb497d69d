/**
 * The steps every API route shares: read the body under the size limit, parse JSON, validate
 * with the API's parser, match a rule (or answer 404 saying which rule came closest), wait
 * `delay_ms`, write JSON or SSE, and tell observers. A route module supplies only its parser,
 * its answer builder and its provider's error envelope.
 */
import type { ErrorEnvelope, ParseResult, WireResult } from '@mocktopus/responders'
import { type Clock, sseStream } from '@mocktopus/responders'
import { describeNoMatch, type MatchRequest, type MatchResult } from '@mocktopus/scenario'
import type { Context, Hono } from 'hono'
import { bodyRefusal, parseJSONBody, readBody } from './body.js'
import type { MocktopusContext } from './context.js'
import type { Exchange } from './exchange.js'

/** The header naming the index of the rule that answered. */
export const RULE_HEADER = 'x-mocktopus-rule'

export interface AnswerInput<Params> {
  readonly params: Params
  readonly match: MatchResult
  readonly clock: Clock
  /** Aborts when the client goes away. */
  readonly signal: AbortSignal
  readonly c: Context
}

/**
 * The input of `answer`. On Node the signal is an AbortController built when first asked for,
 * so it is asked for only by what waits: a delay, a stream. The getter is on a class, not on an
 * object literal: V8 builds a literal's accessor in the old generation, and its closure then
 * kept every request's objects alive until the next full collection (garbage collection took
 * about a tenth of a chat request).
 */
class Answering<Params> implements AnswerInput<Params> {
  readonly params: Params
  readonly match: MatchResult
  readonly clock: Clock
  readonly c: Context

  constructor(params: Params, match: MatchResult, clock: Clock, c: Context) {
    this.params = params
    this.match = match
    this.clock = clock
    this.c = c
  }

  get signal(): AbortSignal {
    return this.c.req.raw.signal
  }
}

/** An API endpoint answered from the scenario. */
export interface ApiRoute<Params> {
  /** Defaults to `POST`. */
  readonly method?: string
  /** The path relative to the API root, e.g. `/v1/chat/completions`. */
  readonly path: string
  /** The provider's error envelope for the shared failures (bad JSON, no rule, ...). */
  readonly errors: ErrorEnvelope
  parse(body: unknown): ParseResult<Params>
  answer(input: AnswerInput<Params>): WireResult | Promise<WireResult>
}

/** What the server knows about an exchange before the answer is written. */
export interface ExchangeStart {
  readonly method: string
  readonly path: string
  readonly endpoint: string
  readonly model?: string
  readonly body: unknown
  readonly ruleIndex: number | null
  readonly started: number
  readonly time: string
}

/**
 * The request path relative to the API root: as many trailing segments of the real path as
 * the route pattern has, so a mount prefix (`/llm/v1/models/x`) drops away (`/v1/models/x`).
 */
export function endpointOf(path: string, pattern: string): string {
  // Found with lastIndexOf, not split and join: this runs on every request.
  let at = path.length
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.charCodeAt(i) !== 47 /* / */) continue
    at = path.lastIndexOf('/', at - 1)
    if (at <= 0) return path.startsWith('/') ? path : `/${path}`
  }
  return path.slice(at)
}

// Under load many requests arrive in the same millisecond: each instant is formatted once.
let lastInstant = Number.NaN
let lastISO = ''

function isoTime(ms: number): string {
  if (ms !== lastInstant) {
    lastISO = new Date(ms).toISOString()
    lastInstant = ms
  }
  return lastISO
}

/** An exchange being handled: what is learnt (body, model, rule) is filled in as it comes. */
export type ExchangeDraft = { -readonly [Key in keyof ExchangeStart]: ExchangeStart[Key] }

/** Starts the record of one exchange: method, path and arrival time. */
export function startExchange(ctx: MocktopusContext, c: Context, pattern: string): ExchangeDraft {
  const { path } = c.req
  return {
    method: c.req.method,
    path,
    endpoint: endpointOf(path, pattern),
    body: null,
    ruleIndex: null,
    started: performance.now(),
    time: isoTime(ctx.clock.now()),
  }
}

function finishExchange(ctx: MocktopusContext, start: ExchangeStart, wire: WireResult): void {
  // Field by field, in the order the spreads gave: spreading the whole start object (and a
  // rest pattern) cost more per request than the rest of the exchange bookkeeping together.
  const { model } = start
  const usage = wire.kind === 'error' ? undefined : wire.usage
  const exchange: Exchange = {
    method: start.method,
    path: start.path,
    endpoint: start.endpoint,
    body: start.body,
    ruleIndex: start.ruleIndex,
    time: start.time,
    ...(model === undefined ? {} : { model }),
    status: wire.status,
    durationMs: performance.now() - start.started,
    mocked: start.ruleIndex !== null,
    stream: wire.kind === 'stream',
    ...(usage ? { usage } : {}),
  }
  ctx.emit(exchange)
}

/**
 * Turns a responder's answer into a `Response` and tells observers once it is done: at once
 * for JSON, when the last byte is sent (or the client leaves) for a stream.
 *
 * @example return writeWire(ctx, start, openaiError({ status: 400, message: 'bad' }))
 */
export function writeWire(ctx: MocktopusContext, start: ExchangeStart, wire: WireResult): Response {
  // A plain record, not `Headers`: the Node adapter writes a record straight to the socket.
  // Responders give lower-case names, so these settings replace theirs.
  const headers: Record<string, string> = { ...ctx.responseHeaders, ...wire.headers }
  if (start.ruleIndex !== null) headers[RULE_HEADER] = String(start.ruleIndex)
  if (wire.kind !== 'stream') {
    headers['content-type'] = 'application/json'
    finishExchange(ctx, start, wire)
    const text = (wire.kind === 'json' && wire.bodyText) || JSON.stringify(wire.body)
    return written(new Response(text, { status: wire.status, headers }), 'json')
  }
  headers['content-type'] = 'text/event-stream; charset=utf-8'
  headers['cache-control'] = 'no-cache'
  const frames = wire.frames
  let settle = () => {}
  const settled = new Promise<void>((resolve) => {
    settle = resolve
  })
  const observed = {
    async *[Symbol.asyncIterator]() {
      try {
        yield* frames
      } finally {
        finishExchange(ctx, start, wire)
        settle()
      }
    },
  }
  const response = new Response(sseStream(observed), { status: wire.status, headers })
  return written(response, 'stream', settled)
}

// What writeWire wrote, so others need not read a response's headers to know: on Node that
// read builds a `Headers` object, which costs more than a small answer's JSON. A symbol-keyed
// property, not a WeakMap: a WeakMap entry per request cost a tenth of the bookkeeping.
const WIRE_KIND = Symbol('mocktopus.wireKind')
const WIRE_SETTLED = Symbol('mocktopus.wireSettled')

type Written = Response & {
  [WIRE_KIND]?: 'json' | 'stream'
  [WIRE_SETTLED]?: Promise<void>
}

function written(response: Written, kind: 'json' | 'stream', settled?: Promise<void>): Response {
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
  return (response as Written)[WIRE_SETTLED]
}

/**
 * What `writeWire` wrote this response as: `json` (errors included) or an SSE `stream`;
 * `undefined` for a response built elsewhere. Such a response already carries
 * `ctx.responseHeaders`.
 *
 * @example if (wireKindOf(response) === 'stream') trackStream(response)
 */
export function wireKindOf(response: Response): 'json' | 'stream' | undefined {
  return (response as Written)[WIRE_KIND]
}

// Record mode sends every request upstream; replay with --record-missing the ones no rule
// matches. The exchange is reported as not mocked, with the upstream's status and usage.
function forwardRequest<Params>(
  ctx: MocktopusContext,
  route: ApiRoute<Params>,
  c: Context,
  start: ExchangeStart,
  text: string,
  body: unknown,
  match?: MatchRequest,
): Promise<Response> {
  const forward = ctx.recording?.forward
  const model = (body as { model?: unknown } | null | undefined)?.model
  const begun: ExchangeStart = {
    ...start,
    body: body === undefined ? text : body,
    ...(typeof model === 'string' ? { model } : {}),
  }
  if (!forward) throw new Error('forwardRequest needs recording.forward')
  let request = match
  if (request === undefined && body !== undefined) {
    const parsed = route.parse(body)
    if (parsed.ok) request = parsed.match
  }
  return forward({
    request: c.req.raw,
    endpoint: begun.endpoint,
    text,
    errors: route.errors,
    ...(request === undefined ? {} : { match: request }),
    reply: (wire) => writeWire(ctx, begun, wire),
    finish: ({ status, stream, usage }) => {
      const { started, ...rest } = begun
      ctx.emit({
        ...rest,
        status,
        durationMs: performance.now() - started,
        mocked: false,
        stream,
        ...(usage ? { usage } : {}),
      })
    },
  })
}

/**
 * Handles one request to an API route, from raw body to written answer.
 *
 * @example app.post(route.path, (c) => handleApiRequest(ctx, route, c))
 */
export async function handleApiRequest<Params>(
  ctx: MocktopusContext,
  route: ApiRoute<Params>,
  c: Context,
): Promise<Response> {
  const start = startExchange(ctx, c, route.path)
  const read = await readBody(c.req.raw, ctx.bodyLimit)
  if (!read.ok) return writeWire(ctx, start, route.errors(bodyRefusal(read, ctx.bodyLimit)))
  const json = parseJSONBody(read.text)
  if (ctx.recording?.forwardAll) {
    return forwardRequest(ctx, route, c, start, read.text, json.ok ? json.value : undefined)
  }
  if (!json.ok) {
    start.body = read.text
    return writeWire(
      ctx,
      start,
      route.errors({
        status: 400,
        message:
          "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The API expects a JSON payload, but what was sent was not valid JSON.)",
        code: 'invalid_json',
      }),
    )
  }
  const body = json.value
  const model = (body as { model?: unknown } | null)?.model
  start.body = body
  if (typeof model === 'string') start.model = model
  const parsed = route.parse(body)
  if (!parsed.ok) return writeWire(ctx, start, parsed.error)

  const matcher = ctx.matcher
  const match = matcher.match(parsed.match)
  if (!match) {
    if (ctx.recording?.forward) {
      return forwardRequest(ctx, route, c, start, read.text, body, parsed.match)
    }
    const describe = ctx.recording?.describeMiss ?? describeNoMatch
    return writeWire(
      ctx,
      start,
      route.errors({
        status: 404,
        message: describe(matcher.explain(parsed.match), matcher.scenario),
        code: 'no_matching_rule',
      }),
    )
  }
  start.ruleIndex = match.index
  const wire = await route.answer(new Answering(parsed.params, match, ctx.clock, c))
  if (wire.delayMs > 0) await ctx.clock.sleep(wire.delayMs, c.req.raw.signal)
  return writeWire(ctx, start, wire)
}

/**
 * Registers an API route on the app and in the route table (for 405 answers).
 *
 * @example addApiRoute(app, ctx, { path: '/v1/chat/completions', errors: openaiError, parse, answer })
 */
export function addApiRoute<Params>(
  app: Hono,
  ctx: MocktopusContext,
  route: ApiRoute<Params>,
): void {
  const method = route.method ?? 'POST'
  ctx.routes.push({ method, path: route.path, errors: route.errors })
  app.on(method, route.path, (c) => handleApiRequest(ctx, route, c))
}

/**
 * Registers a route that answers without the scenario's rules (e.g. `GET /v1/models`); its
 * exchanges are reported with `ruleIndex: null`.
 *
 * @example addPlainRoute(app, ctx, { method: 'GET', path: '/v1/models', errors: openaiError, answer: () => listModels(ctx.scenario) })
 */
export function addPlainRoute(
  app: Hono,
  ctx: MocktopusContext,
  route: {
    readonly method: string
    readonly path: string
    readonly errors: ErrorEnvelope
    answer(c: Context): WireResult
  },
): void {
  ctx.routes.push({ method: route.method, path: route.path, errors: route.errors })
  app.on(route.method, route.path, (c) =>
    writeWire(ctx, startExchange(ctx, c, route.path), route.answer(c)),
  )
}
