/**
 * CORS for browser apps, with Hono's `cors` middleware. Preflights are answered by it. On other
 * requests it sets its headers on the route's answer, and when they cannot depend on the
 * request (any origin, the default) `writeWire` writes them itself: Hono's way reads the
 * answer's headers back as a `Headers` object, which on Node cost about a tenth of a small
 * answer.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'

export type CORSOptions = NonNullable<Parameters<typeof cors>[0]>

/** The headers a browser app may read from an answer, beyond the CORS-safelisted ones. */
export const EXPOSED_HEADERS: readonly string[] = [
  'x-mocktopus-rule',
  'retry-after',
  'x-request-id',
  'request-id',
]

/**
 * The CORS options for the `cors` setting: `undefined` when CORS is off.
 *
 * @example corsOptionsOf(true) // { origin: '*', exposeHeaders: [...EXPOSED_HEADERS] }
 */
export function corsOptionsOf(setting: boolean | CORSOptions | undefined): CORSOptions | undefined {
  if (setting === false) return undefined
  const options = setting === true || setting === undefined ? {} : setting
  return { origin: '*', exposeHeaders: [...EXPOSED_HEADERS], ...options }
}

/**
 * The CORS headers of every answer but a preflight's, or `undefined` when they depend on the
 * request (an origin list or function answers each origin differently).
 *
 * @example presetCORSHeaders({ origin: '*' }) // { 'access-control-allow-origin': '*' }
 */
export function presetCORSHeaders(options: CORSOptions): Record<string, string> | undefined {
  if ((options.origin ?? '*') !== '*') return undefined
  const headers: Record<string, string> = { 'access-control-allow-origin': '*' }
  if (options.credentials) headers['access-control-allow-credentials'] = 'true'
  if (options.exposeHeaders?.length) {
    headers['access-control-expose-headers'] = options.exposeHeaders.join(',')
  }
  return headers
}

/**
 * The CORS middleware. `hasPreset(c)` tells when the answer already carries the preset headers,
 * so only answers built elsewhere (health, admin, a middleware's replacement) get them set.
 *
 * @example app.use('*', corsMiddleware(options, (c) => written.has(c.res)))
 */
export function corsMiddleware(
  options: CORSOptions,
  hasPreset: (c: Context) => boolean = () => false,
): MiddlewareHandler {
  const withCORS = cors(options)
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return withCORS(c, next)
    await next()
    // Before the route runs, cors sets its headers on a placeholder response, and Hono then
    // merges that into the route's response by copying it with its body as a stream: on Node
    // the costliest step of a small answer. Setting them on the route's response afterwards
    // gives the same headers.
    if (!hasPreset(c)) await withCORS(c, async () => {})
  }
}
