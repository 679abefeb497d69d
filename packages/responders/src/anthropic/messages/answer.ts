/**
 * Builds the answer to a matched Messages API request: a `message` body, its event stream, or
 * the rule's error in Anthropic's envelope, as plain data for the server.
 */
import type { MatchResult } from '@mocktopus/scenario'
import { useCount } from '../../openai/chat/answer.js'
import type { Clock } from '../../shared/clock.js'
import {
  anthropicStructured,
  structuredAnswer,
  warningHeader,
} from '../../shared/json-schema/structured.js'
import type { StreamTiming } from '../../shared/paced-stream.js'
import type { WireError, WireJSON, WireStream } from '../../shared/wire.js'
import {
  anthropicError,
  anthropicRequestId,
  anthropicRuleError,
  REQUEST_ID_HEADER,
} from '../errors.js'
import { type AnthropicMessage, createAnthropicMessage, ToolInputError } from './message.js'
import type { AnthropicParams } from './request.js'
import { type AnthropicStreamEvent, anthropicStream } from './stream.js'

export interface AnswerAnthropicOptions {
  readonly params: AnthropicParams
  readonly match: MatchResult
  readonly clock: Clock
  /** Stops a stream (and its chunk delays) when the client goes away. */
  readonly signal?: AbortSignal
  /** The stream's timing (`ttft_ms`, `tokens_per_second`, `jitter_ms`), when any is set. */
  readonly timing?: StreamTiming
  /**
   * The `request-id` header, echoed in an error body's `request_id`; by default derived from
   * the request body, the rule and its use count, like the message id.
   */
  readonly requestId?: string
}

export type AnthropicAnswer = WireJSON | WireError | WireStream<AnthropicStreamEvent>

/**
 * Answers a matched Messages request. An `error:` rule gives the error (JSON even for
 * `stream: true`); otherwise a `message`, or its event stream when the request asks for one.
 * A tool call whose arguments are not a JSON object is a scenario mistake: a 500 `api_error`
 * that says which rule field to fix.
 *
 * @example
 * const answer = answerAnthropicMessage({ params, match, clock: systemClock })
 * if (answer.kind === 'json') answer.body // { type: 'message', content: [...] }
 */
export function answerAnthropicMessage(options: AnswerAnthropicOptions): AnthropicAnswer {
  // The signal is read only for a stream: on Node, asking for it builds an AbortController.
  const { params, match, clock } = options
  const { rule, index } = match
  const seed = `${JSON.stringify(params.body)}|${index}|${useCount(match)}`
  const requestId = options.requestId ?? anthropicRequestId(seed)
  const headers = { [REQUEST_ID_HEADER]: requestId }
  if (rule.error) {
    const error = anthropicRuleError(rule.error, { requestId })
    return { ...error, headers: { ...error.headers, ...headers } }
  }

  // Structured outputs, generated tool input and refusals; seeded from the body alone, so the
  // same request gets the same JSON whatever the rule's use count.
  const structured = structuredAnswer(
    rule.respond ?? {},
    params.structured ?? anthropicStructured(params.body),
    () => JSON.stringify(params.body),
  )
  const { respond, refusal, warnings } = structured
  Object.assign(headers, warningHeader(warnings))
  let message: AnthropicMessage
  try {
    message = createAnthropicMessage({
      request: params.request,
      respond,
      seed,
      ...(refusal === undefined ? {} : { refusal }),
    })
  } catch (error) {
    if (!(error instanceof ToolInputError)) throw error
    const where = `rules[${index}]${rule.line === undefined ? '' : ` (line ${rule.line})`}`
    return anthropicError({
      status: 500,
      message: `[Mocktopus] ${where}: ${error.message}`,
      requestId,
      headers,
    })
  }
  const usage = {
    input_tokens: message.usage.input_tokens,
    output_tokens: message.usage.output_tokens,
  }
  const delayMs = respond.delay_ms ?? 0
  const noted = warnings.length > 0 ? { warnings } : {}
  if (!params.stream) {
    return { kind: 'json', status: 200, headers, body: message, delayMs, usage, ...noted }
  }
  const { chunks, frames } = anthropicStream(message, {
    clock,
    chunkSize: respond.chunk_size,
    chunkDelayMs: respond.chunk_delay_ms,
    ...(options.timing ? { timing: options.timing } : {}),
    // Read when the stream starts: on Node, asking for the signal builds an AbortController.
    get signal() {
      return options.signal
    },
  })
  return { kind: 'stream', status: 200, headers, delayMs, chunks, frames, usage, ...noted }
}
