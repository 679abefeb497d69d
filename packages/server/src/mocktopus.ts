/**
 * `createMocktopus()`: a scenario, a clock and options in; a Hono app, an in-process `fetch`,
 * and the controls tests need (`reset`, `setScenario`, `on('exchange')`) out.
 */
import { type Clock, fixedClock, systemClock } from '@mocktopus/responders'
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
import { allowDirect, type MocktopusContext, type RouteEntry } from './context.js'
import { type CORSOptions, corsOptionsOf, presetCORSHeaders } from './cors.js'
import { type CostReportBody, createCostObserver } from './cost/observer.js'
import type { PricingTable } from './cost/pricing.js'
import type { Exchange, ExchangeListener } from './exchange.js'
import { createJournal, isJournaled } from './journal.js'
import type { RecordingHooks } from './record/hooks.js'

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
}

export interface Mocktopus {
  /** The Hono app; mount it with `parent.route('/llm', mock.app)`. */
  readonly app: Hono
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
  const routes: RouteEntry[] = []
  const costs = createCostObserver({
    ...(options.pricing ? { pricing: options.pricing } : {}),
    ...(scenario.pricing ? { scenarioPricing: scenario.pricing } : {}),
    routes: () => routes.map((route) => route.path),
  })
  listeners.add((exchange) => {
    costs.observe(exchange)
  })
  const resetters: (() => void)[] = []
  const journal = createJournal<Exchange>({ size: options.journalSize })
  const reset = () => {
    matcher.reset()
    journal.clear()
    for (const clear of resetters) clear()
  }

  const corsOptions = corsOptionsOf(options.cors)
  const responseHeaders = corsOptions && presetCORSHeaders(corsOptions)
  const ctx: MocktopusContext = {
    get matcher() {
      return matcher
    },
    get scenario() {
      return scenario
    },
    clock,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    ...(responseHeaders ? { responseHeaders } : {}),
    ...(options.authToken === undefined ? {} : { authToken: options.authToken }),
    ...(options.admin === undefined ? {} : { admin: options.admin }),
    routes,
    directRoutes: new Map(),
    costs,
    onReset(clear) {
      resetters.push(clear)
    },
    journal,
    reset,
    ...(options.mode === undefined ? {} : { mode: options.mode }),
    ...(options.recording === undefined ? {} : { recording: options.recording }),
    emit(exchange: Exchange) {
      if (isJournaled(exchange)) journal.record(exchange)
      for (const listener of listeners) {
        try {
          listener(exchange)
        } catch (error) {
          // An observer's bug must not turn a mocked answer into a failure for the client.
          console.error('[mocktopus] an exchange listener threw:', error)
        }
      }
    },
  }
  const app = createApp(ctx, { cors: options.cors ?? true })
  // The Node runner's direct path skips the app's middleware: only when none would act on an
  // API request (no recording, no auth token, CORS off or with fixed headers).
  const direct =
    options.recording === undefined &&
    options.authToken === undefined &&
    (corsOptions === undefined || responseHeaders !== undefined)

  const mock: Mocktopus = {
    app,
    fetch: (input, init) => Promise.resolve(app.fetch(toRequest(input, init))),
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
    },
    on(event, listener) {
      if (event !== 'exchange') throw new MocktopusError(`unknown event "${event}"; use "exchange"`)
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    costReport: () => costs.report(),
  }
  return direct ? allowDirect(mock, ctx) : mock
}
