/**
 * The shapes of a parsed scenario and of the request the matcher sees. Field names follow the
 * YAML (snake_case) so a rule reads the same in a file, in an error message and in code.
 */

/** Which family of endpoints a rule answers. */
export type RuleType =
  | 'llm.openai'
  | 'llm.anthropic'
  | 'llm.gemini'
  | 'llm.ollama'
  | 'llm'
  | 'embeddings'

export type ErrorType =
  | 'rate_limit'
  | 'authentication'
  | 'invalid_request'
  | 'timeout'
  | 'content_filter'
  | 'server_error'

/** One message of a recorded conversation, as `when.conversation` compares it. */
export interface ConversationMessage {
  readonly role: string
  readonly content: string
  /** Lets a recorded conversation be passed where chat messages are expected. */
  readonly [key: string]: unknown
}

export interface When {
  /** Glob over the model id; `*` also crosses `/`. */
  readonly model?: string
  /** Case-sensitive substring of the last user message (embeddings: of any input). */
  readonly messages_contains?: string
  /** Regular expression over all messages joined by a space (embeddings: any input). */
  readonly messages_regex?: string
  /** Request path, exact or glob (`/v1/*`). */
  readonly endpoint?: string
  /** Makes `messages_contains` case-insensitive. */
  readonly ignore_case?: boolean
  /**
   * The whole conversation, exactly: every message's role and text, in order. Written by the
   * recorder so a replayed request matches only the request that was recorded.
   */
  readonly conversation?: readonly ConversationMessage[]
  /** Embeddings: the inputs, exactly and in order. */
  readonly input?: readonly string[]
  /** The last message's role; a tool result counts as `tool` on every API. */
  readonly last_role?: 'user' | 'assistant' | 'tool'
  /** Whether the conversation holds a tool result (any, not only the last message). */
  readonly has_tool_result?: boolean
  /** Case-sensitive substring of the latest tool result's text. */
  readonly tool_result_contains?: string
  /** The call id the latest tool result answers. */
  readonly tool_call_id?: string
  /** Tool names the request must offer, every one of them. */
  readonly tools_offered?: string | readonly string[]
  /** Case-sensitive substring of the system prompt (system and developer messages). */
  readonly system_contains?: string
  /** How many assistant turns came before this request: 0 on the first call. */
  readonly turn?: number
  /** The names of the tools the request offers, exactly (order ignored; `[]`: none). */
  readonly tools?: readonly string[]
  /**
   * The request's sampling and output parameters, exactly (`MATCHED_PARAMS`: temperature,
   * max_tokens, tool_choice, response_format, ...): the same names with equal values, and no
   * other. Written by the recorder with `--match-on params`.
   */
  readonly params?: Readonly<Record<string, unknown>>
}

export interface ToolCallSpec {
  readonly id?: string
  readonly type: 'function'
  readonly function: {
    readonly name: string
    /**
     * A JSON string, as the wire carries it; an object in YAML is serialised once at load.
     * Absent: generated from the tool's JSON Schema in the request (`{}` without one).
     */
    readonly arguments?: string
  }
}

export interface UsageSpec {
  readonly input_tokens?: number
  readonly output_tokens?: number
  readonly total_tokens?: number
}

export interface EmbeddingSpec {
  readonly embedding: readonly number[]
}

/** One choice of a chat completion answered with `n` > 1 (`respond.choices`). */
export interface ChoiceSpec {
  readonly content?: string | null
  readonly refusal?: string
  readonly tool_calls?: readonly ToolCallSpec[]
  readonly finish_reason?: string
}

export interface Respond {
  readonly content?: string | null
  /** Any JSON value, sent serialised as the content (checked against a requested schema). */
  readonly json?: unknown
  /** The model declines: sent in the provider's refusal shape instead of content. */
  readonly refusal?: string
  readonly tool_calls?: readonly ToolCallSpec[]
  readonly usage?: UsageSpec
  readonly embeddings?: readonly EmbeddingSpec[]
  readonly finish_reason?: string
  /** Chat and legacy completions with `n` > 1: choice N answers with item N; past the list, as above. */
  readonly choices?: readonly ChoiceSpec[]
  readonly delay_ms?: number
  readonly chunk_size?: number
  readonly chunk_delay_ms?: number
  /**
   * Streams: the waits before the second chunk, the third, ... in turn, in ms (record mode
   * writes the upstream's own); past the list, `chunk_delay_ms` or `tokens_per_second`.
   */
  readonly chunk_delays_ms?: readonly number[]
  /** Streams: wait before the first chunk, in ms (time to first token). */
  readonly ttft_ms?: number
  /** Streams: pace the chunks at this many tokens a second (a word-sized chunk is one token). */
  readonly tokens_per_second?: number
  /** Streams: add a seeded wait of 0 to this many ms before each chunk. */
  readonly jitter_ms?: number
  readonly id?: string
  /** Accepted for compatibility with Python-era files; not sent. */
  readonly images?: unknown
  readonly audio_url?: string
  readonly metadata?: Record<string, unknown>
  /** Python-era files carry `stream: false`; whether to stream is the request's choice. */
  readonly stream?: boolean
}

export interface ErrorSpec {
  readonly error_type: ErrorType
  readonly message?: string
  readonly status_code?: number
  readonly code?: string
  readonly param?: string
  readonly retry_after?: number
  readonly delay_ms?: number
}

/**
 * Seeded faults for a rule's answers (see docs/chaos.md): the chance of each fault per request,
 * and stream cuts or stalls after a number of chunks.
 */
export interface RuleChaos {
  /** Chance (0 to 1) of a 429 with `retry-after`. */
  readonly rate_limit?: number
  /** Chance (0 to 1) of a 500 or 503 (Anthropic: 500 or 529 `overloaded_error`). */
  readonly server_error?: number
  /** Chance (0 to 1) that the connection is cut (a stream's after some chunks). */
  readonly disconnect?: number
  /** Chance (0 to 1) of a truncated JSON body with status 200. */
  readonly malformed?: number
  /** Cuts every stream of the rule after this many chunks (SSE events). */
  readonly disconnect_after_chunks?: number
  /** Stalls every stream of the rule after this many chunks, for `stall_ms`. */
  readonly stall_after_chunks?: number
  /** How long a stall lasts, in ms. */
  readonly stall_ms?: number
}

export interface Rule {
  readonly type: RuleType
  readonly when: When
  readonly respond?: Respond
  readonly error?: ErrorSpec
  /**
   * When `respond` is a list in the file: every item, in order. Use N of the rule answers with
   * item N, the last one repeating (or, with `cycle`, starting over); `respond` is the first.
   */
  readonly sequence?: readonly Respond[]
  /** With a `sequence`: after the last item, start over at the first instead of repeating it. */
  readonly cycle?: boolean
  /** Seeded faults for this rule's answers. */
  readonly chaos?: RuleChaos
  /** How many times the rule may be selected; `null` is unlimited. */
  readonly times: number | null
  /** Where the rule starts in its file (1-based), for messages; absent for rules built in code. */
  readonly line?: number
}

/** Prices in USD per one million tokens. */
export interface ModelPrice {
  readonly input: number
  readonly output?: number
  readonly cached_input?: number
}

export interface Scenario {
  readonly version: 1
  readonly rules: readonly Rule[]
  readonly meta: Readonly<Record<string, unknown>>
  /** Per-model price overrides, keyed by model id or family. */
  readonly pricing?: Readonly<Record<string, ModelPrice>>
  /**
   * Strict requests: refuse with the provider's 400 what the real API refuses (unknown body
   * fields, a tool result without its call, ...). The server's `strict` option overrides it.
   */
  readonly strict?: boolean
  /** File name or label the scenario came from, used in messages. */
  readonly source?: string
}

/** A text part of a multi-part message (other part kinds are ignored by the matcher). */
export interface ContentPart {
  readonly type: string
  readonly text?: string
  readonly [key: string]: unknown
}

export interface ChatMessage {
  readonly role: string
  readonly content?: string | readonly ContentPart[] | null
  readonly [key: string]: unknown
}

/**
 * What the matcher sees. The server normalizes every API (chat completions, responses,
 * messages, completions, embeddings) into this before matching.
 */
export interface MatchRequest {
  /** The request path relative to the API root, e.g. `/v1/chat/completions`. */
  readonly endpoint: string
  readonly model?: string
  readonly messages?: readonly ChatMessage[]
  /** Embedding inputs as text (token arrays are rendered as their numbers joined by spaces). */
  readonly input?: readonly string[]
  /**
   * The names of the tools the request offers (built-in tools without a name: their `type`),
   * for `when.tools_offered`; absent when it offers none.
   */
  readonly tools?: readonly string[]
  /**
   * The request body as parsed JSON, for `when.params`; given only when the matcher reads it
   * (`Matcher.readsBody`) or the caller has it at hand.
   */
  readonly body?: unknown
}

export interface MatchResult {
  readonly rule: Rule
  /** The rule's position in `scenario.rules` (0-based; messages say "rule N", 1-based). */
  readonly index: number
  /** How many times the rule has been selected, this one included (1 on its first use). */
  readonly use: number
}

export interface RuleVerdict {
  /** The rule's position in `scenario.rules` (0-based; messages say "rule N", 1-based). */
  readonly index: number
  readonly matched: boolean
  /** Why it matched (the conditions that held) or, for a miss, the first condition that failed. */
  readonly reasons: readonly string[]
  /** Whether the rule's type answers the request's endpoint at all. */
  readonly applies?: boolean
  /** How many of the rule's conditions held (the type counts as one), to rank near misses. */
  readonly passed?: number
}

export interface ScenarioIssue {
  /** Dotted path into the document, e.g. `rules[2].when.model`. */
  readonly path: string
  readonly message: string
  readonly line?: number
  readonly column?: number
}

/** Something legal but probably not meant, found by `lintScenario`. */
export interface ScenarioWarning {
  /** The rule concerned (0-based index into `scenario.rules`; messages say "rule N", 1-based). */
  readonly ruleIndex: number
  readonly message: string
  /** The rule's start line in its file, when it was parsed from YAML. */
  readonly line?: number
}

/** Compiled rules plus the live `times` counters. The Scenario itself never changes. */
/**
 * One set of rule use counts (`times`): a matcher keeps a default set, and `createCounters()`
 * makes more, so sessions share compiled rules but not their counts.
 */
export interface MatchCounters {
  /** How many times the rule at `index` has been selected. */
  get(index: number): number
  /** Counts one more use of the rule at `index`; returns the new count. */
  count(index: number): number
  /** Forgets every count. */
  reset(): void
}

export interface Matcher {
  readonly scenario: Scenario
  /** Whether a rule reads the request body (`when.params`): give `MatchRequest.body` then. */
  readonly readsBody?: boolean
  /**
   * The first rule that matches and has uses left; counts one use of it, in `counters` when
   * given (else in the matcher's own).
   */
  match(request: MatchRequest, counters?: MatchCounters): MatchResult | undefined
  /** A verdict per rule, without counting a use; `used up` is read from `counters` when given. */
  explain(request: MatchRequest, counters?: MatchCounters): RuleVerdict[]
  /** Restores every `times` counter of the matcher's own set. */
  reset(): void
}
