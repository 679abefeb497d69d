/**
 * The Gemini API's wire types for `generateContent` and `streamGenerateContent`, with the
 * API's own (camelCase) names: `GenerateContentRequest`, `Content`, `Part`,
 * `GenerateContentResponse`, `Candidate`, `UsageMetadata`.
 */

/** A function call the model makes; `args` is an object, never a JSON string. */
export interface GeminiFunctionCall {
  readonly name: string
  readonly args?: Readonly<Record<string, unknown>>
  readonly id?: string
}

/** The result of a function call, sent back by the client. It carries no call id. */
export interface GeminiFunctionResponse {
  readonly name: string
  readonly response?: unknown
  readonly id?: string
}

/** One part of a `Content`; only the fields Mocktopus reads are typed. */
export interface GeminiPart {
  readonly text?: string
  readonly functionCall?: GeminiFunctionCall
  readonly functionResponse?: GeminiFunctionResponse
  readonly thought?: boolean
  readonly [key: string]: unknown
}

/** One turn: `user` or `model` (a missing role counts as `user`). */
export interface GeminiContent {
  readonly role?: string
  readonly parts: readonly GeminiPart[]
}

/** A validated request body (`GenerateContentRequest`, the parts Mocktopus reads). */
export interface GeminiGenerateRequest {
  readonly contents: readonly GeminiContent[]
  readonly systemInstruction?: GeminiContent | string
  readonly tools?: readonly Readonly<Record<string, unknown>>[]
  readonly toolConfig?: Readonly<Record<string, unknown>>
  readonly generationConfig?: Readonly<Record<string, unknown>>
  readonly [key: string]: unknown
}

/** Why the model stopped (`FinishReason`). */
export type GeminiFinishReason =
  | 'STOP'
  | 'MAX_TOKENS'
  | 'SAFETY'
  | 'RECITATION'
  | 'LANGUAGE'
  | 'OTHER'
  | 'BLOCKLIST'
  | 'PROHIBITED_CONTENT'
  | 'SPII'
  | 'MALFORMED_FUNCTION_CALL'
  | 'UNEXPECTED_TOOL_CALL'

/** A response part: text, or a whole function call. */
export type GeminiResponsePart =
  | { readonly text: string }
  | { readonly functionCall: GeminiFunctionCall }

export interface GeminiCandidate {
  readonly content: { readonly parts: readonly GeminiResponsePart[]; readonly role: 'model' }
  readonly finishReason?: GeminiFinishReason | string
  readonly index: number
}

/** Token counts (`UsageMetadata`), with the per-modality breakdown the API sends. */
export interface GeminiUsageMetadata {
  readonly promptTokenCount: number
  readonly candidatesTokenCount: number
  readonly totalTokenCount: number
  readonly promptTokensDetails: readonly {
    readonly modality: 'TEXT'
    readonly tokenCount: number
  }[]
}

/** The answer body, and each chunk of a stream (`GenerateContentResponse`). */
export interface GeminiGenerateResponse {
  readonly candidates: readonly GeminiCandidate[]
  readonly usageMetadata?: GeminiUsageMetadata
  readonly modelVersion: string
  readonly responseId: string
}
