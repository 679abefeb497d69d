/**
 * Anthropic's error envelope and status mapping, as data. The real API answers every failure
 * as `{ "type": "error", "error": { "type", "message" }, "request_id" }` and the SDK picks its
 * typed error class (`RateLimitError`, `OverloadedError`, ...) from the status alone.
 */
import type { ErrorSpec, ErrorType } from '@mocktopus/scenario'
import { DEFAULT_RETRY_AFTER, DEFAULT_TIMEOUT_DELAY_MS } from '../openai/errors.js'
import { stableDigest } from '../shared/ids.js'
import type { WireError, WireErrorInit } from '../shared/wire.js'

/** The `error.type` values of the Anthropic API. */
export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'timeout_error'
  | 'api_error'
  | 'overloaded_error'

/** The body of every Anthropic error response (`ErrorResponse` in the SDK). */
export interface AnthropicErrorBody {
  readonly type: 'error'
  readonly error: { readonly type: AnthropicErrorType; readonly message: string }
  readonly request_id: string | null
}

interface ErrorDefault {
  readonly status: number
  readonly type: AnthropicErrorType
  readonly message: string
}

/**
 * The message the API sends with each error type when it has nothing more specific to say
 * (the defaults of its `ErrorObject` schema), e.g. `Overloaded` for a 529.
 */
export const ANTHROPIC_ERROR_MESSAGES: Readonly<Record<AnthropicErrorType, string>> = {
  invalid_request_error: 'Invalid request',
  authentication_error: 'Authentication error',
  billing_error: 'Billing error',
  permission_error: 'Permission denied',
  not_found_error: 'Not found',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Rate limited',
  timeout_error: 'Request timeout',
  api_error: 'Internal server error',
  overloaded_error: 'Overloaded',
}

/** What each scenario `error_type` becomes on the Anthropic wire. */
export const ANTHROPIC_ERRORS: Readonly<Record<ErrorType, ErrorDefault>> = {
  invalid_request: {
    status: 400,
    type: 'invalid_request_error',
    message: ANTHROPIC_ERROR_MESSAGES.invalid_request_error,
  },
  // What the API says to a wrong key, rather than the schema's generic default.
  authentication: { status: 401, type: 'authentication_error', message: 'invalid x-api-key' },
  rate_limit: {
    status: 429,
    type: 'rate_limit_error',
    message: ANTHROPIC_ERROR_MESSAGES.rate_limit_error,
  },
  server_error: { status: 500, type: 'api_error', message: ANTHROPIC_ERROR_MESSAGES.api_error },
  timeout: { status: 504, type: 'timeout_error', message: ANTHROPIC_ERROR_MESSAGES.timeout_error },
  content_filter: {
    status: 400,
    type: 'invalid_request_error',
    message: 'Output blocked by content filtering policy',
  },
}

// Statuses with a fixed error type on the real API; a rule's `status_code` picks the type from
// here so that, say, `status_code: 529` is an `overloaded_error` whatever the `error_type`.
const TYPE_BY_STATUS: ReadonlyMap<number, AnthropicErrorType> = new Map([
  [400, 'invalid_request_error'],
  [401, 'authentication_error'],
  [402, 'billing_error'],
  [403, 'permission_error'],
  [404, 'not_found_error'],
  [413, 'request_too_large'],
  [429, 'rate_limit_error'],
  [500, 'api_error'],
  [504, 'timeout_error'],
  [529, 'overloaded_error'],
])

/**
 * The error type the real API uses for a status; `api_error` for other 5xx and
 * `invalid_request_error` for other 4xx.
 *
 * @example anthropicErrorType(529) // 'overloaded_error'
 */
export function anthropicErrorType(status: number): AnthropicErrorType {
  return TYPE_BY_STATUS.get(status) ?? (status >= 500 ? 'api_error' : 'invalid_request_error')
}

/** The header the SDK reads as `requestID` (`error.requestID`, `message._request_id`). */
export const REQUEST_ID_HEADER = 'request-id'

/**
 * A deterministic `request-id` (`req_…`) for one exchange; the real API sends one on every
 * response and the SDK exposes it as `requestID`.
 *
 * @example anthropicRequestId(`${body}|${ruleIndex}|${use}`) // 'req_…'
 */
export function anthropicRequestId(seed: string): string {
  return `req_${stableDigest(seed, 24)}`
}

export interface AnthropicErrorInit extends WireErrorInit {
  /** Echoed as the body's `request_id`; the server sends the same value as `request-id`. */
  readonly requestId?: string
}

/**
 * An error in Anthropic's envelope. The type follows the status unless given; `param` and
 * `code` have no place in this envelope, so a message should name the field itself.
 *
 * @example anthropicError({ status: 400, message: 'model: Field required' })
 */
export function anthropicError(init: AnthropicErrorInit): WireError {
  const body: AnthropicErrorBody = {
    type: 'error',
    error: {
      type: (init.type as AnthropicErrorType | undefined) ?? anthropicErrorType(init.status),
      message: init.message,
    },
    request_id: init.requestId ?? null,
  }
  return {
    kind: 'error',
    status: init.status,
    headers: { ...init.headers },
    body,
    delayMs: init.delayMs ?? 0,
  }
}

/**
 * The answer to a rule's `error:`. `status_code` overrides the status and, where the real API
 * ties a type to that status (401, 429, 529, ...), the type and that type's default message too.
 * Rate limits carry `retry-after`, timeouts wait `delay_ms` (default 30 s) before answering, as
 * for OpenAI.
 *
 * @example anthropicRuleError({ error_type: 'server_error', status_code: 529 }) // overloaded_error
 */
export function anthropicRuleError(
  spec: ErrorSpec,
  options: { readonly requestId?: string } = {},
): WireError {
  const base = ANTHROPIC_ERRORS[spec.error_type] ?? ANTHROPIC_ERRORS.server_error
  const status = spec.status_code ?? base.status
  const type =
    spec.status_code === undefined ? base.type : (TYPE_BY_STATUS.get(status) ?? base.type)
  // A status that changes the type changes the default message with it: a 529 says
  // "Overloaded" whatever the error_type, as the real API does.
  const message =
    spec.message ?? (type === base.type ? base.message : ANTHROPIC_ERROR_MESSAGES[type])
  const headers: Record<string, string> = {}
  if (spec.error_type === 'rate_limit' || status === 429 || spec.retry_after !== undefined) {
    headers['retry-after'] = String(spec.retry_after ?? DEFAULT_RETRY_AFTER)
  }
  return anthropicError({
    status,
    type,
    message,
    headers,
    delayMs: spec.delay_ms ?? (spec.error_type === 'timeout' ? DEFAULT_TIMEOUT_DELAY_MS : 0),
    requestId: options.requestId,
  })
}

/** The API's words for a body that is not JSON. */
export const ANTHROPIC_INVALID_JSON =
  'There was an error parsing the body of your request: it is not valid JSON.'

/**
 * The 401 for a missing or wrong key (Mocktopus's `--auth-token`), in the API's words.
 *
 * @example anthropicUnauthorized(false).message // 'x-api-key header is required'
 */
export function anthropicUnauthorized(given: boolean): WireErrorInit {
  return { status: 401, message: given ? 'invalid x-api-key' : 'x-api-key header is required' }
}
