/**
 * `POST /v1/responses`, `GET` and `DELETE /v1/responses/:id`, and
 * `GET /v1/responses/:id/input_items`. Answered
 * responses are kept per server instance (bounded, oldest first out, emptied by `reset()`) so a
 * follow-up with `previous_response_id` is matched against the whole conversation.
 */
import {
  type AnswerResponsesOptions,
  answerResponses,
  type Clock,
  createResponseStore,
  listInputItems,
  openaiError,
  parseInputItemsQuery,
  parseResponsesRequest,
  RESPONSES_PATH,
  type ResponseDeleted,
  type ResponseStore,
  type ResponsesParams,
  responseNotFound,
  type WireResult,
} from '@mocktopus/responders'
import type { MatchResult } from '@mocktopus/scenario'
import type { Context, Hono } from 'hono'
import type { MocktopusContext } from '../context.js'
import { type AnswerInput, addApiRoute, addPlainRoute } from '../pipeline.js'

// The answer's input plus the store. A class, so `signal` stays a getter read only by a stream
// without an accessor literal per request (see Answering in ../pipeline.ts).
class WithStore implements AnswerResponsesOptions {
  readonly params: ResponsesParams
  readonly match: MatchResult
  readonly clock: Clock
  readonly store: ResponseStore
  readonly #input: AnswerInput<ResponsesParams>

  constructor(input: AnswerInput<ResponsesParams>, store: ResponseStore) {
    this.params = input.params
    this.match = input.match
    this.clock = input.clock
    this.store = store
    this.#input = input
  }

  get signal(): AbortSignal {
    return this.#input.signal
  }
}

/** How many answered responses an instance keeps for `previous_response_id`. */
export const STORED_RESPONSES_LIMIT = 1000

export function registerOpenAIResponses(app: Hono, ctx: MocktopusContext): void {
  const store = createResponseStore({ limit: STORED_RESPONSES_LIMIT })
  ctx.onReset(() => store.clear())

  addApiRoute<ResponsesParams>(app, ctx, {
    path: RESPONSES_PATH,
    errors: openaiError,
    parse: (body) => parseResponsesRequest(body, { store }),
    answer: (input) => answerResponses(new WithStore(input, store)),
  })

  const idOf = (c: Context) => c.req.param('id') ?? ''
  addPlainRoute(app, ctx, {
    method: 'GET',
    path: `${RESPONSES_PATH}/:id`,
    errors: openaiError,
    answer: (c): WireResult => {
      const found = store.get(idOf(c))
      if (!found) return responseNotFound(idOf(c))
      return { kind: 'json', status: 200, headers: {}, body: found.response, delayMs: 0 }
    },
  })
  addPlainRoute(app, ctx, {
    method: 'GET',
    path: `${RESPONSES_PATH}/:id/input_items`,
    errors: openaiError,
    answer: (c): WireResult => {
      const found = store.get(idOf(c))
      if (!found) return responseNotFound(idOf(c))
      const query = parseInputItemsQuery(c.req.query())
      if (!query.ok) return query.error
      const body = listInputItems(found.inputItems ?? [], query.options)
      return { kind: 'json', status: 200, headers: {}, body, delayMs: 0 }
    },
  })
  addPlainRoute(app, ctx, {
    method: 'DELETE',
    path: `${RESPONSES_PATH}/:id`,
    errors: openaiError,
    answer: (c): WireResult => {
      const id = idOf(c)
      if (!store.delete(id)) return responseNotFound(id)
      const body: ResponseDeleted = { id, object: 'response', deleted: true }
      return { kind: 'json', status: 200, headers: {}, body, delayMs: 0 }
    },
  })
}
