/**
 * The parts of a rule's `error:` answer that do not depend on the provider's envelope: the
 * status and message (the rule's, else its `error_type`'s defaults), a `retry-after` for a rate
 * limit or any 429, and the wait before answering (a timeout waits 30 s unless told otherwise).
 * Each provider wraps the result in its own envelope.
 */
import type { ErrorSpec } from '@mocktopus/scenario'
import { DEFAULT_RETRY_AFTER, DEFAULT_TIMEOUT_DELAY_MS } from '../openai/errors.js'
import type { WireErrorInit } from '../shared/wire.js'

/** A provider's status and message for one `error_type`. */
export interface ErrorDefaults {
  readonly status: number
  readonly message: string
}

/**
 * The envelope-free answer to a rule's `error:`, from the provider's defaults for its type.
 *
 * @example ollamaError(ruleErrorInit(spec, OLLAMA_ERRORS[spec.error_type]))
 */
export function ruleErrorInit(spec: ErrorSpec, base: ErrorDefaults): WireErrorInit {
  const status = spec.status_code ?? base.status
  const headers: Record<string, string> = {}
  if (spec.error_type === 'rate_limit' || status === 429 || spec.retry_after !== undefined) {
    headers['retry-after'] = String(spec.retry_after ?? DEFAULT_RETRY_AFTER)
  }
  return {
    status,
    message: spec.message ?? base.message,
    headers,
    delayMs: spec.delay_ms ?? (spec.error_type === 'timeout' ? DEFAULT_TIMEOUT_DELAY_MS : 0),
  }
}
