/**
 * The Azure step over an OpenAI answer: content filter annotations on chat and text
 * completions (JSON and streamed), Azure's content filter error for a rule's
 * `error_type: content_filter`. Embeddings and Responses answers pass unchanged.
 */
import type { MatchResult } from '@mocktopus/scenario'
import { replayable } from '../shared/paced-stream.js'
import type { SSEFrame } from '../shared/sse.js'
import type { WireResult, WireStream } from '../shared/wire.js'
import { azureChunk, azureCompletionBody, azurePromptChunk } from './content-filter.js'
import { azureRuleError } from './errors.js'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function azureStream(wire: WireStream): WireStream {
  const { chunks, frames } = wire
  return {
    ...wire,
    chunks: replayable(async function* () {
      yield azurePromptChunk()
      for await (const chunk of chunks) yield isRecord(chunk) ? azureChunk(chunk) : chunk
    }),
    frames: replayable(async function* (): AsyncGenerator<SSEFrame> {
      yield { data: azurePromptChunk() }
      for await (const frame of frames) {
        const { data } = frame
        // OpenAI's frames carry a chunk's JSON text; `[DONE]` passes as it is.
        if (typeof data === 'string' && data.startsWith('{')) {
          yield { ...frame, data: azureChunk(JSON.parse(data)) }
        } else if (isRecord(data)) {
          yield { ...frame, data: azureChunk(data) }
        } else yield frame
      }
    }),
  }
}

/**
 * An OpenAI chat or text completion answer as Azure sends it.
 *
 * @example azureCompletion(answerChat(input), input.match)
 */
export function azureCompletion(wire: WireResult, match: MatchResult): WireResult {
  if (wire.kind === 'error') {
    const spec = match.rule.error
    if (spec?.error_type !== 'content_filter') return wire
    const filtered = azureRuleError(spec)
    return { ...filtered, headers: { ...wire.headers, ...filtered.headers } }
  }
  if (wire.kind === 'stream') return azureStream(wire)
  if (!isRecord(wire.body)) return wire
  const { bodyText: _text, ...rest } = wire
  return { ...rest, body: azureCompletionBody(wire.body) }
}
