import type { RuleType } from './types.js'

/** The API paths Mocktopus serves, as the matcher sees them. */
export const ENDPOINTS = {
  chatCompletions: '/v1/chat/completions',
  completions: '/v1/completions',
  responses: '/v1/responses',
  messages: '/v1/messages',
  embeddings: '/v1/embeddings',
  geminiGenerateContent: '/v1beta/models/:model:generateContent',
  geminiStreamGenerateContent: '/v1beta/models/:model:streamGenerateContent',
  geminiEmbedContent: '/v1beta/models/:model:embedContent',
  geminiBatchEmbedContents: '/v1beta/models/:model:batchEmbedContents',
  geminiV1GenerateContent: '/v1/models/:model:generateContent',
  geminiV1StreamGenerateContent: '/v1/models/:model:streamGenerateContent',
  geminiV1EmbedContent: '/v1/models/:model:embedContent',
  geminiV1BatchEmbedContents: '/v1/models/:model:batchEmbedContents',
  ollamaChat: '/api/chat',
  ollamaGenerate: '/api/generate',
  ollamaEmbed: '/api/embed',
  ollamaEmbeddings: '/api/embeddings',
  azureChatCompletions: '/openai/deployments/:deployment/chat/completions',
  azureCompletions: '/openai/deployments/:deployment/completions',
  azureEmbeddings: '/openai/deployments/:deployment/embeddings',
  azureResponses: '/openai/responses',
  azureV1ChatCompletions: '/openai/v1/chat/completions',
  azureV1Completions: '/openai/v1/completions',
  azureV1Responses: '/openai/v1/responses',
  azureV1Embeddings: '/openai/v1/embeddings',
} as const

// Azure OpenAI: the deployment routes (the deployment is the model) and the v1 routes.
const AZURE_LLM_ENDPOINTS = [
  ENDPOINTS.azureChatCompletions,
  ENDPOINTS.azureCompletions,
  ENDPOINTS.azureResponses,
  ENDPOINTS.azureV1ChatCompletions,
  ENDPOINTS.azureV1Completions,
  ENDPOINTS.azureV1Responses,
] as const

const AZURE_EMBEDDING_ENDPOINTS = [ENDPOINTS.azureEmbeddings, ENDPOINTS.azureV1Embeddings] as const

// Ollama's native API (`/api/...`, no version prefix).
const OLLAMA_LLM_ENDPOINTS = [ENDPOINTS.ollamaChat, ENDPOINTS.ollamaGenerate] as const

// Gemini's paths carry the model (`:model`); the SDK uses `v1beta` or `v1`, both are served.
const GEMINI_LLM_ENDPOINTS = [
  ENDPOINTS.geminiGenerateContent,
  ENDPOINTS.geminiStreamGenerateContent,
  ENDPOINTS.geminiV1GenerateContent,
  ENDPOINTS.geminiV1StreamGenerateContent,
] as const

const GEMINI_EMBEDDING_ENDPOINTS = [
  ENDPOINTS.geminiEmbedContent,
  ENDPOINTS.geminiBatchEmbedContents,
  ENDPOINTS.geminiV1EmbedContent,
  ENDPOINTS.geminiV1BatchEmbedContents,
] as const

const LLM_ENDPOINTS = [
  ENDPOINTS.chatCompletions,
  ENDPOINTS.completions,
  ENDPOINTS.responses,
  ENDPOINTS.messages,
] as const

/**
 * Which endpoints each rule type answers. `/v1/completions` (legacy text completions) is
 * answered wherever chat completions are.
 *
 * @example RULE_TYPE_ENDPOINTS['llm.anthropic'] // ['/v1/messages']
 */
export const RULE_TYPE_ENDPOINTS: Readonly<Record<RuleType, readonly string[]>> = {
  'llm.openai': [...LLM_ENDPOINTS, ...AZURE_LLM_ENDPOINTS],
  'llm.anthropic': [ENDPOINTS.messages],
  'llm.gemini': GEMINI_LLM_ENDPOINTS,
  'llm.ollama': OLLAMA_LLM_ENDPOINTS,
  llm: [...LLM_ENDPOINTS, ...GEMINI_LLM_ENDPOINTS, ...OLLAMA_LLM_ENDPOINTS, ...AZURE_LLM_ENDPOINTS],
  embeddings: [
    ENDPOINTS.embeddings,
    ...GEMINI_EMBEDDING_ENDPOINTS,
    ENDPOINTS.ollamaEmbed,
    ENDPOINTS.ollamaEmbeddings,
    ...AZURE_EMBEDDING_ENDPOINTS,
  ],
}

/**
 * The endpoints a rule answers: its type's, plus `/v1/embeddings` for an `llm.openai` rule whose
 * `when.endpoint` is exactly `/v1/embeddings` (Python-era files write embeddings rules so).
 *
 * @example ruleEndpoints('llm.openai', '/v1/embeddings') // [...LLM endpoints, '/v1/embeddings']
 */
export function ruleEndpoints(type: RuleType, endpoint: string | undefined): readonly string[] {
  const own = RULE_TYPE_ENDPOINTS[type]
  if (type === 'llm.openai' && endpoint === ENDPOINTS.embeddings) {
    return [...own, ENDPOINTS.embeddings]
  }
  return own
}
