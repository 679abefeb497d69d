/**
 * What every stub surface shares: one scenario, one matcher (rules' `times`), one engine state
 * (stored responses, request-id sequence) and one journal. The OpenAI- and Anthropic-shaped
 * clients are views over it, so a multi-provider agent's calls count against the same rules.
 */
import {
  beginExchange,
  type Clock,
  completeExchange,
  createEngineState,
  createJournal,
  createRouter,
  type Endpoint,
  type EngineContext,
  type Exchange,
  exchangeWeight,
  type HeaderLookup,
  outcomeOf,
  runEngine,
  systemClock,
  type WireResult,
} from '@mocktopus/responders'
import {
  createCounters,
  createMatcher,
  createScenario,
  type MatchCounters,
  type Matcher,
  parseScenario,
  type RuleVerdict,
  type Scenario,
} from '@mocktopus/scenario'
import type { Answered } from './api-promise.js'
import type { MockAPIErrorInit } from './errors.js'
import { settle } from './settle.js'
import type { MockStream } from './stream.js'

export interface StubClientOptions {
  /**
   * Wait as the server would: `delay_ms` before an answer and `chunk_delay_ms` between chunks.
   * Off by default, so unit tests stay instant.
   */
  readonly realtime?: boolean
  /**
   * Time as the answers see it (`created`) and how delays wait. Overrides `realtime` and
   * `fixedTime`. Default: the system clock, with delays skipped unless `realtime` is set.
   */
  readonly clock?: Clock
  /** Unix seconds every `created` field carries, for byte-identical snapshots. */
  readonly fixedTime?: number
  /** Label for a scenario given as YAML text, used in error messages. Default `stub`. */
  readonly source?: string
  /**
   * Strict requests, as the server's `strict` option: refuse with the provider's 400 what the
   * real API refuses (unknown body fields, a tool result without its call). Overrides the
   * scenario's `strict:`.
   */
  readonly strict?: boolean
  /** How many calls `requests()` keeps; the oldest goes first. Default 1000. */
  readonly journalSize?: number
  /**
   * `false` leaves the rate-limit headers (`x-ratelimit-*`, `anthropic-ratelimit-*`) off what
   * `withResponse()` shows, as the server's `--no-rate-limit-headers`. Default true.
   */
  readonly rateLimitHeaders?: boolean
  /**
   * The journal's bounds, as the server's: `size` calls (overrides `journalSize`), `bytes` of
   * kept bodies (default 64 MiB), `bodyBytes` kept of each body (default 64 KiB; a larger one
   * is kept truncated).
   */
  readonly journal?: {
    readonly size?: number
    readonly bytes?: number
    readonly bodyBytes?: number
  }
}

/**
 * One call the stub answered, as `requests()` lists it: the server's journal entry (its
 * `Exchange`) with the values the server would record for the same request. `path` and
 * `endpoint` are equal (the stub has no mount prefix), `body` is the params JSON round-tripped,
 * and `durationMs` is the time spent in process (no delays, no network).
 */
export interface StubRequest extends Exchange {
  /** `POST`; `GET` and `DELETE` for `responses.retrieve`, `responses.delete` and `models`. */
  readonly method: 'POST' | 'GET' | 'DELETE'
}

/** The per-call options of the SDK that the stub honours; others are accepted and ignored. */
export interface StubRequestOptions {
  /**
   * Aborts the call: a pending answer (waiting out `delay_ms` with `realtime`) rejects with
   * `APIUserAbortError`, and a stream ends as if `stream.controller.abort()` were called.
   */
  readonly signal?: AbortSignal | null
  /** Accepted for compatibility with the SDK's request options, and ignored. */
  readonly timeout?: number
  readonly maxRetries?: number
  readonly headers?: unknown
  readonly query?: unknown
  readonly idempotencyKey?: string
  readonly fetchOptions?: unknown
}

/**
 * How one SDK turns an answer into values and errors: which header is the request id, which
 * classes errors are thrown as, which stream events it hands on.
 */
export interface Dialect {
  /** The headers an SDK call of this dialect sends, for rows chosen by header. */
  readonly headers: HeaderLookup
  /** The answer header the SDK exposes as `_request_id` / `requestID`. */
  readonly requestIdHeader: string
  /** Decorates a JSON body as the SDK does (`_request_id`, ...). */
  decorate<T>(value: T, headers: Readonly<Record<string, string>>): T
  /** The error the SDK throws for an error answer. */
  error(init: MockAPIErrorInit): Error
  /** The error for no matching rule: the SDK's 404 class, with the verdicts. */
  noMatch(init: MockAPIErrorInit & { readonly verdicts: readonly RuleVerdict[] }): Error
  /** The error for an aborted call. */
  aborted(): Error
  /** Stream events the SDK drops (Anthropic's `ping`); default: none. */
  readonly keep?: (chunk: unknown) => boolean
}

/** One stub instance: the engine, its memory and the calls it answered. */
export interface StubEngine {
  readonly scenario: Scenario
  /**
   * Runs one call through the engine and settles its answer the dialect's way; the answer as it
   * went on the wire is left in `answered` (for `withResponse()`), when given.
   */
  call<Body, Chunk>(
    dialect: Dialect,
    endpoint: Endpoint,
    path: string,
    params: unknown,
    options: StubRequestOptions | undefined,
    query?: string,
    answered?: Answered,
  ): Promise<Body | MockStream<Chunk>>
  /** The row answering `method path` for this dialect's headers. */
  route(dialect: Dialect, method: string, path: string): Endpoint
  requests(): StubRequest[]
  reset(): void
  /**
   * The session `id` of this stub (docs/sessions.md): the same compiled rules, with `times`
   * counters, stored responses and a journal of its own; the same id gives the same session.
   */
  session(id: string): StubEngine
  /** Answers from another scenario (YAML or JSON text, or an object); counters start afresh. */
  useScenario(scenario: Scenario | string | object): void
}

const instant = (): Promise<void> => Promise.resolve()

function chooseClock(options: StubClientOptions): Clock {
  if (options.clock) return options.clock
  const now =
    options.fixedTime === undefined
      ? systemClock.now
      : (
          (ms: number) => () =>
            ms
        )(options.fixedTime * 1000)
  return { now, sleep: options.realtime ? systemClock.sleep : instant }
}

/**
 * The engine a stub's surfaces share, from a parsed `Scenario` or YAML text.
 *
 * @example const engine = createStubEngine('version: 1\nrules: []\n')
 */
export function createStubEngine(
  scenario: Scenario | string,
  options: StubClientOptions = {},
): StubEngine {
  const parsed =
    typeof scenario === 'string'
      ? parseScenario(scenario, { source: options.source ?? 'stub' })
      : scenario
  return sessionEngine(createMatcher(parsed), options, undefined, new Map())
}

// A session's scenario, from text or an object (a parsed one carries its file, which the format
// does not have).
function toScenario(input: Scenario | string | object, source: string): Scenario {
  if (typeof input === 'string') return parseScenario(input, { source })
  const { source: _from, ...data } = input as { source?: unknown }
  return createScenario(data, { source })
}

// The stub's engine (`session` undefined) or one session's: `shared` compiled rules, counted
// in counters of its own.
function sessionEngine(
  shared: Matcher,
  options: StubClientOptions,
  session: string | undefined,
  sessions: Map<string, StubEngine>,
): StubEngine {
  let matcher = shared
  let counters: MatchCounters | undefined = session === undefined ? undefined : createCounters()
  const clock = chooseClock(options)
  const state = createEngineState(
    options.rateLimitHeaders === false ? { chaos: { rateLimitHeaders: false } } : {},
  )
  const journal = createJournal<Exchange>({
    size: options.journal?.size ?? options.journalSize ?? 1000,
    bytes: options.journal?.bytes,
  })
  // No body limit: the params are in memory already, and the server's limit is the server's.
  const engine: EngineContext = {
    get matcher() {
      return matcher
    },
    get counters() {
      return counters
    },
    clock,
    state,
    bodyLimit: Number.POSITIVE_INFINITY,
    ...(options.strict === undefined ? {} : { strict: options.strict }),
    ...(options.journal?.bodyBytes === undefined
      ? {}
      : { keptBodyBytes: options.journal.bodyBytes }),
  }
  const router = createRouter()

  /**
   * One call through the engine, as the server would answer it: validate, match, answer,
   * record; then wait and settle the answer into a value or a thrown error.
   */
  async function call<Body, Chunk>(
    dialect: Dialect,
    endpoint: Endpoint,
    path: string,
    params: unknown,
    options: StubRequestOptions | undefined,
    query = '',
    answered?: Answered,
  ): Promise<Body | MockStream<Chunk>> {
    const signal = options?.signal
    // Aborted before it was sent: the server would never have seen it.
    if (signal?.aborted) throw dialect.aborted()
    const controller = new AbortController()
    signal?.addEventListener('abort', () => controller.abort(), { once: true })
    const exchange = beginExchange(endpoint.method, path, path, clock.now())
    if (session !== undefined) exchange.session = session
    // What the SDK would send: JSON drops `undefined` fields and turns dates into strings.
    const text = params === undefined ? '' : JSON.stringify(params)
    const route = router.find(endpoint.method, path, dialect.headers) ?? { endpoint, params: {} }
    const result = await runEngine(engine, {
      route,
      exchange,
      query,
      body: { ok: true, text },
      signal: controller.signal,
    })
    if (result.kind === 'forward') throw new Error('the stub never forwards a request')
    const { wire } = result
    journal.record(completeExchange(exchange, outcomeOf(wire)), exchangeWeight(exchange))
    if (answered) {
      answered.wire = wire
      answered.rule = exchange.ruleIndex
    }
    if (wire.kind === 'error' && result.verdicts && !result.match) {
      throw dialect.noMatch({
        status: wire.status,
        headers: wire.headers,
        body: wire.body,
        verdicts: result.verdicts,
      })
    }
    return settle<Body, Chunk>(wire as WireResult<Chunk>, clock, controller, dialect)
  }

  return {
    get scenario() {
      return matcher.scenario
    },
    call,
    route(dialect, method, path) {
      const found = router.find(method, path, dialect.headers)
      if (!found) throw new Error(`no endpoint for ${method} ${path}`)
      return found.endpoint
    },
    requests: () => journal.entries() as StubRequest[],
    reset() {
      if (counters) counters.reset()
      else matcher.reset()
      state.reset()
      journal.clear()
    },
    session(id) {
      let found = sessions.get(id)
      if (!found) {
        found = sessionEngine(shared, options, id, sessions)
        sessions.set(id, found)
      }
      return found
    },
    useScenario(next) {
      matcher = createMatcher(toScenario(next, `session ${session ?? 'stub'}`))
      counters = createCounters()
    },
  }
}
