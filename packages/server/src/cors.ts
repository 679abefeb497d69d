/**
 * CORS for browser apps: the preflight's answer, and the headers every other answer carries.
 * Written here rather than with Hono's middleware so both transports give the same headers.
 */
import { SESSION_HEADER } from './sessions.js'

/** CORS settings; the names follow Hono's `cors()` options. */
export interface CORSOptions {
  /** `*` (the default), one origin, a list, or a function that returns the origin to allow. */
  readonly origin?: string | readonly string[] | ((origin: string) => string | null | undefined)
  /** Methods a preflight allows; default GET, HEAD, PUT, POST, DELETE, PATCH. */
  readonly allowMethods?: readonly string[]
  /** Headers a preflight allows; default: whatever the browser asks for. */
  readonly allowHeaders?: readonly string[]
  /** Headers a page may read from an answer beyond the safelisted ones. */
  readonly exposeHeaders?: readonly string[]
  readonly credentials?: boolean
  /** How long (seconds) a browser may cache a preflight's answer. */
  readonly maxAge?: number
}

/** The headers a browser app may read from an answer, beyond the CORS-safelisted ones. */
export const EXPOSED_HEADERS: readonly string[] = [
  'x-mocktopus-rule',
  'x-mocktopus-warning',
  'retry-after',
  'x-request-id',
  'request-id',
]

const DEFAULT_METHODS = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH']

/** CORS as one instance applies it. */
export interface CORS {
  /** The headers of an answer to a request from `origin` (absent for a same-origin call). */
  headers(origin: string | undefined): Readonly<Record<string, string>> | undefined
  /** The preflight's headers (status 204). */
  preflight(origin: string | undefined, requestHeaders: string | undefined): Record<string, string>
}

/**
 * CORS for the `cors` setting; `undefined` when it is off.
 *
 * @example createCORS(true)?.headers('http://localhost:3000') // { 'access-control-allow-origin': '*', ... }
 */
export function createCORS(setting: boolean | CORSOptions | undefined): CORS | undefined {
  if (setting === false) return undefined
  const options: CORSOptions = setting === true || setting === undefined ? {} : setting
  const origin = options.origin ?? '*'
  const expose = (options.exposeHeaders ?? EXPOSED_HEADERS).join(',')
  const allowOrigin = (requested: string | undefined): string | undefined => {
    if (typeof origin === 'string') return origin
    if (typeof origin === 'function') return origin(requested ?? '') ?? undefined
    return requested !== undefined && origin.includes(requested) ? requested : undefined
  }
  const base = (requested: string | undefined): Record<string, string> => {
    const headers: Record<string, string> = {}
    const allowed = allowOrigin(requested)
    if (allowed) headers['access-control-allow-origin'] = allowed
    if (options.credentials) headers['access-control-allow-credentials'] = 'true'
    // A grant that depends on the origin must not be cached for another.
    if (origin !== '*') headers.vary = 'Origin'
    return headers
  }
  // With any origin allowed, every answer carries the same headers: built once.
  const fixed =
    origin === '*'
      ? Object.freeze({
          ...base(undefined),
          ...(expose ? { 'access-control-expose-headers': expose } : {}),
        })
      : undefined
  return {
    headers(requested) {
      if (fixed) return fixed
      const headers = base(requested)
      if (expose) headers['access-control-expose-headers'] = expose
      return headers
    },
    preflight(requested, requestHeaders) {
      const headers = base(requested)
      if (options.maxAge !== undefined) headers['access-control-max-age'] = String(options.maxAge)
      headers['access-control-allow-methods'] = (options.allowMethods ?? DEFAULT_METHODS).join(',')
      // The session header is Mocktopus's own: allowed whatever the list (docs/sessions.md).
      const allowHeaders =
        options.allowHeaders && !options.allowHeaders.includes(SESSION_HEADER)
          ? [...options.allowHeaders, SESSION_HEADER].join(',')
          : (options.allowHeaders?.join(',') ?? requestHeaders)
      if (allowHeaders) {
        headers['access-control-allow-headers'] = allowHeaders
        if (!options.allowHeaders)
          headers.vary = headers.vary
            ? `${headers.vary}, Access-Control-Request-Headers`
            : 'Access-Control-Request-Headers'
      }
      return headers
    },
  }
}
