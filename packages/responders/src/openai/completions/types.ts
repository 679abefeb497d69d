/**
 * Wire types of the legacy completions API (`/v1/completions`), named as in the `openai` SDK.
 * A streamed answer is a run of the same `text_completion` objects, one piece of text each.
 */

export interface CompletionChoice {
  readonly text: string
  readonly index: number
  readonly logprobs: null
  /** `null` on every streamed chunk but the one that ends its choice. */
  readonly finish_reason: 'stop' | 'length' | 'content_filter' | null
}

export interface CompletionUsageCounts {
  readonly prompt_tokens: number
  readonly completion_tokens: number
  readonly total_tokens: number
}

export interface Completion {
  readonly id: string
  readonly object: 'text_completion'
  readonly created: number
  readonly model: string
  readonly choices: readonly CompletionChoice[]
  /** On a body always; on a stream only the last chunk's, and only with `include_usage`. */
  readonly usage?: CompletionUsageCounts | null
}
