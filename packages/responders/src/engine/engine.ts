/**
 * The engine: one request to one endpoint, from its read body to the answer and the record of
 * the exchange. Pure (no sockets, no timers): the server's transports, the stub client and the
 * CLI preview all call it, so a request is answered the same way wherever it comes from.
 */
import {
  describeNoMatch,
  type MatchCounters,
  type Matcher,
  type MatchRequest,
  type MatchResult,
  type RuleVerdict,
  type Scenario,
} from '@mocktopus/scenario'
import { OPENAI_INVALID_JSON } from '../openai/errors.js'
import type { ResponseStore } from '../openai/responses/store.js'
import type { Clock } from '../shared/clock.js'
import type { StreamTiming } from '../shared/paced-stream.js'
import type { WireError, WireErrorInit, WireResult } from '../shared/wire.js'
import { type BodyRead, bodyRefusal, parseJSONBody } from './body.js'
import {
  applyChaos,
  type ChaosControl,
  type ChaosPlan,
  FAULT_HEADER,
  planChaos,
  streamTiming,
  withExtraHeaders,
} from './chaos.js'
import type { AnswerInput, PlainEndpoint, Provider, RuleEndpoint } from './endpoint.js'
import { DEFAULT_KEPT_BODY_BYTES, type ExchangeDraft, keepBody } from './exchange.js'
import { respondFor } from './respond.js'
import type { Route } from './router.js'
import type { EngineState } from './state.js'

/** What the engine answers with: the current rules, time, and the instance's memory. */
export interface EngineContext {
  readonly matcher: Matcher
  /** The `times` counters to match with (a session's); default: the matcher's own. */
  readonly counters?: MatchCounters
  readonly clock: Clock
  readonly state: EngineState
  /** Record mode sends `all` rule-endpoint requests upstream; replay with `--record-missing` the `misses`. */
  readonly forward?: 'all' | 'misses'
  /** The 404 message when no rule matches (replay names the closest recording). */
  readonly describeMiss?: (verdicts: readonly RuleVerdict[], scenario: Scenario) => string
  /**
   * The request as the rules see it, from the parsed one and the body (replay normalises
   * volatile text as the recorder did); absent: the parsed request as it is.
   */
  readonly prepareMatch?: (request: MatchRequest, body: unknown) => MatchRequest
  /** The largest body accepted, for the 413 message. */
  readonly bodyLimit: number
  /** How much of a body an exchange keeps (default 64 KiB); more is kept truncated. */
  readonly keptBodyBytes?: number
  /**
   * Strict requests: refuse with the provider's 400 what the real API refuses (each row's
   * `strict` check). When absent, the scenario's `strict: true` decides.
   */
  readonly strict?: boolean
}

/** One request as the engine takes it: routed, its body read by the transport. */
export interface EngineRequest {
  readonly route: Route
  /** The record of this exchange, begun on arrival; the engine fills in body, model and rule. */
  readonly exchange: ExchangeDraft
  /** The query string without `?`. */
  readonly query: string
  readonly body: BodyRead
  /** Aborts when the client goes away. Read only by what waits, so a getter may build it. */
  readonly signal: AbortSignal
  /** Also list every rule's verdict (`explain`); by default only a miss computes them. */
  readonly explain?: boolean
}

/** An answer: send `wire` (after its `delayMs`) and complete `exchange` when it is done. */
export interface EngineAnswer {
  readonly kind: 'answer'
  readonly wire: WireResult
  readonly exchange: ExchangeDraft
  /** The request as the matcher saw it, when the body parsed. */
  readonly request?: MatchRequest
  /** The rule that answered. */
  readonly match?: MatchResult
  /** Each rule's verdict: on a miss, or when `explain` was asked. */
  readonly verdicts?: readonly RuleVerdict[]
}

/** Record mode, or replay with `--record-missing`: the transport sends the request upstream. */
export interface EngineForward {
  readonly kind: 'forward'
  readonly exchange: ExchangeDraft
  /** The body exactly as the client sent it. */
  readonly text: string
  /** The parsed body; `undefined` when it is not JSON. */
  readonly body: unknown
  readonly request?: MatchRequest
}

export type EngineResult = EngineAnswer | EngineForward

// Rule endpoints' input. A class, so `signal` is a getter on the prototype: an accessor on an
// object literal kept each request's objects alive until the next full collection.
class Answering<Params> implements AnswerInput<Params> {
  readonly params: Params
  readonly match: MatchResult
  readonly clock: Clock
  readonly store: ResponseStore
  /** The chaos plan of this request, when chaos decided one (its draw seeds the jitter). */
  plan: ChaosPlan | undefined
  readonly #request: EngineRequest
  readonly #chaos: ChaosControl
  #timing: StreamTiming | undefined | null = null

  constructor(params: Params, match: MatchResult, ctx: EngineContext, request: EngineRequest) {
    this.params = params
    this.match = match
    this.clock = ctx.clock
    this.store = ctx.state.responses
    this.#request = request
    this.#chaos = ctx.state.chaos
  }

  get signal(): AbortSignal {
    return this.#request.signal
  }

  // Read only by a stream's responder: the rule's `respond` timing over the server-wide one.
  get timing(): StreamTiming | undefined {
    if (this.#timing === null) {
      const chaos = this.#chaos
      this.#timing = streamTiming(
        this.match.rule.respond,
        chaos.active ? chaos.options.timing : undefined,
        () => this.plan?.draw ?? chaos.next(),
      )
    }
    return this.#timing
  }
}

/**
 * Gives every answer on a provider's paths its request id (Anthropic's `request-id`): the one
 * its responder derived, else one numbered by its place among such answers, so a run of
 * requests gets the same ids every run. An error body's `request_id` gets the same id.
 *
 * @example const wire = stampRequestId(ANTHROPIC, anthropicError(init), 'POST', MESSAGES.path, state)
 */
export function stampRequestId<Wire extends WireResult>(
  provider: Provider,
  wire: Wire,
  method: string,
  path: string,
  state: EngineState,
): Wire {
  const header = provider.requestIdHeader
  if (header === undefined || provider.requestId === undefined) return wire
  let id = wire.headers[header]
  if (id === undefined) {
    id = provider.requestId(`${method} ${path}|${state.nextSequence()}`)
    wire = { ...wire, headers: { ...wire.headers, [header]: id } }
  }
  if (wire.kind !== 'error') return wire
  const body = wire.body as { type?: unknown; request_id?: unknown } | null
  if (body?.type !== 'error' || body.request_id !== null) return wire
  return { ...wire, body: { ...body, request_id: id } }
}

/**
 * An error of the engine's own (or a transport's) in the endpoint's envelope, with its id.
 *
 * @example refuse(route.endpoint.provider, { status: 404, message }, exchange, state)
 */
export function refuse(
  provider: Provider,
  init: WireErrorInit,
  exchange: Pick<ExchangeDraft, 'method' | 'path'>,
  state: EngineState,
): WireError {
  return stampRequestId(provider, provider.errors(init), exchange.method, exchange.path, state)
}

function answered(
  ctx: EngineContext,
  request: EngineRequest,
  wire: WireResult,
  extra?: Omit<EngineAnswer, 'kind' | 'wire' | 'exchange'>,
): EngineAnswer {
  const { exchange, route } = request
  const stamped = stampRequestId(
    route.endpoint.provider,
    wire,
    exchange.method,
    exchange.path,
    ctx.state,
  )
  const { chaos } = ctx.state
  // Rate limits are the model endpoints' (as the real APIs count them): a model list, a token
  // count or a stored response neither counts nor shows them.
  if ((chaos.headers || chaos.active) && route.endpoint.kind === 'rules') {
    const refused = exchange.fault === 'rate_limit'
    const limits = chaos.rateLimitHeaders(
      route.endpoint.provider,
      ctx.clock.now(),
      stamped,
      refused,
    )
    if (limits)
      return { kind: 'answer', wire: withExtraHeaders(stamped, limits), exchange, ...extra }
  }
  return { kind: 'answer', wire: stamped, exchange, ...extra }
}

// The body as JSON, or the answer refusing it.
function readJSON(
  ctx: EngineContext,
  request: EngineRequest,
): { ok: true; text: string; value: unknown } | { ok: false; answer: EngineAnswer } {
  const { body, exchange, route } = request
  const { provider } = route.endpoint
  if (!body.ok) {
    const answer = answered(ctx, request, provider.errors(bodyRefusal(body, ctx.bodyLimit)))
    return { ok: false, answer }
  }
  const json = parseJSONBody(body.text)
  const kept = ctx.keptBodyBytes ?? DEFAULT_KEPT_BODY_BYTES
  if (!json.ok) {
    keepBody(exchange, body.text, body.text, kept)
    const message = provider.invalidJson ?? OPENAI_INVALID_JSON
    const error = provider.errors({ status: 400, message, code: 'invalid_json' })
    return { ok: false, answer: answered(ctx, request, error) }
  }
  const value = json.value
  keepBody(exchange, body.text, value, kept)
  const model = (value as { model?: unknown } | null)?.model
  if (typeof model === 'string') exchange.model = model
  return { ok: true, text: body.text, value }
}

function runPlain(
  ctx: EngineContext,
  endpoint: PlainEndpoint,
  request: EngineRequest,
): EngineAnswer {
  let body: unknown
  if (endpoint.readsBody) {
    const read = readJSON(ctx, request)
    if (!read.ok) return read.answer
    body = read.value
  }
  const wire = endpoint.answer({
    params: request.route.params,
    query: new URLSearchParams(request.query),
    body,
    scenario: ctx.matcher.scenario,
    state: ctx.state,
  })
  return answered(ctx, request, wire)
}

const routeInput = (request: EngineRequest) => ({
  params: request.route.params,
  query: request.query,
})

function runRules(
  ctx: EngineContext,
  endpoint: RuleEndpoint<unknown>,
  request: EngineRequest,
): EngineResult | Promise<EngineResult> {
  const { exchange } = request
  if (ctx.forward === 'all' && request.body.ok) {
    const json = parseJSONBody(request.body.text)
    const body = json.ok ? json.value : undefined
    const { text } = request.body
    keepBody(
      exchange,
      text,
      body === undefined ? text : body,
      ctx.keptBodyBytes ?? DEFAULT_KEPT_BODY_BYTES,
    )
    const model = (body as { model?: unknown } | null | undefined)?.model
    if (typeof model === 'string') exchange.model = model
    const parsed =
      body === undefined ? undefined : endpoint.parse(body, ctx.state, routeInput(request))
    if (exchange.model === undefined && parsed?.ok && parsed.match.model !== undefined) {
      exchange.model = parsed.match.model
    }
    return {
      kind: 'forward',
      exchange,
      text: request.body.text,
      body,
      ...(parsed?.ok ? { request: parsed.match } : {}),
    }
  }
  const read = readJSON(ctx, request)
  if (!read.ok) return read.answer
  const parsed = endpoint.parse(read.value, ctx.state, routeInput(request))
  if (!parsed.ok) return answered(ctx, request, parsed.error)
  // A model named in the path (a `:model` or a deployment parameter) is the one that answers,
  // whatever the body says.
  if (parsed.match.model !== undefined) {
    exchange.model = parsed.match.model
  }
  if (endpoint.strict && (ctx.strict ?? ctx.matcher.scenario.strict) === true) {
    const refusal = endpoint.strict(read.value, ctx.state)
    if (refusal) return answered(ctx, request, refusal, { request: parsed.match })
  }

  const { matcher, counters } = ctx
  // What the rules compare: the body only when a rule reads it (`when.params`).
  const seen = ctx.prepareMatch
    ? ctx.prepareMatch(parsed.match, read.value)
    : matcher.readsBody
      ? { ...parsed.match, body: read.value }
      : parsed.match
  // Before matching, which counts a use of the rule.
  const explained = request.explain ? matcher.explain(seen, counters) : undefined
  const found = matcher.match(seen, counters)
  if (!found) {
    if (ctx.forward === 'misses') {
      return { kind: 'forward', exchange, text: read.text, body: read.value, request: parsed.match }
    }
    const verdicts = explained ?? matcher.explain(seen, counters)
    const describe = ctx.describeMiss ?? describeNoMatch
    const error =
      endpoint.provider.noMatch?.({ request: parsed.match, scenario: matcher.scenario }) ??
      endpoint.provider.errors({
        status: 404,
        message: describe(verdicts, matcher.scenario),
        code: 'no_matching_rule',
      })
    return answered(ctx, request, error, { request: parsed.match, verdicts })
  }
  exchange.ruleIndex = found.index
  // This use's item of a `respond` list, its placeholders filled in from the request.
  const match = respondFor(found, parsed.match, read.value)
  const extra = {
    request: parsed.match,
    match,
    ...(explained ? { verdicts: explained } : {}),
  }
  // Chaos, timing and rate limits: one check when none is configured.
  if (ctx.state.chaos.active || match.rule.chaos !== undefined) {
    return answerWithChaos(
      ctx,
      endpoint,
      request,
      new Answering(parsed.params, match, ctx, request),
      extra,
    )
  }
  const wire = endpoint.answer(new Answering(parsed.params, match, ctx, request))
  if (wire instanceof Promise) return wire.then((done) => answered(ctx, request, done, extra))
  return answered(ctx, request, wire, extra)
}

// A rule's answer under chaos (docs/chaos.md): one draw decides its fault, marked in the
// journal and in `x-mocktopus-fault`.
function answerWithChaos(
  ctx: EngineContext,
  endpoint: RuleEndpoint<unknown>,
  request: EngineRequest,
  input: Answering<unknown>,
  extra: Omit<EngineAnswer, 'kind' | 'wire' | 'exchange'>,
): EngineResult | Promise<EngineResult> {
  const { exchange } = request
  const plan = planChaos(ctx.state.chaos, input.match.rule, endpoint.provider, ctx.clock)
  input.plan = plan
  if (plan.error) {
    exchange.fault = plan.fault
    const error = {
      ...plan.error,
      headers: { ...plan.error.headers, [FAULT_HEADER]: plan.fault as string },
    }
    return answered(ctx, request, error, extra)
  }
  const finish = (wire: WireResult) => {
    const faulty = applyChaos(plan, wire, ctx.clock, () => request.signal)
    if (faulty !== wire) exchange.fault = plan.fault
    return answered(ctx, request, faulty, extra)
  }
  const wire = endpoint.answer(input)
  return wire instanceof Promise ? wire.then(finish) : finish(wire)
}

/**
 * Answers one routed request: parse, match, build. Synchronous when the answer is, as most are,
 * so a transport can write it in the same turn of the event loop.
 *
 * @example
 * const result = runEngine(ctx, { route, exchange, query: '', body: { ok: true, text }, signal })
 * if (result instanceof Promise) ...
 */
export function runEngine(
  ctx: EngineContext,
  request: EngineRequest,
): EngineResult | Promise<EngineResult> {
  const { endpoint } = request.route
  return endpoint.kind === 'rules'
    ? runRules(ctx, endpoint, request)
    : runPlain(ctx, endpoint, request)
}
