/**
 * Validates and normalizes a `POST /v1/embeddings` body. `input` may be a string, a list of
 * strings, a token array or a list of token arrays; the matcher sees each input as text, a
 * token array as its numbers joined by spaces.
 */
import { ENDPOINTS } from '@mocktopus/scenario'
import {
  checkInteger,
  checkModel,
  invalidType,
  invalidValue,
  isRecord,
  missing,
  notAnObject,
} from '../../internal/request-checks.js'
import type { ParseResult } from '../../shared/wire.js'

/** The API path embeddings are served on, relative to the API root. */
export const EMBEDDINGS_PATH: typeof ENDPOINTS.embeddings = ENDPOINTS.embeddings

export type EmbeddingEncoding = 'float' | 'base64'

export interface EmbeddingsParams {
  readonly model: string
  /** Each input as text; token arrays as their numbers joined by spaces. */
  readonly inputs: readonly string[]
  /** Per input, its token count when it was sent as tokens, else `undefined`. */
  readonly token_counts: readonly (number | undefined)[]
  readonly encoding_format: EmbeddingEncoding
  /** The requested vector length, when the request sets one. */
  readonly dimensions?: number
  /** The body as sent. */
  readonly body: Readonly<Record<string, unknown>>
}

export interface ParseEmbeddingsOptions {
  /** The path to report to the matcher; defaults to {@link EMBEDDINGS_PATH}. */
  readonly endpoint?: string
}

const INPUT_TYPE =
  'a string, an array of strings, an array of integers, or an array of arrays of integers'

function isTokenArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((t) => typeof t === 'number' && Number.isInteger(t))
}

function normalizeInput(
  input: unknown,
): { inputs: string[]; counts: (number | undefined)[] } | undefined {
  if (typeof input === 'string') return { inputs: [input], counts: [undefined] }
  if (!Array.isArray(input) || input.length === 0) return undefined
  if (input.every((i) => typeof i === 'string')) {
    return { inputs: input, counts: input.map(() => undefined) }
  }
  if (isTokenArray(input)) return { inputs: [input.join(' ')], counts: [input.length] }
  if (input.every(isTokenArray) && input.every((i) => i.length > 0)) {
    return { inputs: input.map((i) => i.join(' ')), counts: input.map((i) => i.length) }
  }
  return undefined
}

/**
 * Checks an embeddings body the way the API does and normalizes it.
 *
 * @example parseEmbeddingsRequest({ model: 'text-embedding-3-small', input: ['a', 'b'] })
 */
export function parseEmbeddingsRequest(
  body: unknown,
  options: ParseEmbeddingsOptions = {},
): ParseResult<EmbeddingsParams> {
  if (!isRecord(body)) return { ok: false, error: notAnObject(body) }
  const modelError = checkModel(body)
  if (modelError) return { ok: false, error: modelError }
  if (body.input === undefined || body.input === null) return { ok: false, error: missing('input') }
  const normalized = normalizeInput(body.input)
  if (!normalized) {
    const error =
      Array.isArray(body.input) && body.input.length === 0
        ? invalidValue('input', 'empty array. Expected an array with minimum length 1.')
        : invalidType('input', INPUT_TYPE, body.input)
    return { ok: false, error }
  }
  const format = body.encoding_format ?? 'float'
  if (format !== 'float' && format !== 'base64') {
    const error =
      typeof format === 'string'
        ? invalidValue(
            'encoding_format',
            `'${format}'. Supported values are: 'float' and 'base64'.`,
          )
        : invalidType('encoding_format', 'a string', format)
    return { ok: false, error }
  }
  const dimensionsError = checkInteger(body, 'dimensions', 1, 16_384)
  if (dimensionsError) return { ok: false, error: dimensionsError }
  const model = body.model as string
  const params: EmbeddingsParams = {
    model,
    inputs: normalized.inputs,
    token_counts: normalized.counts,
    encoding_format: format,
    ...(typeof body.dimensions === 'number' ? { dimensions: body.dimensions } : {}),
    body,
  }
  return {
    ok: true,
    params,
    match: { endpoint: options.endpoint ?? EMBEDDINGS_PATH, model, input: normalized.inputs },
  }
}
