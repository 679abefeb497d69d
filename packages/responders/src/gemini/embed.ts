/**
 * `:embedContent` and `:batchEmbedContents`: one `content` (or a list of requests, each with
 * its `model` and `content`) in, `{ embedding: { values } }` (or `{ embeddings: [...] }`) out.
 * Vectors are the rule's `embeddings`, else seeded from the model and text as for OpenAI.
 */
import type { MatchRequest } from '@mocktopus/scenario'
import type { AnswerInput } from '../engine/endpoint.js'
import { seededEmbedding } from '../openai/embeddings/answer.js'
import { estimateTokens } from '../shared/tokens.js'
import type { ParseResult, WireError, WireJSON } from '../shared/wire.js'
import { geminiBadRequest, geminiRuleError } from './errors.js'
import { geminiModel } from './generate/request.js'

/** A validated embed request: each content's text, and the vector length asked for. */
export interface GeminiEmbedParams {
  readonly model: string
  readonly inputs: readonly string[]
  /** `outputDimensionality` of each input, when given. */
  readonly dimensions: readonly (number | undefined)[]
  /** `batchEmbedContents` answers `{ embeddings }`, `embedContent` `{ embedding }`. */
  readonly batch: boolean
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The vector length a Gemini embedding model returns by default: 768 for `text-embedding-004`
 * and `embedding-001`, 3072 for `gemini-embedding-001` and later.
 *
 * @example geminiDefaultDimensions('text-embedding-004') // 768
 */
export function geminiDefaultDimensions(model: string): number {
  return model.startsWith('gemini-embedding') ? 3072 : 768
}

function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content
  if (!isRecord(content) || !Array.isArray(content.parts)) return undefined
  return content.parts
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .join('')
}

const dimensionOf = (request: Record<string, unknown>) =>
  typeof request.outputDimensionality === 'number' ? request.outputDimensionality : undefined

export interface ParseGeminiEmbedOptions {
  readonly endpoint: string
  readonly model?: string
  readonly batch: boolean
}

/**
 * Validates an embed body; a 400 `INVALID_ARGUMENT` when a content is missing.
 *
 * @example parseGeminiEmbed({ content: { parts: [{ text: 'hi' }] } }, { endpoint, model: 'text-embedding-004', batch: false })
 */
export function parseGeminiEmbed(
  body: unknown,
  options: ParseGeminiEmbedOptions,
): ParseResult<GeminiEmbedParams> {
  const invalid = geminiBadRequest
  const model = geminiModel(options.model, body)
  if (!isRecord(body)) return invalid('Invalid JSON payload received. Expected an object.')
  if (model === undefined)
    return invalid('* EmbedContentRequest.model: unexpected model name format\n')
  const requests: Record<string, unknown>[] = []
  if (options.batch) {
    if (!Array.isArray(body.requests) || body.requests.length === 0) {
      return invalid('* BatchEmbedContentsRequest.requests: requests is not specified\n')
    }
    for (const request of body.requests) {
      if (!isRecord(request))
        return invalid("Invalid value at 'requests', must be a list of EmbedContentRequest")
      requests.push(request)
    }
  } else {
    requests.push(body)
  }
  const inputs: string[] = []
  for (const [i, request] of requests.entries()) {
    const text = contentText(request.content)
    const where = options.batch
      ? `BatchEmbedContentsRequest.requests[${i}].content`
      : 'EmbedContentRequest.content'
    if (text === undefined) return invalid(`* ${where}: content is not specified\n`)
    inputs.push(text)
  }
  const match: MatchRequest = { endpoint: options.endpoint, model, input: inputs }
  return {
    ok: true,
    params: { model, inputs, dimensions: requests.map(dimensionOf), batch: options.batch },
    match,
  }
}

/**
 * Answers a matched embed request: entry `i` of the rule's `embeddings` for input `i` (else
 * its first), otherwise a seeded unit vector of the model's length or `outputDimensionality`.
 *
 * @example answerGeminiEmbed({ params, match }).body // { embedding: { values: [...] } }
 */
export function answerGeminiEmbed(
  input: Pick<AnswerInput<GeminiEmbedParams>, 'params' | 'match'>,
): WireJSON | WireError {
  const { params, match } = input
  const { rule } = match
  if (rule.error) return geminiRuleError(rule.error)
  const respond = rule.respond ?? {}
  const pinned = respond.embeddings ?? []
  const embeddings = params.inputs.map((text, i) => {
    const fixed = (pinned[i] ?? pinned[0])?.embedding
    const length = params.dimensions[i] ?? geminiDefaultDimensions(params.model)
    return { values: fixed ?? seededEmbedding(params.model, text, length) }
  })
  const estimated = params.inputs.reduce((sum, text) => sum + estimateTokens(text), 0)
  const tokens = respond.usage?.input_tokens ?? estimated
  const body = params.batch ? { embeddings } : { embedding: embeddings[0] }
  return {
    kind: 'json',
    status: 200,
    headers: {},
    body,
    delayMs: respond.delay_ms ?? 0,
    usage: { input_tokens: tokens, output_tokens: 0 },
  }
}
