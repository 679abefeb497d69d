import type { RuleType } from './types.js'

/** The API paths Mocktopus serves, as the matcher sees them. */
export const ENDPOINTS = {
  chatCompletions: '/v1/chat/completions',
  completions: '/v1/completions',
  responses: '/v1/responses',
  messages: '/v1/messages',
  embeddings: '/v1/embeddings',
} as const

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
  'llm.openai': LLM_ENDPOINTS,
  'llm.anthropic': [ENDPOINTS.messages],
  llm: LLM_ENDPOINTS,
  embeddings: [ENDPOINTS.embeddings],
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
