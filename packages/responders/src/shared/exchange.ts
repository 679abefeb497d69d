/**
 * What observers learn about each API exchange. The server emits one `Exchange` after every
 * request to an API route (a stream's when it ends), never for `/health`, CORS preflights or
 * admin routes; the request journal and cost tracking are built on it. The stub records the
 * same shape for each call, so a journal assertion reads the same against either. It lives
 * here because both the server and the stub build on the responders.
 */

export interface Exchange {
  /** The session that made the request (docs/sessions.md); absent for the default session. */
  readonly session?: string
  readonly method: string
  /** The path as requested, including any mount prefix, e.g. `/llm/v1/chat/completions`. */
  readonly path: string
  /** The API endpoint relative to the API root, e.g. `/v1/chat/completions`. */
  readonly endpoint: string
  /** The request's `model`, when the body names one. */
  readonly model?: string
  /**
   * The request body: parsed JSON, else the raw text (`null` when there was none or it was too
   * large to read). A body over the journal's per-entry limit (64 KiB by default) is kept as the
   * start of its text, with `truncated` and its whole length in `bodyBytes`.
   */
  readonly body: unknown
  /** The body was kept truncated. */
  readonly truncated?: true
  /** The whole body's length in bytes, when it was kept truncated. */
  readonly bodyBytes?: number
  /** Index of the rule that answered, or `null` when none did. */
  readonly ruleIndex: number | null
  readonly status: number
  /** Wall time from receiving the request to the last byte handed to the client. */
  readonly durationMs: number
  /** When the request arrived, as ISO 8601, from the server's clock. */
  readonly time: string
  /** Whether a scenario rule answered (an error rule counts). */
  readonly mocked: boolean
  /** Whether the answer was an SSE stream. */
  readonly stream: boolean
  /**
   * The client went away before a stream ended: the status is then 499 (as nginx logs it) and
   * `usage` is absent, for the usage the answer would report never reached the client.
   */
  readonly aborted?: true
  /** An error answer's code, e.g. `no_matching_rule`, `rate_limit_exceeded`, `invalid_json`. */
  readonly error?: string
  /**
   * What the answer sent that the request did not ask for, as the `x-mocktopus-warning` header
   * says it: e.g. `respond.json does not match the requested schema at /age: must be integer`.
   */
  readonly warnings?: readonly string[]
  /** The chaos fault the answer carried, as `x-mocktopus-fault` names it (docs/chaos.md). */
  readonly fault?: string
  /** The usage the answer reported to the client, in provider-neutral names. */
  readonly usage?: { readonly input_tokens: number; readonly output_tokens: number }
}
