/**
 * Builds the answer to a matched embeddings request: pinned vectors from the rule, or seeded
 * unit vectors that are the same in every process and on every machine.
 */
import type { MatchResult } from '@mocktopus/scenario'
import { sha256 } from '../../shared/sha256.js'
import { countTokens } from '../../shared/tokenizer.js'
import type { WireError, WireJSON } from '../../shared/wire.js'
import { requestIdHeader } from '../chat/answer.js'
import { openaiRuleError } from '../errors.js'
import type { EmbeddingEncoding, EmbeddingsParams } from './request.js'

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
  const values = new Float64Array(dimensions)
  let sum = 0
  for (let i = 0; i < dimensions; i++) {
    const v = next() * 2 - 1
    values[i] = v
    sum += v * v
  }
  const norm = Math.sqrt(sum) || 1
  // Rounded to float32 so the float and base64 encodings carry exactly the same numbers.
  const vector: number[] = []
  for (const v of values) vector.push(Math.fround(v / norm))
  return vector
}

const BASE64_DIGITS = Uint8Array.from(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  (char) => char.charCodeAt(0),
)
const PAD = 61 // '='
const ascii = new TextDecoder()

// Standard base64 with padding, as btoa writes it, straight from bytes: btoa takes a string.
function toBase64(bytes: Uint8Array): string {
  const digit = (sextet: number) => BASE64_DIGITS[sextet & 63] as number
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4)
  let o = 0
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i
    const n =
      ((bytes[i] as number) << 16) |
      (rest > 1 ? (bytes[i + 1] as number) << 8 : 0) |
      (rest > 2 ? (bytes[i + 2] as number) : 0)
    out[o++] = digit(n >>> 18)
    out[o++] = digit(n >>> 12)
    out[o++] = rest > 1 ? digit(n >>> 6) : PAD
    out[o++] = rest > 2 ? digit(n) : PAD
  }
  return ascii.decode(out)
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
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] as number, true)
  return toBase64(bytes)
}

function encode(values: readonly number[], format: EmbeddingEncoding): readonly number[] | string {
  return format === 'base64' ? encodeFloat32Base64(values) : values
}

// A seeded vector depends only on (model, text, dimensions, encoding), and test suites embed
// the same few texts again and again: the last few hundred encodings are kept, so a repeat
// skips the hash, the generator and the base64 encoder. Bounded by count; a hit moves to the
// back of the Map, the front (least recently used) goes first.
const SEEDED_CACHE_SIZE = 256
// Each entry also keeps the encoding's JSON text, so a repeat does not stringify the floats.
interface SeededEncoding {
  readonly embedding: readonly number[] | string
  readonly json: string
}
const seededCache = new Map<string, SeededEncoding>()

const withJSON = (embedding: readonly number[] | string): SeededEncoding => ({
  embedding,
  json: JSON.stringify(embedding),
})

function seededEncoding(
  model: string,
  text: string,
  dimensions: number,
  format: EmbeddingEncoding,
): SeededEncoding {
  const key = `${format}\u0000${dimensions}\u0000${model}\u0000${text}`
  let encoded = seededCache.get(key)
  if (encoded !== undefined) {
    seededCache.delete(key)
  } else {
    encoded = withJSON(encode(seededEmbedding(model, text, dimensions), format))
    if (seededCache.size >= SEEDED_CACHE_SIZE) {
      seededCache.delete(seededCache.keys().next().value as string)
    }
  }
  seededCache.set(key, encoded)
  return encoded
}

/**
 * Answers a matched embeddings request: entry `i` of the rule's `embeddings` for input `i`
 * (else its first entry), otherwise a seeded vector; usage from the rule, else estimated
 * (token-array inputs count their tokens, text inputs the model's encoding or `estimateTokens`).
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
  const data: Embedding[] = []
  const dataText: string[] = []
  params.inputs.forEach((text, index) => {
    const fixed = (pinned[index] ?? pinned[0])?.embedding
    const { embedding, json } = fixed
      ? withJSON(encode(fixed, params.encoding_format))
      : seededEncoding(params.model, text, dimensions, params.encoding_format)
    data.push({ object: 'embedding', index, embedding })
    dataText.push(`{"object":"embedding","index":${index},"embedding":${json}}`)
  })
  const estimated = params.inputs.reduce(
    (sum, text, i) => sum + (params.token_counts[i] ?? countTokens(params.model, text)),
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
  // JSON.stringify(body), written from the vectors' cached JSON text.
  const bodyText =
    `{"object":"list","data":[${dataText.join(',')}],` +
    `"model":${JSON.stringify(body.model)},"usage":${JSON.stringify(body.usage)}}`
  return {
    kind: 'json',
    status: 200,
    headers,
    body,
    bodyText,
    delayMs: respond.delay_ms ?? 0,
    usage: { input_tokens: promptTokens, output_tokens: 0 },
  }
}
