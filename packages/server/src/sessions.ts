/**
 * Sessions: one server for a whole parallel test suite. A session is named by the base-URL
 * prefix `/sessions/<id>` or the `x-mocktopus-session` header, and has its own `times`
 * counters, engine state (stored responses, request-id sequence), view of the journal, cost
 * totals and, optionally, scenario. The table is bounded: idle sessions expire, and at the bound
 * the least recently used one is evicted (and logged). See docs/sessions.md.
 */
import { type EngineContext, type EngineState, monotonicMs } from '@mocktopus/responders'
import {
  createCounters,
  type MatchCounters,
  type Matcher,
  type Scenario,
} from '@mocktopus/scenario'
import type { CostTracker } from './cost/tracker.js'

/** The header that names a session, as the base-URL prefix does. */
export const SESSION_HEADER = 'x-mocktopus-session'
/** The base-URL prefix that names a session: `/sessions/<id>` before any API path. */
export const SESSION_PREFIX = '/sessions/'
/** What a session id may be: 1 to 128 letters, digits, `.`, `_`, `:` or `-`. */
export const SESSION_ID_PATTERN: RegExp = /^[A-Za-z0-9._:-]{1,128}$/
/** How many sessions a server keeps unless told otherwise. */
export const DEFAULT_MAX_SESSIONS = 1000
/** How long an unused session lives unless told otherwise: 10 minutes. */
export const DEFAULT_SESSION_IDLE_MS: number = 10 * 60 * 1000

export interface SessionsOptions {
  /**
   * How many sessions live at once (default 1000). A new session at the bound evicts the least
   * recently used one, and the eviction is logged.
   */
  readonly max?: number
  /** Milliseconds without a request after which a session ends (default 10 minutes). */
  readonly idleTimeoutMs?: number
  /**
   * What each session keeps for `previous_response_id` (default 100 responses and 1 MiB, so
   * 1000 sessions hold at most 1 GiB of them).
   */
  readonly storedResponses?: { readonly size?: number; readonly bytes?: number }
  /** Where evictions are reported; default `console.warn`. */
  readonly log?: (message: string) => void
  /** Milliseconds for idle times; default a monotonic clock. */
  readonly now?: () => number
}

/** One live session. */
export interface Session {
  readonly id: string
  /** The engine context its requests are answered with. */
  readonly engine: EngineContext
  readonly state: EngineState
  /** Its `times` counters over the scenario it answers from. */
  counters: MatchCounters
  /** Its own scenario's matcher, when one was installed; else the server's is used. */
  matcher: Matcher | undefined
  /** Journal entries numbered after this belong to it (a reset moves it on). */
  journalAfter: number
  /** Its cost totals, made on first use. */
  costs: CostTracker | undefined
  lastUsed: number
}

/** The scenario a session answers from. */
export function sessionScenario(session: Session, fallback: Scenario): Scenario {
  return session.matcher?.scenario ?? fallback
}

/** Why an id is refused, or `undefined` when it is a valid session id. */
export function invalidSessionId(id: string): string | undefined {
  if (SESSION_ID_PATTERN.test(id)) return undefined
  const shown = JSON.stringify(id.length > 40 ? `${id.slice(0, 39)}…` : id)
  return `Invalid session id ${shown}: use 1 to 128 characters of A-Z, a-z, 0-9, ".", "_", ":" and "-".`
}

/** The bounded table of live sessions. */
export interface SessionTable {
  readonly max: number
  readonly idleTimeoutMs: number
  /** How many sessions are live. */
  readonly size: number
  /** The session `id`, created on first use; refreshes its idle time. */
  use(id: string): Session
  /** The session `id` if it is live, without refreshing it. */
  find(id: string): Session | undefined
  /** Ends a session; whether it was live. */
  end(id: string): boolean
  /** Every live session, least recently used first. */
  list(): Session[]
  /** Ends every session. */
  clear(): void
}

function positive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`sessions.${name} must be a whole number above 0, got ${value}`)
  }
  return value
}

/**
 * A session table; `create` builds a session's engine context and state.
 *
 * @example const sessions = createSessionTable({ max: 100 }, (id) => newSession(id))
 */
export function createSessionTable(
  options: SessionsOptions,
  create: (id: string, now: number) => Session,
): SessionTable {
  const max = positive('max', options.max ?? DEFAULT_MAX_SESSIONS)
  const idleTimeoutMs = positive('idleTimeoutMs', options.idleTimeoutMs ?? DEFAULT_SESSION_IDLE_MS)
  const log = options.log ?? ((message: string) => console.warn(message))
  const now = options.now ?? monotonicMs
  // Insertion order is use order: a used session is moved to the end, so the first is the least
  // recently used, and expiry stops at the first session still fresh.
  const sessions = new Map<string, Session>()
  // The session used last is at the end already: a run of requests in one session moves nothing.
  let latest: Session | undefined

  const expire = (at: number) => {
    for (const session of sessions.values()) {
      if (at - session.lastUsed < idleTimeoutMs) break
      sessions.delete(session.id)
    }
  }

  return {
    max,
    idleTimeoutMs,
    get size() {
      expire(now())
      return sessions.size
    },
    use(id) {
      const at = now()
      const live = sessions.get(id)
      if (live && at - live.lastUsed < idleTimeoutMs) {
        live.lastUsed = at
        if (live !== latest) {
          sessions.delete(id)
          sessions.set(id, live)
          latest = live
        }
        return live
      }
      expire(at)
      if (sessions.size >= max) {
        const oldest = sessions.values().next().value as Session
        sessions.delete(oldest.id)
        const idle = Math.round((at - oldest.lastUsed) / 1000)
        log(
          `[mocktopus] session table full (${max} sessions): ended the least recently used, "${oldest.id}" (idle ${idle} s), to start "${id}"; end sessions when their tests finish (DELETE /_mocktopus/sessions/<id>), or raise sessions.max`,
        )
      }
      const session = create(id, at)
      sessions.set(id, session)
      latest = session
      return session
    },
    find(id) {
      const session = sessions.get(id)
      if (!session) return undefined
      if (now() - session.lastUsed >= idleTimeoutMs) {
        sessions.delete(id)
        return undefined
      }
      return session
    },
    end(id) {
      const live = this.find(id) !== undefined
      sessions.delete(id)
      return live
    },
    list() {
      expire(now())
      return [...sessions.values()]
    },
    clear() {
      sessions.clear()
    },
  }
}

const OWNER: unique symbol = Symbol('mocktopus.session')

interface SessionContext extends EngineContext {
  readonly [OWNER]: Session
}

/**
 * The prototype of every session's engine context over `base`: the matcher and counters are
 * read from the session (its own scenario, else `base`'s, which follows `setScenario`), the
 * rest from `base`. One prototype for all sessions keeps their contexts one shape, so the
 * engine's property reads stay monomorphic however many sessions there are.
 *
 * @example const proto = sessionPrototype(engine); newSession('a', now, proto, state, 0)
 */
export function sessionPrototype(base: EngineContext): EngineContext {
  return Object.create(base, {
    matcher: {
      get(this: SessionContext) {
        return this[OWNER].matcher ?? base.matcher
      },
    },
    counters: {
      get(this: SessionContext) {
        return this[OWNER].counters
      },
    },
  }) as EngineContext
}

/** A fresh session whose engine context inherits from `proto` (see `sessionPrototype`). */
export function newSession(
  id: string,
  at: number,
  proto: EngineContext,
  state: EngineState,
  journalAfter: number,
): Session {
  const engine = Object.create(proto) as { [OWNER]: Session; state: EngineState }
  const session: Session = {
    id,
    engine: engine as unknown as EngineContext,
    state,
    counters: createCounters(),
    matcher: undefined,
    journalAfter,
    costs: undefined,
    lastUsed: at,
  }
  engine[OWNER] = session
  engine.state = state
  return session
}

/** The session a request names, and its path without the prefix. */
export interface NamedSession {
  readonly id: string
  /** The path after `/sessions/<id>`, or the whole path when the header named the session. */
  readonly path: string
  /** Why the request is refused (a malformed id, or prefix and header naming two sessions). */
  readonly invalid?: string
}

/**
 * The session `path` (relative to the mount) and the `x-mocktopus-session` header name;
 * `undefined` for the default session.
 *
 * @example sessionNamed('/sessions/a/health', undefined) // { id: 'a', path: '/health' }
 */
export function sessionNamed(path: string, header: string | undefined): NamedSession | undefined {
  if (!path.startsWith(SESSION_PREFIX)) {
    if (header === undefined) return undefined
    const invalid = invalidSessionId(header)
    return invalid === undefined ? { id: header, path } : { id: header, path, invalid }
  }
  const end = path.indexOf('/', SESSION_PREFIX.length)
  const raw = path.slice(SESSION_PREFIX.length, end < 0 ? undefined : end)
  const rest = end < 0 ? '/' : path.slice(end)
  let id: string
  try {
    id = decodeURIComponent(raw)
  } catch {
    id = raw
  }
  const invalid =
    invalidSessionId(id) ??
    (header !== undefined && header !== id
      ? `The base URL names session ${JSON.stringify(id)} and the ${SESSION_HEADER} header ${JSON.stringify(header)}: name one session, or the same one in both.`
      : undefined)
  return invalid === undefined ? { id, path: rest } : { id, path: rest, invalid }
}

/**
 * The query string of a tooling route, with the session the request named as `session=` unless
 * the query names one itself.
 *
 * @example sessionQuery('limit=5', 'a') // 'limit=5&session=a'
 */
export function sessionQuery(query: string, session: string | undefined): string {
  if (session === undefined || new URLSearchParams(query).has('session')) return query
  return `${query === '' ? '' : `${query}&`}session=${encodeURIComponent(session)}`
}
