/**
 * Builds the answer to a matched `/api/chat` or `/api/generate` request: one JSON object with
 * `stream: false`, else NDJSON lines (the text in pieces, each tool call whole, then a `done`
 * line with the timings), or the rule's error as `{ "error": ... }`.
 */
import type { MatchResult, Respond } from '@mocktopus/scenario'
import { splitText } from '../shared/chunking.js'
import type { Clock } from '../shared/clock.js'
import { structuredAnswer, UNSTRUCTURED, warningHeader } from '../shared/json-schema/structured.js'
import { pacedStream, type StreamTiming } from '../shared/paced-stream.js'
import type { SSEFrame } from '../shared/sse.js'
import { estimateTokens } from '../shared/tokens.js'
import type { WireError, WireJSON, WireStream } from '../shared/wire.js'
import { ollamaError, ollamaRuleError } from './errors.js'
import { ollamaMetrics } from './metrics.js'
import type { OllamaParams } from './request.js'
import type {
  OllamaChatResponse,
  OllamaGenerateResponse,
  OllamaMessage,
  OllamaToolCall,
} from './types.js'

export interface AnswerOllamaOptions {
  readonly params: OllamaParams
  readonly match: MatchResult
  readonly clock: Clock
  readonly signal?: AbortSignal
  readonly timing?: StreamTiming
}

export type OllamaLine = OllamaChatResponse | OllamaGenerateResponse

export type OllamaAnswer = WireJSON | WireError | WireStream<OllamaLine>

/** The content type of Ollama's streams: one JSON object a line. */
export const NDJSON_CONTENT_TYPE = 'application/x-ndjson'

/**
 * The `done_reason` for a rule: `length` for any provider's word for a cut-off, else `stop`,
 * which Ollama also sends after tool calls; `load` and `unload` pass through.
 *
 * @example ollamaDoneReason({ finish_reason: 'max_tokens' }) // 'length'
 */
export function ollamaDoneReason(respond: Respond): string {
  const reason = respond.finish_reason?.toLowerCase()
  if (reason === undefined) return 'stop'
  if (reason === 'length' || reason === 'max_tokens' || reason === 'max_output_tokens') {
    return 'length'
  }
  return reason === 'load' || reason === 'unload' ? reason : 'stop'
}

class ArgsError extends Error {}

function toolCalls(respond: Respond): OllamaToolCall[] {
  return (respond.tool_calls ?? []).map((call, i) => {
    const text = call.function.arguments
    let value: unknown
    try {
      value = text === undefined || text.trim() === '' ? {} : JSON.parse(text)
    } catch {
      throw new ArgsError(
        `respond.tool_calls[${i}].function.arguments is not valid JSON (${(text ?? '').slice(0, 60)}); Ollama sends arguments as a JSON object: write them as a YAML mapping.`,
      )
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ArgsError(
        `respond.tool_calls[${i}].function.arguments is JSON but not an object; Ollama sends arguments as a JSON object: write them as a YAML mapping.`,
      )
    }
    return { function: { name: call.function.name, arguments: value as Record<string, unknown> } }
  })
}

/**
 * An NDJSON stream's framing: each line the object's compact JSON and `\n`.
 *
 * @example encodeSSE(ollamaFrame(line)) // '{"model":"llama3.2",...}\n'
 */
export function ollamaFrame(line: OllamaLine): SSEFrame {
  return { data: line, ndjson: true }
}

/**
 * Answers a matched chat or generate request.
 *
 * @example
 * const answer = answerOllama({ params, match, clock: systemClock })
 * if (answer.kind === 'json') answer.body // { model, created_at, message, done: true, ... }
 */
export function answerOllama(options: AnswerOllamaOptions): OllamaAnswer {
  const { params, match, clock } = options
  const { rule, index } = match
  if (rule.error) return ollamaRuleError(rule.error)
  const structured = structuredAnswer(rule.respond ?? {}, params.structured ?? UNSTRUCTURED, () =>
    JSON.stringify(params.body),
  )
  const { refusal, warnings } = structured
  // Ollama has no refusal field: the model's words are the content.
  const respond =
    refusal === undefined ? structured.respond : { ...structured.respond, content: refusal }
  const headers: Record<string, string> = { ...warningHeader(warnings) }
  let calls: OllamaToolCall[]
  try {
    calls = params.kind === 'chat' ? toolCalls(respond) : []
  } catch (error) {
    if (!(error instanceof ArgsError)) throw error
    const where = `rules[${index}]${rule.line === undefined ? '' : ` (line ${rule.line})`}`
    return ollamaError({ status: 500, message: `[Mocktopus] ${where}: ${error.message}`, headers })
  }
  const content = typeof respond.content === 'string' ? respond.content : ''
  const outputText = [
    content,
    ...calls.map((c) => `${c.function.name} ${JSON.stringify(c.function.arguments)}`),
  ]
    .filter((t) => t !== '')
    .join(' ')
  const promptTokens = respond.usage?.input_tokens ?? estimateTokens(params.inputText)
  const evalTokens = respond.usage?.output_tokens ?? Math.max(1, estimateTokens(outputText))
  const usage = { input_tokens: promptTokens, output_tokens: evalTokens }
  const m = ollamaMetrics(promptTokens, evalTokens)
  const model = params.model
  const created_at = new Date(clock.now()).toISOString()
  const chat = params.kind === 'chat'
  const done_reason = ollamaDoneReason(respond)
  const delayMs = respond.delay_ms ?? 0
  const noted = warnings.length > 0 ? { warnings } : {}
  // Every line is an object literal with its keys in Ollama's order, not spreads of `head` and
  // the metrics: a spread after other keys takes V8's slow path, and building the final line
  // that way was a seventh of the server's CPU per `stream: false` answer.
  const message = (text: string, toolCalls: OllamaToolCall[] | undefined): OllamaMessage =>
    toolCalls
      ? { role: 'assistant', content: text, tool_calls: toolCalls }
      : { role: 'assistant', content: text }
  const piece = (text: string, toolCalls?: OllamaToolCall[]): OllamaLine =>
    chat
      ? { model, created_at, message: message(text, toolCalls), done: false }
      : { model, created_at, response: text, done: false }
  const last = (text: string, toolCalls?: OllamaToolCall[]): OllamaLine =>
    chat
      ? {
          model,
          created_at,
          message: message(text, toolCalls),
          done_reason,
          done: true,
          total_duration: m.total_duration,
          load_duration: m.load_duration,
          prompt_eval_count: m.prompt_eval_count,
          prompt_eval_duration: m.prompt_eval_duration,
          eval_count: m.eval_count,
          eval_duration: m.eval_duration,
        }
      : {
          model,
          created_at,
          response: text,
          done_reason,
          done: true,
          total_duration: m.total_duration,
          load_duration: m.load_duration,
          prompt_eval_count: m.prompt_eval_count,
          prompt_eval_duration: m.prompt_eval_duration,
          eval_count: m.eval_count,
          eval_duration: m.eval_duration,
        }
  const withCalls = calls.length > 0 ? calls : undefined
  if (!params.stream) {
    const body = last(content, withCalls)
    return { kind: 'json', status: 200, headers, body, delayMs, usage, ...noted }
  }
  function* sequence(): Generator<OllamaLine> {
    if (content !== '') for (const text of splitText(content, respond.chunk_size)) yield piece(text)
    // Ollama sends the calls in a line of their own, whole, before the final one.
    if (withCalls) yield piece('', withCalls)
    yield last('')
  }
  const { chunks, frames } = pacedStream(
    sequence,
    {
      chunkDelayMs: respond.chunk_delay_ms ?? 0,
      clock,
      signal: () => options.signal,
      ...(options.timing ? { timing: options.timing } : {}),
    },
    ollamaFrame,
  )
  headers['content-type'] = NDJSON_CONTENT_TYPE
  return { kind: 'stream', status: 200, headers, delayMs, chunks, frames, usage, ...noted }
}
