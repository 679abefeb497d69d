/**
 * Turns one recorded exchange (the request as the matcher sees it, and the upstream's status
 * and JSON body) into a scenario rule: `when` matches exactly that request (endpoint, model,
 * the whole conversation or the embeddings inputs) and `respond` holds what the upstream
 * answered, or `error` what it refused with. The result is plain data, ready for YAML.
 */
import {
  OPENAI_PROVIDER,
  type ProviderRecord,
  RULE_ENDPOINTS,
  type RuleEndpoint,
} from '@mocktopus/responders'
import {
  type ErrorType,
  escapeTemplate,
  MAX_DELAY_MS,
  type MatchRequest,
  messageText,
  RULE_TYPE_ENDPOINTS,
  type RuleType,
} from '@mocktopus/scenario'
import { type RecordedFacts, recordedFacts, type SentRequest } from './recorded-request.js'

/** A rule as the recorder writes it: the YAML's shape, with no defaults filled in. */
export interface RecordedRule {
  /** A provider's own `llm.*` type (its `record.ruleType`), or `embeddings`. */
  readonly type: Exclude<RuleType, 'llm'>
  readonly when: RecordedWhen
  readonly respond?: Readonly<Record<string, unknown>>
  readonly error?: Readonly<Record<string, unknown>>
  /** What `mocktopus drift` needs: the request beyond `when`, the answer's shape. */
  readonly recorded?: RecordedFacts
}

export interface RecordedWhen {
  readonly endpoint: string
  readonly model?: string
  readonly conversation?: readonly { readonly role: string; readonly content: string }[]
  readonly input?: readonly string[]
  /** With `--match-on tools`: the names of the tools offered. */
  readonly tools?: readonly string[]
  /** With `--match-on params`: the sampling and output parameters sent. */
  readonly params?: Readonly<Record<string, unknown>>
}

/** How long the upstream took, for `--replay-timing recorded`. */
export interface RecordedTiming {
  /** From sending the request to the headers (a JSON answer: to its whole body). */
  readonly delayMs: number
  /** Streams: from the headers to the first event. */
  readonly ttftMs?: number
  /** Streams: the mean gap between two events after the first. */
  readonly chunkDelayMs?: number
  /** Streams: each gap between two events, in whole ms (kept unless every one is 0). */
  readonly gapsMs?: readonly number[]
}

export interface RecordedExchange {
  /** The API path relative to the root, e.g. `/v1/chat/completions`. */
  readonly endpoint: string
  /** The request as the route's parser normalized it. */
  readonly match: MatchRequest
  readonly status: number
  /** The upstream's JSON body (for a stream: the body rebuilt from its events). */
  readonly body: unknown
  /** The upstream's headers, for `retry-after` (a `Headers` will do). */
  readonly headers?: { get(name: string): string | null }
  /** Credentials to blank out wherever they appear in the rule. */
  readonly secrets?: readonly string[]
  /**
   * Values of redacted fields and headers: blanked out where one is a whole string (or
   * number), and (from 4 characters) wherever it appears, as `secrets` are.
   */
  readonly redacted?: readonly string[]
  /** Part of `when` beyond the conversation (`--match-on tools,params`). */
  readonly tools?: readonly string[]
  readonly params?: Readonly<Record<string, unknown>>
  /**
   * The upstream's timing, kept under `respond` as `delay_ms`, `ttft_ms`, `chunk_delay_ms` and
   * `chunk_delays_ms`.
   */
  readonly timing?: RecordedTiming
  /** The request as sent, kept for `mocktopus drift` (`recorded.request`). */
  readonly sent?: SentRequest
  /** A stream's shape from its events (`shape.ts`); else the shape of `body` is kept. */
  readonly shape?: string
}

export type RecordedRuleResult =
  | { readonly ok: true; readonly rule: RecordedRule }
  | { readonly ok: false; readonly reason: string }

type Data = Record<string, unknown>

/** What every credential in a recording is replaced with. */
export const REDACTED = '[REDACTED]'

// Providers quote the key they refused, partly masked (`sk-proj-****abcd`): never keep even that.
const KEY_LIKE = /\bsk-[A-Za-z0-9_*.-]{3,}/g
// Google API keys (Gemini): `AIza` and 35 more characters.
const GOOGLE_KEY_LIKE = /\bAIza[A-Za-z0-9_-]{8,}/g

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/**
 * A model id as a glob that matches only itself.
 *
 * @example literalGlob('my-model[v2]') // 'my-model\\[v2\\]'
 */
export function literalGlob(model: string): string {
  return model.replace(/[\\*?[\]{}!]/g, '\\$&')
}

function errorTypeFor(status: number, code: string | undefined): ErrorType {
  if (status === 429) return 'rate_limit'
  if (status === 401 || status === 403) return 'authentication'
  if (status === 408 || status === 504) return 'timeout'
  if (status >= 500) return 'server_error'
  if (code === 'content_filter') return 'content_filter'
  return 'invalid_request'
}

function errorSpec(status: number, body: unknown, headers: RecordedExchange['headers']): Data {
  // An envelope may be `{ error: "message" }` (Ollama's).
  const error =
    isRecord(body) && isRecord(body.error)
      ? body.error
      : isRecord(body) && typeof body.error === 'string'
        ? { message: body.error }
        : {}
  const code = text(error.code)
  const retryAfter = Number(headers?.get('retry-after') ?? Number.NaN)
  const type = errorTypeFor(status, code)
  return {
    error_type: type,
    status_code: status,
    message: text(error.message) ?? (typeof body === 'string' ? body : `HTTP ${status}`),
    ...(code ? { code } : {}),
    ...(text(error.param) ? { param: error.param } : {}),
    // Without these the replay would add a 60 s Retry-After, or wait 30 s before a timeout.
    ...(type === 'rate_limit' || Number.isInteger(retryAfter)
      ? { retry_after: Number.isInteger(retryAfter) ? retryAfter : 0 }
      : {}),
    ...(type === 'timeout' ? { delay_ms: 0 } : {}),
  }
}

function redact<T>(
  value: T,
  secrets: readonly string[],
  keyLike: boolean,
  whole?: ReadonlySet<string>,
): T {
  if (typeof value === 'string') {
    if (whole?.has(value)) return REDACTED as T
    let out: string = value
    for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(REDACTED)
    if (keyLike) out = out.replace(KEY_LIKE, `sk-${REDACTED}`).replace(GOOGLE_KEY_LIKE, REDACTED)
    return out as T
  }
  if (Array.isArray(value)) {
    return value.map((item) => redact(item, secrets, keyLike, whole)) as T
  }
  if (isRecord(value)) {
    const out: Data = {}
    for (const [key, item] of Object.entries(value)) {
      out[key] = redact(item, secrets, keyLike, whole)
    }
    return out as T
  }
  // A redacted number or flag (a customer id sent as a number) goes as the marker too.
  if ((typeof value === 'number' || typeof value === 'boolean') && whole?.has(String(value))) {
    return REDACTED as T
  }
  return value
}

/**
 * A text with every given credential, and anything shaped like an API key, blanked out: for
 * messages that may quote what the upstream said.
 *
 * @example redactText('Incorrect API key provided: sk-abc***xyz', []) // 'Incorrect API key provided: sk-[REDACTED]'
 */
export function redactText(text: string, secrets: readonly string[]): string {
  return redact(text, secrets, true)
}

// Every provider's embeddings paths: what an `embeddings` rule answers (a recorded rule names
// its row's path, `:model` and all).
const EMBEDDING_ENDPOINTS: ReadonlySet<string> = new Set(RULE_TYPE_ENDPOINTS.embeddings)

function recordedRow(endpoint: string): RuleEndpoint | undefined {
  return RULE_ENDPOINTS.find((candidate) => candidate.path === endpoint)
}

// What record mode knows of a row's provider; one without a `record` of its own would be read
// as OpenAI's (every provider has one today).
function recordOf(row: RuleEndpoint): ProviderRecord {
  return row.provider.record ?? (OPENAI_PROVIDER.record as ProviderRecord)
}

// The rule type that answers a recorded endpoint: `embeddings`, or its provider's own.
function ruleType(row: RuleEndpoint): RecordedRule['type'] {
  return EMBEDDING_ENDPOINTS.has(row.path) ? 'embeddings' : recordOf(row).ruleType
}

/**
 * The `when` that matches exactly the recorded request: endpoint, model, and the whole
 * conversation (each message's role and text) or the embeddings inputs.
 *
 * @example recordedWhen(ENDPOINTS.embeddings, { endpoint: ENDPOINTS.embeddings, model: 'm', input: ['a'] })
 * // { endpoint: ENDPOINTS.embeddings, model: 'm', input: ['a'] }
 */
export function recordedWhen(endpoint: string, match: MatchRequest): RecordedWhen {
  return {
    endpoint,
    ...(match.model === undefined ? {} : { model: literalGlob(match.model) }),
    ...(EMBEDDING_ENDPOINTS.has(endpoint)
      ? { input: [...(match.input ?? [])] }
      : {
          conversation: (match.messages ?? []).map((message) => ({
            role: message.role,
            content: messageText(message),
          })),
        }),
  }
}

/**
 * The rule that replays one exchange, or why it cannot be recorded.
 *
 * @example
 * recordedRule({ endpoint: ENDPOINTS.chatCompletions, match, status: 200, body: completion })
 * // { ok: true, rule: { type: 'llm.openai', when: { ... }, respond: { content: 'Hi', ... } } }
 */
export function recordedRule(exchange: RecordedExchange): RecordedRuleResult {
  const { endpoint, status, body } = exchange
  const row = recordedRow(endpoint)
  if (!row) return { ok: false, reason: `${endpoint} is not a recordable endpoint` }
  const type = ruleType(row)
  const redacted = exchange.redacted ?? []
  const secrets = [...(exchange.secrets ?? []), ...redacted]
  const whole = redacted.length > 0 ? new Set(redacted) : undefined
  const when = redact(
    {
      ...recordedWhen(endpoint, exchange.match),
      ...(exchange.tools === undefined ? {} : { tools: [...exchange.tools] }),
      ...(exchange.params === undefined ? {} : { params: exchange.params }),
    },
    secrets,
    false,
    whole,
  )
  if (status >= 400) {
    const error = redact(errorSpec(status, body, exchange.headers), secrets, true, whole)
    return { ok: true, rule: { type, when, error } }
  }
  if (!isRecord(body)) return { ok: false, reason: `the ${status} answer is not a JSON object` }
  const respond = recordOf(row).respond(body, endpoint, exchange.sent?.body)
  if (typeof respond === 'string') return { ok: false, reason: respond }
  const recorded = redact(recordedFacts({ ...exchange, when }), secrets, false, whole)
  const timed = { ...respond, ...timingFields(exchange.timing) }
  return {
    ok: true,
    rule: { type, when, respond: literal(redact(timed, secrets, false, whole)), ...recorded },
  }
}

// Whole milliseconds, as the rule's keys take them; replay waits them only with
// `--replay-timing recorded`.
function timingFields(timing: RecordedTiming | undefined): Data {
  if (!timing) return {}
  // A rule's waits stop at 10 minutes (MAX_DELAY_MS): a longer one would fail validation.
  const ms = (value: number) => Math.min(MAX_DELAY_MS, Math.max(0, Math.round(value)))
  return {
    delay_ms: ms(timing.delayMs),
    ...(timing.ttftMs === undefined ? {} : { ttft_ms: ms(timing.ttftMs) }),
    ...(timing.chunkDelayMs === undefined ? {} : { chunk_delay_ms: ms(timing.chunkDelayMs) }),
    // Each gap, so a stall in the middle of a stream replays where it was; not a list of 0s.
    ...(timing.gapsMs?.some((gap) => gap > 0) ? { chunk_delays_ms: timing.gapsMs.map(ms) } : {}),
  }
}

// A mapping of tool arguments is sent as JSON text, keys and all.
function literalValue(value: unknown): unknown {
  if (typeof value === 'string') return escapeTemplate(value)
  if (Array.isArray(value)) return value.map(literalValue)
  if (!isRecord(value)) return value
  const out: Data = {}
  for (const [key, item] of Object.entries(value)) out[escapeTemplate(key)] = literalValue(item)
  return out
}

// Replay sends what was recorded: a `{{` in an answer (template code, say) is written so that
// it is not read as a placeholder (docs/scenarios.md, Templates).
function literal(respond: Data): Data {
  const out: Data = { ...respond }
  if (Array.isArray(out.choices)) {
    out.choices = out.choices.map((choice: unknown) =>
      isRecord(choice) ? literal(choice) : choice,
    )
  }
  if (typeof out.content === 'string') out.content = escapeTemplate(out.content)
  if (Array.isArray(out.tool_calls)) {
    out.tool_calls = out.tool_calls.map((call: unknown) => {
      if (!isRecord(call) || !isRecord(call.function)) return call
      return {
        ...call,
        function: { ...call.function, arguments: literalValue(call.function.arguments) },
      }
    })
  }
  return out
}

/**
 * What identifies a recording: a new recording of the same request replaces the old one.
 *
 * @example recordingKey(rule) === recordingKey(sameRequestRecordedAgain) // true
 */
export function recordingKey(rule: { readonly type: string; readonly when: unknown }): string {
  return canonicalJSON([rule.type, rule.when])
}

// Key order does not matter: a hand-edited file that lists `model` before `endpoint` still
// names the same request.
function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`
  if (isRecord(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJSON(value[key])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
