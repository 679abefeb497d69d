/**
 * Validates and normalizes a `POST /v1/responses` body: the conversation the matcher sees is
 * `instructions` (as a system message), then everything behind `previous_response_id`, then
 * `input`.
 */
import { type ChatMessage, ENDPOINTS, type MatchRequest } from '@mocktopus/scenario'
import {
  checkBoolean,
  checkModel,
  invalidType,
  isRecord,
  notAnObject,
} from '../../internal/request-checks.js'
import {
  responsesStructured,
  type StructuredRequest,
  structuredParam,
} from '../../shared/json-schema/structured.js'
import type { ParseResult, WireError } from '../../shared/wire.js'
import { openaiError } from '../errors.js'
import { instructionsToMessages, responseInputToMessages } from './input.js'
import { inputItemResources, type ResponseItemResource } from './input-items.js'
import type { ResponseStore } from './store.js'
import type { ResponseCreateParams } from './types.js'

/** The API path of the Responses API, relative to the API root. */
export const RESPONSES_PATH: typeof ENDPOINTS.responses = ENDPOINTS.responses

export interface ResponsesParams {
  readonly model: string
  readonly stream: boolean
  /** The body as sent: its settings are echoed and ids derive from it. */
  readonly body: ResponseCreateParams
  /** The whole conversation, instructions first, as the matcher sees it. */
  readonly messages: readonly ChatMessage[]
  /** The conversation without the instructions, which is what a follow-up builds on. */
  readonly history: readonly ChatMessage[]
  /** This request's `input` as `GET /v1/responses/{id}/input_items` lists it. */
  readonly inputItems: readonly ResponseItemResource[]
  /** What the request asks for in structure (JSON format, tool schemas, a forced tool). */
  readonly structured?: StructuredRequest
}

export interface ParseResponsesOptions {
  /** Earlier responses, for `previous_response_id` and `item_reference` inputs. */
  readonly store?: Pick<ResponseStore, 'get' | 'item'>
  /** The path to report to the matcher; defaults to {@link RESPONSES_PATH}. */
  readonly endpoint?: string
}

function checkItems(param: string, value: unknown): WireError | undefined {
  if (value === undefined || value === null || typeof value === 'string') return undefined
  if (!Array.isArray(value)) return invalidType(param, 'one of a string or an array', value)
  for (const [i, item] of value.entries()) {
    if (!isRecord(item)) return invalidType(`${param}[${i}]`, 'an object', item)
  }
  return undefined
}

/**
 * The API's answer for a `previous_response_id` it does not know.
 *
 * @example previousResponseNotFound('resp_1').status // 400
 */
export function previousResponseNotFound(id: string): WireError {
  return openaiError({
    status: 400,
    message: `Previous response with id '${id}' not found.`,
    param: 'previous_response_id',
    code: 'previous_response_not_found',
  })
}

/**
 * The API's answer for `GET /v1/responses/{id}` with an unknown id.
 *
 * @example responseNotFound('resp_1').status // 404
 */
export function responseNotFound(id: string): WireError {
  return openaiError({
    status: 404,
    message: `Response with id '${id}' not found.`,
    type: 'invalid_request_error',
  })
}

/**
 * Checks a Responses API body and normalizes it for the matcher.
 *
 * @example
 * const parsed = parseResponsesRequest({ model: 'gpt-4.1', input: 'Hi' }, { store })
 * if (parsed.ok) matcher.match(parsed.match) // messages: [{ role: 'user', content: 'Hi' }]
 */
export function parseResponsesRequest(
  body: unknown,
  options: ParseResponsesOptions = {},
): ParseResult<ResponsesParams> {
  if (!isRecord(body)) return { ok: false, error: notAnObject(body) }
  const error =
    checkModel(body) ??
    checkItems('input', body.input) ??
    checkItems('instructions', body.instructions) ??
    checkBoolean(body, 'stream') ??
    (body.previous_response_id != null && typeof body.previous_response_id !== 'string'
      ? invalidType('previous_response_id', 'a string', body.previous_response_id)
      : undefined)
  if (error) return { ok: false, error }

  const request = body as ResponseCreateParams
  const lookup = options.store ? (id: string) => options.store?.item(id) : undefined
  let earlier: readonly ChatMessage[] = []
  if (typeof request.previous_response_id === 'string') {
    const previous = options.store?.get(request.previous_response_id)
    if (!previous)
      return { ok: false, error: previousResponseNotFound(request.previous_response_id) }
    earlier = previous.history
  }
  const history = [...earlier, ...responseInputToMessages(request.input, lookup)]
  const messages = [...instructionsToMessages(request.instructions), ...history]
  const model = request.model as string
  const inputItems = inputItemResources(request.input, { seed: JSON.stringify(body), lookup })
  return {
    ok: true,
    params: {
      model,
      stream: request.stream === true,
      body: request,
      ...structuredParam(responsesStructured(request)),
      messages,
      history,
      inputItems,
    },
    match: withTools({ endpoint: options.endpoint ?? RESPONSES_PATH, model, messages }, request),
  }
}

function withTools(match: MatchRequest, body: ResponseCreateParams): MatchRequest {
  const tools = responsesToolNames(body)
  return tools ? { ...match, tools } : match
}

/**
 * The names of the tools a Responses body offers, for `when.tools_offered`: a function or
 * custom tool by its `name`, an MCP server by its `server_label`, a built-in tool by its
 * `type` (`web_search_preview`, `file_search`, ...); `undefined` when it offers none.
 *
 * @example responsesToolNames({ tools: [{ type: 'function', name: 'f' }, { type: 'web_search' }] }) // ['f', 'web_search']
 */
export function responsesToolNames(body: Readonly<Record<string, unknown>>): string[] | undefined {
  if (!Array.isArray(body.tools)) return undefined
  const names: string[] = []
  for (const tool of body.tools) {
    if (!isRecord(tool)) continue
    const name = tool.name ?? tool.server_label ?? tool.type
    if (typeof name === 'string') names.push(name)
  }
  return names.length > 0 ? names : undefined
}

/** What `DELETE /v1/responses/{id}` answers for a stored response. */
export interface ResponseDeleted {
  readonly id: string
  readonly object: 'response'
  readonly deleted: true
}
