/**
 * Builds the answer to a matched embeddings request: pinned vectors from the rule, or seeded
 * unit vectors that are the same in every process and on every machine.
 */
import type { MatchResult } from '@mocktopus/scenario'
import { requestIdHeader } from './chat-answer.js'
import type { EmbeddingEncoding, EmbeddingsParams } from './embeddings-request.js'
import { openaiRuleError } from './openai-errors.js'
import { sha256 } from './sha256.js'
import { estimateTokens } from './tokens.js'
import type { WireError, WireJSON } from './wire.js'

export interface Embedding {
  readonly object: 'embedding'
  readonly index: number
  /** Floats, or base64 of their little-endian float32 bytes. */
  readonly embedding: readonly number[] | string
}

export interface CreateEmbeddingResponse {
  readonly object: 'list'
  readonly data: readonly Embedding[]
  readonly model: string
  readonly usage: { readonly prompt_tokens: number; readonly total_tokens: number }
}

export interface AnswerEmbeddingsOptions {
  readonly params: EmbeddingsParams
  readonly match: MatchResult
}

/**
 * The vector length a model returns when the request does not set `dimensions`.
 *
 * @example defaultDimensions('text-embedding-3-large') // 3072
 */
export function defaultDimensions(model: string): number {
  return model.includes('text-embedding-3-large') ? 3072 : 1536
}

// xoshiro128**: small, fast and fully specified, so every runtime draws the same sequence.
function xoshiro128(seed: Uint8Array): () => number {
  const view = new DataView(seed.buffer, seed.byteOffset, seed.byteLength)
  let a = view.getUint32(0)
  let b = view.getUint32(4)
  let c = view.getUint32(8)
  let d = view.getUint32(12)
  return () => {
    const result = Math.imul(((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25)) >>> 0, 9) >>> 0
    const t = b << 9
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = (d << 11) | (d >>> 21)
    return result / 0x100000000
  }
}

/**
 * A unit vector of `dimensions` float32 values seeded from SHA-256 of the model and the text,
 * so the same input always embeds to the same vector and different inputs to different ones.
 *
 * @example seededEmbedding('text-embedding-3-small', 'hello', 8).length // 8
 */
export function seededEmbedding(model: string, text: string, dimensions: number): number[] {
  const next = xoshiro128(sha256(`${model}\u0000${text}`))
  const values = Array.from({ length: dimensions }, () => next() * 2 - 1)
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1
  // Rounded to float32 so the float and base64 encodings carry exactly the same numbers.
  return values.map((v) => Math.fround(v / norm))
}

/**
 * Floats as OpenAI's base64 encoding carries them.
 *
 * @example encodeFloat32Base64([1]) // 'AACAPw=='
 */
export function encodeFloat32Base64(values: readonly number[]): string {
  // The SDK asks for base64 unless told otherwise and decodes little-endian float32; any other
  // byte order shows up as garbage vectors, so we write exactly what the API writes.
  const bytes = new Uint8Array(values.length * 4)
  const view = new DataView(bytes.buffer)
  for (const [i, v] of values.entries()) view.setFloat32(i * 4, v, true)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

function encode(values: readonly number[], format: EmbeddingEncoding): readonly number[] | string {
  return format === 'base64' ? encodeFloat32Base64(values) : values
}

/**
 * Answers a matched embeddings request: entry `i` of the rule's `embeddings` for input `i`
 * (else its first entry), otherwise a seeded vector; usage from the rule, else estimated
 * (token-array inputs count their tokens, text inputs `estimateTokens`).
 *
 * @example answerEmbeddings({ params, match }).body.data[0].embedding
 */
export function answerEmbeddings(options: AnswerEmbeddingsOptions): WireJSON | WireError {
  const { params, match } = options
  const { rule } = match
  const headers = requestIdHeader(`${JSON.stringify(params.body)}|${match.index}|${match.use}`)
  if (rule.error) {
    const error = openaiRuleError(rule.error)
    return { ...error, headers: { ...error.headers, ...headers } }
  }
  const respond = rule.respond ?? {}
  const pinned = respond.embeddings ?? []
  const dimensions = params.dimensions ?? defaultDimensions(params.model)
  const data: Embedding[] = params.inputs.map((text, index) => {
    const fixed = (pinned[index] ?? pinned[0])?.embedding
    const values = fixed ?? seededEmbedding(params.model, text, dimensions)
    return { object: 'embedding', index, embedding: encode(values, params.encoding_format) }
  })
  const estimated = params.inputs.reduce(
    (sum, text, i) => sum + (params.token_counts[i] ?? estimateTokens(text)),
    0,
  )
  const promptTokens = respond.usage?.input_tokens ?? estimated
  const body: CreateEmbeddingResponse = {
    object: 'list',
    data,
    model: params.model,
    usage: {
      prompt_tokens: promptTokens,
      total_tokens: respond.usage?.total_tokens ?? promptTokens,
    },
  }
  return {
    kind: 'json',
    status: 200,
    headers,
    body,
    delayMs: respond.delay_ms ?? 0,
    usage: { input_tokens: promptTokens, output_tokens: 0 },
  }
}
