/**
 * `POST /v1/messages` and `POST /v1/messages/count_tokens`: the Anthropic Messages API. Every
 * answer on these paths, errors from the shared steps included, carries a `request-id` header
 * and the same id as the error body's `request_id`, as the real API does. A matched request's
 * id comes from its body, rule and use (the responder sets it); any other answer's from its
 * place among such answers. The app and the Node runner's direct path give the same ids.
 */
import {
  ANTHROPIC_COUNT_TOKENS_PATH,
  ANTHROPIC_MESSAGES_PATH,
  type AnthropicParams,
  answerAnthropicCountTokens,
  answerAnthropicMessage,
  anthropicError,
  anthropicRequestId,
  parseAnthropicRequest,
  REQUEST_ID_HEADER,
  type WireResult,
} from '@mocktopus/responders'
import type { Context, Hono } from 'hono'
import { bodyRefusal, parseJSONBody, readBody } from '../body.js'
import type { FinishOutput, MocktopusContext } from '../context.js'
import { addApiRoute, startExchange, toResponse, wireOutput } from '../pipeline.js'

// Every answer on these paths carries a request id, also in an error's body. A matched answer
// has the one its responder derived from the request; any other is numbered by its place
// among such answers on this app (from `reset()` on), so a run of requests gets the same ids
// every run.
function requestIds(ctx: MocktopusContext): FinishOutput {
  let sequence = 0
  ctx.onReset(() => {
    sequence = 0
  })
  return (output, { method, path }) => {
    let id = output.headers[REQUEST_ID_HEADER]
    if (id === undefined) {
      sequence += 1
      id = anthropicRequestId(`${method} ${path}|${sequence}`)
      // The record is this answer's own (see FinishOutput).
      output.headers[REQUEST_ID_HEADER] = id
    }
    if (output.kind !== 'json' || output.status < 400) return output
    // The shared steps (bad JSON, no rule, wrong method) build the envelope without knowing
    // the id; fill it in here so body and header always agree.
    const body = errorBody(output.text)
    if (body?.type !== 'error' || body.request_id !== null) return output
    return { ...output, text: JSON.stringify({ ...body, request_id: id }) }
  }
}

function errorBody(text: string): { type?: unknown; request_id?: unknown } | null {
  try {
    return JSON.parse(text) as { type?: unknown; request_id?: unknown } | null
  } catch {
    return null
  }
}

async function countTokens(
  ctx: MocktopusContext,
  c: Context,
  finish: FinishOutput,
): Promise<Response> {
  let start = startExchange(ctx, c, ANTHROPIC_COUNT_TOKENS_PATH)
  const answer = (wire: WireResult) => toResponse(finish(wireOutput(ctx, start, wire), start))
  const read = await readBody(c.req.raw, ctx.bodyLimit)
  if (!read.ok) {
    const { status, message } = bodyRefusal(read, ctx.bodyLimit)
    return answer(anthropicError({ status, message }))
  }
  const json = parseJSONBody(read.text)
  if (!json.ok) {
    start = { ...start, body: read.text }
    const message = 'There was an error parsing the body of your request: it is not valid JSON.'
    return answer(anthropicError({ status: 400, message }))
  }
  const body = json.value
  const model = (body as { model?: unknown } | null)?.model
  start = { ...start, body, ...(typeof model === 'string' ? { model } : {}) }
  const parsed = parseAnthropicRequest(body, { countTokens: true })
  return answer(parsed.ok ? answerAnthropicCountTokens(parsed.params) : parsed.error)
}

/**
 * Registers the Messages API: `/v1/messages` answered from the scenario (rules of type
 * `llm.anthropic`, `llm` and `llm.openai`), `/v1/messages/count_tokens` from the estimator.
 *
 * @example registerAnthropicMessages(app, ctx)
 */
export function registerAnthropicMessages(app: Hono, ctx: MocktopusContext): void {
  const finish = requestIds(ctx)
  addApiRoute<AnthropicParams>(app, ctx, {
    path: ANTHROPIC_MESSAGES_PATH,
    errors: anthropicError,
    finish,
    parse: (body) => parseAnthropicRequest(body),
    answer: (input) => answerAnthropicMessage(input),
  })
  ctx.routes.push({
    method: 'POST',
    path: ANTHROPIC_COUNT_TOKENS_PATH,
    errors: anthropicError,
    finish,
  })
  app.post(ANTHROPIC_COUNT_TOKENS_PATH, (c) => countTokens(ctx, c, finish))
}
