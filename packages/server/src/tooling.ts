/**
 * The tooling routes, beside the API: `GET /health` for probes, `GET /cost-report`, and the
 * admin routes under `/_mocktopus/` (journal, reset, metrics). They are not API traffic: no
 * exchange is recorded for them.
 */

/** The path of the request journal. */
export const REQUESTS_PATH = '/_mocktopus/requests'
/** The path that restores `times` counters and clears the journal and stored responses. */
export const RESET_PATH = '/_mocktopus/reset'
/** The path of the Prometheus scrape endpoint. */
export const METRICS_PATH = '/_mocktopus/metrics'
/** The inspector page, and what it loads and calls. */
export const UI_PATH = '/_mocktopus/ui'
/** The inspector's live feed of journal entries (server-sent events). */
export const INSPECTOR_EVENTS_PATH = '/_mocktopus/inspector/events'
/** One journal entry's detail for the inspector: `?n=` its number. */
export const INSPECTOR_ENTRY_PATH = '/_mocktopus/inspector/entry'
/** The scenario's rules with their hit counts, for the inspector. */
export const INSPECTOR_SCENARIO_PATH = '/_mocktopus/inspector/scenario'
/** The path that sets chaos, stream timing and rate limits at run time (docs/chaos.md). */
export const CHAOS_PATH = '/_mocktopus/chaos'
/** The liveness and readiness probe. */
export const HEALTH_PATH = '/health'
/** What the mocked answers would have cost. */
export const COST_REPORT_PATH = '/cost-report'

const ADMIN_PREFIX = '/_mocktopus/'

export interface ToolingRoute {
  readonly name:
    | 'health'
    | 'cost-report'
    | 'metrics'
    | 'requests'
    | 'reset'
    | 'chaos'
    | 'missing'
    | 'ui'
    | 'ui-script'
    | 'ui-style'
    | 'inspector-events'
    | 'inspector-entry'
    | 'inspector-scenario'
  readonly method: 'GET' | 'POST'
  /** Whether `admin: false` hides it. */
  readonly admin: boolean
  /**
   * Served without the auth token: the inspector page's own files, which hold no data (a
   * browser cannot add a header to a page it opens; the page asks for the token instead).
   */
  readonly open?: boolean
  /** The handler reads the body (under the body limit) and hands it to the answer. */
  readonly readsBody?: boolean
}

const ROUTES: ReadonlyMap<string, ToolingRoute> = new Map([
  [HEALTH_PATH, { name: 'health', method: 'GET', admin: false }],
  [COST_REPORT_PATH, { name: 'cost-report', method: 'GET', admin: false }],
  [METRICS_PATH, { name: 'metrics', method: 'GET', admin: true }],
  [REQUESTS_PATH, { name: 'requests', method: 'GET', admin: true }],
  [RESET_PATH, { name: 'reset', method: 'POST', admin: true }],
  [CHAOS_PATH, { name: 'chaos', method: 'POST', admin: true, readsBody: true }],
  [UI_PATH, { name: 'ui', method: 'GET', admin: true, open: true }],
  [`${UI_PATH}/app.js`, { name: 'ui-script', method: 'GET', admin: true, open: true }],
  [`${UI_PATH}/app.css`, { name: 'ui-style', method: 'GET', admin: true, open: true }],
  [INSPECTOR_EVENTS_PATH, { name: 'inspector-events', method: 'GET', admin: true }],
  [INSPECTOR_ENTRY_PATH, { name: 'inspector-entry', method: 'GET', admin: true }],
  [INSPECTOR_SCENARIO_PATH, { name: 'inspector-scenario', method: 'GET', admin: true }],
])

const MISSING: ToolingRoute = { name: 'missing', method: 'GET', admin: true }

/**
 * The tooling route at `path` (relative to the mount); `missing` for an unknown admin path.
 *
 * @example toolingRoute('/health')?.name // 'health'
 */
export function toolingRoute(path: string): ToolingRoute | undefined {
  const route = ROUTES.get(path)
  if (route) return route
  return path.startsWith(ADMIN_PREFIX) || path === '/_mocktopus' ? MISSING : undefined
}
