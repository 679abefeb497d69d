/**
 * Wire types of the OpenAI Responses API (`/v1/responses`), with the names and snake_case
 * fields of the `openai` SDK. Only what Mocktopus reads or writes is spelled out; the rest of a
 * request passes through as `unknown`. The response object is `ResponseObject` here because
 * `Response` is the Web standard class every route also uses.
 */

export interface ResponseInputTextPart {
  readonly type: 'input_text' | 'output_text' | string
  readonly text?: string
  readonly [key: string]: unknown
}

/** One entry of `input`: a message, a function call, its output, a reference, or other kinds. */
export interface ResponseInputItem {
  readonly type?: string
  readonly role?: string
  readonly content?: string | readonly ResponseInputTextPart[]
  readonly id?: string
  readonly call_id?: string
  readonly name?: string
  readonly arguments?: string
  readonly output?: string | readonly ResponseInputTextPart[]
  readonly [key: string]: unknown
}

export interface ResponseFunctionTool {
  readonly type: 'function'
  readonly name: string
  readonly description?: string | null
  readonly parameters?: Record<string, unknown> | null
  readonly strict?: boolean | null
  readonly [key: string]: unknown
}

export interface ResponseCreateParams {
  readonly model?: string
  readonly input?: string | readonly ResponseInputItem[]
  readonly instructions?: string | readonly ResponseInputItem[] | null
  readonly previous_response_id?: string | null
  readonly stream?: boolean | null
  readonly tools?: readonly (ResponseFunctionTool | Record<string, unknown>)[]
  readonly tool_choice?: unknown
  readonly temperature?: number | null
  readonly top_p?: number | null
  readonly parallel_tool_calls?: boolean | null
  readonly max_output_tokens?: number | null
  readonly max_tool_calls?: number | null
  readonly metadata?: Record<string, string> | null
  readonly store?: boolean | null
  readonly text?: Record<string, unknown>
  readonly reasoning?: Record<string, unknown> | null
  readonly truncation?: 'auto' | 'disabled' | null
  readonly user?: string
  readonly service_tier?: string | null
  readonly top_logprobs?: number | null
  readonly prompt_cache_key?: string | null
  readonly safety_identifier?: string | null
  readonly background?: boolean | null
  readonly [key: string]: unknown
}

export interface ResponseOutputText {
  readonly type: 'output_text'
  readonly text: string
  readonly annotations: readonly unknown[]
  readonly logprobs: readonly unknown[]
}

/** The model declined; the part the SDK's `parse()` leaves unparsed. */
export interface ResponseOutputRefusal {
  readonly type: 'refusal'
  readonly refusal: string
}

export type ItemStatus = 'in_progress' | 'completed' | 'incomplete'

export interface ResponseOutputMessage {
  readonly type: 'message'
  readonly id: string
  readonly status: ItemStatus
  readonly role: 'assistant'
  readonly content: readonly (ResponseOutputText | ResponseOutputRefusal)[]
}

export interface ResponseFunctionToolCall {
  readonly type: 'function_call'
  readonly id: string
  readonly call_id: string
  readonly name: string
  readonly arguments: string
  readonly status: ItemStatus
}

export type ResponseOutputItem = ResponseOutputMessage | ResponseFunctionToolCall

export interface ResponseUsage {
  readonly input_tokens: number
  readonly input_tokens_details: {
    readonly cached_tokens: number
    readonly cache_write_tokens: number
  }
  readonly output_tokens: number
  readonly output_tokens_details: { readonly reasoning_tokens: number }
  readonly total_tokens: number
}

export type ResponseStatus =
  | 'completed'
  | 'failed'
  | 'in_progress'
  | 'cancelled'
  | 'queued'
  | 'incomplete'

/** The response object (the spec's `Response`, the SDK's `Response`). */
export interface ResponseObject {
  readonly id: string
  readonly object: 'response'
  readonly created_at: number
  readonly status: ResponseStatus
  readonly background: boolean
  readonly completed_at: number | null
  readonly error: null
  readonly incomplete_details: { readonly reason: string } | null
  readonly instructions: string | readonly ResponseInputItem[] | null
  readonly max_output_tokens: number | null
  readonly max_tool_calls: number | null
  readonly model: string
  readonly output: readonly ResponseOutputItem[]
  readonly parallel_tool_calls: boolean
  readonly previous_response_id: string | null
  readonly prompt_cache_key: string | null
  readonly reasoning: Record<string, unknown>
  readonly safety_identifier: string | null
  readonly service_tier: string
  readonly store: boolean
  readonly temperature: number
  readonly text: Record<string, unknown>
  readonly tool_choice: unknown
  readonly tools: readonly unknown[]
  readonly top_logprobs: number
  readonly top_p: number
  readonly truncation: 'auto' | 'disabled'
  readonly usage?: ResponseUsage
  readonly user?: string
  readonly metadata: Record<string, string>
}

interface EventBase {
  readonly sequence_number: number
}

/** The typed events of a Responses stream that Mocktopus sends. */
export type ResponseStreamEvent =
  | (EventBase & {
      readonly type:
        | 'response.created'
        | 'response.in_progress'
        | 'response.completed'
        | 'response.incomplete'
      readonly response: ResponseObject
    })
  | (EventBase & {
      readonly type: 'response.output_item.added' | 'response.output_item.done'
      readonly output_index: number
      readonly item: ResponseOutputItem
    })
  | (EventBase & {
      readonly type: 'response.content_part.added' | 'response.content_part.done'
      readonly item_id: string
      readonly output_index: number
      readonly content_index: number
      readonly part: ResponseOutputText | ResponseOutputRefusal
    })
  | (EventBase & {
      readonly type: 'response.refusal.delta'
      readonly item_id: string
      readonly output_index: number
      readonly content_index: number
      readonly delta: string
    })
  | (EventBase & {
      readonly type: 'response.refusal.done'
      readonly item_id: string
      readonly output_index: number
      readonly content_index: number
      readonly refusal: string
    })
  | (EventBase & {
      readonly type: 'response.output_text.delta'
      readonly item_id: string
      readonly output_index: number
      readonly content_index: number
      readonly delta: string
      readonly logprobs: readonly unknown[]
    })
  | (EventBase & {
      readonly type: 'response.output_text.done'
      readonly item_id: string
      readonly output_index: number
      readonly content_index: number
      readonly text: string
      readonly logprobs: readonly unknown[]
    })
  | (EventBase & {
      readonly type: 'response.function_call_arguments.delta'
      readonly item_id: string
      readonly output_index: number
      readonly delta: string
    })
  | (EventBase & {
      readonly type: 'response.function_call_arguments.done'
      readonly item_id: string
      readonly output_index: number
      readonly name: string
      readonly arguments: string
    })
