/**
 * Finds the endpoint for a method and a path relative to the API root: exact paths by one map
 * lookup, `:name` patterns by a scan of the few rows that have them.
 */
import type { Endpoint, HeaderLookup } from './endpoint.js'
import { ENDPOINT_TABLE } from './endpoints.js'

/** An endpoint and the values of its path's `:name` parameters. */
export interface Route {
  readonly endpoint: Endpoint
  readonly params: Readonly<Record<string, string>>
}

export interface Router {
  /** The endpoint answering `method path`, or `undefined`. */
  find(method: string, path: string, request: HeaderLookup): Route | undefined
  /** The rows at `path` whatever their method: a wrong method's 405 names theirs. */
  at(path: string): readonly Endpoint[]
}

interface Pattern {
  readonly endpoint: Endpoint
  readonly regex: RegExp
  readonly names: readonly string[]
  /** A parameter followed by a literal (`:model:generateContent`): a method call on a resource. */
  readonly suffixed: boolean
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({})

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function compile(endpoint: Endpoint): Pattern {
  const names: string[] = []
  const source = endpoint.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return escapeRegExp(segment)
      // `:model:generateContent` (Gemini): a parameter, then a literal from the second colon.
      const colon = segment.indexOf(':', 1)
      names.push(colon === -1 ? segment.slice(1) : segment.slice(1, colon))
      return colon === -1 ? '([^/]+)' : `([^/]+)${escapeRegExp(segment.slice(colon))}`
    })
    .join('/')
  const suffixed = endpoint.path.split('/').some((s) => s.startsWith(':') && s.indexOf(':', 1) > 0)
  return { endpoint, regex: new RegExp(`^${source}$`), names, suffixed }
}

// A malformed escape is kept as sent: the id then simply matches nothing.
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function accepted(rows: readonly Endpoint[], request: HeaderLookup): Endpoint | undefined {
  for (const row of rows) if (!row.accepts || row.accepts(request)) return row
  return undefined
}

/**
 * A router over `table` (default: every endpoint).
 *
 * @example createRouter().find('POST', CHAT_COMPLETIONS.path, () => undefined)?.endpoint.id
 */
export function createRouter(table: readonly Endpoint[] = ENDPOINT_TABLE): Router {
  const exact = new Map<string, Endpoint[]>()
  const patterns: Pattern[] = []
  for (const endpoint of table) {
    if (endpoint.path.includes('/:')) {
      patterns.push(compile(endpoint))
      continue
    }
    const key = `${endpoint.method} ${endpoint.path}`
    const rows = exact.get(key)
    if (rows) rows.push(endpoint)
    else exact.set(key, [endpoint])
  }

  // A path a suffixed pattern matches (`/v1beta/models/x:generateContent`) is that method's,
  // whatever the request's method: `GET` there is a 405, not the model `x:generateContent`.
  const matchPattern = (method: string | undefined, path: string) => {
    let found: { endpoint: Endpoint; params: Record<string, string> }[] = []
    let suffixedHit = false
    for (const { endpoint, regex, names, suffixed } of patterns) {
      if (method !== undefined && endpoint.method !== method && !suffixed) continue
      const hit = regex.exec(path)
      if (!hit) continue
      if (suffixed && !suffixedHit) {
        suffixedHit = true
        found = []
      } else if (suffixedHit && !suffixed) continue
      const params: Record<string, string> = {}
      names.forEach((name, i) => {
        params[name] = decodeSegment(hit[i + 1] ?? '')
      })
      found.push({ endpoint, params })
    }
    return method === undefined ? found : found.filter((hit) => hit.endpoint.method === method)
  }

  return {
    find(method, path, request) {
      const rows = exact.get(`${method} ${path}`)
      if (rows) {
        const endpoint = accepted(rows, request)
        return endpoint && { endpoint, params: NO_PARAMS }
      }
      const hits = matchPattern(method, path)
      const endpoint = accepted(
        hits.map((hit) => hit.endpoint),
        request,
      )
      return endpoint && hits.find((hit) => hit.endpoint === endpoint)
    },
    at(path) {
      const rows = table.filter((row) => row.path === path)
      return rows.length > 0 ? rows : matchPattern(undefined, path).map((hit) => hit.endpoint)
    },
  }
}
