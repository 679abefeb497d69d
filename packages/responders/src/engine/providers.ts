/** The providers' shared answer traits: their error envelopes and request ids. */
import { anthropicError, anthropicRequestId, REQUEST_ID_HEADER } from '../anthropic/errors.js'
import { geminiError, geminiRuleError } from '../gemini/errors.js'
import { ollamaError, ollamaNoMatch, ollamaRuleError } from '../ollama/errors.js'
import { openaiError } from '../openai/errors.js'
import type { Provider } from './endpoint.js'

/** OpenAI: `{ error: { message, type, param, code } }`; request ids come from the responders. */
export const OPENAI_PROVIDER: Provider = {
  name: 'openai',
  errors: openaiError,
  rateLimitHeaders: 'openai',
}

/** Anthropic: `{ type: 'error', error, request_id }`, and a `request-id` on every answer. */
export const ANTHROPIC_PROVIDER: Provider = {
  name: 'anthropic',
  errors: anthropicError,
  rateLimitHeaders: 'anthropic',
  requestIdHeader: REQUEST_ID_HEADER,
  requestId: anthropicRequestId,
}

/** Gemini: `{ error: { code, message, status } }`, with its own words for a rule's errors. */
export const GEMINI_PROVIDER: Provider = {
  name: 'gemini',
  errors: geminiError,
  ruleError: geminiRuleError,
}

/** Ollama: `{ error: "..." }` with the status, and its own words for a rule's errors. */
export const OLLAMA_PROVIDER: Provider = {
  name: 'ollama',
  errors: ollamaError,
  ruleError: ollamaRuleError,
  noMatch: ollamaNoMatch,
}
