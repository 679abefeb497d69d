/**
 * The endpoint table: every API path Mocktopus answers, declared once. Server routing, the
 * stub's methods, `explain` / `simulate`, record mode and cost metrics read it. A new provider
 * is rows here and a folder beside `openai/` and `anthropic/`.
 */
import { ENDPOINTS as PATHS } from '@mocktopus/scenario'
import { answerAnthropicMessage } from '../anthropic/messages/answer.js'
import { answerAnthropicCountTokens } from '../anthropic/messages/count-tokens.js'
import {
  ANTHROPIC_COUNT_TOKENS_PATH,
  type AnthropicParams,
  parseAnthropicRequest,
} from '../anthropic/messages/request.js'
import { listAnthropicModels, retrieveAnthropicModel } from '../anthropic/models.js'
import { answerChat } from '../openai/chat/answer.js'
import { type ChatParams, parseChatRequest } from '../openai/chat/request.js'
import { answerCompletion } from '../openai/completions/answer.js'
import { type CompletionParams, parseCompletionRequest } from '../openai/completions/request.js'
import { answerEmbeddings } from '../openai/embeddings/answer.js'
import { type EmbeddingsParams, parseEmbeddingsRequest } from '../openai/embeddings/request.js'
import { listModels, retrieveModel } from '../openai/models.js'
import { answerResponses } from '../openai/responses/answer.js'
import { listInputItems, parseInputItemsQuery } from '../openai/responses/input-items.js'
import {
  parseResponsesRequest,
  type ResponseDeleted,
  type ResponsesParams,
  responseNotFound,
} from '../openai/responses/request.js'
import type { WireResult } from '../shared/wire.js'
import type {
  Endpoint,
  HeaderLookup,
  PlainEndpoint,
  PreviewRequest,
  RuleEndpoint,
} from './endpoint.js'
import { ANTHROPIC_PROVIDER as ANTHROPIC, OPENAI_PROVIDER as OPENAI } from './providers.js'
import { strictMessages } from './strict/anthropic.js'
import {
  strictChat,
  strictCompletions,
  strictEmbeddings,
  strictResponses,
} from './strict/openai.js'

/** `GET /v1/models`, whose answer depends on which SDK asks. */
const MODELS_PATH = '/v1/models'
const RESPONSE_PATH = `${PATHS.responses}/:id`

// A row is typed by its parameters; the table holds them as `RuleEndpoint<unknown>`.
function rules<Params>(row: RuleEndpoint<Params>): RuleEndpoint<unknown> {
  return row as unknown as RuleEndpoint<unknown>
}

const json = (body: unknown): WireResult => ({
  kind: 'json',
  status: 200,
  headers: {},
  body,
  delayMs: 0,
})

function messagesOf(request: PreviewRequest) {
  return request.messages ?? [{ role: 'user', content: request.prompt ?? '' }]
}

const textOf = (content: unknown) => (typeof content === 'string' ? content : '')
const streamFlag = (request: PreviewRequest) => (request.stream ? { stream: true } : {})

export const CHAT_COMPLETIONS: RuleEndpoint<unknown> = rules<ChatParams>({
  id: 'openai.chat.completions',
  kind: 'rules',
  method: 'POST',
  path: PATHS.chatCompletions,
  provider: OPENAI,
  framing: 'openai-sse',
  parse: (body) => parseChatRequest(body),
  strict: (body) => strictChat(body),
  answer: (input) => answerChat(input),
  preview: {
    defaultModel: 'gpt-4o-mini',
    body: (request, model) => ({ model, messages: messagesOf(request), ...streamFlag(request) }),
  },
})

export const EMBEDDINGS: RuleEndpoint<unknown> = rules<EmbeddingsParams>({
  id: 'openai.embeddings',
  kind: 'rules',
  method: 'POST',
  path: PATHS.embeddings,
  provider: OPENAI,
  framing: 'none',
  parse: (body) => parseEmbeddingsRequest(body),
  strict: (body) => strictEmbeddings(body),
  answer: (input) => answerEmbeddings(input),
  preview: {
    defaultModel: 'text-embedding-3-small',
    body: (request, model) => ({
      model,
      input: request.messages
        ? request.messages.map((message) => textOf(message.content))
        : (request.prompt ?? ''),
      encoding_format: 'float',
    }),
  },
})

export const RESPONSES: RuleEndpoint<unknown> = rules<ResponsesParams>({
  id: 'openai.responses',
  kind: 'rules',
  method: 'POST',
  path: PATHS.responses,
  provider: OPENAI,
  framing: 'responses-sse',
  parse: (body, state) => parseResponsesRequest(body, { store: state.responses }),
  strict: (body, state) => strictResponses(body, state),
  answer: (input) => answerResponses(input),
  preview: {
    defaultModel: 'gpt-4o-mini',
    body: (request, model) => ({
      model,
      input: request.messages ?? request.prompt ?? '',
      ...streamFlag(request),
    }),
  },
})

export const COMPLETIONS: RuleEndpoint<unknown> = rules<CompletionParams>({
  id: 'openai.completions',
  kind: 'rules',
  method: 'POST',
  path: PATHS.completions,
  provider: OPENAI,
  framing: 'openai-sse',
  parse: (body) => parseCompletionRequest(body),
  strict: (body) => strictCompletions(body),
  answer: (input) => answerCompletion(input),
  preview: {
    defaultModel: 'gpt-3.5-turbo-instruct',
    body: (request, model) => ({
      model,
      prompt: request.prompt ?? (request.messages ?? []).map((m) => textOf(m.content)).join('\n'),
      ...streamFlag(request),
    }),
  },
})

export const MESSAGES: RuleEndpoint<unknown> = rules<AnthropicParams>({
  id: 'anthropic.messages',
  kind: 'rules',
  method: 'POST',
  path: PATHS.messages,
  provider: ANTHROPIC,
  framing: 'anthropic-sse',
  parse: (body) => parseAnthropicRequest(body),
  strict: (body) => strictMessages(body),
  answer: (input) => answerAnthropicMessage(input),
  preview: {
    defaultModel: 'claude-sonnet-5-5',
    body: (request, model) => {
      const messages = messagesOf(request)
      const system = messages.filter((m) => m.role === 'system').map((m) => textOf(m.content))
      return {
        model,
        max_tokens: 1024,
        messages: messages.filter((m) => m.role !== 'system'),
        ...(system.length > 0 ? { system: system.join('\n') } : {}),
        ...streamFlag(request),
      }
    },
  },
})

export const COUNT_TOKENS: PlainEndpoint = {
  id: 'anthropic.messages.count_tokens',
  kind: 'plain',
  method: 'POST',
  path: ANTHROPIC_COUNT_TOKENS_PATH,
  provider: ANTHROPIC,
  framing: 'none',
  readsBody: true,
  answer: ({ body }) => {
    const parsed = parseAnthropicRequest(body, { countTokens: true })
    return parsed.ok ? answerAnthropicCountTokens(parsed.params) : parsed.error
  },
}

const RESPONSE_RETRIEVE: PlainEndpoint = {
  id: 'openai.responses.retrieve',
  kind: 'plain',
  method: 'GET',
  path: RESPONSE_PATH,
  provider: OPENAI,
  framing: 'none',
  readsBody: false,
  answer: ({ params, state }) => {
    const found = state.responses.get(params.id ?? '')
    // A copy: the stored object is the store's, and callers (the stub) decorate what they get.
    return found ? json({ ...found.response }) : responseNotFound(params.id ?? '')
  },
}

const RESPONSE_INPUT_ITEMS: PlainEndpoint = {
  id: 'openai.responses.input_items',
  kind: 'plain',
  method: 'GET',
  path: `${RESPONSE_PATH}/input_items`,
  provider: OPENAI,
  framing: 'none',
  readsBody: false,
  answer: ({ params, query, state }) => {
    const found = state.responses.get(params.id ?? '')
    if (!found) return responseNotFound(params.id ?? '')
    const parsed = parseInputItemsQuery(Object.fromEntries(query))
    if (!parsed.ok) return parsed.error
    return json(listInputItems(found.inputItems ?? [], parsed.options))
  },
}

const RESPONSE_DELETE: PlainEndpoint = {
  id: 'openai.responses.delete',
  kind: 'plain',
  method: 'DELETE',
  path: RESPONSE_PATH,
  provider: OPENAI,
  framing: 'none',
  readsBody: false,
  answer: ({ params, state }) => {
    const id = params.id ?? ''
    if (!state.responses.delete(id)) return responseNotFound(id)
    const deleted: ResponseDeleted = { id, object: 'response', deleted: true }
    return json(deleted)
  },
}

/** An Anthropic SDK call: it always sends `anthropic-version`. */
const fromAnthropicSDK = (request: HeaderLookup) =>
  request.header('anthropic-version') !== undefined

// `limit=abc` stays a non-integer, so the answer says so as the API does.
function numberParam(value: string | null): number | undefined {
  return value === null ? undefined : Number(value)
}

const ANTHROPIC_MODELS_LIST: PlainEndpoint = {
  id: 'anthropic.models.list',
  kind: 'plain',
  method: 'GET',
  path: MODELS_PATH,
  provider: ANTHROPIC,
  framing: 'none',
  readsBody: false,
  accepts: fromAnthropicSDK,
  answer: ({ scenario, query }) => {
    const limit = numberParam(query.get('limit'))
    const after = query.get('after_id')
    const before = query.get('before_id')
    return listAnthropicModels(scenario, {
      ...(limit === undefined ? {} : { limit }),
      ...(after === null ? {} : { after_id: after }),
      ...(before === null ? {} : { before_id: before }),
    })
  },
}

const ANTHROPIC_MODELS_RETRIEVE: PlainEndpoint = {
  id: 'anthropic.models.retrieve',
  kind: 'plain',
  method: 'GET',
  path: `${MODELS_PATH}/:id`,
  provider: ANTHROPIC,
  framing: 'none',
  readsBody: false,
  accepts: fromAnthropicSDK,
  answer: ({ scenario, params }) => retrieveAnthropicModel(scenario, params.id ?? ''),
}

const MODELS_LIST: PlainEndpoint = {
  id: 'openai.models.list',
  kind: 'plain',
  method: 'GET',
  path: MODELS_PATH,
  provider: OPENAI,
  framing: 'none',
  readsBody: false,
  answer: ({ scenario }) => listModels(scenario),
}

const MODELS_RETRIEVE: PlainEndpoint = {
  id: 'openai.models.retrieve',
  kind: 'plain',
  method: 'GET',
  path: `${MODELS_PATH}/:id`,
  provider: OPENAI,
  framing: 'none',
  readsBody: false,
  answer: ({ scenario, params }) => retrieveModel(scenario, params.id ?? ''),
}

/** Every endpoint, in the order rows sharing a path are tried. */
export const ENDPOINT_TABLE: readonly Endpoint[] = [
  CHAT_COMPLETIONS,
  EMBEDDINGS,
  RESPONSES,
  RESPONSE_RETRIEVE,
  RESPONSE_INPUT_ITEMS,
  RESPONSE_DELETE,
  COMPLETIONS,
  MESSAGES,
  COUNT_TOKENS,
  ANTHROPIC_MODELS_LIST,
  ANTHROPIC_MODELS_RETRIEVE,
  MODELS_LIST,
  MODELS_RETRIEVE,
]

/** The rule endpoints, by path: what `explain` can preview and record mode can record. */
export const RULE_ENDPOINTS: readonly RuleEndpoint<unknown>[] = ENDPOINT_TABLE.filter(
  (row): row is RuleEndpoint<unknown> => row.kind === 'rules',
)
