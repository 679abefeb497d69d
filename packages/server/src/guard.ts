/**
 * The auth guard: with `authToken` set, every request but `GET /health` must carry it, as
 * `Authorization: Bearer <token>`, `x-api-key: <token>` (what the Anthropic SDK sends), or
 * `x-goog-api-key: <token>` / `?key=<token>` (the Gemini SDKs).
 */
import type { HeaderLookup, Provider, WireErrorInit } from '@mocktopus/responders'

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

function presentedTokens(request: HeaderLookup): string[] {
  const tokens: string[] = []
  const bearer = /^Bearer\s+(.+)$/i.exec(request.header('authorization') ?? '')
  if (bearer?.[1]) tokens.push(bearer[1].trim())
  const apiKey = request.header('x-api-key')
  if (apiKey) tokens.push(apiKey.trim())
  // Azure OpenAI's SDKs send the key as `api-key`.
  const azureKey = request.header('api-key')
  if (azureKey) tokens.push(azureKey.trim())
  const googleKey = request.header('x-goog-api-key')
  if (googleKey) tokens.push(googleKey.trim())
  // Gemini's `?key=`: a transport's request carries its query string.
  const query = (request as { readonly query?: unknown }).query
  if (typeof query === 'string' && query.includes('key=')) {
    const key = new URLSearchParams(query).get('key')
    if (key) tokens.push(key.trim())
  }
  return tokens
}

/**
 * Whether a request carries the token, as a bearer token or an `x-api-key`.
 *
 * @example isAuthorized(new Headers({ authorization: 'Bearer s3cret' }), 's3cret') // true
 */
export function isAuthorized(headers: Headers | HeaderLookup, token: string): boolean {
  const request: HeaderLookup =
    headers instanceof Headers ? { header: (name) => headers.get(name) ?? undefined } : headers
  return presentedTokens(request).some((given) => sameToken(given, token))
}

/**
 * The 401 for a request without the token, worded for its provider (its `unauthorized` trait,
 * else OpenAI's words with how to send the token); never echoes a key.
 *
 * @example unauthorized(OPENAI_PROVIDER, header) // { status: 401, code: 'invalid_api_key', ... }
 */
export function unauthorized(provider: Provider, request: HeaderLookup): WireErrorInit {
  const given = presentedTokens(request).length > 0
  if (provider.unauthorized) return provider.unauthorized(given)
  const message = given
    ? 'Incorrect API key provided. This Mocktopus server was started with an auth token (--auth-token); send it as Authorization: Bearer <token>.'
    : "You didn't provide an API key. This Mocktopus server requires one (--auth-token): send Authorization: Bearer <token>."
  return { status: 401, message, type: 'invalid_request_error', code: 'invalid_api_key' }
}
