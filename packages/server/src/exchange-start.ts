/**
 * The record of one exchange while it is handled: started on arrival, filled in as the body,
 * model and rule become known, and reported to observers once the answer is done.
 */
import type { WireResult, WireUsage } from '@mocktopus/responders'
import type { MocktopusContext } from './context.js'
import type { Exchange } from './exchange.js'
import { monotonicMs } from './monotonic.js'

/**
 * What the server knows about an exchange before the answer is written: the request's side of
 * the `Exchange`, and when handling it began (`monotonicMs()`).
 */
export type ExchangeStart = Pick<
  Exchange,
  'method' | 'path' | 'endpoint' | 'model' | 'body' | 'ruleIndex' | 'time'
> & { readonly started: number }

/** An exchange being handled: what is learnt (body, model, rule) is filled in as it comes. */
export type ExchangeDraft = { -readonly [Key in keyof ExchangeStart]: ExchangeStart[Key] }

/**
 * The request path relative to the API root: as many trailing segments of the real path as
 * the route pattern has, so a mount prefix (`/llm/v1/models/x`) drops away (`/v1/models/x`).
 */
export function endpointOf(path: string, pattern: string): string {
  // Found with lastIndexOf, not split and join: this runs on every request.
  let at = path.length
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.charCodeAt(i) !== 47 /* / */) continue
    at = path.lastIndexOf('/', at - 1)
    if (at <= 0) return path.startsWith('/') ? path : `/${path}`
  }
  return path.slice(at)
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
 * Starts the record of one exchange: method, path and arrival time.
 *
 * @example const start = beginExchange(ctx, 'POST', '/v1/chat/completions', route.path)
 */
export function beginExchange(
  ctx: MocktopusContext,
  method: string,
  path: string,
  pattern: string,
): ExchangeDraft {
  return {
    method,
    path,
    endpoint: endpointOf(path, pattern),
    body: null,
    ruleIndex: null,
    started: monotonicMs(),
    time: isoTime(ctx.clock.now()),
  }
}

/** What an exchange's answer says: its status, whether it streamed, the tokens it reports. */
export interface ExchangeOutcome {
  readonly status: number
  readonly stream: boolean
  readonly usage?: WireUsage | undefined
}

/**
 * Reports an exchange to the observers: mocked when a rule answered it, else forwarded.
 *
 * @example reportExchange(ctx, start, { status: 200, stream: false })
 */
export function reportExchange(
  ctx: MocktopusContext,
  start: ExchangeStart,
  outcome: ExchangeOutcome,
): void {
  // Field by field, in the order the spreads gave: spreading the whole start object (and a
  // rest pattern) cost more per request than the rest of the exchange bookkeeping together.
  const { model } = start
  const { usage } = outcome
  const exchange: Exchange = {
    method: start.method,
    path: start.path,
    endpoint: start.endpoint,
    body: start.body,
    ruleIndex: start.ruleIndex,
    time: start.time,
    ...(model === undefined ? {} : { model }),
    status: outcome.status,
    durationMs: monotonicMs() - start.started,
    mocked: start.ruleIndex !== null,
    stream: outcome.stream,
    ...(usage ? { usage } : {}),
  }
  ctx.emit(exchange)
}

/** Reports an exchange with what a responder's answer says (status, usage, stream). */
export function finishExchange(
  ctx: MocktopusContext,
  start: ExchangeStart,
  wire: WireResult,
): void {
  reportExchange(ctx, start, {
    status: wire.status,
    stream: wire.kind === 'stream',
    usage: wire.kind === 'error' ? undefined : wire.usage,
  })
}
