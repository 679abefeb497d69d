/**
 * `POST /v1/messages` and `POST /v1/messages/count_tokens`: the Anthropic Messages API. Every
 * answer on these paths, errors from the shared steps included, carries a `request-id` header
 * and the same id as the error body's `request_id`, as the real API does. A matched request's
 * id comes from its body, rule and use (the responder sets it); any other answer's from the
 * order of arrival.
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
} from '@mocktopus/responders'
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { bodyRefusal, parseJSONBody, readBody } from '../body.js'
import type { MocktopusContext } from '../context.js'
import { addApiRoute, startExchange, writeWire } from '../pipeline.js'

// Answers the responder did not give an id get one from their arrival order on this app (from
// `reset()` on), so a run of requests gets the same ids every run.
function requestIds(ctx: MocktopusContext): MiddlewareHandler {
  let sequence = 0
  ctx.onReset(() => {
    sequence = 0
  })
  return async (c, next) => {
    sequence += 1
    const fallback = anthropicRequestId(`${c.req.method} ${c.req.path}|${sequence}`)
    await next()
    const res = c.res
    const id = res.headers.get(REQUEST_ID_HEADER) ?? fallback
    if (res.status >= 400 && res.headers.get('content-type')?.startsWith('application/json')) {
      // The shared steps (bad JSON, no rule, wrong method) build the envelope without knowing
      // the id; fill it in here so body and header always agree.
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { type?: unknown; request_id?: unknown } | null
      if (body?.type === 'error' && body.request_id === null) {
        const headers = new Headers(res.headers)
        c.res = undefined
        c.res = new Response(JSON.stringify({ ...body, request_id: id }), {
          status: res.status,
          headers,
        })
      }
    }
    c.res.headers.set(REQUEST_ID_HEADER, id)
  }
}

async function countTokens(ctx: MocktopusContext, c: Context): Promise<Response> {
  let start = startExchange(ctx, c, ANTHROPIC_COUNT_TOKENS_PATH)
  const read = await readBody(c.req.raw, ctx.bodyLimit)
  if (!read.ok) {
    const { status, message } = bodyRefusal(read, ctx.bodyLimit)
    return writeWire(ctx, start, anthropicError({ status, message }))
  }
  const json = parseJSONBody(read.text)
  if (!json.ok) {
    start = { ...start, body: read.text }
    const message = 'There was an error parsing the body of your request: it is not valid JSON.'
    return writeWire(ctx, start, anthropicError({ status: 400, message }))
  }
  const body = json.value
  const model = (body as { model?: unknown } | null)?.model
  start = { ...start, body, ...(typeof model === 'string' ? { model } : {}) }
  const parsed = parseAnthropicRequest(body, { countTokens: true })
  return writeWire(ctx, start, parsed.ok ? answerAnthropicCountTokens(parsed.params) : parsed.error)
}

/**
 * Registers the Messages API: `/v1/messages` answered from the scenario (rules of type
 * `llm.anthropic`, `llm` and `llm.openai`), `/v1/messages/count_tokens` from the estimator.
 *
 * @example registerAnthropicMessages(app, ctx)
 */
export function registerAnthropicMessages(app: Hono, ctx: MocktopusContext): void {
  const ids = requestIds(ctx)
  app.use(ANTHROPIC_MESSAGES_PATH, ids)
  app.use(ANTHROPIC_COUNT_TOKENS_PATH, ids)
  addApiRoute<AnthropicParams>(app, ctx, {
    path: ANTHROPIC_MESSAGES_PATH,
    errors: anthropicError,
    // The request-id middleware above.
    hasMiddleware: true,
    parse: (body) => parseAnthropicRequest(body),
    answer: (input) => answerAnthropicMessage(input),
  })
  ctx.routes.push({ method: 'POST', path: ANTHROPIC_COUNT_TOKENS_PATH, errors: anthropicError })
  app.post(ANTHROPIC_COUNT_TOKENS_PATH, (c) => countTokens(ctx, c))
}
