/**
 * The chat completions wire types Mocktopus sends, named as in the `openai` SDK. Only the
 * fields we emit are listed; they are the ones the real API sends for a text or tool answer.
 */

export interface ChatCompletionMessageToolCall {
  readonly id: string
  readonly type: 'function'
  readonly function: { readonly name: string; readonly arguments: string }
}

export interface CompletionUsage {
  readonly prompt_tokens: number
  readonly completion_tokens: number
  readonly total_tokens: number
  readonly prompt_tokens_details: { readonly cached_tokens: number; readonly audio_tokens: number }
  readonly completion_tokens_details: {
    readonly reasoning_tokens: number
    readonly audio_tokens: number
    readonly accepted_prediction_tokens: number
    readonly rejected_prediction_tokens: number
  }
}

export interface ChatCompletionMessage {
  readonly role: 'assistant'
  readonly content: string | null
  readonly refusal: string | null
  readonly annotations: readonly never[]
  readonly tool_calls?: readonly ChatCompletionMessageToolCall[]
}

export interface ChatCompletionChoice {
  readonly index: number
  readonly message: ChatCompletionMessage
  readonly logprobs: null
  readonly finish_reason: string
}

export interface ChatCompletion {
  readonly id: string
  readonly object: 'chat.completion'
  readonly created: number
  readonly model: string
  readonly choices: readonly ChatCompletionChoice[]
  readonly usage: CompletionUsage
  readonly service_tier: 'default'
  readonly system_fingerprint: string
}

export interface ChatCompletionChunkToolCall {
  readonly index: number
  readonly id?: string
  readonly type?: 'function'
  readonly function: { readonly name?: string; readonly arguments: string }
}

export interface ChatCompletionChunkDelta {
  readonly role?: 'assistant'
  readonly content?: string | null
  readonly refusal?: string | null
  readonly tool_calls?: readonly ChatCompletionChunkToolCall[]
}

export interface ChatCompletionChunkChoice {
  readonly index: number
  readonly delta: ChatCompletionChunkDelta
  readonly logprobs: null
  readonly finish_reason: string | null
}

export interface ChatCompletionChunk {
  readonly id: string
  readonly object: 'chat.completion.chunk'
  readonly created: number
  readonly model: string
  readonly service_tier: 'default'
  readonly system_fingerprint: string
  readonly choices: readonly ChatCompletionChunkChoice[]
  /** Present (null until the last chunk) only when `stream_options.include_usage` is set. */
  readonly usage?: CompletionUsage | null
}
