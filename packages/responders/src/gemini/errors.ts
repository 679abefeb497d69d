/**
 * The Gemini API's error envelope, as data: every failure is
 * `{ "error": { "code": <HTTP status>, "message", "status": <google.rpc.Code name> } }`, and
 * `@google/genai` throws an `ApiError` carrying the HTTP status and that body as its message.
 */
import type { ErrorSpec, ErrorType } from '@mocktopus/scenario'
import { ruleErrorInit } from '../internal/rule-error.js'
import type { WireError, WireErrorInit } from '../shared/wire.js'

/** The `google.rpc.Code` names the Gemini API answers with. */
export type GeminiErrorStatus =
  | 'INVALID_ARGUMENT'
  | 'FAILED_PRECONDITION'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'ABORTED'
  | 'RESOURCE_EXHAUSTED'
  | 'CANCELLED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'DEADLINE_EXCEEDED'

/** The body of every Gemini error response. */
export interface GeminiErrorBody {
  readonly error: {
    readonly code: number
    readonly message: string
    readonly status: GeminiErrorStatus
  }
}

const STATUS_BY_HTTP: ReadonlyMap<number, GeminiErrorStatus> = new Map([
  [400, 'INVALID_ARGUMENT'],
  [401, 'UNAUTHENTICATED'],
  [403, 'PERMISSION_DENIED'],
  [404, 'NOT_FOUND'],
  [409, 'ABORTED'],
  [413, 'INVALID_ARGUMENT'],
  [429, 'RESOURCE_EXHAUSTED'],
  [499, 'CANCELLED'],
  [500, 'INTERNAL'],
  [503, 'UNAVAILABLE'],
  [504, 'DEADLINE_EXCEEDED'],
])

/**
 * The `status` the API sends with an HTTP status: `INTERNAL` for other 5xx,
 * `INVALID_ARGUMENT` for other 4xx.
 *
 * @example geminiErrorStatus(429) // 'RESOURCE_EXHAUSTED'
 */
export function geminiErrorStatus(status: number): GeminiErrorStatus {
  return STATUS_BY_HTTP.get(status) ?? (status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT')
}

/** What each scenario `error_type` becomes on the Gemini wire, with the API's own wording. */
export const GEMINI_ERRORS: Readonly<Record<ErrorType, { status: number; message: string }>> = {
  invalid_request: { status: 400, message: 'Request contains an invalid argument.' },
  authentication: {
    status: 400,
    message: 'API key not valid. Please pass a valid API key.',
  },
  rate_limit: {
    status: 429,
    message:
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
  },
  server_error: {
    status: 500,
    message:
      'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  },
  timeout: { status: 504, message: 'Deadline expired before operation could complete.' },
  content_filter: { status: 400, message: 'The request was blocked by a safety filter.' },
}

/**
 * A request body's refusal for a parser: 400 `INVALID_ARGUMENT` with `message`.
 *
 * @example if (!isRecord(body)) return geminiBadRequest('Invalid JSON payload received.')
 */
export function geminiBadRequest(message: string): {
  readonly ok: false
  readonly error: WireError
} {
  return { ok: false, error: geminiError({ status: 400, message }) }
}

/**
 * An error in Gemini's envelope. `status` (the rpc code name) follows the HTTP status unless
 * `type` names one; `param` and `code` have no place in the envelope, so a message names the
 * field itself.
 *
 * @example geminiError({ status: 404, message: 'models/x is not found' }).body // { error: { code: 404, status: 'NOT_FOUND', ... } }
 */
export function geminiError(init: WireErrorInit): WireError {
  const status =
    init.type !== undefined && /^[A-Z_]+$/.test(init.type)
      ? (init.type as GeminiErrorStatus)
      : geminiErrorStatus(init.status)
  const body: GeminiErrorBody = {
    error: { code: init.status, message: init.message, status },
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
 * The answer to a rule's `error:`: the defaults for its `error_type`, with the rule's
 * `status_code`, `message`, `retry_after` and `delay_ms` on top. A rate limit is a 429
 * `RESOURCE_EXHAUSTED` with `retry-after`; a timeout waits (default 30 s) before answering.
 *
 * @example geminiRuleError({ error_type: 'rate_limit' }).status // 429
 */
export function geminiRuleError(spec: ErrorSpec): WireError {
  return geminiError(
    ruleErrorInit(spec, GEMINI_ERRORS[spec.error_type] ?? GEMINI_ERRORS.server_error),
  )
}

/** The API's words for a body that is not JSON. */
export const GEMINI_INVALID_JSON = 'Invalid JSON payload received. Unexpected token.'

/**
 * A missing or wrong key (Mocktopus's `--auth-token`) as the Gemini API says it: a wrong key
 * is a 400, a missing one a 403.
 *
 * @example geminiUnauthorized(true).status // 400
 */
export function geminiUnauthorized(given: boolean): WireErrorInit {
  return given
    ? { status: 400, message: 'API key not valid. Please pass a valid API key.' }
    : {
        status: 403,
        message:
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      }
}
