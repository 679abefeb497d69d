/**
 * `createMocktopus()`: a scenario, a clock and options in; the Hono app, an in-process `fetch`,
 * the transport-neutral handler the Node server runs, and the controls tests need (`reset`,
 * `setScenario`, `on('exchange')`, the journal) out.
 */
import {
  type BodyRead,
  type Clock,
  createEngineState,
  createJournal,
  ENDPOINT_TABLE,
  type EngineContext,
  type Exchange,
  type ExchangeDraft,
  fixedClock,
  systemClock,
} from '@mocktopus/responders'
import {
  createMatcher,
  loadScenario,
  type Matcher,
  MocktopusError,
  parseScenario,
  type Scenario,
} from '@mocktopus/scenario'
import type { Hono } from 'hono'
import { createApp } from './app.js'
import { type ChaosSettings, chaosAnswer, checkChaosSettings, toChaosOptions } from './chaos.js'
import { type CORSOptions, createCORS } from './cors.js'
import { type CostReportBody, createCostObserver } from './cost/observer.js'
import type { PricingTable } from './cost/pricing.js'
import { PROMETHEUS_CONTENT_TYPE } from './cost/prometheus.js'
import { createHandler, type Handler, type HttpRequest } from './handler.js'
import { createInspector } from './inspector/inspector.js'
import { journalOutput } from './journal-output.js'
import { jsonOutput, type Output } from './output.js'
import type { RecordingHooks } from './record/hooks.js'
import {
  createSessionHost,
  IN_PROCESS_ORIGIN,
  type MocktopusSession,
  sessionParam,
} from './session-host.js'
import { type SessionsOptions, sessionScenario } from './sessions.js'
import type { ToolingRoute } from './tooling.js'

/** Listens to finished exchanges. */
export type ExchangeListener = (exchange: Exchange) => void

/** How many answered responses an instance keeps for `previous_response_id`. */
export const STORED_RESPONSES_LIMIT = 1000

/** The default request body limit: 10 MiB. */
export const DEFAULT_BODY_LIMIT: number = 10 * 1024 * 1024

export interface MocktopusOptions {
  /** A parsed scenario, or its YAML text. */
  readonly scenario?: Scenario | string
  /** A scenario file to read (Node and runtimes with `node:fs`); wins over `scenario`. */
  readonly scenarioFile?: string
  /** Time and delays; defaults to the system clock. */
  readonly clock?: Clock
  /**
   * Freezes `created` (and exchange times) at this instant: Unix seconds, a `Date` or an ISO
   * string. Delays still really wait; pass `clock` to control those too.
   */
  readonly fixedTime?: number | Date | string
  /** Largest request body accepted, in bytes; larger ones get 413. Default 10 MiB. */
  readonly bodyLimit?: number
  /**
   * Strict requests: answer 400 in the provider's envelope where the real API would (unknown
   * body fields, a tool result without its call, Anthropic turns out of order); see
   * docs/server.md. Overrides the scenario's `strict:`; by default the scenario decides.
   */
  readonly strict?: boolean
  /** CORS for browser apps: on by default (any origin); `false` turns it off. */
  readonly cors?: boolean | CORSOptions
  /** Exchange listeners registered from the start, as with `mock.on('exchange', fn)`. */
  readonly observers?: readonly ExchangeListener[]
  /**
   * Prices (USD per 1M tokens) laid over the built-in table and the scenario's `pricing:`
   * block, as `--pricing FILE` gives them; see docs/cost.md.
   */
  readonly pricing?: PricingTable
  /**
   * How many exchanges `requests()` and `GET /_mocktopus/requests` keep; the oldest goes
   * first, so a long run cannot grow memory without limit. Default 1000; 0 keeps none.
   */
  readonly journalSize?: number
  /**
   * The journal's bounds: `size` entries (default 1000; 0 keeps none, overrides
   * `journalSize`), `bytes` of kept bodies (default 64 MiB), and `bodyBytes` kept of each
   * request body (default 64 KiB; a larger body is kept truncated, marked `truncated`).
   */
  readonly journal?: {
    readonly size?: number
    readonly bytes?: number
    readonly bodyBytes?: number
  }
  /**
   * How many answered responses are kept for `previous_response_id` and bytes they may hold:
   * default 1000 and 64 MiB, oldest out first.
   */
  readonly storedResponses?: { readonly size?: number; readonly bytes?: number }
  /** What `/health` reports as `mode`; default `mock`. Record and replay set it. */
  readonly mode?: 'mock' | 'record' | 'replay'
  /**
   * Sends requests to a real API (record mode, replay with `--record-missing`) and words the
   * replay 404; see docs/record-replay.md and `createRecorder` / `createReplayer`.
   */
  readonly recording?: RecordingHooks
  /**
   * Requires every request but `GET /health` to carry this token, as `Authorization: Bearer
   * <token>` or `x-api-key: <token>`; others get 401 in the provider's envelope. For shared
   * dev servers; the token is never logged or echoed.
   */
  readonly authToken?: string
  /** `false` turns off the admin routes `/_mocktopus/*` (they answer 404). Default `true`. */
  readonly admin?: boolean
  /**
   * Host names the server may be reached by besides `localhost`, `*.localhost` and IP
   * addresses (`*.example.test` allows subdomains); other names get 403 `invalid_host`, which
   * stops DNS rebinding. `'all'` turns the check off (containers behind a proxy). `mock.fetch`
   * is never checked: it is called in process.
   */
  readonly allowedHosts?: readonly string[] | 'all'
  /**
   * Sessions (docs/sessions.md): how many live at once (`max`, default 1000; a new one at the
   * bound evicts the least recently used, logged), how long an idle one lives (`idleTimeoutMs`,
   * default 10 minutes) and what each keeps for `previous_response_id`.
   */
  readonly sessions?: SessionsOptions
  /**
   * Seeded chaos, stream timing and rate-limit headers for every answer (docs/chaos.md), e.g.
   * `{ rate_limit: 0.1, server_error: 0.05, seed: 42, ttft_ms: 300, rate_limit_requests: 1000 }`;
   * each session starts from these. `POST /_mocktopus/chaos` changes them at run time.
   */
  readonly chaos?: ChaosSettings
}

export interface Mocktopus {
  /** The Hono app; mount it with `parent.route('/llm', mock.app)`. */
  readonly app: Hono
  /**
   * The transport-neutral handler both the app and the Node server (`serve(mock)`) run: for a
   * transport of your own, see docs/architecture.md.
   */
  readonly handler: Handler
  /** The global `fetch`'s signature, answered in process: `new OpenAI({ fetch: mock.fetch })`. */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>
  /** The scenario in use. */
  readonly scenario: Scenario
  readonly clock: Clock
  /** Restores every rule's `times` counter, forgets stored responses and clears the journal. */
  reset(): void
  /** The request journal: the last API exchanges answered, oldest first. */
  requests(): Exchange[]
  /** Replaces the scenario (parsed, or YAML text); counters start afresh. */
  setScenario(scenario: Scenario | string): void
  /** Listens to finished exchanges; returns a function that stops listening. */
  on(event: 'exchange', listener: ExchangeListener): () => void
  /**
   * What the mocked responses so far would have cost: the body of `GET /cost-report`, with
   * `summary` as text for people (the CLI prints it on shutdown).
   */
  costReport(): CostReportBody
  /**
   * A session of this instance (a random id when none is given): its base URLs for `mock.fetch`
   * (host `mocktopus.local`), its header, journal, reset and scenario. See docs/sessions.md.
   */
  session(id?: string): MocktopusSession
}

const EMPTY_SCENARIO: Scenario = { version: 1, rules: [], meta: {} }

function toScenario(scenario: Scenario | string | undefined): Scenario {
  if (scenario === undefined) return EMPTY_SCENARIO
  return typeof scenario === 'string' ? parseScenario(scenario) : scenario
}

function toClock(options: MocktopusOptions): Clock {
  if (options.clock) return options.clock
  if (options.fixedTime === undefined) return systemClock
  const { fixedTime } = options
  const seconds =
    typeof fixedTime === 'number' ? fixedTime : Math.floor(new Date(fixedTime).getTime() / 1000)
  if (!Number.isFinite(seconds)) {
    throw new MocktopusError(
      `fixedTime must be Unix seconds, a Date or an ISO 8601 string; got ${String(fixedTime)}`,
    )
  }
  return fixedClock(seconds)
}

// A Request is answered as is: copying it (the Node adapter hands us one per request) cost
// more than everything else the server does for a small chat answer.
function toRequest(input: RequestInfo | URL, init?: RequestInit): Request {
  return input instanceof Request && init === undefined ? input : new Request(input, init)
}

/**
 * A Mocktopus instance answering from a scenario.
 *
 * @example
 * const mock = await createMocktopus({ scenario: 'version: 1\nrules: []', fixedTime: 1700000000 })
 * const openai = new OpenAI({ apiKey: 'test', baseURL: 'http://mocktopus.local/v1', fetch: mock.fetch })
 */
export async function createMocktopus(options: MocktopusOptions = {}): Promise<Mocktopus> {
  let scenario = options.scenarioFile
    ? await loadScenario(options.scenarioFile)
    : toScenario(options.scenario)
  let matcher: Matcher = createMatcher(scenario)
  const clock = toClock(options)
  if (options.authToken !== undefined && options.authToken.trim() === '') {
    throw new MocktopusError('authToken must not be empty; leave it out to accept every request')
  }
  if (
    options.bodyLimit !== undefined &&
    !(Number.isSafeInteger(options.bodyLimit) && options.bodyLimit > 0)
  ) {
    throw new MocktopusError(
      `bodyLimit must be a whole number of bytes above 0; got ${options.bodyLimit}`,
    )
  }
  const listeners = new Set<ExchangeListener>(options.observers ?? [])
  const routes = [...new Set(ENDPOINT_TABLE.map((row) => row.path))]
  const costs = createCostObserver({
    ...(options.pricing ? { pricing: options.pricing } : {}),
    ...(scenario.pricing ? { scenarioPricing: scenario.pricing } : {}),
    routes: () => routes,
  })
  const journal = createJournal<Exchange>({
    size: options.journal?.size ?? options.journalSize,
    bytes: options.journal?.bytes,
  })
  const chaos = options.chaos && toChaosOptions(checkChaosSettings(options.chaos))
  const state = createEngineState({
    responses: {
      limit: options.storedResponses?.size ?? STORED_RESPONSES_LIMIT,
      ...(options.storedResponses?.bytes === undefined
        ? {}
        : { bytes: options.storedResponses.bytes }),
    },
    ...(chaos ? { chaos } : {}),
  })
  const reset = () => {
    matcher.reset()
    journal.clear()
    state.reset()
    sessions.table.clear()
    inspector?.cleared()
  }
  const recording = options.recording
  const engine: EngineContext = {
    get matcher() {
      return matcher
    },
    clock,
    state,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    ...(options.strict === undefined ? {} : { strict: options.strict }),
    ...(options.journal?.bodyBytes === undefined
      ? {}
      : { keptBodyBytes: options.journal.bodyBytes }),
    ...(recording?.forwardAll ? { forward: 'all' as const } : {}),
    ...(!recording?.forwardAll && recording?.forward ? { forward: 'misses' as const } : {}),
    ...(recording?.describeMiss ? { describeMiss: recording.describeMiss } : {}),
    ...(recording?.prepareMatch ? { prepareMatch: recording.prepareMatch } : {}),
  }
  // The inspector (GET /_mocktopus/ui) lives with the admin routes: off, it captures nothing.
  const inspector =
    options.admin === false
      ? undefined
      : createInspector({
          journal,
          engine,
          scenario: () => scenario,
          session: (id) => {
            const live = sessions.table.find(id)
            return live && { engine: live.engine, scenario: sessionScenario(live, scenario) }
          },
        })
  const sessions = createSessionHost({
    sessions: options.sessions,
    engine,
    journal,
    createState: ({ size, bytes }) =>
      createEngineState({ responses: { limit: size, bytes }, ...(chaos ? { chaos } : {}) }),
    scenario: () => scenario,
    pricing: options.pricing,
  })
  const emit = (exchange: Exchange, weight: number, draft?: ExchangeDraft) => {
    journal.record(exchange, weight)
    if (exchange.session !== undefined) sessions.observe(exchange)
    const cost = costs.observe(exchange)
    inspector?.recorded(exchange, draft, cost?.cost_usd)
    for (const listener of listeners) {
      try {
        listener(exchange)
      } catch (error) {
        // An observer's bug must not turn a mocked answer into a failure for the client.
        console.error('[mocktopus] an exchange listener threw:', error)
      }
    }
  }
  const tooling = (
    route: ToolingRoute,
    query: string,
    request: HttpRequest,
    body?: BodyRead,
  ): Output => {
    switch (route.name) {
      case 'chaos': {
        const session = sessionParam(query)
        if (session === undefined) return chaosAnswer(state.chaos, body)
        return typeof session === 'string'
          ? chaosAnswer(sessions.use(session).state.chaos, body)
          : session
      }
      case 'health':
        return jsonOutput(200, {
          status: 'healthy',
          mode: options.mode ?? 'mock',
          scenario_loaded: scenario.source !== undefined || scenario.rules.length > 0,
          rules: scenario.rules.length,
          ...costs.health(),
        })
      case 'cost-report': {
        const session = sessionParam(query)
        if (session === undefined) return jsonOutput(200, costs.report())
        return typeof session === 'string' ? sessions.costReport(session) : session
      }
      case 'metrics':
        return {
          kind: 'json',
          status: 200,
          headers: { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' },
          text: costs.metrics(),
        }
      case 'requests': {
        const session = sessionParam(query)
        if (session === undefined) return journalOutput(journal, query)
        return typeof session === 'string' ? sessions.requests(session, query) : session
      }
      case 'reset': {
        const session = sessionParam(query)
        if (session !== undefined) {
          return typeof session === 'string' ? sessions.reset(session) : session
        }
        reset()
        return jsonOutput(200, { reset: true })
      }
      case 'ui':
      case 'ui-script':
      case 'ui-style':
      case 'inspector-events':
      case 'inspector-entry':
      case 'inspector-scenario':
        if (!inspector) throw new Error('the inspector is off with the admin routes')
        return inspector.answer(route.name, query, request)
      case 'missing':
        // The handler answers an unknown admin path itself.
        throw new Error('no tooling answer for an unknown path')
    }
  }
  const corsOrigin = typeof options.cors === 'object' ? options.cors.origin : undefined
  const handler = createHandler({
    engine,
    cors: createCORS(options.cors ?? true),
    allowedHosts: options.allowedHosts ?? [],
    listedOrigin: (origin) =>
      Array.isArray(corsOrigin)
        ? corsOrigin.includes(origin)
        : typeof corsOrigin === 'function'
          ? corsOrigin(origin) === origin
          : corsOrigin !== undefined && corsOrigin !== '*' && corsOrigin === origin,
    authToken: options.authToken,
    admin: options.admin !== false,
    recording,
    emit,
    tooling,
    session: (id) => sessions.use(id),
    sessionAdmin: (request) => sessions.admin(request),
    capture: inspector?.capture,
  })
  const app = createApp(handler)
  const local = createApp(handler, { inProcess: true })

  return {
    app,
    handler,
    fetch: (input, init) => Promise.resolve(local.fetch(toRequest(input, init))),
    get scenario() {
      return scenario
    },
    clock,
    reset,
    requests: () => journal.entries(),
    setScenario(next) {
      scenario = toScenario(next)
      matcher = createMatcher(scenario)
      costs.setScenarioPricing(scenario.pricing)
      sessions.scenarioChanged()
      inspector?.scenarioChanged()
    },
    on(event, listener) {
      if (event !== 'exchange') throw new MocktopusError(`unknown event "${event}"; use "exchange"`)
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    costReport: () => costs.report(),
    session: (id) => sessions.handle(id, IN_PROCESS_ORIGIN),
  }
}
