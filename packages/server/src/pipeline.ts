/**
 * The steps every API route shares: read the body under the size limit, parse JSON, validate
 * with the API's parser, match a rule (or answer 404 saying which rule came closest), wait
 * `delay_ms`, write JSON or SSE, and tell observers. A route module supplies only its parser,
 * its answer builder and its provider's error envelope. The steps read the request through
 * `ApiRequest`, so the Hono app and the Node runner's direct path (./node-direct.ts) share them.
 */
import type {
  Clock,
  ErrorEnvelope,
  ParseResult,
  WireError,
  WireResult,
} from '@mocktopus/responders'
import { describeNoMatch, type MatchRequest, type MatchResult } from '@mocktopus/scenario'
import type { Context, Hono } from 'hono'
import { type BodyRead, bodyRefusal, parseJSONBody, readBody } from './body.js'
import type { FinishOutput, MocktopusContext, RequestLine } from './context.js'
import {
  beginExchange,
  type ExchangeDraft,
  type ExchangeStart,
  reportExchange,
} from './exchange-start.js'
import { toResponse, type WireOutput, wireOutput, writeWire } from './wire-output.js'

export { type ExchangeDraft, type ExchangeStart, endpointOf } from './exchange-start.js'
export {
  RULE_HEADER,
  streamSettled,
  toResponse,
  type WireOutput,
  wireKindOf,
  wireOutput,
  writeWire,
} from './wire-output.js'

/** A request as the shared steps read it: from Hono's `Context`, or straight from `node:http`. */
export interface ApiRequest {
  readonly method: string
  /** The path without the query string, e.g. `/v1/chat/completions`. */
  readonly path: string
  /** The body as text under `limit` bytes, or why it was refused. */
  readBody(limit: number): Promise<BodyRead>
  /** Aborts when the client goes away. Built when first read, so read it only to wait. */
  readonly signal: AbortSignal
}

export interface AnswerInput<Params> {
  readonly params: Params
  readonly match: MatchResult
  readonly clock: Clock
  /** Aborts when the client goes away. */
  readonly signal: AbortSignal
}

/**
 * The input of `answer`. The signal is built when first asked for, so it is asked for only by
 * what waits: a delay, a stream. The getter is on a class, not on an object literal: V8 builds
 * a literal's accessor in the old generation, and its closure then kept every request's objects
 * alive until the next full collection (garbage collection took about a tenth of a chat
 * request).
 */
class Answering<Params> implements AnswerInput<Params> {
  readonly params: Params
  readonly match: MatchResult
  readonly clock: Clock
  readonly #request: Pick<ApiRequest, 'signal'>

  constructor(
    params: Params,
    match: MatchResult,
    clock: Clock,
    request: Pick<ApiRequest, 'signal'>,
  ) {
    this.params = params
    this.match = match
    this.clock = clock
    this.#request = request
  }

  get signal(): AbortSignal {
    return this.#request.signal
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
  /**
   * Given every answer the shared steps make on this route (not a forwarded one), on the direct
   * path and in the app alike; also registered for the app's other answers on the path (a
   * wrong method, an internal error). What a route would do in Hono middleware goes here: the
   * Node runner's direct path runs no middleware.
   */
  readonly finish?: FinishOutput
  parse(body: unknown): ParseResult<Params>
  answer(input: AnswerInput<Params>): WireResult | Promise<WireResult>
}

/**
 * Starts the record of one exchange: method, path and arrival time.
 *
 * @example const start = startExchange(ctx, c, '/v1/chat/completions')
 */
export function startExchange(ctx: MocktopusContext, c: Context, pattern: string): ExchangeDraft {
  return beginExchange(ctx, c.req.method, c.req.path, pattern)
}

/**
 * The 500 answer for a bug of ours, in the route's error envelope.
 *
 * @example internalError(openaiError, new Error('boom'))
 */
export function internalError(errors: ErrorEnvelope, err: unknown): WireError {
  return errors({
    status: 500,
    message: `[mocktopus] internal error: ${err instanceof Error ? err.message : String(err)}`,
  })
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
    // No rule answered (a request is forwarded before one is chosen): reported as not mocked.
    finish: (outcome) => reportExchange(ctx, begun, outcome),
  })
}

/** Record mode, or replay with `--record-missing`: the request goes upstream. */
export interface Forward {
  readonly kind: 'forward'
  readonly text: string
  /** The parsed body; `undefined` when it is not JSON. */
  readonly body: unknown
  readonly match?: MatchRequest
}

/** What the shared steps make of a request: an answer ready to send, or one to forward. */
export type ApiAnswer = WireOutput | Forward

/**
 * The shared steps for one request to an API route, from raw body to an answer ready to send;
 * `forward` when the recording hooks send it upstream (only the Hono app can, with its
 * `Request`).
 *
 * @example const output = await answerApiRequest(ctx, route, request, start)
 */
export async function answerApiRequest<Params>(
  ctx: MocktopusContext,
  route: ApiRoute<Params>,
  request: ApiRequest,
  start: ExchangeDraft,
): Promise<ApiAnswer> {
  return answerRead(ctx, route, request, start, await request.readBody(ctx.bodyLimit))
}

/**
 * The steps of `answerApiRequest` once the body is read. The answer comes back at once when the
 * rule's answer is built at once and has no delay, as most are: the Node runner's direct path
 * then writes it without a turn of the queue (each turn and its promise cost about as much as
 * matching the request).
 *
 * @example const answer = answerRead(ctx, route, request, start, read)
 * send(answer instanceof Promise ? await answer : answer)
 */
export function answerRead<Params>(
  ctx: MocktopusContext,
  route: ApiRoute<Params>,
  request: Pick<ApiRequest, 'signal'>,
  start: ExchangeDraft,
  read: BodyRead,
): ApiAnswer | Promise<ApiAnswer> {
  const answer = answerSteps(ctx, route, request, start, read)
  const { finish } = route
  if (!finish) return answer
  const finished = (given: ApiAnswer) => (given.kind === 'forward' ? given : finish(given, start))
  return answer instanceof Promise ? answer.then(finished) : finished(answer)
}

/**
 * `output` as `entry`'s `finish` leaves it (as it is when the route has none).
 *
 * @example return toResponse(finishOutput(entry, wireOutput(ctx, start, error), start))
 */
export function finishOutput(
  entry: { readonly finish?: FinishOutput },
  output: WireOutput,
  request: RequestLine,
): WireOutput {
  return entry.finish ? entry.finish(output, request) : output
}

function answerSteps<Params>(
  ctx: MocktopusContext,
  route: ApiRoute<Params>,
  request: Pick<ApiRequest, 'signal'>,
  start: ExchangeDraft,
  read: BodyRead,
): ApiAnswer | Promise<ApiAnswer> {
  if (!read.ok) return wireOutput(ctx, start, route.errors(bodyRefusal(read, ctx.bodyLimit)))
  const json = parseJSONBody(read.text)
  if (ctx.recording?.forwardAll) {
    return { kind: 'forward', text: read.text, body: json.ok ? json.value : undefined }
  }
  if (!json.ok) {
    start.body = read.text
    return wireOutput(
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
  if (!parsed.ok) return wireOutput(ctx, start, parsed.error)

  const matcher = ctx.matcher
  const match = matcher.match(parsed.match)
  if (!match) {
    if (ctx.recording?.forward) {
      return { kind: 'forward', text: read.text, body, match: parsed.match }
    }
    const describe = ctx.recording?.describeMiss ?? describeNoMatch
    return wireOutput(
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
  const answered = route.answer(new Answering(parsed.params, match, ctx.clock, request))
  if (answered instanceof Promise)
    return answered.then((wire) => delivered(ctx, start, request, wire))
  return delivered(ctx, start, request, answered)
}

// The answer once its delay (if the rule asks for one) is over.
function delivered(
  ctx: MocktopusContext,
  start: ExchangeDraft,
  request: Pick<ApiRequest, 'signal'>,
  wire: WireResult,
): WireOutput | Promise<WireOutput> {
  if (wire.delayMs <= 0) return wireOutput(ctx, start, wire)
  return ctx.clock.sleep(wire.delayMs, request.signal).then(() => wireOutput(ctx, start, wire))
}

// A Hono request as the shared steps read it. A class, for the getter (see Answering).
class HonoApiRequest implements ApiRequest {
  readonly #c: Context

  constructor(c: Context) {
    this.#c = c
  }

  get method(): string {
    return this.#c.req.method
  }

  get path(): string {
    return this.#c.req.path
  }

  readBody(limit: number): Promise<BodyRead> {
    return readBody(this.#c.req.raw, limit)
  }

  get signal(): AbortSignal {
    return this.#c.req.raw.signal
  }
}

/**
 * Handles one request to an API route in the Hono app, from raw body to written answer.
 *
 * @example app.post(route.path, (c) => handleApiRequest(ctx, route, c))
 */
export async function handleApiRequest<Params>(
  ctx: MocktopusContext,
  route: ApiRoute<Params>,
  c: Context,
): Promise<Response> {
  const start = startExchange(ctx, c, route.path)
  const output = await answerApiRequest(ctx, route, new HonoApiRequest(c), start)
  if (output.kind !== 'forward') return toResponse(output)
  return forwardRequest(ctx, route, c, start, output.text, output.body, output.match)
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
  const { path, errors, finish } = route
  ctx.routes.push(finish ? { method, path, errors, finish } : { method, path, errors })
  ctx.directRoutes.set(`${method} ${path}`, { kind: 'api', route: route as ApiRoute<unknown> })
  app.on(method, path, (c) => handleApiRequest(ctx, route, c))
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
