/**
 * The answer for a path no endpoint serves: 405 naming the allowed methods when the path is an
 * endpoint's, else 404 with a hint when the path ends in one (a base URL with a stray `/v1` or
 * prefix is the usual cause), in the envelope of the provider the request looks meant for.
 */
import {
  ANTHROPIC_PROVIDER,
  ENDPOINT_TABLE,
  type HeaderLookup,
  OPENAI_PROVIDER,
  type Provider,
  type Router,
  type WireErrorInit,
} from '@mocktopus/responders'

// The endpoint a mistaken path ends in (`/v1/v1/messages` -> the Messages row); of rows that
// share a path, the one that would take this request.
function endpointWithin(path: string, request: HeaderLookup) {
  const rows = ENDPOINT_TABLE.filter(
    (row) => !row.path.includes('/:') && path.length > row.path.length && path.endsWith(row.path),
  )
  return rows.find((row) => !row.accepts || row.accepts(request)) ?? rows[0]
}

/**
 * The provider whose envelope a request with no endpoint gets: Anthropic's when its path or its
 * headers look Anthropic's, OpenAI's otherwise.
 *
 * @example providerOf('/v1/v1/messages', { header: () => undefined }, router) // ANTHROPIC_PROVIDER
 */
export function providerOf(path: string, request: HeaderLookup, router: Router): Provider {
  const rows = router.at(path)
  const row = rows.find((candidate) => !candidate.accepts || candidate.accepts(request)) ?? rows[0]
  if (row) return row.provider
  const within = endpointWithin(path, request)
  if (within) return within.provider
  return request.header('anthropic-version') !== undefined ? ANTHROPIC_PROVIDER : OPENAI_PROVIDER
}

/**
 * 405 or 404 for `method` at `path` (relative to the mount; `requested` is the path as sent).
 *
 * @example notFoundError('GET', CHAT_COMPLETIONS.path, CHAT_COMPLETIONS.path, router, request).status // 405
 */
export function notFoundError(
  method: string,
  requested: string,
  path: string,
  router: Router,
  request: HeaderLookup & { readonly host?: string | undefined },
): WireErrorInit {
  const rows = router.at(path)
  if (rows.length > 0) {
    const allowed = [...new Set(rows.map((row) => row.method))].join(', ')
    return {
      status: 405,
      message: `Invalid method for URL (${method} ${requested}): use ${allowed}.`,
      code: 'method_not_allowed',
      headers: { allow: allowed },
    }
  }
  const within = endpointWithin(path, request)
  // The root as the client reached it, so the hint can be pasted as is.
  const root = `http://${request.host ?? '127.0.0.1:8080'}${requested.slice(0, requested.length - path.length)}`
  const hint = within
    ? ` Did you mean ${within.method} ${within.path}? Check the client's base URL: the openai SDK's ends in /v1 (${root}/v1); Anthropic's is the server root (${root}).`
    : ''
  return {
    status: 404,
    message: `Invalid URL (${method} ${requested}).${hint}`,
    code: 'unknown_url',
  }
}
