/**
 * What one instance does for its sessions: the table, each session's cost totals, its view of
 * the shared journal, its scenario, the admin routes under `/_mocktopus/sessions`, and the
 * `mock.session(id)` handles. See docs/sessions.md.
 */
import {
  type EngineContext,
  type EngineState,
  type Exchange,
  type Journal,
  openaiError,
  type WireErrorInit,
} from '@mocktopus/responders'
import {
  createCounters,
  createMatcher,
  createScenario,
  MocktopusError,
  parseScenario,
  type Scenario,
  ScenarioError,
} from '@mocktopus/scenario'
import { type CostReportBody, isCountedExchange, timeOf } from './cost/observer.js'
import { DEFAULT_PRICING, mergePricing, type PricingTable } from './cost/pricing.js'
import { formatCostSummary } from './cost/summary.js'
import { createCostTracker } from './cost/tracker.js'
import { journalOutput } from './journal-output.js'
import { jsonOutput, type Output } from './output.js'
import {
  createSessionTable,
  invalidSessionId,
  newSession,
  SESSION_HEADER,
  type Session,
  type SessionsOptions,
  type SessionTable,
  sessionPrototype,
  sessionScenario,
} from './sessions.js'

/** The in-process origin of `mock.session()` URLs: `mock.fetch` ignores the host. */
export const IN_PROCESS_ORIGIN = 'http://mocktopus.local'

/** One session as a test uses it: where to point the SDKs, and its journal and controls. */
export interface MocktopusSession {
  readonly id: string
  /** The `openai` SDK's `baseURL` for this session: `<origin>/sessions/<id>/v1`. */
  readonly baseURL: string
  /** The Anthropic SDK's `baseURL` for this session: `<origin>/sessions/<id>`. */
  readonly anthropicBaseURL: string
  /** `{ 'x-mocktopus-session': id }`: the other way to name the session, for any client. */
  readonly headers: Readonly<Record<string, string>>
  /** This session's journal: its exchanges since it began or was last reset, oldest first. */
  requests(): Exchange[]
  /** Restores this session's `times` counters and forgets its stored responses and journal. */
  reset(): void
  /**
   * Answers this session from its own scenario (YAML or JSON text, or an object in the scenario
   * format); counters start afresh. A broken one throws `ScenarioError` with file:line:column.
   */
  useScenario(scenario: string | object): void
  /** Ends the session: its state is forgotten (its journal entries age out with the others). */
  end(): void
}

/** An admin request on the sessions: list them, end one, or install one's scenario. */
export type SessionAdmin =
  | { readonly action: 'list' }
  | { readonly action: 'end'; readonly id: string }
  | { readonly action: 'scenario'; readonly id: string; readonly text: string }

/** The admin route a path names, or `undefined` when it is not under `/_mocktopus/sessions`. */
export function sessionAdminRoute(
  method: string,
  path: string,
):
  | { readonly method: 'GET' | 'DELETE' | 'PUT'; readonly id?: string; readonly valid: boolean }
  | undefined {
  const base = '/_mocktopus/sessions'
  if (path === base) return { method: 'GET', valid: true }
  if (!path.startsWith(`${base}/`)) return undefined
  const rest = path.slice(base.length + 1)
  const slash = rest.indexOf('/')
  const raw = slash < 0 ? rest : rest.slice(0, slash)
  const tail = slash < 0 ? '' : rest.slice(slash)
  let id: string
  try {
    id = decodeURIComponent(raw)
  } catch {
    id = raw
  }
  if (tail === '') return { method: 'DELETE', id, valid: method === 'DELETE' }
  if (tail === '/scenario') return { method: 'PUT', id, valid: method === 'PUT' }
  return undefined
}

export interface SessionHostOptions {
  readonly sessions?: SessionsOptions | undefined
  /** The default session's context: sessions share its clock, limits and (by default) matcher. */
  readonly engine: EngineContext
  readonly journal: Journal<Exchange>
  readonly createState: (storedResponses: { size: number; bytes: number }) => EngineState
  /** The server's scenario (`setScenario` replaces it). */
  readonly scenario: () => Scenario
  /** `--pricing`, laid over each session scenario's prices. */
  readonly pricing?: PricingTable | undefined
}

export interface SessionHost {
  readonly table: SessionTable
  /** The session `id`, created on first use. */
  use(id: string): Session
  /** Counts an exchange's cost in its session's totals. */
  observe(exchange: Exchange): void
  /** `GET /_mocktopus/requests?session=<id>`. */
  requests(id: string, query: string): Output
  /** `POST /_mocktopus/reset?session=<id>`. */
  reset(id: string): Output
  /** `GET /cost-report?session=<id>`. */
  costReport(id: string): Output
  /** `GET`, `DELETE` and `PUT` under `/_mocktopus/sessions`. */
  admin(request: SessionAdmin): Output
  /** The in-process handle, with URLs on `origin`. */
  handle(id: string | undefined, origin: string): MocktopusSession
  /** After `setScenario`: sessions on the server's scenario count their uses afresh. */
  scenarioChanged(): void
}

/** Each session's store for `previous_response_id` unless told otherwise. */
const SESSION_STORED_RESPONSES = { size: 100, bytes: 1024 * 1024 }

function adminError(init: WireErrorInit, extra?: Record<string, unknown>): Output {
  const wire = openaiError(init)
  return jsonOutput(init.status, { ...(wire.body as object), ...extra })
}

function randomId(): string {
  return `session-${crypto.randomUUID()}`
}

/**
 * A session's scenario from text (YAML or JSON) or an object, positioned errors naming `source`.
 *
 * @example toSessionScenario('version: 1\nrules: []', 'sessions/a/scenario')
 */
export function toSessionScenario(input: string | object, source: string): Scenario {
  if (typeof input === 'string') return parseScenario(input, { source })
  // A scenario parsed already carries the file it came from, which the format does not have.
  const { source: _from, ...data } = input as { source?: unknown }
  return createScenario(data, { source })
}

/**
 * The sessions of one instance.
 *
 * @example const host = createSessionHost({ engine, journal, createState, scenario: () => scenario })
 */
export function createSessionHost(options: SessionHostOptions): SessionHost {
  const { engine, journal } = options
  const stored = {
    size: options.sessions?.storedResponses?.size ?? SESSION_STORED_RESPONSES.size,
    bytes: options.sessions?.storedResponses?.bytes ?? SESSION_STORED_RESPONSES.bytes,
  }
  const proto = sessionPrototype(engine)
  const table = createSessionTable(options.sessions ?? {}, (id, at) =>
    newSession(id, at, proto, options.createState(stored), journal.last),
  )
  const pricingOf = (session: Session) =>
    mergePricing(
      DEFAULT_PRICING,
      sessionScenario(session, options.scenario()).pricing,
      options.pricing,
    )

  const reset = (session: Session) => {
    session.counters.reset()
    session.state.reset()
    session.costs?.reset()
    session.journalAfter = journal.last
  }
  const install = (session: Session, scenario: Scenario) => {
    session.matcher = createMatcher(scenario)
    session.counters = createCounters()
    session.costs?.setPricing(pricingOf(session))
  }
  const entriesOf = (session: Session) => {
    const { id } = session
    const after = session.journalAfter
    return journal.page({ after, filter: (entry) => entry.session === id }).entries
  }

  return {
    table,
    use: (id) => table.use(id),
    observe(exchange) {
      if (exchange.session === undefined || !isCountedExchange(exchange) || !exchange.usage) return
      const session = table.find(exchange.session)
      if (!session) return
      session.costs ??= createCostTracker({ pricing: pricingOf(session) })
      const time = timeOf(exchange.time)
      session.costs.record({
        model: exchange.model,
        usage: exchange.usage,
        ...(time === undefined ? {} : { time }),
      })
    },
    requests(id, query) {
      const session = table.find(id)
      if (!session) return jsonOutput(200, { requests: [], cursor: null })
      return journalOutput(journal, query, {
        after: session.journalAfter,
        filter: (entry) => entry.session === id,
      })
    },
    reset(id) {
      const session = table.find(id)
      if (session) reset(session)
      return jsonOutput(200, { reset: true, session: id })
    },
    costReport(id) {
      const session = table.find(id)
      const costs = session?.costs ?? createCostTracker()
      const report = costs.report()
      const body: CostReportBody & { session: string } = {
        report,
        summary: formatCostSummary(report),
        session: id,
      }
      return jsonOutput(200, body)
    },
    admin(request) {
      if (request.action === 'list') {
        const now = Date.now()
        return jsonOutput(200, {
          sessions: table.list().map((session) => ({
            id: session.id,
            own_scenario: session.matcher !== undefined,
            requests: entriesOf(session).length,
          })),
          max: table.max,
          idle_timeout_ms: table.idleTimeoutMs,
          listed_at: new Date(now).toISOString(),
        })
      }
      const invalid = invalidSessionId(request.id)
      if (invalid) return adminError({ status: 400, message: invalid, code: 'invalid_session' })
      if (request.action === 'end') {
        if (!table.end(request.id)) {
          const message = `No session "${request.id}": it never began, ended, or expired after ${table.idleTimeoutMs / 1000} s idle.`
          return adminError({ status: 404, message, code: 'session_not_found' })
        }
        return jsonOutput(200, { id: request.id, deleted: true })
      }
      const source = `sessions/${request.id}/scenario`
      let scenario: Scenario
      try {
        scenario = toSessionScenario(request.text, source)
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error
        return adminError(
          { status: 400, message: error.message, code: 'invalid_scenario' },
          { issues: error.issues },
        )
      }
      install(table.use(request.id), scenario)
      return jsonOutput(200, {
        id: request.id,
        scenario: { rules: scenario.rules.length, ...(scenario.meta ?? {}) },
      })
    },
    handle(id, origin) {
      const named = id ?? randomId()
      const invalid = invalidSessionId(named)
      if (invalid) throw new MocktopusError(invalid)
      table.use(named)
      const root = `${origin}/sessions/${encodeURIComponent(named)}`
      return {
        id: named,
        baseURL: `${root}/v1`,
        anthropicBaseURL: root,
        headers: Object.freeze({ [SESSION_HEADER]: named }),
        requests: () => entriesOf(table.use(named)),
        reset: () => reset(table.use(named)),
        useScenario(scenario) {
          install(table.use(named), toSessionScenario(scenario, `session ${named}`))
        },
        end() {
          table.end(named)
        },
      }
    },
    scenarioChanged() {
      for (const session of table.list()) {
        if (session.matcher === undefined) {
          session.counters.reset()
          session.costs?.setPricing(pricingOf(session))
        }
      }
    },
  }
}

/**
 * The `session` a tooling route's query names: `undefined` for none, the id, or the 400 for a
 * malformed one.
 *
 * @example sessionParam('session=a&limit=5') // 'a'
 */
export function sessionParam(query: string): string | Output | undefined {
  if (!query.includes('session=')) return undefined
  const id = new URLSearchParams(query).get('session')
  if (id === null) return undefined
  const invalid = invalidSessionId(id)
  return invalid === undefined
    ? id
    : adminError({ status: 400, message: invalid, code: 'invalid_session' })
}
