/**
 * The request and result types of the stub client. Requests are typed loosely on purpose: any
 * params object typed with the `openai` SDK's own types fits, and the stub checks the values
 * at run time exactly as the server does (a bad one throws `BadRequestError` with `param`).
 */
import type {
  ChatCompletion,
  CreateEmbeddingResponse,
  Embedding,
  ResponseObject,
} from '@mocktopus/responders'

/** A result with the SDK's `_request_id`: the answer's `x-request-id` header. */
export type WithRequestID<T> = T & {
  /** Not enumerable, as in the SDK: it stays out of `JSON.stringify` and `toEqual`. */
  readonly _request_id?: string | null
}

/** What `chat.completions.create` needs at least; every other field is passed through. */
export interface ChatCompletionCreateParams {
  readonly model: string
  readonly messages: readonly { readonly role: string; readonly content?: unknown }[]
  readonly stream?: boolean | null
}

/** What `embeddings.create` needs at least; every other field is passed through. */
export interface EmbeddingCreateParams {
  readonly model: string
  readonly input: unknown
  readonly encoding_format?: 'float' | 'base64'
}

/** What `responses.create` needs at least; every other field is passed through. */
export interface ResponseCreateParams {
  readonly model: string
  readonly input?: unknown
  readonly stream?: boolean | null
}

/**
 * An embeddings answer as the SDK returns it: vectors as number arrays unless the request
 * asked for `encoding_format: 'base64'`.
 */
export interface EmbeddingsResult<Vector extends number[] | string = number[]>
  extends Omit<CreateEmbeddingResponse, 'data'> {
  readonly data: readonly (Omit<Embedding, 'embedding'> & { readonly embedding: Vector })[]
}

/** A Responses API answer as the SDK returns it, with its convenience `output_text`. */
export type ResponseResult = ResponseObject & {
  /** Every `output_text` part of every message in `output`, joined (added by the SDK). */
  readonly output_text: string
}

export type { ChatCompletion }
