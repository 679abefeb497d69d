/**
 * The providers' shared answer traits: their error envelopes, request ids, and what record
 * mode needs (each from the provider's own folder). Shared code reads these traits and never
 * a provider's name.
 */
import {
  ANTHROPIC_INVALID_JSON,
  anthropicError,
  anthropicRequestId,
  anthropicRuleError,
  anthropicUnauthorized,
  REQUEST_ID_HEADER,
} from '../anthropic/errors.js'
import { ANTHROPIC_RECORD } from '../anthropic/record.js'
import {
  GEMINI_INVALID_JSON,
  geminiError,
  geminiRuleError,
  geminiUnauthorized,
} from '../gemini/errors.js'
import { GEMINI_RECORD } from '../gemini/record.js'
import { ollamaError, ollamaErrorLine, ollamaNoMatch, ollamaRuleError } from '../ollama/errors.js'
import { OLLAMA_RECORD } from '../ollama/record.js'
import { openaiError, openaiRuleError } from '../openai/errors.js'
import { OPENAI_RECORD } from '../openai/record.js'
import type { Provider } from './endpoint.js'

/** OpenAI: `{ error: { message, type, param, code } }`; request ids come from the responders. */
export const OPENAI_PROVIDER: Provider = {
  name: 'openai',
  errors: openaiError,
  ruleError: openaiRuleError,
  overloaded: () =>
    openaiError({
      status: 503,
      message: 'The server is overloaded or not ready yet.',
      type: 'server_error',
    }),
  rateLimitHeaders: 'openai',
  record: OPENAI_RECORD,
}

/** Anthropic: `{ type: 'error', error, request_id }`, and a `request-id` on every answer. */
export const ANTHROPIC_PROVIDER: Provider = {
  name: 'anthropic',
  errors: anthropicError,
  rateLimitHeaders: 'anthropic',
  requestIdHeader: REQUEST_ID_HEADER,
  requestId: anthropicRequestId,
  ruleError: (spec) => anthropicRuleError(spec),
  overloaded: () => anthropicRuleError({ error_type: 'server_error', status_code: 529 }),
  invalidJson: ANTHROPIC_INVALID_JSON,
  unauthorized: anthropicUnauthorized,
  record: ANTHROPIC_RECORD,
}

/** Gemini: `{ error: { code, message, status } }`, with its own words for a rule's errors. */
export const GEMINI_PROVIDER: Provider = {
  name: 'gemini',
  errors: geminiError,
  ruleError: geminiRuleError,
  invalidJson: GEMINI_INVALID_JSON,
  unauthorized: geminiUnauthorized,
  record: GEMINI_RECORD,
}

/**
 * Ollama: `{ error: "..." }` with the status, its own words for a rule's errors, and an
 * `{"error"}` line ending a stream that fails midway.
 */
export const OLLAMA_PROVIDER: Provider = {
  name: 'ollama',
  errors: ollamaError,
  ruleError: ollamaRuleError,
  noMatch: ollamaNoMatch,
  streamFailure: () => ollamaErrorLine(),
  record: OLLAMA_RECORD,
}
