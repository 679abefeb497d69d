/**
 * OpenAI's error envelope, `{ error: { message, type, param, code } }`, and the defaults a
 * scenario's `error:` block expands to. The SDKs pick their typed error class from the status
 * and read these four fields, so both must look exactly like the API's.
 */
import type { ErrorSpec, ErrorType } from '@mocktopus/scenario'
import type { WireError, WireErrorInit } from '../shared/wire.js'

export interface OpenAIErrorObject {
  readonly message: string
  readonly type: string
  readonly param: string | null
  readonly code: string | null
}

export interface OpenAIErrorBody {
  readonly error: OpenAIErrorObject
}

interface ErrorDefaults {
  readonly status: number
  readonly type: string
  readonly code: string | null
  readonly message: string
}

/** What each `error_type` means on the wire unless the rule overrides status or code. */
export const OPENAI_ERROR_DEFAULTS: Readonly<Record<ErrorType, ErrorDefaults>> = {
  rate_limit: {
    status: 429,
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached. Please try again later.',
  },
  authentication: {
    status: 401,
    type: 'authentication_error',
    code: 'invalid_api_key',
    message: 'Incorrect API key provided.',
  },
  invalid_request: {
    status: 400,
    type: 'invalid_request_error',
    code: null,
    message: 'The request is invalid.',
  },
  timeout: {
    status: 504,
    type: 'timeout_error',
    code: null,
    message: 'The request timed out.',
  },
  content_filter: {
    status: 400,
    type: 'invalid_request_error',
    code: 'content_filter',
    message: 'The response was filtered by the content management policy.',
  },
  server_error: {
    status: 500,
    type: 'server_error',
    code: null,
    message: 'The server had an error while processing your request.',
  },
}

/**
 * Seconds a rate-limit error asks the client to wait when the rule does not say. Short because
 * the SDKs honour it on each of their default retries: a minute here stalled every test that
 * met a 429 without `maxRetries: 0`.
 */
export const DEFAULT_RETRY_AFTER = 1

/** How long a `timeout` error waits before answering when the rule does not say (as Python did). */
export const DEFAULT_TIMEOUT_DELAY_MS = 30_000

function typeForStatus(status: number): string {
  if (status === 401) return 'authentication_error'
  if (status === 403) return 'permission_error'
  if (status === 429) return 'rate_limit_error'
  if (status >= 500) return 'server_error'
  return 'invalid_request_error'
}

/**
 * An error in OpenAI's envelope. The type follows the status unless given.
 *
 * @example openaiError({ status: 400, message: "Missing required parameter: 'model'.", param: 'model' })
 */
export function openaiError(init: WireErrorInit): WireError {
  const body: OpenAIErrorBody = {
    error: {
      message: init.message,
      type: init.type ?? typeForStatus(init.status),
      param: init.param ?? null,
      code: init.code ?? null,
    },
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
 * The answer to a rule's `error:` block: the defaults for its `error_type`, with the rule's
 * `status_code`, `code`, `message`, `param`, `retry_after` and `delay_ms` on top.
 *
 * @example openaiRuleError({ error_type: 'rate_limit' }).headers // { 'retry-after': '1' }
 */
export function openaiRuleError(spec: ErrorSpec): WireError {
  const defaults = OPENAI_ERROR_DEFAULTS[spec.error_type] ?? OPENAI_ERROR_DEFAULTS.server_error
  const headers: Record<string, string> = {}
  if (spec.error_type === 'rate_limit' || spec.retry_after !== undefined) {
    headers['retry-after'] = String(spec.retry_after ?? DEFAULT_RETRY_AFTER)
  }
  const delayMs = spec.delay_ms ?? (spec.error_type === 'timeout' ? DEFAULT_TIMEOUT_DELAY_MS : 0)
  return openaiError({
    status: spec.status_code ?? defaults.status,
    message: spec.message ?? defaults.message,
    type: defaults.type,
    param: spec.param ?? null,
    code: spec.code ?? defaults.code,
    headers,
    delayMs,
  })
}

/** The API's words for a body that is not JSON; a provider without its own gets these. */
export const OPENAI_INVALID_JSON =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The API expects a JSON payload, but what was sent was not valid JSON.)"
