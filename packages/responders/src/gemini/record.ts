/**
 * Record mode's Gemini knowledge: what a real `GenerateContentResponse` (or embed answer)
 * becomes as a rule's `respond`, how an `alt=sse` stream's chunks add up to one response, and
 * where the upstream is (`GEMINI_RECORD`, the provider's `record` trait).
 */
import type { ProviderRecord, StreamAssembler } from '../engine/endpoint.js'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const FINISH: Readonly<Record<string, string>> = { STOP: 'stop', MAX_TOKENS: 'length' }

/**
 * The `respond` that replays a Gemini answer: `content` and `tool_calls` (each `functionCall`
 * with its `args` as an arguments object) from the first candidate, its `finishReason`, and
 * `usage` from `usageMetadata`; an embed answer's vectors as `embeddings`. A string says why
 * the body cannot be replayed.
 *
 * @example geminiRecordedRespond({ candidates: [{ content: { parts: [{ text: 'Hi' }] } }] }) // { content: 'Hi' }
 */
export function geminiRecordedRespond(
  body: Readonly<Record<string, unknown>>,
): Record<string, unknown> | string {
  if (isRecord(body.embedding) || Array.isArray(body.embeddings)) {
    const list = Array.isArray(body.embeddings) ? body.embeddings : [body.embedding]
    return {
      embeddings: list.map((item) => ({
        embedding: isRecord(item) && Array.isArray(item.values) ? item.values : [],
      })),
    }
  }
  const candidate = Array.isArray(body.candidates) ? body.candidates[0] : undefined
  if (!isRecord(candidate)) return 'the Gemini answer has no candidate'
  const parts =
    isRecord(candidate.content) && Array.isArray(candidate.content.parts)
      ? candidate.content.parts
      : []
  const texts: string[] = []
  const calls: Record<string, unknown>[] = []
  for (const part of parts) {
    if (!isRecord(part) || part.thought === true) continue
    if (typeof part.text === 'string') texts.push(part.text)
    if (isRecord(part.functionCall) && typeof part.functionCall.name === 'string') {
      const call = part.functionCall
      calls.push({
        ...(typeof call.id === 'string' ? { id: call.id } : {}),
        type: 'function',
        function: { name: call.name, arguments: isRecord(call.args) ? call.args : {} },
      })
    }
  }
  const usage = isRecord(body.usageMetadata) ? body.usageMetadata : undefined
  const reason = typeof candidate.finishReason === 'string' ? candidate.finishReason : undefined
  return {
    ...(texts.length > 0 || calls.length === 0 ? { content: texts.join('') } : {}),
    ...(calls.length > 0 ? { tool_calls: calls } : {}),
    ...(reason !== undefined && reason !== 'STOP'
      ? { finish_reason: FINISH[reason] ?? reason }
      : {}),
    ...(usage && typeof usage.promptTokenCount === 'number'
      ? {
          usage: {
            input_tokens: usage.promptTokenCount,
            output_tokens:
              typeof usage.candidatesTokenCount === 'number' ? usage.candidatesTokenCount : 0,
          },
        }
      : {}),
  }
}

/**
 * One `GenerateContentResponse` from a stream's chunks: the parts in order (adjacent text
 * joined), the last `finishReason`, `usageMetadata`, `modelVersion` and `responseId` seen.
 *
 * @example assembleGeminiStream([{ candidates: [{ content: { parts: [{ text: 'Hi' }] } }] }])
 */
export function assembleGeminiStream(chunks: readonly unknown[]): Record<string, unknown> {
  const parts: Record<string, unknown>[] = []
  let finishReason: unknown
  const rest: Record<string, unknown> = {}
  for (const chunk of chunks) {
    if (!isRecord(chunk)) continue
    for (const key of ['usageMetadata', 'modelVersion', 'responseId']) {
      if (chunk[key] !== undefined) rest[key] = chunk[key]
    }
    const candidate = Array.isArray(chunk.candidates) ? chunk.candidates[0] : undefined
    if (!isRecord(candidate)) continue
    if (candidate.finishReason !== undefined) finishReason = candidate.finishReason
    const pieces =
      isRecord(candidate.content) && Array.isArray(candidate.content.parts)
        ? candidate.content.parts
        : []
    for (const piece of pieces) {
      if (!isRecord(piece)) continue
      const last = parts.at(-1)
      if (
        typeof piece.text === 'string' &&
        last &&
        typeof last.text === 'string' &&
        piece.thought === last.thought
      ) {
        parts[parts.length - 1] = { ...last, text: last.text + piece.text }
      } else parts.push({ ...piece })
    }
  }
  return {
    candidates: [
      {
        content: { parts, role: 'model' },
        ...(finishReason === undefined ? {} : { finishReason }),
        index: 0,
      },
    ],
    ...rest,
  }
}

/**
 * The assembler of an `alt=sse` stream, whose every `data:` is one whole response: the chunks
 * in order, folded by `assembleGeminiStream`.
 *
 * @example geminiStreamAssembler().add({ data: '{"candidates":[]}' })
 */
export function geminiStreamAssembler(): StreamAssembler {
  const chunks: unknown[] = []
  return {
    add(event) {
      try {
        chunks.push(JSON.parse(event.data))
      } catch {
        // A line that is not JSON is no chunk of a Gemini stream.
      }
    },
    result() {
      return chunks.length > 0
        ? { ok: true, body: assembleGeminiStream(chunks) }
        : { ok: false, reason: 'the Gemini stream held no chunk' }
    },
  }
}

/** The Gemini API root (its paths carry `/v1beta` or `/v1`). */
export const DEFAULT_GEMINI_UPSTREAM = 'https://generativelanguage.googleapis.com'

export const GEMINI_RECORD: ProviderRecord = {
  defaultUpstream: DEFAULT_GEMINI_UPSTREAM,
  upstreamOption: 'geminiUpstream',
  ruleType: 'llm.gemini',
  key: {
    option: 'geminiKey',
    header: 'x-goog-api-key',
    query: 'key',
    env: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  },
  respond: geminiRecordedRespond,
  assemble: { kind: 'events', create: () => geminiStreamAssembler() },
}
