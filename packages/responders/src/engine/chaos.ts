/**
 * Seeded chaos, stream timing and rate-limit headers (docs/chaos.md). What is configured lives
 * in one `ChaosControl` per engine state (so per session): the fault chances, the stream timing,
 * the rate limits and their counters, and a splitmix32 generator advanced once per answered
 * rule request, so the same seed and the same requests give the same faults on every machine.
 * With nothing configured the engine asks one question (`active`) and does nothing more.
 */
import type { Respond, Rule, RuleChaos } from '@mocktopus/scenario'
import { DEFAULT_RETRY_AFTER, openaiRuleError } from '../openai/errors.js'
import type { Clock } from '../shared/clock.js'
import type { StreamTiming } from '../shared/paced-stream.js'
import { mix32, SeededRandom, seededBelow } from '../shared/seeded.js'
import type { SSEFrame } from '../shared/sse.js'
import type { WireError, WireJSON, WireResult, WireStream } from '../shared/wire.js'
import type { Provider } from './endpoint.js'

/** The header naming the fault an answer carries. */
export const FAULT_HEADER = 'x-mocktopus-fault'

/** What can go wrong on purpose. */
export type FaultKind = 'rate_limit' | 'server_error' | 'disconnect' | 'malformed' | 'stall'

/** The fault chances and stream cuts: a rule's `chaos:` block, or the server-wide `--chaos`. */
export type ChaosFaults = RuleChaos

/** Server-wide stream timing, as a rule's `respond` gives it (the rule's keys win). */
export interface StreamTimingSettings {
  readonly ttft_ms?: number
  readonly tokens_per_second?: number
  readonly jitter_ms?: number
}

/**
 * Rate limits per window; the headers count down per session and reset when the window ends.
 * Setting any of them enforces them (a 429 once one is used up); with none set, the headers
 * still count down from the defaults, and a used-up window simply starts over.
 */
export interface RateLimitSettings {
  /** Requests per window (default 10000). */
  readonly requests?: number
  /** Tokens (input and output) per window (default 2000000). */
  readonly tokens?: number
  /** The window, in ms; default one minute. */
  readonly windowMs?: number
}

/** Everything `ChaosControl` is configured with. */
export interface ChaosOptions {
  /** The generator's seed; default 0. */
  readonly seed?: number
  readonly faults?: ChaosFaults
  readonly timing?: StreamTimingSettings
  readonly rateLimits?: RateLimitSettings
  /**
   * Whether answers carry the provider's rate-limit headers (`x-ratelimit-*`,
   * `anthropic-ratelimit-*`); default true, as every real answer carries them.
   */
  readonly rateLimitHeaders?: boolean
}

const FAULT_ORDER = ['rate_limit', 'server_error', 'disconnect', 'malformed'] as const

const DEFAULT_REQUEST_LIMIT = 10_000
const DEFAULT_TOKEN_LIMIT = 2_000_000
const DEFAULT_WINDOW_MS = 60_000

function hasKeys(value: object | undefined): boolean {
  if (value === undefined) return false
  for (const key in value) {
    if ((value as Record<string, unknown>)[key] !== undefined) return true
  }
  return false
}

/** The chaos, timing and rate limits of one engine state, and their counters. */
export class ChaosControl {
  /** Whether faults, timing or enforced rate limits are configured: the engine's one check. */
  active = false
  /** Whether answers get rate-limit headers (`rateLimitHeaders`, on by default). */
  headers = true
  #options: ChaosOptions = {}
  #enforced = false
  #limits: Allowances = allowances({})
  #random = new SeededRandom(0)
  #windowStart = Number.NaN
  #requests = 0
  #inputTokens = 0
  #outputTokens = 0

  constructor(options: ChaosOptions = {}) {
    this.configure(options)
  }

  /** The settings in force. */
  get options(): ChaosOptions {
    return this.#options
  }

  /**
   * Replaces the settings given (`faults`, `timing`, `rateLimits`); a `seed` restarts the
   * generator at it.
   */
  configure(update: ChaosOptions): void {
    const seedChanged = update.seed !== undefined && update.seed !== this.#options.seed
    this.#options = { ...this.#options, ...update }
    if (seedChanged || update.seed !== undefined) this.#random = new SeededRandom(update.seed ?? 0)
    const { faults, timing, rateLimits } = this.#options
    this.#enforced = hasKeys(rateLimits)
    this.#limits = allowances(rateLimits ?? {})
    this.headers = this.#options.rateLimitHeaders !== false
    this.active = hasKeys(faults) || hasKeys(timing) || this.#enforced
  }

  /** The next draw of the generator: one per answered rule request. */
  next(): number {
    return this.#random.next()
  }

  /** Back to the seed and full rate-limit allowances; the settings stay. */
  reset(): void {
    this.#random.reset()
    this.#windowStart = Number.NaN
    this.#requests = 0
    this.#inputTokens = 0
    this.#outputTokens = 0
  }

  // The window in force at `now`, opened by the first request, renewed when it ends; with the
  // limits not enforced, also renewed once used up, so the headers never claim a 0 left.
  #window(now: number): number {
    const { windowMs, requests, tokens } = this.#limits
    const spent =
      !this.#enforced &&
      (this.#requests >= requests || this.#inputTokens + this.#outputTokens >= tokens)
    if (spent || !(now < this.#windowStart + windowMs)) {
      this.#windowStart = now
      this.#requests = 0
      this.#inputTokens = 0
      this.#outputTokens = 0
    }
    return this.#windowStart + windowMs
  }

  /**
   * Seconds until the rate limits reset, when an enforced limit is used up at `now`; else
   * `undefined`.
   */
  exhausted(now: number): number | undefined {
    if (!this.#enforced) return undefined
    const ends = this.#window(now)
    const { requests, tokens } = this.#limits
    if (this.#requests < requests && this.#inputTokens + this.#outputTokens < tokens) return
    return Math.max(1, Math.ceil((ends - now) / 1000))
  }

  /**
   * Counts one answer (a request, and the tokens it reports unless it was refused for the
   * limits) and gives the provider's rate-limit headers; `undefined` when they are off or the
   * provider sends none (Gemini and Ollama: their limits show only as a 429).
   */
  rateLimitHeaders(
    provider: Provider,
    now: number,
    wire: WireResult,
    refused: boolean,
  ): Record<string, string> | undefined {
    const style = this.headers ? provider.rateLimitHeaders : undefined
    // Enforced limits count every answer, whether or not it shows them.
    if (style === undefined && !this.#enforced) return undefined
    const ends = this.#window(now)
    if (!refused) {
      this.#requests++
      if (wire.kind !== 'error' && wire.usage) {
        this.#inputTokens += wire.usage.input_tokens
        this.#outputTokens += wire.usage.output_tokens
      }
    }
    if (style === undefined) return undefined
    const { requests, tokens, requestsText, tokensText } = this.#limits
    const left = (limit: number, used: number) => String(Math.max(0, limit - used))
    const tokensUsed = this.#inputTokens + this.#outputTokens
    if (style === 'anthropic') {
      const reset = rfc3339(ends)
      return {
        'anthropic-ratelimit-requests-limit': requestsText,
        'anthropic-ratelimit-requests-remaining': left(requests, this.#requests),
        'anthropic-ratelimit-requests-reset': reset,
        'anthropic-ratelimit-tokens-limit': tokensText,
        'anthropic-ratelimit-tokens-remaining': left(tokens, tokensUsed),
        'anthropic-ratelimit-tokens-reset': reset,
        'anthropic-ratelimit-input-tokens-limit': tokensText,
        'anthropic-ratelimit-input-tokens-remaining': left(tokens, this.#inputTokens),
        'anthropic-ratelimit-input-tokens-reset': reset,
        'anthropic-ratelimit-output-tokens-limit': tokensText,
        'anthropic-ratelimit-output-tokens-remaining': left(tokens, this.#outputTokens),
        'anthropic-ratelimit-output-tokens-reset': reset,
      }
    }
    const reset = goDuration(ends - now)
    return {
      'x-ratelimit-limit-requests': requestsText,
      'x-ratelimit-limit-tokens': tokensText,
      'x-ratelimit-remaining-requests': left(requests, this.#requests),
      'x-ratelimit-remaining-tokens': left(tokens, tokensUsed),
      'x-ratelimit-reset-requests': reset,
      'x-ratelimit-reset-tokens': reset,
    }
  }
}

interface Allowances {
  readonly requests: number
  readonly tokens: number
  readonly windowMs: number
  readonly requestsText: string
  readonly tokensText: string
}

function allowances(limits: RateLimitSettings): Allowances {
  const requests = limits.requests ?? DEFAULT_REQUEST_LIMIT
  const tokens = limits.tokens ?? DEFAULT_TOKEN_LIMIT
  return {
    requests,
    tokens,
    windowMs: limits.windowMs ?? DEFAULT_WINDOW_MS,
    requestsText: String(requests),
    tokensText: String(tokens),
  }
}

/**
 * A duration as OpenAI's `x-ratelimit-reset-*` headers write it (Go's `time.Duration`):
 * `12ms`, `8.64s`, `6m0s`, `1h2m3s`.
 *
 * @example goDuration(360_000) // '6m0s'
 */
export function goDuration(ms: number): string {
  const whole = Math.max(0, Math.round(ms))
  if (whole < 1000) return `${whole}ms`
  const hours = Math.floor(whole / 3_600_000)
  const minutes = Math.floor((whole % 3_600_000) / 60_000)
  const seconds = (whole % 60_000) / 1000
  const text = `${Number(seconds.toFixed(3))}s`
  if (hours > 0) return `${hours}h${minutes}m${text}`
  return minutes > 0 ? `${minutes}m${text}` : text
}

// Anthropic's resets: RFC 3339 in UTC, to the second, e.g. 2025-08-21T12:40:59Z.
function rfc3339(ms: number): string {
  return `${new Date(Math.ceil(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`
}

/** What the engine does to one rule request: its fault, if any, and its stream's timing. */
export interface ChaosPlan {
  readonly draw: number
  readonly fault: FaultKind | undefined
  /** The error answer that replaces the rule's (`rate_limit`, `server_error`). */
  readonly error?: WireError
  /** A stream is cut (`disconnect`), cut short with a broken event (`malformed`) or stalled after this many chunks. */
  readonly afterChunks: number
  readonly stallMs: number
  /**
   * The last frame of a `disconnect`ed stream, when its provider ends a failing stream with one
   * (`Provider.streamFailure`: Ollama's `{"error"}` line) rather than a dropped connection.
   */
  readonly failedFrame?: () => SSEFrame
}

/**
 * Decides one rule request's fault: draws once from `chaos`, then tries the chances in the
 * order rate_limit, server_error, disconnect, malformed; failing all, a rule's
 * `disconnect_after_chunks` or `stall_after_chunks` applies to its streams.
 *
 * @example const plan = planChaos(state.chaos, match.rule, OPENAI_PROVIDER, clock)
 */
export function planChaos(
  chaos: ChaosControl,
  rule: Rule,
  provider: Provider,
  clock: Clock,
): ChaosPlan {
  const draw = chaos.next()
  const server = chaos.options.faults
  const faults: ChaosFaults =
    rule.chaos === undefined ? (server ?? {}) : { ...server, ...rule.chaos }
  const wait = chaos.exhausted(clock.now())
  if (wait !== undefined) {
    return {
      draw,
      fault: 'rate_limit',
      error: rateLimited(provider, wait),
      afterChunks: 0,
      stallMs: 0,
    }
  }
  const u = draw / 2 ** 32
  let fault: FaultKind | undefined
  let sum = 0
  for (const kind of FAULT_ORDER) {
    sum += faults[kind] ?? 0
    if (u < sum) {
      fault = kind
      break
    }
  }
  let afterChunks = 1 + seededBelow(draw, 1, 4)
  if (fault === 'disconnect' && faults.disconnect_after_chunks !== undefined) {
    afterChunks = faults.disconnect_after_chunks
  }
  if (fault === undefined && faults.disconnect_after_chunks !== undefined) {
    fault = 'disconnect'
    afterChunks = faults.disconnect_after_chunks
  }
  if (fault === undefined && faults.stall_after_chunks !== undefined) {
    fault = 'stall'
    afterChunks = faults.stall_after_chunks
  }
  const stallMs = faults.stall_ms ?? 0
  if (fault === 'rate_limit') {
    return { draw, fault, error: rateLimited(provider, DEFAULT_RETRY_AFTER), afterChunks, stallMs }
  }
  if (fault === 'server_error') {
    return { draw, fault, error: serverError(provider, draw), afterChunks, stallMs }
  }
  const { streamFailure } = provider
  if (fault === 'disconnect' && streamFailure) {
    return { draw, fault, afterChunks, stallMs, failedFrame: () => streamFailure() }
  }
  return { draw, fault, afterChunks, stallMs }
}

function rateLimited(provider: Provider, retryAfter: number): WireError {
  const ruleError = provider.ruleError ?? openaiRuleError
  return ruleError({ error_type: 'rate_limit', retry_after: retryAfter })
}

// Half the server errors are the plain 500, half the overloaded one: the provider's own
// (`Provider.overloaded`: 503 for OpenAI, 529 for Anthropic), else a 503 in its words.
function serverError(provider: Provider, draw: number): WireError {
  const ruleError = provider.ruleError ?? openaiRuleError
  if (seededBelow(draw, 2, 2) !== 1) return ruleError({ error_type: 'server_error' })
  if (provider.overloaded) return provider.overloaded()
  return ruleError({
    error_type: 'server_error',
    status_code: 503,
    message: 'The model is overloaded. Please try again later.',
  })
}

/**
 * The stream timing of a rule's answer: its `respond` keys over the server-wide ones
 * (`chunk_delays_ms`, the rule's own only); with `tokens_per_second`, a chunk of `chunk_size`
 * characters counts `chunk_size / 4` tokens and a word-sized chunk one. `undefined` when
 * nothing is set.
 *
 * @example streamTiming(rule.respond, { ttft_ms: 500 }, draw) // { firstMs: 500, ... }
 */
export function streamTiming(
  respond: Respond | undefined,
  server: StreamTimingSettings | undefined,
  seed: () => number,
): StreamTiming | undefined {
  const ttft = respond?.ttft_ms ?? server?.ttft_ms
  const rate = respond?.tokens_per_second ?? server?.tokens_per_second
  const jitter = respond?.jitter_ms ?? server?.jitter_ms
  const gaps = respond?.chunk_delays_ms
  if (ttft === undefined && rate === undefined && jitter === undefined && gaps === undefined)
    return undefined
  const size = respond?.chunk_size
  const tokensPerChunk = size ? Math.max(1, Math.ceil(size / 4)) : 1
  return {
    firstMs: ttft ?? 0,
    ...(gaps === undefined || gaps.length === 0 ? {} : { gapsMs: gaps }),
    ...(rate === undefined || rate <= 0
      ? {}
      : { gapMs: Math.round((1000 * tokensPerChunk) / rate) }),
    jitterMs: jitter ?? 0,
    seed: jitter ? mix32(seed()) : 0,
  }
}

/** Why a chaos stream ended: the SDK sees a connection that broke. */
export class ChaosDisconnect extends Error {
  constructor(chunks: number) {
    super(`[mocktopus] chaos: connection cut after ${chunks} chunks`)
  }
}

function withHeader(headers: Readonly<Record<string, string>>, fault: FaultKind) {
  return { ...headers, [FAULT_HEADER]: fault }
}

// The first half of a JSON text: what a client gets when the connection drops mid-body.
function truncated(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)))
}

function cut<T>(
  source: AsyncIterable<T>,
  after: number,
  last: ((item: T) => T | undefined) | undefined,
  stall:
    | { readonly ms: number; readonly clock: Clock; readonly signal: () => AbortSignal }
    | undefined,
): AsyncIterable<T> {
  return {
    async *[Symbol.asyncIterator]() {
      let sent = 0
      for await (const item of source) {
        if (sent === after) {
          if (stall) {
            await stall.clock.sleep(stall.ms, stall.signal())
          } else {
            const final = last?.(item)
            if (final === undefined) throw new ChaosDisconnect(sent)
            yield final
            return
          }
        }
        sent++
        yield item
      }
    },
  }
}

function brokenFrame(frame: SSEFrame): SSEFrame {
  const text = typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data)
  return {
    ...(frame.event === undefined ? {} : { event: frame.event }),
    ...(frame.ndjson ? { ndjson: frame.ndjson } : {}),
    data: truncated(text),
  }
}

/**
 * The rule's answer with the plan's fault applied (a `malformed`, `disconnect` or `stall`), and
 * the fault named in `x-mocktopus-fault`; as it was when the plan has none or the answer is an
 * error.
 *
 * @example const faulty = applyChaos(plan, wire, clock, () => request.signal)
 */
export function applyChaos(
  plan: ChaosPlan,
  wire: WireResult,
  clock: Clock,
  signal: () => AbortSignal,
): WireResult {
  const { fault } = plan
  if (fault === undefined || wire.kind === 'error') return wire
  const headers = withHeader(wire.headers, fault)
  const { status, delayMs } = wire
  if (wire.kind === 'json') {
    if (fault === 'malformed') {
      const text = wire.bodyText ?? JSON.stringify(wire.body)
      return { kind: 'json', status, headers, delayMs, body: wire.body, bodyText: truncated(text) }
    }
    if (fault !== 'disconnect') return wire
    // No stream to cut: the status line and headers go out, then the connection drops.
    const none: AsyncIterable<never> = cut<never>(emptyForever(), 0, undefined, undefined)
    return { kind: 'stream', status, headers, delayMs, chunks: none, frames: none }
  }
  const stream = wire as WireStream
  const after = plan.afterChunks
  if (fault === 'stall') {
    const stall = { ms: plan.stallMs, clock, signal }
    return {
      ...stream,
      headers,
      chunks: cut(stream.chunks, after, undefined, stall),
      frames: cut(stream.frames, after, undefined, stall),
    }
  }
  const chunks = cut(stream.chunks, after, undefined, undefined)
  const frames = cut(
    stream.frames,
    after,
    fault === 'malformed' ? brokenFrame : plan.failedFrame,
    undefined,
  )
  const { usage: _usage, ...rest } = stream
  return { ...rest, headers, chunks, frames }
}

// A source with one item, so `cut(..., 0)` throws before anything is sent.
function emptyForever(): AsyncIterable<never> {
  return {
    async *[Symbol.asyncIterator]() {
      yield undefined as never
    },
  }
}

/**
 * `wire` with `extra` headers, keeping a JSON answer's lazily built body.
 *
 * @example withExtraHeaders(wire, { 'x-ratelimit-limit-requests': '1000' })
 */
export function withExtraHeaders(wire: WireResult, extra: Record<string, string>): WireResult {
  // Copied key by key: spreading two objects into one literal cost ~7 us an answer in V8 (the
  // literal falls back to a slow path for hyphenated keys), a plain copy ~0.5 us.
  const headers: Record<string, string> = {}
  for (const name in wire.headers) headers[name] = wire.headers[name] as string
  for (const name in extra) headers[name] = extra[name] as string
  if (wire.kind === 'json') {
    const json: WireJSON = {
      kind: 'json',
      status: wire.status,
      headers,
      delayMs: wire.delayMs,
      body: wire.body,
      ...(wire.bodyText === undefined ? {} : { bodyText: wire.bodyText }),
      ...(wire.usage === undefined ? {} : { usage: wire.usage }),
      ...(wire.warnings === undefined ? {} : { warnings: wire.warnings }),
    }
    return json
  }
  return { ...wire, headers }
}
