/**
 * Builds the answer to a matched Responses API request: the `response` object, its typed event
 * stream, or the rule's error, as plain data. The server and the stub both call this, so their
 * bodies are identical.
 */
import type { ChatMessage, MatchResult } from '@mocktopus/scenario'
import { conversationText } from '@mocktopus/scenario'
import { type Clock, unixSeconds } from '../../shared/clock.js'
import {
  responsesStructured,
  structuredAnswer,
  warningHeader,
} from '../../shared/json-schema/structured.js'
import type { StreamTiming } from '../../shared/paced-stream.js'
import { chatPromptTokens } from '../../shared/tokenizer.js'
import { estimateTokens } from '../../shared/tokens.js'
import type { WireError, WireJSON, WireStream } from '../../shared/wire.js'
import { requestIdHeader } from '../chat/answer.js'
import { openaiRuleError } from '../errors.js'
import { createResponseBody } from './body.js'
import { responseItemToMessage } from './input.js'
import type { ResponsesParams } from './request.js'
import type { ResponseStore, StoredResponse } from './store.js'
import { responseStream } from './stream.js'
import type { ResponseObject, ResponseStreamEvent } from './types.js'

export interface AnswerResponsesOptions {
  readonly params: ResponsesParams
  readonly match: MatchResult
  readonly clock: Clock
  /** Stops a stream (and its chunk delays) when the client goes away. */
  readonly signal?: AbortSignal
  /** The stream's timing (`ttft_ms`, `tokens_per_second`, `jitter_ms`), when any is set. */
  readonly timing?: StreamTiming
  /**
   * Where the answered response is recorded for `previous_response_id` and
   * `GET /v1/responses/{id}`; skipped when the request sets `store: false`, as the API does.
   */
  readonly store?: Pick<ResponseStore, 'set'>
}

export type ResponsesAnswer =
  | WireError
  | (WireJSON & { readonly body: ResponseObject })
  | (WireStream<ResponseStreamEvent> & { readonly response: ResponseObject })

/**
 * What a follow-up request builds on: this request's conversation (without instructions) and
 * the response's output as assistant and tool-call messages.
 *
 * @example store.set(storedResponse(params, response))
 */
export function storedResponse(
  params: Pick<ResponsesParams, 'history' | 'inputItems'>,
  response: ResponseObject,
): StoredResponse {
  const output: ChatMessage[] = []
  for (const item of response.output) {
    const message = responseItemToMessage(item)
    if (message) output.push(message)
  }
  return { response, history: [...params.history, ...output], inputItems: params.inputItems }
}

// The SDKs read `x-request-id` from errors too (`error.requestID`), so error rules carry it.
function withHeaders(error: WireError, headers: Record<string, string>): WireError {
  return { ...error, headers: { ...error.headers, ...headers } }
}

/**
 * Answers a matched `POST /v1/responses`. An `error:` rule gives the error before anything is
 * sent (JSON even for `stream: true`); otherwise the response object, or its event stream.
 *
 * @example
 * const answer = answerResponses({ params, match, clock: systemClock, store })
 * if (answer.kind === 'json') answer.body.output // [{ type: 'message', ... }]
 */
export function answerResponses(options: AnswerResponsesOptions): ResponsesAnswer {
  // The signal is read only for a stream: on Node, asking for it builds an AbortController.
  const { params, match, clock, store } = options
  const { rule, index } = match
  const seed = `${JSON.stringify(params.body)}|${index}|${match.use}`
  const headers = requestIdHeader(seed)
  if (rule.error) return withHeaders(openaiRuleError(rule.error), headers)

  // Structured outputs, generated tool arguments and refusals; seeded from the body alone, so
  // the same request gets the same JSON whatever the rule's use count.
  const structured = structuredAnswer(
    rule.respond ?? {},
    params.structured ?? responsesStructured(params.body),
    () => JSON.stringify(params.body),
  )
  const { respond, refusal, warnings } = structured
  Object.assign(headers, warningHeader(warnings))
  const response = createResponseBody({
    request: params.body,
    respond,
    seed,
    createdAt: unixSeconds(clock),
    inputTokens:
      chatPromptTokens(params.model, params.messages) ??
      estimateTokens(conversationText(params.messages)),
    ...(refusal === undefined ? {} : { refusal }),
  })
  if (params.body.store !== false) store?.set(storedResponse(params, response))
  const usage = {
    input_tokens: response.usage?.input_tokens ?? 0,
    output_tokens: response.usage?.output_tokens ?? 0,
  }
  const delayMs = respond.delay_ms ?? 0
  const noted = warnings.length > 0 ? { warnings } : {}
  if (!params.stream) {
    return { kind: 'json', status: 200, headers, body: response, delayMs, usage, ...noted }
  }

  const { chunks, frames } = responseStream({
    response,
    chunkSize: respond.chunk_size,
    chunkDelayMs: respond.chunk_delay_ms,
    clock,
    ...(options.timing ? { timing: options.timing } : {}),
    // Read when the stream starts: on Node, asking for the signal builds an AbortController.
    get signal() {
      return options.signal
    },
  })
  return {
    kind: 'stream',
    status: 200,
    headers,
    delayMs,
    chunks,
    frames,
    usage,
    response,
    ...noted,
  }
}
