/**
 * Builds the answer to a matched `generateContent` request: a `GenerateContentResponse`, its
 * stream (one whole response object per `data:` line with `alt=sse`, else one JSON array of
 * the same objects), or the rule's error in Gemini's envelope.
 */
import type { MatchResult, Respond } from '@mocktopus/scenario'
import { useCount } from '../../openai/chat/answer.js'
import { splitText } from '../../shared/chunking.js'
import type { Clock } from '../../shared/clock.js'
import { stableDigest } from '../../shared/ids.js'
import {
  structuredAnswer,
  UNSTRUCTURED,
  warningHeader,
} from '../../shared/json-schema/structured.js'
import { pacedStream, type StreamTiming } from '../../shared/paced-stream.js'
import type { SSEFrame } from '../../shared/sse.js'
import { estimateTokens } from '../../shared/tokens.js'
import type { WireError, WireJSON, WireStream } from '../../shared/wire.js'
import { geminiError, geminiRuleError } from '../errors.js'
import { type GeminiGenerateParams, geminiInputText } from './request.js'
import type {
  GeminiFinishReason,
  GeminiGenerateResponse,
  GeminiResponsePart,
  GeminiUsageMetadata,
} from './types.js'

export interface AnswerGeminiOptions {
  readonly params: GeminiGenerateParams
  readonly match: MatchResult
  readonly clock: Clock
  readonly signal?: AbortSignal
  readonly timing?: StreamTiming
}

export type GeminiAnswer = WireJSON | WireError | WireStream<GeminiGenerateResponse>

const FINISH_REASONS: ReadonlyMap<string, GeminiFinishReason> = new Map([
  ['stop', 'STOP'],
  ['end_turn', 'STOP'],
  ['tool_calls', 'STOP'],
  ['tool_use', 'STOP'],
  ['function_call', 'STOP'],
  ['length', 'MAX_TOKENS'],
  ['max_tokens', 'MAX_TOKENS'],
  ['content_filter', 'SAFETY'],
  ['safety', 'SAFETY'],
  ['recitation', 'RECITATION'],
])

/**
 * The `finishReason` for a rule: its `finish_reason` in any provider's words (`length` is
 * `MAX_TOKENS`, `content_filter` is `SAFETY`; Gemini's own upper-case names pass through),
 * else `STOP`, which Gemini also sends after function calls.
 *
 * @example geminiFinishReason({ finish_reason: 'length' }) // 'MAX_TOKENS'
 */
export function geminiFinishReason(respond: Respond): string {
  const reason = respond.finish_reason
  if (reason === undefined) return 'STOP'
  if (/^[A-Z_]+$/.test(reason)) return reason
  return FINISH_REASONS.get(reason.toLowerCase()) ?? 'STOP'
}

class ArgsError extends Error {}

function parseArgs(args: string | undefined, index: number): Record<string, unknown> {
  let value: unknown
  try {
    value = args === undefined || args.trim() === '' ? {} : JSON.parse(args)
  } catch {
    throw new ArgsError(
      `respond.tool_calls[${index}].function.arguments is not valid JSON (${(args ?? '').slice(0, 60)}); Gemini sends functionCall.args as a JSON object: write arguments as a YAML mapping.`,
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ArgsError(
      `respond.tool_calls[${index}].function.arguments is JSON but not an object; Gemini sends functionCall.args as a JSON object: write arguments as a YAML mapping.`,
    )
  }
  return value as Record<string, unknown>
}

/**
 * The response parts of an answer: one `text` part for the content, then one `functionCall`
 * part per tool call, whole, with `args` an object (an `id` only when the rule gives one).
 */
export function geminiParts(respond: Respond): GeminiResponsePart[] {
  const parts: GeminiResponsePart[] = []
  if (typeof respond.content === 'string' && respond.content !== '') {
    parts.push({ text: respond.content })
  }
  respond.tool_calls?.forEach((call, i) => {
    const args = parseArgs(call.function.arguments, i)
    parts.push({
      functionCall: { ...(call.id ? { id: call.id } : {}), name: call.function.name, args },
    })
  })
  return parts
}

/**
 * `usageMetadata` for token counts.
 *
 * @example geminiUsage(8, 3).totalTokenCount // 11
 */
export function geminiUsage(prompt: number, candidates: number): GeminiUsageMetadata {
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: candidates,
    totalTokenCount: prompt + candidates,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
  }
}

/** A `responseId` as the API writes them: 22-odd characters of base64url. */
export function geminiResponseId(seed: string): string {
  return stableDigest(`gemini|${seed}`, 22)
}

/**
 * Answers a matched `generateContent` or `streamGenerateContent` request.
 *
 * @example
 * const answer = answerGeminiGenerate({ params, match, clock: systemClock })
 * if (answer.kind === 'json') answer.body // { candidates: [...], usageMetadata, modelVersion, responseId }
 */
export function answerGeminiGenerate(options: AnswerGeminiOptions): GeminiAnswer {
  const { params, match, clock } = options
  const { rule, index } = match
  if (rule.error) return geminiRuleError(rule.error)
  const bodyText = JSON.stringify(params.body)
  const structured = structuredAnswer(
    rule.respond ?? {},
    params.structured ?? UNSTRUCTURED,
    bodyText,
  )
  const { refusal, warnings } = structured
  // Gemini has no refusal field: the model's words are the text, and it stops as usual.
  const respond =
    refusal === undefined ? structured.respond : { ...structured.respond, content: refusal }
  const headers: Record<string, string> = { ...warningHeader(warnings) }
  let parts: GeminiResponsePart[]
  try {
    parts = geminiParts(respond)
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error
    const where = `rules[${index}]${rule.line === undefined ? '' : ` (line ${rule.line})`}`
    return geminiError({ status: 500, message: `[Mocktopus] ${where}: ${error.message}`, headers })
  }
  const outputText = parts
    .map((part) =>
      'text' in part
        ? part.text
        : `${part.functionCall.name} ${JSON.stringify(part.functionCall.args)}`,
    )
    .join(' ')
  const promptTokens =
    respond.usage?.input_tokens ?? estimateTokens(geminiInputText(params.request))
  const outputTokens = respond.usage?.output_tokens ?? Math.max(1, estimateTokens(outputText))
  const usageMetadata = geminiUsage(promptTokens, outputTokens)
  const usage = { input_tokens: promptTokens, output_tokens: outputTokens }
  const responseId = respond.id ?? geminiResponseId(`${bodyText}|${index}|${useCount(match)}`)
  const finishReason = geminiFinishReason(respond)
  const delayMs = respond.delay_ms ?? 0
  const noted = warnings.length > 0 ? { warnings } : {}
  const whole: GeminiGenerateResponse = {
    candidates: [
      {
        content: { parts: parts.length > 0 ? parts : [{ text: '' }], role: 'model' },
        finishReason,
        index: 0,
      },
    ],
    usageMetadata,
    modelVersion: params.model,
    responseId,
  }
  if (!params.stream) {
    return { kind: 'json', status: 200, headers, body: whole, delayMs, usage, ...noted }
  }
  const sequence = () =>
    streamChunks(parts, respond.chunk_size, finishReason, usageMetadata, params.model, responseId)
  if (!params.sse) {
    // Without `alt=sse` the API streams one JSON array; Mocktopus sends it whole.
    return { kind: 'json', status: 200, headers, body: [...sequence()], delayMs, usage, ...noted }
  }
  const { chunks, frames } = pacedStream(
    sequence,
    {
      chunkDelayMs: respond.chunk_delay_ms ?? 0,
      clock,
      signal: () => options.signal,
      ...(options.timing ? { timing: options.timing } : {}),
    },
    geminiFrame,
  )
  return { kind: 'stream', status: 200, headers, delayMs, chunks, frames, usage, ...noted }
}

/**
 * Gemini's SSE framing: each response object as one `data:` line, frames ended `\r\n\r\n`, no
 * event names and no `[DONE]`.
 *
 * @example encodeSSE(geminiFrame(chunk)) // 'data: {"candidates":...}\r\n\r\n'
 */
export function geminiFrame(chunk: GeminiGenerateResponse): SSEFrame {
  return { data: chunk, eol: '\r\n' }
}

// Text in word-sized (or `chunk_size`) pieces, then each function call whole; the last chunk
// carries `finishReason` and `usageMetadata`.
function* streamChunks(
  parts: readonly GeminiResponsePart[],
  chunkSize: number | undefined,
  finishReason: string,
  usageMetadata: GeminiUsageMetadata,
  modelVersion: string,
  responseId: string,
): Generator<GeminiGenerateResponse> {
  const pieces: GeminiResponsePart[] = []
  for (const part of parts) {
    if ('text' in part) for (const text of splitText(part.text, chunkSize)) pieces.push({ text })
    else pieces.push(part)
  }
  if (pieces.length === 0) pieces.push({ text: '' })
  for (const [i, piece] of pieces.entries()) {
    const last = i === pieces.length - 1
    yield {
      candidates: [
        {
          content: { parts: [piece], role: 'model' },
          ...(last ? { finishReason } : {}),
          index: 0,
        },
      ],
      ...(last ? { usageMetadata } : {}),
      modelVersion,
      responseId,
    }
  }
}
