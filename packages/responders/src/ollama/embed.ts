/**
 * `POST /api/embed` (`{ model, input }` → `{ model, embeddings, ... }`) and the older
 * `POST /api/embeddings` (`{ model, prompt }` → `{ embedding }`): pinned vectors from the rule,
 * or seeded unit vectors, the same on every run (Ollama's `/api/embed` normalizes its vectors).
 */
import type { MatchResult } from '@mocktopus/scenario'
import { seededEmbedding } from '../openai/embeddings/answer.js'
import { estimateTokens } from '../shared/tokens.js'
import type { ParseResult, WireError, WireJSON } from '../shared/wire.js'
import { ollamaBadRequest, ollamaRuleError } from './errors.js'
import { LOAD_NS, PROMPT_TOKEN_NS } from './metrics.js'
import type { OllamaEmbeddingsResponse, OllamaEmbedResponse } from './types.js'

/** A validated embed request. */
export interface OllamaEmbedParams {
  readonly model: string
  readonly inputs: readonly string[]
  /** `/api/embeddings`: one `embedding`, no timings. */
  readonly legacy: boolean
  readonly dimensions?: number
}

const DIMENSIONS: readonly [string, number][] = [
  ['all-minilm', 384],
  ['mxbai-embed-large', 1024],
  ['snowflake-arctic-embed', 1024],
  ['bge-m3', 1024],
  ['nomic-embed-text', 768],
]

/**
 * The vector length of a model when the request sets no `dimensions`: the common embedding
 * models' own, else 768 (`nomic-embed-text`'s).
 *
 * @example ollamaDefaultDimensions('all-minilm:latest') // 384
 */
export function ollamaDefaultDimensions(model: string): number {
  return DIMENSIONS.find(([name]) => model.startsWith(name))?.[1] ?? 768
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Validates an embed body: `input` (a string or strings) for `/api/embed`, `prompt` for
 * `/api/embeddings`.
 *
 * @example parseOllamaEmbed({ model: 'all-minilm', input: ['a', 'b'] }, '/api/embed', false)
 */
export function parseOllamaEmbed(
  body: unknown,
  endpoint: string,
  legacy: boolean,
): ParseResult<OllamaEmbedParams> {
  const invalid = ollamaBadRequest
  if (!isRecord(body)) return invalid('invalid request body')
  if (typeof body.model !== 'string' || body.model === '') return invalid('model is required')
  let inputs: string[]
  if (legacy) {
    if (body.prompt !== undefined && typeof body.prompt !== 'string') {
      return invalid(
        'json: cannot unmarshal number into Go struct field EmbeddingRequest.prompt of type string',
      )
    }
    inputs = [typeof body.prompt === 'string' ? body.prompt : '']
  } else if (typeof body.input === 'string') {
    inputs = [body.input]
  } else if (Array.isArray(body.input) && body.input.every((i) => typeof i === 'string')) {
    inputs = body.input as string[]
  } else if (body.input === undefined) {
    inputs = []
  } else {
    return invalid(`invalid input type`)
  }
  const dimensions =
    typeof body.dimensions === 'number' && Number.isInteger(body.dimensions) && body.dimensions > 0
      ? body.dimensions
      : undefined
  return {
    ok: true,
    params: { model: body.model, inputs, legacy, ...(dimensions ? { dimensions } : {}) },
    match: { endpoint, model: body.model, input: inputs },
  }
}

/**
 * Answers a matched embed request: entry `i` of the rule's `embeddings` for input `i` (else
 * its first), otherwise a seeded vector.
 *
 * @example answerOllamaEmbed({ params, match }).body // { model, embeddings: [[...]], ... }
 */
export function answerOllamaEmbed(options: {
  readonly params: OllamaEmbedParams
  readonly match: MatchResult
}): WireJSON | WireError {
  const { params, match } = options
  const { rule } = match
  if (rule.error) return ollamaRuleError(rule.error)
  const respond = rule.respond ?? {}
  const pinned = respond.embeddings ?? []
  const dimensions = params.dimensions ?? ollamaDefaultDimensions(params.model)
  const vector = (text: string, i: number) =>
    (pinned[i] ?? pinned[0])?.embedding ?? seededEmbedding(params.model, text, dimensions)
  const promptTokens =
    respond.usage?.input_tokens ??
    params.inputs.reduce((sum, text) => sum + estimateTokens(text), 0)
  const usage = { input_tokens: promptTokens, output_tokens: 0 }
  const delayMs = respond.delay_ms ?? 0
  if (params.legacy) {
    const body: OllamaEmbeddingsResponse = { embedding: vector(params.inputs[0] ?? '', 0) }
    return { kind: 'json', status: 200, headers: {}, body, delayMs, usage }
  }
  const body: OllamaEmbedResponse = {
    model: params.model,
    embeddings: params.inputs.map(vector),
    total_duration: LOAD_NS + promptTokens * PROMPT_TOKEN_NS,
    load_duration: LOAD_NS,
    prompt_eval_count: promptTokens,
  }
  return { kind: 'json', status: 200, headers: {}, body, delayMs, usage }
}
