/**
 * The request and result types of the Anthropic stub. Requests are typed loosely on purpose:
 * params typed with `@anthropic-ai/sdk`'s own types fit, and the stub checks the values at run
 * time exactly as the server does (a bad one throws `BadRequestError` naming the field).
 */
import type {
  AnthropicMessage,
  AnthropicModel,
  AnthropicStreamEvent as AnthropicWireStreamEvent,
} from '@mocktopus/responders'

/** A result with the SDK's `_request_id` (the `request-id` header) and `_workspace_id`. */
export type WithAnthropicRequestID<T> = T & {
  /** Not enumerable, as in the SDK. */
  readonly _request_id?: string | null
  /** Not enumerable; always `null` (the stub has no workspaces). */
  readonly _workspace_id?: string | null
}

/** What `messages.create` needs at least; every other field is passed through. */
export interface MessageCreateParams {
  readonly model: string
  readonly max_tokens: number
  readonly messages: readonly { readonly role: string; readonly content: unknown }[]
  readonly stream?: boolean | null
  /** Structured outputs: `format` (a `json_schema`, or `zodOutputFormat(...)`) is parsed by `parse`. */
  readonly output_config?: { readonly format?: unknown } | null
}

/** What `messages.countTokens` needs at least. */
export interface MessageCountTokensParams {
  readonly model: string
  readonly messages: readonly { readonly role: string; readonly content: unknown }[]
}

/** A Messages API answer (`Message` in the SDK). */
export type StubMessage = AnthropicMessage

/** One event of a Messages stream as the SDK yields it (`MessageStreamEvent`: no `ping`). */
export type AnthropicStreamEvent = Exclude<AnthropicWireStreamEvent, { readonly type: 'ping' }>

/** `messages.countTokens`'s answer (`MessageTokensCount` in the SDK). */
export interface MessageTokensCount {
  readonly input_tokens: number
}

/** `models.list`'s query (`ModelListParams` in the SDK). */
export interface ModelListParams {
  readonly limit?: number
  readonly after_id?: string
  readonly before_id?: string
}

export type { AnthropicModel }
