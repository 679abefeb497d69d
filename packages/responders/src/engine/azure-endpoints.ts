/**
 * Azure OpenAI's rows: the OpenAI responders behind Azure's paths, with Azure's step on top
 * (`azure/`). Deployment routes (`/openai/deployments/{deployment}/...`) need `api-version`
 * and take the deployment as the model; the v1 routes (`/openai/v1/...`) read the body's model.
 */
import { ENDPOINTS as PATHS } from '@mocktopus/scenario'
import { azureCompletion } from '../azure/answer.js'
import {
  azureRuleError,
  azureUnauthorized,
  missingApiVersion,
  resourceNotFound,
} from '../azure/errors.js'
import { AZURE_RECORD } from '../azure/record.js'
import { answerChat } from '../openai/chat/answer.js'
import { type ChatParams, parseChatRequest } from '../openai/chat/request.js'
import { answerCompletion } from '../openai/completions/answer.js'
import { type CompletionParams, parseCompletionRequest } from '../openai/completions/request.js'
import { answerEmbeddings } from '../openai/embeddings/answer.js'
import { type EmbeddingsParams, parseEmbeddingsRequest } from '../openai/embeddings/request.js'
import { openaiError } from '../openai/errors.js'
import { answerResponses } from '../openai/responses/answer.js'
import { parseResponsesRequest, type ResponsesParams } from '../openai/responses/request.js'
import { afterTokenizer } from '../shared/tokenizer.js'
import type { ParseResult, WireError } from '../shared/wire.js'
import type { Endpoint, PreviewSpec, Provider, RouteInput, RuleEndpoint } from './endpoint.js'
import type { EngineState } from './state.js'
import {
  strictChat,
  strictCompletions,
  strictEmbeddings,
  strictResponses,
} from './strict/openai.js'

/**
 * Azure OpenAI: OpenAI's envelope, Azure's content filter error for a rule's
 * `error_type: content_filter`, and its own upstream and key in record mode.
 */
export const AZURE_PROVIDER: Provider = {
  name: 'azure',
  errors: openaiError,
  rateLimitHeaders: 'openai',
  ruleError: azureRuleError,
  unauthorized: azureUnauthorized,
  record: AZURE_RECORD,
}

// A row is typed by its parameters; the table holds them as `RuleEndpoint<unknown>`.
function rules<Params>(row: RuleEndpoint<Params>): RuleEndpoint<unknown> {
  return row as unknown as RuleEndpoint<unknown>
}

/** How a route takes its model and whether it needs `api-version`. */
type RouteStyle = 'deployment' | 'preview' | 'v1'

const apiVersionOf = (route: RouteInput) => new URLSearchParams(route.query).get('api-version')

/**
 * Azure's checks before the body's: `api-version` where the route needs one (only when the
 * engine gives the route; a stored body re-parsed is taken as it is), then the body with the
 * deployment as its model.
 */
function azureBody(
  style: RouteStyle,
  body: unknown,
  route: RouteInput | undefined,
): { ok: true; body: unknown } | { ok: false; error: WireError } {
  if (route && style !== 'v1' && !apiVersionOf(route)) {
    return { ok: false, error: style === 'deployment' ? resourceNotFound() : missingApiVersion() }
  }
  const deployment = route?.params.deployment
  if (style !== 'deployment' || deployment === undefined) return { ok: true, body }
  // The deployment names the model whatever the body says (the SDKs send one anyway).
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}
  return { ok: true, body: { ...record, model: deployment } }
}

function azureParse<Params>(
  style: RouteStyle,
  parse: (body: unknown, state: EngineState) => ParseResult<Params>,
) {
  return (body: unknown, state: EngineState, route?: RouteInput): ParseResult<Params> => {
    const checked = azureBody(style, body, route)
    return checked.ok ? parse(checked.body, state) : checked
  }
}

function chatRow(style: RouteStyle, path: string, previews: AzurePreviews): RuleEndpoint<unknown> {
  return rules<ChatParams>({
    id: style === 'v1' ? 'azure.v1.chat.completions' : 'azure.chat.completions',
    kind: 'rules',
    method: 'POST',
    path,
    provider: AZURE_PROVIDER,
    framing: 'openai-sse',
    parse: azureParse(style, (body) => parseChatRequest(body, { endpoint: path })),
    strict: (body) => strictChat(body),
    answer: (input) =>
      afterTokenizer(input.params.model, () => azureCompletion(answerChat(input), input.match)),
    preview: previews.chat,
  })
}

function completionsRow(
  style: RouteStyle,
  path: string,
  previews: AzurePreviews,
): RuleEndpoint<unknown> {
  return rules<CompletionParams>({
    id: style === 'v1' ? 'azure.v1.completions' : 'azure.completions',
    kind: 'rules',
    method: 'POST',
    path,
    provider: AZURE_PROVIDER,
    framing: 'openai-sse',
    parse: azureParse(style, (body) => parseCompletionRequest(body, { endpoint: path })),
    strict: (body) => strictCompletions(body),
    answer: (input) =>
      afterTokenizer(input.params.model, () =>
        azureCompletion(answerCompletion(input), input.match),
      ),
    preview: previews.completions,
  })
}

function embeddingsRow(
  style: RouteStyle,
  path: string,
  previews: AzurePreviews,
): RuleEndpoint<unknown> {
  return rules<EmbeddingsParams>({
    id: style === 'v1' ? 'azure.v1.embeddings' : 'azure.embeddings',
    kind: 'rules',
    method: 'POST',
    path,
    provider: AZURE_PROVIDER,
    framing: 'none',
    parse: azureParse(style, (body) => parseEmbeddingsRequest(body, { endpoint: path })),
    strict: (body) => strictEmbeddings(body),
    answer: (input) => afterTokenizer(input.params.model, () => answerEmbeddings(input)),
    preview: previews.embeddings,
  })
}

function responsesRow(
  style: RouteStyle,
  path: string,
  previews: AzurePreviews,
): RuleEndpoint<unknown> {
  return rules<ResponsesParams>({
    id: style === 'v1' ? 'azure.v1.responses' : 'azure.responses',
    kind: 'rules',
    method: 'POST',
    path,
    provider: AZURE_PROVIDER,
    framing: 'responses-sse',
    parse: azureParse(style, (body, state) =>
      parseResponsesRequest(body, { store: state.responses, endpoint: path }),
    ),
    strict: (body, state) => strictResponses(body, state),
    answer: (input) => afterTokenizer(input.params.model, () => answerResponses(input)),
    preview: previews.responses,
  })
}

/** The OpenAI rows' previews, which Azure's rows share (`explain`, `simulate`). */
export interface AzurePreviews {
  readonly chat: PreviewSpec
  readonly completions: PreviewSpec
  readonly embeddings: PreviewSpec
  readonly responses: PreviewSpec
}

/**
 * Azure OpenAI's rows: the deployment routes, `/openai/responses`, then the v1 routes.
 *
 * @example azureRows({ chat: CHAT_COMPLETIONS.preview, ... }).map((row) => row.path)
 */
export function azureRows(previews: AzurePreviews): Endpoint[] {
  return [
    chatRow('deployment', PATHS.azureChatCompletions, previews),
    completionsRow('deployment', PATHS.azureCompletions, previews),
    embeddingsRow('deployment', PATHS.azureEmbeddings, previews),
    responsesRow('preview', PATHS.azureResponses, previews),
    chatRow('v1', PATHS.azureV1ChatCompletions, previews),
    completionsRow('v1', PATHS.azureV1Completions, previews),
    embeddingsRow('v1', PATHS.azureV1Embeddings, previews),
    responsesRow('v1', PATHS.azureV1Responses, previews),
  ]
}
