/**
 * The endpoint table: every API path Mocktopus answers, declared once. Server routing, the
 * stub's methods, `explain` / `simulate`, record mode and cost metrics read it. A new provider
 * is rows here and a folder beside `openai/`, `anthropic/` and `gemini/`.
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
import { answerGeminiCountTokens } from '../gemini/count-tokens.js'
import { answerGeminiEmbed, type GeminiEmbedParams, parseGeminiEmbed } from '../gemini/embed.js'
import { answerGeminiGenerate } from '../gemini/generate/answer.js'
import { type GeminiGenerateParams, parseGeminiGenerate } from '../gemini/generate/request.js'
import { listGeminiModels, retrieveGeminiModel } from '../gemini/models.js'
import { answerOllama } from '../ollama/answer.js'
import { answerOllamaEmbed, type OllamaEmbedParams, parseOllamaEmbed } from '../ollama/embed.js'
import { listOllamaModels, ollamaVersion, showOllamaModel } from '../ollama/models.js'
import { type OllamaParams, parseOllamaChat, parseOllamaGenerate } from '../ollama/request.js'
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
import { afterTokenizer } from '../shared/tokenizer.js'
import type { WireResult } from '../shared/wire.js'
import { azureRows } from './azure-endpoints.js'
import type {
  Endpoint,
  HeaderLookup,
  PlainEndpoint,
  PreviewRequest,
  RuleEndpoint,
} from './endpoint.js'
import {
  ANTHROPIC_PROVIDER as ANTHROPIC,
  GEMINI_PROVIDER as GEMINI,
  OLLAMA_PROVIDER as OLLAMA,
  OPENAI_PROVIDER as OPENAI,
} from './providers.js'
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
  answer: (input) => afterTokenizer(input.params.model, () => answerChat(input)),
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
  answer: (input) => afterTokenizer(input.params.model, () => answerEmbeddings(input)),
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
  answer: (input) => afterTokenizer(input.params.model, () => answerResponses(input)),
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
  answer: (input) => afterTokenizer(input.params.model, () => answerCompletion(input)),
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

// Gemini: the model is in the path; `v1beta` and `v1` are the same API to Mocktopus.
type GeminiVersion = 'v1beta' | 'v1'

const GEMINI_GENERATE_PATHS = {
  v1beta: {
    generate: PATHS.geminiGenerateContent,
    stream: PATHS.geminiStreamGenerateContent,
    embed: PATHS.geminiEmbedContent,
    batch: PATHS.geminiBatchEmbedContents,
  },
  v1: {
    generate: PATHS.geminiV1GenerateContent,
    stream: PATHS.geminiV1StreamGenerateContent,
    embed: PATHS.geminiV1EmbedContent,
    batch: PATHS.geminiV1BatchEmbedContents,
  },
} as const

// The conversation as Gemini `contents`: assistant turns are `model`, system text goes to
// `systemInstruction`.
function geminiBody(request: PreviewRequest): Record<string, unknown> {
  const messages = messagesOf(request)
  const system = messages.filter((m) => m.role === 'system').map((m) => textOf(m.content))
  return {
    contents: messages
      .filter((m) => m.role !== 'system')
      .map((m) => ({
        role: m.role === 'assistant' ? 'model' : 'user',
        parts: [{ text: textOf(m.content) }],
      })),
    ...(system.length > 0 ? { systemInstruction: { parts: [{ text: system.join('\n') }] } } : {}),
  }
}

function geminiRows(version: GeminiVersion): Endpoint[] {
  const paths = GEMINI_GENERATE_PATHS[version]
  const prefix = version === 'v1beta' ? 'gemini' : 'gemini.v1'
  const generate = (stream: boolean): RuleEndpoint<unknown> =>
    rules<GeminiGenerateParams>({
      id: `${prefix}.${stream ? 'stream_generate_content' : 'generate_content'}`,
      kind: 'rules',
      method: 'POST',
      path: stream ? paths.stream : paths.generate,
      provider: GEMINI,
      framing: stream ? 'gemini-sse' : 'none',
      parse: (body, _state, route) =>
        parseGeminiGenerate(body, {
          endpoint: stream ? paths.stream : paths.generate,
          ...(route?.params.model === undefined ? {} : { model: route.params.model }),
          ...(route === undefined ? {} : { query: route.query }),
          stream,
        }),
      answer: (input) => answerGeminiGenerate(input),
      preview: { defaultModel: 'gemini-2.5-flash', body: (request) => geminiBody(request) },
    })
  const embed = (batch: boolean): RuleEndpoint<unknown> =>
    rules<GeminiEmbedParams>({
      id: `${prefix}.${batch ? 'batch_embed_contents' : 'embed_content'}`,
      kind: 'rules',
      method: 'POST',
      path: batch ? paths.batch : paths.embed,
      provider: GEMINI,
      framing: 'none',
      parse: (body, _state, route) =>
        parseGeminiEmbed(body, {
          endpoint: batch ? paths.batch : paths.embed,
          ...(route?.params.model === undefined ? {} : { model: route.params.model }),
          batch,
        }),
      answer: (input) => answerGeminiEmbed(input),
      preview: {
        defaultModel: 'gemini-embedding-001',
        body: (request, model) => {
          const texts = request.messages
            ? request.messages.map((message) => textOf(message.content))
            : [request.prompt ?? '']
          const content = (text: string) => ({ parts: [{ text }] })
          return batch
            ? {
                requests: texts.map((text) => ({
                  model: `models/${model}`,
                  content: content(text),
                })),
              }
            : { content: content(texts.join('\n')) }
        },
      },
    })
  const models = `/${version}/models`
  // `GET /v1/models` is OpenAI's too: Gemini's answers the Google SDKs' requests.
  const accepts = version === 'v1' ? { accepts: fromGoogleSDK } : {}
  return [
    generate(false),
    generate(true),
    embed(false),
    embed(true),
    {
      id: `${prefix}.count_tokens`,
      kind: 'plain',
      method: 'POST',
      path: `${models}/:model:countTokens`,
      provider: GEMINI,
      framing: 'none',
      readsBody: true,
      answer: ({ body }) => answerGeminiCountTokens(body),
    },
    {
      id: `${prefix}.models.list`,
      kind: 'plain',
      method: 'GET',
      path: models,
      provider: GEMINI,
      framing: 'none',
      readsBody: false,
      ...accepts,
      answer: ({ scenario, query }) => listGeminiModels(scenario, query),
    },
    {
      id: `${prefix}.models.retrieve`,
      kind: 'plain',
      method: 'GET',
      path: `${models}/:id`,
      provider: GEMINI,
      framing: 'none',
      readsBody: false,
      ...accepts,
      answer: ({ scenario, params }) => retrieveGeminiModel(scenario, params.id ?? '', version),
    },
  ]
}

/** A Google SDK call: `@google/genai` and `@ai-sdk/google` send `x-goog-api-key`. */
const fromGoogleSDK = (request: HeaderLookup) =>
  request.header('x-goog-api-key') !== undefined ||
  request.header('x-goog-api-client') !== undefined

/** Gemini's rows under `/v1beta/`, then the same under `/v1/`. */
export const GEMINI_ROWS: readonly Endpoint[] = [...geminiRows('v1beta'), ...geminiRows('v1')]

// Ollama: its native API under `/api/`, streamed as NDJSON unless `stream: false`.
const ollamaStream = (request: PreviewRequest) => ({ stream: request.stream === true })

const OLLAMA_CHAT: RuleEndpoint<unknown> = rules<OllamaParams>({
  id: 'ollama.chat',
  kind: 'rules',
  method: 'POST',
  path: PATHS.ollamaChat,
  provider: OLLAMA,
  framing: 'ndjson',
  parse: (body) => parseOllamaChat(body, PATHS.ollamaChat),
  answer: (input) => answerOllama(input),
  preview: {
    defaultModel: 'llama3.2',
    body: (request, model) => ({ model, messages: messagesOf(request), ...ollamaStream(request) }),
  },
})

const OLLAMA_GENERATE: RuleEndpoint<unknown> = rules<OllamaParams>({
  id: 'ollama.generate',
  kind: 'rules',
  method: 'POST',
  path: PATHS.ollamaGenerate,
  provider: OLLAMA,
  framing: 'ndjson',
  parse: (body) => parseOllamaGenerate(body, PATHS.ollamaGenerate),
  answer: (input) => answerOllama(input),
  preview: {
    defaultModel: 'llama3.2',
    body: (request, model) => {
      const messages = messagesOf(request)
      const system = messages.filter((m) => m.role === 'system').map((m) => textOf(m.content))
      const prompt = messages.filter((m) => m.role !== 'system').map((m) => textOf(m.content))
      return {
        model,
        prompt: prompt.join('\n'),
        ...(system.length > 0 ? { system: system.join('\n') } : {}),
        ...ollamaStream(request),
      }
    },
  },
})

const ollamaEmbedRow = (legacy: boolean): RuleEndpoint<unknown> => {
  const path = legacy ? PATHS.ollamaEmbeddings : PATHS.ollamaEmbed
  return rules<OllamaEmbedParams>({
    id: legacy ? 'ollama.embeddings' : 'ollama.embed',
    kind: 'rules',
    method: 'POST',
    path,
    provider: OLLAMA,
    framing: 'none',
    parse: (body) => parseOllamaEmbed(body, path, legacy),
    answer: (input) => answerOllamaEmbed(input),
    preview: {
      defaultModel: 'nomic-embed-text',
      body: (request, model) => {
        const texts = request.messages
          ? request.messages.map((message) => textOf(message.content))
          : [request.prompt ?? '']
        return legacy ? { model, prompt: texts.join('\n') } : { model, input: texts }
      },
    },
  })
}

/** Ollama's rows: chat, generate, both embed endpoints, the model list, show and version. */
export const OLLAMA_ROWS: readonly Endpoint[] = [
  OLLAMA_CHAT,
  OLLAMA_GENERATE,
  ollamaEmbedRow(false),
  ollamaEmbedRow(true),
  {
    id: 'ollama.tags',
    kind: 'plain',
    method: 'GET',
    path: '/api/tags',
    provider: OLLAMA,
    framing: 'none',
    readsBody: false,
    answer: ({ scenario }) => listOllamaModels(scenario),
  },
  {
    id: 'ollama.show',
    kind: 'plain',
    method: 'POST',
    path: '/api/show',
    provider: OLLAMA,
    framing: 'none',
    readsBody: true,
    answer: ({ scenario, body }) => showOllamaModel(scenario, body),
  },
  {
    id: 'ollama.version',
    kind: 'plain',
    method: 'GET',
    path: '/api/version',
    provider: OLLAMA,
    framing: 'none',
    readsBody: false,
    answer: () => ollamaVersion(),
  },
]

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
  ...GEMINI_ROWS,
  ...OLLAMA_ROWS,
  ...azureRows({
    chat: CHAT_COMPLETIONS.preview,
    completions: COMPLETIONS.preview,
    embeddings: EMBEDDINGS.preview,
    responses: RESPONSES.preview,
  }),
  MODELS_LIST,
  MODELS_RETRIEVE,
]

/** The rule endpoints, by path: what `explain` can preview and record mode can record. */
export const RULE_ENDPOINTS: readonly RuleEndpoint<unknown>[] = ENDPOINT_TABLE.filter(
  (row): row is RuleEndpoint<unknown> => row.kind === 'rules',
)
