/**
 * The record of one exchange: begun on arrival, filled in as the body, model and rule become
 * known, and completed once the answer is done (a stream's when it ends). The server's journal
 * and the stub's hold the completed `Exchange`.
 */
import type { Exchange } from '../shared/exchange.js'
import { monotonicMs } from '../shared/monotonic.js'
import type { WireResult, WireUsage } from '../shared/wire.js'

/** An exchange being handled: the request's side of the `Exchange`, and when handling began. */
export interface ExchangeDraft {
  readonly method: string
  readonly path: string
  readonly endpoint: string
  readonly time: string
  /** `monotonicMs()` on arrival. */
  readonly started: number
  model?: string
  body: unknown
  ruleIndex: number | null
  /** The bytes of the body as kept: what the journal weighs it by. */
  bodyBytes: number
  /** The body's length in bytes when it was kept truncated. */
  truncatedFrom?: number
  /** The chaos fault the answer carries (docs/chaos.md). */
  fault?: string
  /** The session the request named (by base-URL prefix or header); absent for the default. */
  session?: string
  /**
   * The server's inspector keeps what it captures of this exchange here until the exchange is
   * recorded: a slot on the draft costs less per request than a side table keyed by it.
   */
  capture?: unknown
}

/** How much of a request body an exchange keeps unless told otherwise: 64 KiB. */
export const DEFAULT_KEPT_BODY_BYTES: number = 64 * 1024

// What an exchange holds besides its body, for the journal's byte bound.
const ENTRY_OVERHEAD_BYTES = 512

/**
 * The bytes the journal counts for an exchange: its kept body and a fixed overhead.
 *
 * @example journal.record(exchange, exchangeWeight(draft))
 */
export function exchangeWeight(draft: Pick<ExchangeDraft, 'bodyBytes'>): number {
  return draft.bodyBytes + ENTRY_OVERHEAD_BYTES
}

// UTF-8 length without encoding: surrogate pairs count 4, other code units 1 to 3.
function utf8Length(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) continue
    // Each half of a surrogate pair adds 1 (4 bytes for the two units); others 1 or 2.
    bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2
  }
  return bytes
}

// The longest prefix of `text` within `limit` UTF-8 bytes, never splitting a surrogate pair.
function utf8Prefix(text: string, limit: number): string {
  let bytes = 0
  let i = 0
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : 3
    if (bytes + size > limit) break
    bytes += size
    if (size === 4) i++
  }
  return text.slice(0, i)
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function copyString(text: string): string {
  return decoder.decode(encoder.encode(text))
}

/**
 * Keeps a request body in the exchange: `value` (the parsed body, or the text itself) when the
 * text is within `limit` bytes, else the text's first `limit` bytes, marked truncated.
 *
 * @example keepBody(draft, text, JSON.parse(text), DEFAULT_KEPT_BODY_BYTES)
 */
export function keepBody(draft: ExchangeDraft, text: string, value: unknown, limit: number): void {
  // Fewer characters than a third of the limit cannot reach it: no need to count.
  const bytes = text.length * 3 <= limit ? text.length : utf8Length(text)
  if (bytes <= limit) {
    draft.body = value
    draft.bodyBytes = bytes
    return
  }
  // A copy, not a slice: V8's slice keeps the whole text alive behind it.
  draft.body = copyString(utf8Prefix(text, limit))
  draft.bodyBytes = limit
  draft.truncatedFrom = bytes
}

// Under load many requests arrive in the same millisecond: each instant is formatted once.
let lastInstant = Number.NaN
let lastISO = ''

function isoTime(ms: number): string {
  if (ms !== lastInstant) {
    lastISO = new Date(ms).toISOString()
    lastInstant = ms
  }
  return lastISO
}

/**
 * Begins the record of one exchange.
 *
 * @example const draft = beginExchange('POST', `/llm${CHAT_COMPLETIONS.path}`, CHAT_COMPLETIONS.path, Date.now())
 */
export function beginExchange(
  method: string,
  path: string,
  endpoint: string,
  nowMs: number,
): ExchangeDraft {
  return {
    method,
    path,
    endpoint,
    body: null,
    ruleIndex: null,
    bodyBytes: 0,
    started: monotonicMs(),
    time: isoTime(nowMs),
    // Present from the start, so every draft has one shape whether or not it is captured.
    capture: undefined,
  }
}

/** What an answer says about its exchange: status, whether it streamed, the usage it reported. */
export interface ExchangeOutcome {
  readonly status: number
  readonly stream: boolean
  readonly usage?: WireUsage | undefined
  /** An error answer's code (or its type, when it has none). */
  readonly error?: string | undefined
  /** The client left before the stream's end. */
  readonly aborted?: boolean
  /** The answer's warnings (`x-mocktopus-warning`). */
  readonly warnings?: readonly string[] | undefined
}

/** The status an abandoned stream is recorded with: nginx's "client closed request". */
export const ABORTED_STATUS = 499

// `{ error: { code, type } }` (OpenAI) or `{ type: 'error', error: { type } }` (Anthropic).
function errorCode(body: unknown): string | undefined {
  const error = (body as { error?: { code?: unknown; type?: unknown } } | null)?.error
  if (typeof error?.code === 'string') return error.code
  return typeof error?.type === 'string' ? error.type : undefined
}

/**
 * The outcome a responder's answer reports.
 *
 * @example completeExchange(draft, outcomeOf(wire))
 */
export function outcomeOf(wire: WireResult): ExchangeOutcome {
  if (wire.kind === 'error') {
    return { status: wire.status, stream: false, error: errorCode(wire.body) }
  }
  const outcome = { status: wire.status, stream: wire.kind === 'stream', usage: wire.usage }
  return wire.warnings ? { ...outcome, warnings: wire.warnings } : outcome
}

/**
 * The finished `Exchange`: mocked when a rule answered it.
 *
 * @example journal.record(completeExchange(draft, { status: 200, stream: false }))
 */
export function completeExchange(draft: ExchangeDraft, outcome: ExchangeOutcome): Exchange {
  // Field by field, not a spread of the draft: every request takes this path.
  const { model, truncatedFrom, session } = draft
  const { error } = outcome
  const aborted = outcome.aborted === true
  const usage = aborted ? undefined : outcome.usage
  return {
    method: draft.method,
    path: draft.path,
    endpoint: draft.endpoint,
    body: draft.body,
    ...(truncatedFrom === undefined ? {} : { truncated: true as const, bodyBytes: truncatedFrom }),
    ruleIndex: draft.ruleIndex,
    time: draft.time,
    ...(model === undefined ? {} : { model }),
    status: aborted ? ABORTED_STATUS : outcome.status,
    durationMs: monotonicMs() - draft.started,
    mocked: draft.ruleIndex !== null,
    stream: outcome.stream,
    ...(usage ? { usage } : {}),
    ...(error === undefined ? {} : { error }),
    ...(outcome.warnings && outcome.warnings.length > 0 ? { warnings: outcome.warnings } : {}),
    ...(aborted ? { aborted: true as const } : {}),
    ...(session === undefined ? {} : { session }),
    ...(draft.fault === undefined ? {} : { fault: draft.fault }),
  }
}
