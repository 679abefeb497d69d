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
/** The liveness and readiness probe. */
export const HEALTH_PATH = '/health'
/** What the mocked answers would have cost. */
export const COST_REPORT_PATH = '/cost-report'

const ADMIN_PREFIX = '/_mocktopus/'

export interface ToolingRoute {
  readonly name: 'health' | 'cost-report' | 'metrics' | 'requests' | 'reset' | 'missing'
  readonly method: 'GET' | 'POST'
  /** Whether `admin: false` hides it. */
  readonly admin: boolean
}

const ROUTES: ReadonlyMap<string, ToolingRoute> = new Map([
  [HEALTH_PATH, { name: 'health', method: 'GET', admin: false }],
  [COST_REPORT_PATH, { name: 'cost-report', method: 'GET', admin: false }],
  [METRICS_PATH, { name: 'metrics', method: 'GET', admin: true }],
  [REQUESTS_PATH, { name: 'requests', method: 'GET', admin: true }],
  [RESET_PATH, { name: 'reset', method: 'POST', admin: true }],
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
