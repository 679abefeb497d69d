/**
 * Wire errors as the Anthropic stub throws them. They mirror `@anthropic-ai/sdk`'s error family
 * (`core/error.ts`): the same class names chosen by status the same way, the same fields
 * (`status`, `headers`, `error` holding the whole body, `requestID` from `request-id`,
 * `apiMessage`, `type`, `errorCode`, `details`) and the same message, `<status> <body JSON>`.
 * They are a family apart from the `openai`-shaped `MockAPIError`, as the two SDKs' are.
 */
import type { RuleVerdict } from '@mocktopus/scenario'
import type { MockAPIErrorInit } from './errors.js'

/** The body of an Anthropic error answer: `{ type: 'error', error: { type, message }, request_id }`. */
export interface AnthropicErrorBody {
  readonly type?: string
  readonly error?: {
    readonly type?: string
    readonly message?: string
    readonly details?: Readonly<Record<string, unknown>>
    readonly [key: string]: unknown
  }
  readonly request_id?: string | null
  readonly [key: string]: unknown
}

/** Base of every error the Anthropic stub throws, as the SDK's `AnthropicError`. */
export class AnthropicError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options)
    // As the SDK: `name` is the class's own, not enumerable, and survives bundling.
    Object.defineProperty(this, 'name', {
      value: (new.target as unknown as { errorName: string }).errorName,
      writable: true,
      configurable: true,
    })
  }

  /** The class name the SDK gives this error. */
  static readonly errorName: string = 'AnthropicError'
}

// The SDK's `APIError.makeMessage`: the body's `message` if any, else the whole body as JSON.
function makeMessage(status: number | undefined, error: unknown, message: string | undefined) {
  const inner = (error as { message?: unknown } | undefined)?.message
  const text = inner
    ? typeof inner === 'string'
      ? inner
      : JSON.stringify(inner)
    : error
      ? JSON.stringify(error)
      : message
  if (status && text) return `${status} ${text}`
  if (status) return `${status} status code (no body)`
  return text || '(no status code or body)'
}

/**
 * An error answer, as the SDK's `APIError`: `error` is the whole JSON body.
 *
 * @example
 * try { await anthropic.messages.create(params) }
 * catch (err) { if (err instanceof AnthropicErrors.APIError) console.log(err.status, err.type) }
 */
export class APIError extends AnthropicError {
  /** HTTP status the server answers with. */
  readonly status: number | undefined
  /** Response headers the server sends (`request-id`, `retry-after`). */
  readonly headers: Headers | undefined
  /** The whole JSON body, `{ type: 'error', error: { type, message }, request_id }`. */
  readonly error: AnthropicErrorBody | undefined
  /** The `request-id` header. */
  readonly requestID: string | null | undefined
  /** The `anthropic-workspace-id` header (the stub sends none). */
  readonly workspaceID: string | null | undefined
  /** `error.message` of the body. */
  readonly apiMessage: string | null
  /** `error.type` of the body, e.g. `rate_limit_error`. */
  readonly type: string | null
  /** `error.details.error_code` of the body, when a string. */
  readonly errorCode: string | null
  /** `error.details` of the body. */
  readonly details: Readonly<Record<string, unknown>> | null

  constructor(
    status: number | undefined,
    error: AnthropicErrorBody | undefined,
    message: string | undefined,
    headers: Headers | undefined,
  ) {
    super(makeMessage(status, error, message))
    this.status = status
    this.headers = headers
    this.requestID = headers?.get('request-id')
    this.workspaceID = headers?.get('anthropic-workspace-id')
    this.error = error
    this.apiMessage = error?.error?.message ?? null
    this.type = error?.error?.type ?? null
    const code = error?.error?.details?.error_code
    this.errorCode = typeof code === 'string' ? code : null
    this.details = error?.error?.details ?? null
  }

  /**
   * The error the SDK raises for an answer: `RateLimitError` for 429, `OverloadedError` for
   * 529, `InternalServerError` for another 5xx, `APIError` itself for a status it has no
   * class for.
   *
   * @example APIError.generate({ status: 529, body }) instanceof OverloadedError // true
   */
  static generate(init: MockAPIErrorInit): APIError {
    const headers = new Headers(init.headers)
    const body = init.body as AnthropicErrorBody | undefined
    const Class = STATUS_CLASSES.get(init.status)
    if (Class) return new Class(init.status, body, undefined, headers)
    if (init.status >= 500) return new InternalServerError(init.status, body, undefined, headers)
    return new APIError(init.status, body, undefined, headers)
  }

  static override readonly errorName: string = 'APIError'
}

/** The call was aborted through its `signal`, as the SDK's `APIUserAbortError`. */
export class APIUserAbortError extends APIError {
  constructor({ message }: { message?: string } = {}) {
    super(undefined, undefined, message || 'Request was aborted.', undefined)
  }

  static override readonly errorName: string = 'APIUserAbortError'
}

/** 400: `error_type: invalid_request` or `content_filter`, or a malformed request. */
export class BadRequestError extends APIError {
  static override readonly errorName: string = 'BadRequestError'
}

/** 401: `error_type: authentication`. */
export class AuthenticationError extends APIError {
  static override readonly errorName: string = 'AuthenticationError'
}

/** 402: `status_code: 402` (`billing_error`). */
export class PaymentRequiredError extends APIError {
  static override readonly errorName: string = 'PaymentRequiredError'
}

/** 403: `status_code: 403` (`permission_error`). */
export class PermissionDeniedError extends APIError {
  static override readonly errorName: string = 'PermissionDeniedError'
}

/** 404: `status_code: 404`, an unknown model id; see also {@link NoMatchingRuleError}. */
export class NotFoundError extends APIError {
  static override readonly errorName: string = 'NotFoundError'
}

/** 408: `status_code: 408`. */
export class RequestTimeoutError extends APIError {
  static override readonly errorName: string = 'RequestTimeoutError'
}

/** 409: `status_code: 409`. */
export class ConflictError extends APIError {
  static override readonly errorName: string = 'ConflictError'
}

/** 413: `status_code: 413` (`request_too_large`). */
export class ContentTooLargeError extends APIError {
  static override readonly errorName: string = 'ContentTooLargeError'
}

/** 422: `status_code: 422`. */
export class UnprocessableEntityError extends APIError {
  static override readonly errorName: string = 'UnprocessableEntityError'
}

/** 429: `error_type: rate_limit`; `headers.get('retry-after')` holds the wait. */
export class RateLimitError extends APIError {
  static override readonly errorName: string = 'RateLimitError'
}

/** Any 5xx without a class of its own: `error_type: server_error` (500, `api_error`). */
export class InternalServerError extends APIError {
  static override readonly errorName: string = 'InternalServerError'
}

/** 501. */
export class NotImplementedError extends InternalServerError {
  static override readonly errorName: string = 'NotImplementedError'
}

/** 503. */
export class ServiceUnavailableError extends InternalServerError {
  static override readonly errorName: string = 'ServiceUnavailableError'
}

/** 504: `error_type: timeout` (`timeout_error`), after its delay. */
export class GatewayTimeoutError extends InternalServerError {
  static override readonly errorName: string = 'GatewayTimeoutError'
}

/** 529: `status_code: 529` (`overloaded_error`). */
export class OverloadedError extends InternalServerError {
  static override readonly errorName: string = 'OverloadedError'
}

/**
 * No rule matched the request: the server's 404 `not_found_error`, which the SDK raises as
 * `NotFoundError`. The message (`apiMessage`) says which rule came closest and why.
 */
export class NoMatchingRuleError extends NotFoundError {
  /** One verdict per rule, from the matcher's `explain()`. */
  readonly verdicts: readonly RuleVerdict[]

  constructor(init: MockAPIErrorInit & { readonly verdicts?: readonly RuleVerdict[] }) {
    super(init.status, init.body as AnthropicErrorBody, undefined, new Headers(init.headers))
    this.verdicts = init.verdicts ?? []
  }

  static override readonly errorName: string = 'NoMatchingRuleError'
}

type APIErrorClass = new (
  status: number,
  error: AnthropicErrorBody | undefined,
  message: string | undefined,
  headers: Headers,
) => APIError

const STATUS_CLASSES: ReadonlyMap<number, APIErrorClass> = new Map<number, APIErrorClass>([
  [400, BadRequestError],
  [401, AuthenticationError],
  [402, PaymentRequiredError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [408, RequestTimeoutError],
  [409, ConflictError],
  [413, ContentTooLargeError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [501, NotImplementedError],
  [503, ServiceUnavailableError],
  [504, GatewayTimeoutError],
  [529, OverloadedError],
])

/**
 * The Anthropic stub's error classes, under the names `@anthropic-ai/sdk` gives them, as
 * `Anthropic.RateLimitError` and the like are reached on the SDK's client class.
 *
 * @example
 * await expect(anthropic.messages.create(params)).rejects.toThrow(AnthropicErrors.RateLimitError)
 */
export const AnthropicErrors: {
  readonly AnthropicError: typeof AnthropicError
  readonly APIError: typeof APIError
  readonly APIUserAbortError: typeof APIUserAbortError
  readonly BadRequestError: typeof BadRequestError
  readonly AuthenticationError: typeof AuthenticationError
  readonly PaymentRequiredError: typeof PaymentRequiredError
  readonly PermissionDeniedError: typeof PermissionDeniedError
  readonly NotFoundError: typeof NotFoundError
  readonly RequestTimeoutError: typeof RequestTimeoutError
  readonly ConflictError: typeof ConflictError
  readonly ContentTooLargeError: typeof ContentTooLargeError
  readonly UnprocessableEntityError: typeof UnprocessableEntityError
  readonly RateLimitError: typeof RateLimitError
  readonly InternalServerError: typeof InternalServerError
  readonly NotImplementedError: typeof NotImplementedError
  readonly ServiceUnavailableError: typeof ServiceUnavailableError
  readonly GatewayTimeoutError: typeof GatewayTimeoutError
  readonly OverloadedError: typeof OverloadedError
  readonly NoMatchingRuleError: typeof NoMatchingRuleError
} = Object.freeze({
  AnthropicError,
  APIError,
  APIUserAbortError,
  BadRequestError,
  AuthenticationError,
  PaymentRequiredError,
  PermissionDeniedError,
  NotFoundError,
  RequestTimeoutError,
  ConflictError,
  ContentTooLargeError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  NotImplementedError,
  ServiceUnavailableError,
  GatewayTimeoutError,
  OverloadedError,
  NoMatchingRuleError,
})
