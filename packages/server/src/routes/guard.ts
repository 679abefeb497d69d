/**
 * The gate in front of every route: with `authToken` set, requests must carry it as
 * `Authorization: Bearer <token>` or `x-api-key: <token>` (what the Anthropic SDK sends), else
 * they get 401 in their provider's envelope; with `admin: false`, `/_mocktopus/*` answers 404
 * as if it did not exist. `/health` stays open for liveness probes, and CORS preflights are
 * answered before this runs.
 */
import {
  anthropicError,
  anthropicRequestId,
  openaiError,
  REQUEST_ID_HEADER,
} from '@mocktopus/responders'
import type { Context, Hono } from 'hono'
import type { MocktopusContext } from '../context.js'
import { startExchange, writeWire } from '../pipeline.js'

// Suffix matches, so the rules hold wherever the app is mounted.
const ADMIN_PATH = /(?:^|\/)_mocktopus(?:\/|$)/
const HEALTH_PATH = /\/health$/
const ANTHROPIC_PATH = /\/v1\/messages(?:\/count_tokens)?$/

/**
 * Compares in time that depends only on the lengths, so response timing does not reveal how
 * much of a guessed token was right.
 */
function sameToken(given: string, expected: string): boolean {
  let diff = given.length ^ expected.length
  for (let i = 0; i < expected.length; i++) {
    diff |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i)
  }
  return diff === 0
}

function presentedTokens(headers: Headers): string[] {
  const tokens: string[] = []
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')
  if (bearer?.[1]) tokens.push(bearer[1].trim())
  const apiKey = headers.get('x-api-key')
  if (apiKey) tokens.push(apiKey.trim())
  return tokens
}

/**
 * Whether a request carries the token, as a bearer token or an `x-api-key`.
 *
 * @example isAuthorized(new Headers({ authorization: 'Bearer s3cret' }), 's3cret') // true
 */
export function isAuthorized(headers: Headers, token: string): boolean {
  return presentedTokens(headers).some((given) => sameToken(given, token))
}

function unauthorized(ctx: MocktopusContext, c: Context): Response {
  const start = startExchange(ctx, c, c.req.path)
  const given = presentedTokens(c.req.raw.headers).length > 0
  if (ANTHROPIC_PATH.test(c.req.path)) {
    const requestId = anthropicRequestId(`${c.req.method} ${c.req.path}|unauthorized`)
    const wire = anthropicError({
      status: 401,
      message: given ? 'invalid x-api-key' : 'x-api-key header is required',
      requestId,
    })
    return writeWire(ctx, start, { ...wire, headers: { [REQUEST_ID_HEADER]: requestId } })
  }
  // The real API answers 401 with type invalid_request_error; the message never echoes the key.
  const message = given
    ? 'Incorrect API key provided. This Mocktopus server was started with an auth token (--auth-token); send it as Authorization: Bearer <token>.'
    : "You didn't provide an API key. This Mocktopus server requires one (--auth-token): send Authorization: Bearer <token>."
  return writeWire(
    ctx,
    start,
    openaiError({ status: 401, message, type: 'invalid_request_error', code: 'invalid_api_key' }),
  )
}

/**
 * Registers the gate; nothing is added when neither `authToken` nor `admin: false` is set.
 *
 * @example registerGuard(app, ctx) // first of the route modules
 */
export function registerGuard(app: Hono, ctx: MocktopusContext): void {
  const token = ctx.authToken
  const adminOff = ctx.admin === false
  if (token === undefined && !adminOff) return
  app.use('*', async (c, next) => {
    const { path, method } = c.req
    if (adminOff && ADMIN_PATH.test(path)) {
      const wire = openaiError({
        status: 404,
        message: `Invalid URL (${method} ${path}): the admin routes are turned off (admin: false, --no-admin).`,
        code: 'unknown_url',
      })
      return writeWire(ctx, startExchange(ctx, c, path), wire)
    }
    if (token !== undefined && !HEALTH_PATH.test(path) && !isAuthorized(c.req.raw.headers, token)) {
      return unauthorized(ctx, c)
    }
    await next()
  })
}
