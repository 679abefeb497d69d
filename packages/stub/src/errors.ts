/**
 * Wire errors as the stub throws them. They mirror the `openai` SDK's `APIError` family
 * (same class names, chosen by status the same way, same fields), so application code that
 * catches `RateLimitError` or reads `err.status` behaves the same against the stub as against
 * the server. These are not `MocktopusError`s: those are library errors, these are answers.
 */
import type { RuleVerdict } from '@mocktopus/scenario'

/** The inner object of an OpenAI error envelope: `{ error: { message, type, param, code } }`. */
export interface WireErrorObject {
  readonly message?: string
  readonly type?: string
  readonly param?: string | null
  readonly code?: string | null
  readonly [key: string]: unknown
}

/** What one error answer consists of: status, headers and the JSON body the server sends. */
export interface MockAPIErrorInit {
  readonly status: number
  readonly headers?: HeadersInit
  /** The whole response body, e.g. `{ error: { message, type, param, code } }`. */
  readonly body: unknown
}

function innerError(body: unknown): WireErrorObject | undefined {
  if (body === null || typeof body !== 'object') return undefined
  const inner = (body as { error?: unknown }).error
  return inner !== null && typeof inner === 'object' ? (inner as WireErrorObject) : undefined
}

function stringOrNull(value: unknown): string | null | undefined {
  if (value === undefined) return undefined
  return typeof value === 'string' ? value : null
}

/**
 * Base class of every error answer: an error rule, a request the API would reject, or no
 * matching rule. The message reads `<status> <error.message>`, as the SDK's does.
 *
 * @example
 * try { await client.chat.completions.create(params) }
 * catch (err) { if (err instanceof MockAPIError) console.log(err.status, err.code) }
 */
export class MockAPIError extends Error {
  override name = 'MockAPIError'
  /** HTTP status the server answers with. */
  readonly status: number
  /** Response headers the server sends with it (e.g. `retry-after`). */
  readonly headers: Headers
  /** The envelope's inner `error` object, as the SDK's `APIError.error` holds it. */
  readonly error: WireErrorObject | undefined
  /** The whole JSON body the server sends. */
  readonly body: unknown
  readonly code: string | null | undefined
  readonly param: string | null | undefined
  readonly type: string | undefined
  readonly requestID: string | null

  constructor(init: MockAPIErrorInit) {
    const error = innerError(init.body)
    const text = typeof error?.message === 'string' ? error.message : JSON.stringify(init.body)
    super(`${init.status} ${text}`)
    this.status = init.status
    this.headers = new Headers(init.headers)
    this.error = error
    this.body = init.body
    this.code = stringOrNull(error?.code)
    this.param = stringOrNull(error?.param)
    this.type = typeof error?.type === 'string' ? error.type : undefined
    this.requestID = this.headers.get('x-request-id')
  }

  /**
   * The error the `openai` SDK would raise for this status: `RateLimitError` for 429,
   * `InternalServerError` for any 5xx, and so on; `MockAPIError` itself for other statuses.
   *
   * @example MockAPIError.generate({ status: 429, body }) instanceof RateLimitError // true
   */
  static generate(init: MockAPIErrorInit): MockAPIError {
    const { status } = init
    if (status === 400) return new BadRequestError(init)
    if (status === 401) return new AuthenticationError(init)
    if (status === 403) return new PermissionDeniedError(init)
    if (status === 404) return new NotFoundError(init)
    if (status === 409) return new ConflictError(init)
    if (status === 422) return new UnprocessableEntityError(init)
    if (status === 429) return new RateLimitError(init)
    if (status >= 500) return new InternalServerError(init)
    return new MockAPIError(init)
  }
}

/** 400: a rule with `error_type: invalid_request` or `content_filter`, or a malformed request. */
export class BadRequestError extends MockAPIError {
  override name = 'BadRequestError'
}

/** 401: a rule with `error_type: authentication`. */
export class AuthenticationError extends MockAPIError {
  override name = 'AuthenticationError'
}

/** 403: an error rule with `status_code: 403`. */
export class PermissionDeniedError extends MockAPIError {
  override name = 'PermissionDeniedError'
}

/** 404: an error rule with `status_code: 404`; see also {@link NoMatchingRuleError}. */
export class NotFoundError extends MockAPIError {
  override name = 'NotFoundError'
}

/** 409: an error rule with `status_code: 409`. */
export class ConflictError extends MockAPIError {
  override name = 'ConflictError'
}

/** 422: an error rule with `status_code: 422`. */
export class UnprocessableEntityError extends MockAPIError {
  override name = 'UnprocessableEntityError'
}

/** 429: a rule with `error_type: rate_limit`; `headers.get('retry-after')` holds the wait. */
export class RateLimitError extends MockAPIError {
  override name = 'RateLimitError'
}

/**
 * Any 5xx: `error_type: server_error` (500) and `timeout` (504, after its delay). The server
 * answers a timeout rule with a 504 response, which the SDK raises as `InternalServerError`,
 * not as a connection timeout, so the stub does the same.
 */
export class InternalServerError extends MockAPIError {
  override name = 'InternalServerError'
}

/**
 * The call was aborted through its `signal` before the answer arrived, as the SDK's
 * `APIUserAbortError`. Not a `MockAPIError`: there is no status, nothing was answered.
 *
 * @example
 * const controller = new AbortController()
 * const pending = client.chat.completions.create(params, { signal: controller.signal })
 * controller.abort() // pending rejects with APIUserAbortError
 */
export class APIUserAbortError extends Error {
  override name = 'APIUserAbortError'
  constructor(message = 'Request was aborted.') {
    super(message)
  }
}

/**
 * No rule matched the request. The server answers 404 with code `no_matching_rule`, which the
 * SDK raises as `NotFoundError`; this class extends it so code that catches `NotFoundError`
 * behaves the same with the stub. The message says which rule came closest and why it failed.
 *
 * @example
 * await expect(client.chat.completions.create(params)).rejects.toThrow(NoMatchingRuleError)
 */
export class NoMatchingRuleError extends NotFoundError {
  override name = 'NoMatchingRuleError'
  /** One verdict per rule, from the matcher's `explain()`. */
  readonly verdicts: readonly RuleVerdict[]

  constructor(init: MockAPIErrorInit & { readonly verdicts?: readonly RuleVerdict[] }) {
    super(init)
    this.verdicts = init.verdicts ?? []
  }
}

/**
 * `chat.completions.parse` met a choice cut short by `max_tokens` (`finish_reason: length`), as
 * the SDK's `LengthFinishReasonError`: the content is not whole JSON, so nothing is parsed.
 *
 * @example await expect(client.chat.completions.parse(params)).rejects.toThrow(LengthFinishReasonError)
 */
export class LengthFinishReasonError extends Error {
  override name = 'LengthFinishReasonError'
  constructor() {
    super('Could not parse response content as the length limit was reached')
  }
}

/**
 * `chat.completions.parse` met a choice with `finish_reason: content_filter`, as the SDK's
 * `ContentFilterFinishReasonError`.
 *
 * @example await expect(client.chat.completions.parse(params)).rejects.toThrow(ContentFilterFinishReasonError)
 */
export class ContentFilterFinishReasonError extends Error {
  override name = 'ContentFilterFinishReasonError'
  constructor() {
    super('Could not parse response content as the request was rejected by the content filter')
  }
}
