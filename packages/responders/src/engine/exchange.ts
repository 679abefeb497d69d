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
    started: monotonicMs(),
    time: isoTime(nowMs),
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
  return { status: wire.status, stream: wire.kind === 'stream', usage: wire.usage }
}

/**
 * The finished `Exchange`: mocked when a rule answered it.
 *
 * @example journal.record(completeExchange(draft, { status: 200, stream: false }))
 */
export function completeExchange(draft: ExchangeDraft, outcome: ExchangeOutcome): Exchange {
  // Field by field, not a spread of the draft: every request takes this path.
  const { model } = draft
  const { error } = outcome
  const aborted = outcome.aborted === true
  const usage = aborted ? undefined : outcome.usage
  return {
    method: draft.method,
    path: draft.path,
    endpoint: draft.endpoint,
    body: draft.body,
    ruleIndex: draft.ruleIndex,
    time: draft.time,
    ...(model === undefined ? {} : { model }),
    status: aborted ? ABORTED_STATUS : outcome.status,
    durationMs: monotonicMs() - draft.started,
    mocked: draft.ruleIndex !== null,
    stream: outcome.stream,
    ...(usage ? { usage } : {}),
    ...(error === undefined ? {} : { error }),
    ...(aborted ? { aborted: true as const } : {}),
  }
}
