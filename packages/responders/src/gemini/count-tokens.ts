/**
 * `:countTokens`: the estimate Mocktopus bills a request with, as `{ totalTokens,
 * promptTokensDetails }`. It takes `contents`, or a whole `generateContentRequest`.
 */
import { estimateTokens } from '../shared/tokens.js'
import type { WireResult } from '../shared/wire.js'
import { geminiError } from './errors.js'
import { geminiContentsProblem, geminiInputText } from './generate/request.js'
import type { GeminiGenerateRequest } from './generate/types.js'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Counts a `countTokens` body's tokens with the same estimator the answers use.
 *
 * @example answerGeminiCountTokens({ contents: [{ parts: [{ text: 'Hello there' }] }] }).body // { totalTokens: 3, ... }
 */
export function answerGeminiCountTokens(body: unknown): WireResult {
  if (!isRecord(body)) {
    return geminiError({
      status: 400,
      message: 'Invalid JSON payload received. Expected an object.',
    })
  }
  const request = isRecord(body.generateContentRequest) ? body.generateContentRequest : body
  if (!Array.isArray(request.contents)) {
    return geminiError({
      status: 400,
      message: '* CountTokensRequest.contents: contents is not specified\n',
    })
  }
  // Counted only from well-formed contents: a `null` content or part is a 400, as generating is.
  const system = request.systemInstruction
  const problem =
    geminiContentsProblem(request.contents, 'contents') ??
    (system === undefined || typeof system === 'string'
      ? undefined
      : geminiContentsProblem([system], 'system_instruction')?.replace('[0]', ''))
  if (problem !== undefined) return geminiError({ status: 400, message: problem })
  const total = estimateTokens(geminiInputText(request as GeminiGenerateRequest))
  return {
    kind: 'json',
    status: 200,
    headers: {},
    body: { totalTokens: total, promptTokensDetails: [{ modality: 'TEXT', tokenCount: total }] },
    delayMs: 0,
  }
}
