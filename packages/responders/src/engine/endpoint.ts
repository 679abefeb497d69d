/**
 * What one row of the endpoint table declares: where an API answers (method and path pattern),
 * whose envelope its errors use, and how a request becomes an answer. Transports, the stub, the
 * CLI preview, record mode and cost metrics all read rows; none repeats a path.
 */
import type {
  ChatMessage,
  ErrorSpec,
  MatchRequest,
  MatchResult,
  RuleType,
  Scenario,
} from '@mocktopus/scenario'
import type { ResponseStore } from '../openai/responses/store.js'
import type { Clock } from '../shared/clock.js'
import type { StreamTiming } from '../shared/paced-stream.js'
import type { SSEFrame } from '../shared/sse.js'
import type {
  ErrorEnvelope,
  ParseResult,
  WireError,
  WireErrorInit,
  WireResult,
} from '../shared/wire.js'
import type { EngineState } from './state.js'

/** The APIs Mocktopus speaks. */
export type ProviderName = 'openai' | 'anthropic' | 'gemini' | 'ollama' | 'azure'

/** What every answer on one provider's paths shares. */
export interface Provider {
  readonly name: ProviderName
  /** The provider's error envelope, for the shared failures (bad JSON, no rule, 404, ...). */
  readonly errors: ErrorEnvelope
  /**
   * The header every answer carries an id in, also written into an error body's `request_id`
   * (Anthropic's `request-id`); a responder may set it, otherwise the engine numbers it.
   */
  readonly requestIdHeader?: string
  /** The id for `seed`, when `requestIdHeader` is set. */
  requestId?(seed: string): string
  /**
   * A rule's `error:` (and chaos's 429 and 5xx) in this provider's words; a provider without
   * one gets OpenAI's. (The responders of OpenAI's and Anthropic's rows build their own.)
   */
  ruleError?(spec: ErrorSpec): WireError
  /**
   * Chaos's overloaded server error, when the provider has one of its own (Anthropic's 529);
   * otherwise a 503 from `ruleError`.
   */
  overloaded?(): WireError
  /**
   * The rate-limit headers every answer carries (`x-ratelimit-*` or `anthropic-ratelimit-*`,
   * counted by `ChaosControl`); none when absent, as Gemini and Ollama send none.
   */
  readonly rateLimitHeaders?: 'openai' | 'anthropic'
  /**
   * The 404 when no rule matches, in this provider's words (Ollama: its unknown-model error
   * for a model no rule names); `undefined` keeps the engine's message.
   */
  noMatch?(input: {
    readonly request: MatchRequest
    readonly scenario: Scenario
  }): WireError | undefined
  /** The message of the 400 for a body that is not JSON; OpenAI's words when absent. */
  readonly invalidJson?: string
  /**
   * The refusal when the server's auth token (`--auth-token`) is missing (`given: false`) or
   * wrong, in this provider's words; the server's own OpenAI-worded 401 when absent.
   */
  unauthorized?(given: boolean): WireErrorInit
  /**
   * The last frame of a stream that fails midway (chaos's `disconnect`): Ollama's `{"error"}`
   * line; when absent the connection just drops.
   */
  streamFailure?(): SSEFrame
  /** Record mode's knowledge of this provider (`<provider>/record.ts`); OpenAI's when absent. */
  readonly record?: ProviderRecord
}

/** One server-sent event of an upstream's stream, as record mode parsed it. */
export interface RecordedEvent {
  readonly event?: string
  readonly data: string
}

/** The body a stream adds up to, or why there is none (the stream failed or carried an error). */
export type AssembledStream =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly reason: string }

/** Folds one stream's events, in order, into the body a request without `stream` gets. */
export interface StreamAssembler {
  add(event: RecordedEvent): void
  result(): AssembledStream
  /**
   * Whether replay paces an event like this one (its text deltas, where the stream frames them
   * in other events): the recorded timing is taken between these. Default: every event.
   */
  paces?(event: RecordedEvent): boolean
}

/**
 * What record mode needs from a provider beyond its rows: where its upstream is, how its
 * credentials travel, how a stream adds up to one answer and how an answer becomes a rule.
 */
export interface ProviderRecord {
  /**
   * The upstream root by default, e.g. `https://api.anthropic.com`; absent where every user
   * has their own (Azure's resources): record mode then needs the upstream option.
   */
  readonly defaultUpstream?: string
  /**
   * The name of the upstream option (`UpstreamProxyOptions`, `mocktopus serve` flags in
   * kebab case), e.g. `anthropicUpstream` for `--anthropic-upstream`.
   */
  readonly upstreamOption: string
  /**
   * The rule type that answers its rule endpoints other than embeddings (those are
   * `embeddings`, from `RULE_TYPE_ENDPOINTS`).
   */
  readonly ruleType: Exclude<RuleType, 'llm' | 'embeddings'>
  /**
   * How its API key travels, for the key record mode sends in place of the client's; absent
   * for an API without keys (Ollama).
   */
  readonly key?: {
    /** The option that holds it (`UpstreamProxyOptions`), e.g. `anthropicKey`. */
    readonly option: string
    /** The header it goes in; `authorization` as `Bearer <key>`. */
    readonly header: string
    /** Headers it replaces besides its own (Anthropic's SDK may send `Authorization`). */
    readonly replaces?: readonly string[]
    /** The query parameter a client may send it in instead (Gemini's `?key=`). */
    readonly query?: string
    /** The environment variables the CLI reads it from, first set wins (`OPENAI_API_KEY`). */
    readonly env: readonly string[]
  }
  /**
   * Headers the API requires that a client's SDK sends and a rule does not keep, for a request
   * rebuilt from a recording (`mocktopus drift`): Anthropic's `anthropic-version`.
   */
  readonly requestHeaders?: Readonly<Record<string, string>>
  /**
   * A rule's `respond` from the upstream's JSON answer at `endpoint` (a stream's, assembled),
   * or a string that says why it cannot be one. `request` is the body the client sent, when
   * known: what the answer repeats of it (a legacy completion's `echo`) is not kept twice.
   */
  respond(
    body: Readonly<Record<string, unknown>>,
    endpoint: string,
    request?: unknown,
  ): Record<string, unknown> | string
  /**
   * How its streams add up to one answer, as a request without `stream` would get it:
   * `events`, an assembler for an endpoint's SSE events (none for one that does not stream);
   * `ndjson`, the body's lines folded.
   */
  readonly assemble?:
    | {
        readonly kind: 'events'
        create(endpoint: string): StreamAssembler | undefined
      }
    | {
        readonly kind: 'ndjson'
        fold(text: string): AssembledStream
      }
}

/** How an endpoint frames a stream; `none` for endpoints that never stream. */
export type StreamFraming =
  | 'none'
  | 'openai-sse'
  | 'responses-sse'
  | 'anthropic-sse'
  /** One whole response object per `data:` line, no `[DONE]` (Gemini's `alt=sse`). */
  | 'gemini-sse'
  /** One JSON object a line, `application/x-ndjson` (Ollama). */
  | 'ndjson'

/** Something that has request headers, read by lower-case name: a transport's request. */
export interface HeaderLookup {
  header(name: string): string | undefined
}

interface EndpointCommon {
  /** A stable name, e.g. `openai.chat.completions`: logs, metrics, the stub's methods. */
  readonly id: string
  readonly method: 'GET' | 'POST' | 'DELETE'
  /** The path relative to the API root, with `:name` parameters, e.g. `/v1/responses/:id`. */
  readonly path: string
  readonly provider: Provider
  readonly framing: StreamFraming
  /**
   * When rows share a method and path (`GET /v1/models` for both providers), the first whose
   * `accepts` says yes answers; a row without it accepts every request.
   */
  accepts?(request: HeaderLookup): boolean
}

/** What `answer` of a rule endpoint gets. `signal` is read only by what waits (a stream). */
export interface AnswerInput<Params> {
  readonly params: Params
  readonly match: MatchResult
  readonly clock: Clock
  readonly signal: AbortSignal
  /** Where answered responses are kept for `previous_response_id` (Responses API). */
  readonly store: ResponseStore
  /** A stream's timing (`ttft_ms`, `tokens_per_second`, `jitter_ms`), when any is set. */
  readonly timing?: StreamTiming
}

/** How `mocktopus explain` and `simulate` phrase a request to an endpoint. */
export interface PreviewSpec {
  readonly defaultModel: string
  body(request: PreviewRequest, model: string): Record<string, unknown>
}

/** A request as the CLI describes it: a prompt, or messages, and whether to stream. */
export interface PreviewRequest {
  readonly prompt?: string
  readonly messages?: readonly ChatMessage[]
  readonly stream?: boolean
}

/** Where a request arrived: the path's `:name` parameters and the query string (no `?`). */
export interface RouteInput {
  readonly params: Readonly<Record<string, string>>
  readonly query: string
}

/** An endpoint answered from the scenario's rules. */
export interface RuleEndpoint<Params = unknown> extends EndpointCommon {
  readonly kind: 'rules'
  /**
   * `route` is given by the engine; callers that re-parse a stored body (the inspector,
   * cassettes) may leave it out, and a row whose model is in its path (Gemini) then reads
   * the body's `model` or says it does not know.
   */
  parse(body: unknown, state: EngineState, route?: RouteInput): ParseResult<Params>
  /**
   * Strict requests (`--strict`, a scenario's `strict: true`): the 400 the real API gives a body
   * `parse` accepted (unknown fields, a tool result without its call), or `undefined`.
   */
  strict?(body: unknown, state: EngineState): WireError | undefined
  answer(input: AnswerInput<Params>): WireResult | Promise<WireResult>
  readonly preview: PreviewSpec
}

/** What `answer` of a plain endpoint gets. */
export interface PlainInput {
  /** The path's `:name` parameters. */
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  /** The parsed JSON body, when the endpoint reads one. */
  readonly body: unknown
  readonly scenario: Scenario
  readonly state: EngineState
}

/** An endpoint answered without the rules: models, stored responses, token counts. */
export interface PlainEndpoint extends EndpointCommon {
  readonly kind: 'plain'
  /** Whether the request carries a JSON body (parsed, and refused as the rule endpoints do). */
  readonly readsBody: boolean
  answer(input: PlainInput): WireResult
}

export type Endpoint = RuleEndpoint<unknown> | PlainEndpoint
