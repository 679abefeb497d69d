/**
 * Ollama's error envelope, as data: every failure is `{ "error": "<message>" }` with the HTTP
 * status, and a failure in the middle of a stream is one more NDJSON line of the same shape.
 * The `ollama` client throws a `ResponseError` carrying `error` and `status_code`.
 */
import {
  compileGlob,
  type ErrorSpec,
  type ErrorType,
  type MatchRequest,
  ruleEndpoints,
  type Scenario,
} from '@mocktopus/scenario'
import { ruleErrorInit } from '../internal/rule-error.js'
import type { SSEFrame } from '../shared/sse.js'
import type { WireError, WireErrorInit } from '../shared/wire.js'

/** The body of every Ollama error response. */
export interface OllamaErrorBody {
  readonly error: string
}

/** What each scenario `error_type` becomes on the Ollama wire. */
export const OLLAMA_ERRORS: Readonly<Record<ErrorType, { status: number; message: string }>> = {
  invalid_request: { status: 400, message: 'invalid request' },
  authentication: { status: 401, message: 'unauthorized' },
  rate_limit: { status: 429, message: 'too many requests' },
  server_error: { status: 500, message: 'an error was encountered while running the model' },
  timeout: { status: 504, message: 'timed out waiting for the model' },
  content_filter: { status: 400, message: 'the request was blocked' },
}

/**
 * A request body's refusal for a parser: Ollama's 400 `{ "error": message }`.
 *
 * @example if (!isRecord(body)) return ollamaBadRequest('invalid request body')
 */
export function ollamaBadRequest(message: string): {
  readonly ok: false
  readonly error: WireError
} {
  return { ok: false, error: ollamaError({ status: 400, message }) }
}

/**
 * An error in Ollama's envelope: the message alone, the status on the response.
 *
 * @example ollamaError({ status: 400, message: 'model is required' }).body // { error: 'model is required' }
 */
export function ollamaError(init: WireErrorInit): WireError {
  const body: OllamaErrorBody = { error: init.message }
  return {
    kind: 'error',
    status: init.status,
    headers: { ...init.headers },
    body,
    delayMs: init.delayMs ?? 0,
  }
}

/**
 * What Ollama says when the model runner dies in the middle of an answer (its llama server's
 * words, `llm/llama_server.go`): the message of a chaos `disconnect` on an Ollama stream.
 */
export const OLLAMA_STREAM_FAILURE =
  'an error was encountered while running the model: unexpected EOF'

/**
 * The line Ollama ends a stream that fails after it started: its status (200) and lines are
 * already out, so the server writes `{"error":"..."}` as one more line and closes
 * (`streamResponse` in `server/routes.go`); the `ollama` client's iterator throws an `Error`
 * with the message.
 *
 * @example encodeSSE(ollamaErrorLine()) // '{"error":"an error was encountered while running the model: unexpected EOF"}\n'
 */
export function ollamaErrorLine(message: string = OLLAMA_STREAM_FAILURE): SSEFrame {
  const body: OllamaErrorBody = { error: message }
  return { data: body, ndjson: true }
}

/**
 * The 404 Ollama gives a model it does not have.
 *
 * @example modelNotFound('llama9').body // { error: 'model "llama9" not found, try pulling it first' }
 */
export function modelNotFound(model: string): WireError {
  return ollamaError({ status: 404, message: `model "${model}" not found, try pulling it first` })
}

/**
 * The answer to a rule's `error:`: the defaults for its `error_type`, with the rule's
 * `status_code`, `message`, `retry_after` and `delay_ms` on top.
 *
 * @example ollamaRuleError({ error_type: 'rate_limit' }).status // 429
 */
export function ollamaRuleError(spec: ErrorSpec): WireError {
  return ollamaError(
    ruleErrorInit(spec, OLLAMA_ERRORS[spec.error_type] ?? OLLAMA_ERRORS.server_error),
  )
}

/**
 * When no rule matches: Ollama's unknown-model 404 if no rule that answers this endpoint
 * accepts the model (it names another, or none answers here at all), else `undefined`, and
 * the engine says which rule came closest.
 *
 * @example ollamaNoMatch({ request: { endpoint: '/api/chat', model: 'llama9' }, scenario })?.status // 404
 */
export function ollamaNoMatch(input: {
  readonly request: MatchRequest
  readonly scenario: Scenario
}): WireError | undefined {
  const { request, scenario } = input
  const model = request.model
  if (model === undefined) return undefined
  const known = scenario.rules.some(
    (rule) =>
      ruleEndpoints(rule.type, rule.when.endpoint).includes(request.endpoint) &&
      (rule.when.model === undefined || compileGlob(rule.when.model)(model)),
  )
  return known ? undefined : modelNotFound(model)
}
