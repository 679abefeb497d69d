/** Ollama's wire types, with the API reference's own names (docs/api.md of ollama/ollama). */

/** A tool call as Ollama sends it: `arguments` is an object, not a JSON string. */
export interface OllamaToolCall {
  readonly function: {
    readonly name: string
    readonly arguments: Readonly<Record<string, unknown>>
  }
}

/** A chat message, in a request or an answer. */
export interface OllamaMessage {
  readonly role: string
  readonly content: string
  readonly images?: readonly string[]
  readonly thinking?: string
  readonly tool_calls?: readonly OllamaToolCall[]
  /** A `tool` message: the function whose result it carries. */
  readonly tool_name?: string
  readonly tool_call_id?: string
}

/** A function tool offered in a chat request. */
export interface OllamaTool {
  readonly type: string
  readonly function: {
    readonly name?: string
    readonly description?: string
    readonly parameters?: unknown
  }
}

/** `POST /api/chat`. */
export interface OllamaChatRequest {
  readonly model: string
  readonly messages?: readonly OllamaMessage[]
  readonly tools?: readonly OllamaTool[]
  /** `"json"`, or a JSON schema (structured outputs). */
  readonly format?: unknown
  readonly options?: Readonly<Record<string, unknown>>
  /** Default `true`: NDJSON lines. */
  readonly stream?: boolean
  readonly keep_alive?: string | number
  readonly think?: boolean | string
}

/** `POST /api/generate`. */
export interface OllamaGenerateRequest {
  readonly model: string
  readonly prompt?: string
  readonly suffix?: string
  readonly system?: string
  readonly template?: string
  readonly context?: readonly number[]
  readonly images?: readonly string[]
  readonly format?: unknown
  readonly options?: Readonly<Record<string, unknown>>
  readonly stream?: boolean
  readonly raw?: boolean
  readonly keep_alive?: string | number
}

/** The timings and counts every final line (and a `stream: false` answer) carries. */
export interface OllamaMetrics {
  /** Nanoseconds, as every Ollama duration. */
  readonly total_duration: number
  readonly load_duration: number
  readonly prompt_eval_count: number
  readonly prompt_eval_duration: number
  readonly eval_count: number
  readonly eval_duration: number
}

interface OllamaLineBase {
  readonly model: string
  /** RFC 3339 time. */
  readonly created_at: string
}

/** One `/api/chat` line, or the whole answer with `stream: false`. */
export type OllamaChatResponse = OllamaLineBase & {
  readonly message: OllamaMessage
} & (
    | { readonly done: false }
    | ({ readonly done: true; readonly done_reason: string } & OllamaMetrics)
  )

/** One `/api/generate` line, or the whole answer with `stream: false`. */
export type OllamaGenerateResponse = OllamaLineBase & {
  readonly response: string
} & (
    | { readonly done: false }
    | ({ readonly done: true; readonly done_reason: string } & OllamaMetrics)
  )

/** `POST /api/embed`. */
export interface OllamaEmbedResponse {
  readonly model: string
  readonly embeddings: readonly (readonly number[])[]
  readonly total_duration: number
  readonly load_duration: number
  readonly prompt_eval_count: number
}

/** `POST /api/embeddings` (the older endpoint). */
export interface OllamaEmbeddingsResponse {
  readonly embedding: readonly number[]
}
