/**
 * Parsing of `/api/chat` and `/api/generate` requests into what the responder needs and the
 * provider-neutral request the matcher sees. Validation is shallow: what Mocktopus reads, with
 * Ollama's `{ "error": ... }` and status 400.
 */
import type { ChatMessage, MatchRequest } from '@mocktopus/scenario'
import {
  type StructuredRequest,
  structuredParam,
  UNSTRUCTURED,
} from '../shared/json-schema/structured.js'
import type { JSONSchema } from '../shared/json-schema/validate.js'
import type { ParseResult } from '../shared/wire.js'
import { ollamaBadRequest } from './errors.js'
import type { OllamaChatRequest, OllamaGenerateRequest, OllamaMessage } from './types.js'

/** A validated chat or generate request. */
export interface OllamaParams {
  readonly kind: 'chat' | 'generate'
  readonly model: string
  /** Ollama streams unless the body says `stream: false`. */
  readonly stream: boolean
  /** The body as sent; generated values are seeded from it. */
  readonly body: Readonly<Record<string, unknown>>
  /** Every text of the request, for the token estimate. */
  readonly inputText: string
  readonly structured?: StructuredRequest
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const invalid = ollamaBadRequest

/**
 * What a request asks for: `format: "json"` (any JSON) or a JSON schema, and each function
 * tool's `parameters`.
 *
 * @example ollamaStructured({ format: 'json' }).format // {}
 */
export function ollamaStructured(body: Readonly<Record<string, unknown>>): StructuredRequest {
  const format =
    body.format === 'json'
      ? {}
      : isRecord(body.format)
        ? { schema: body.format as JSONSchema }
        : undefined
  const tools = new Map<string, JSONSchema | undefined>()
  if (Array.isArray(body.tools)) {
    for (const tool of body.tools) {
      if (!isRecord(tool) || !isRecord(tool.function)) continue
      const { name, parameters } = tool.function
      if (typeof name !== 'string') continue
      tools.set(name, isRecord(parameters) ? (parameters as JSONSchema) : undefined)
    }
  }
  if (!format && tools.size === 0) return UNSTRUCTURED
  return { tools, ...(format ? { format } : {}) }
}

/**
 * The names of the function tools a chat request offers; `undefined` for none.
 *
 * @example ollamaToolNames({ tools: [{ type: 'function', function: { name: 'f' } }] }) // ['f']
 */
export function ollamaToolNames(body: Readonly<Record<string, unknown>>): string[] | undefined {
  if (!Array.isArray(body.tools)) return undefined
  const names: string[] = []
  for (const tool of body.tools) {
    if (isRecord(tool) && isRecord(tool.function) && typeof tool.function.name === 'string') {
      names.push(tool.function.name)
    }
  }
  return names.length > 0 ? names : undefined
}

// Ollama's `tool` messages carry no call id, only (newer clients) the function's name; an
// assistant call has no id either. The function's name stands in for both, so
// `when.tool_call_id` names the function, as on Gemini.
function normalizeMessage(message: OllamaMessage): ChatMessage {
  const content = typeof message.content === 'string' ? message.content : ''
  if (message.role === 'tool') {
    const id = message.tool_call_id ?? message.tool_name
    return { role: 'tool', content, ...(id === undefined ? {} : { tool_call_id: id }) }
  }
  if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
    const toolCalls = message.tool_calls.map((call) => ({
      id: call.function.name,
      type: 'function',
      function: {
        name: call.function.name,
        arguments: JSON.stringify(call.function.arguments ?? {}),
      },
    }))
    return { role: 'assistant', content, tool_calls: toolCalls }
  }
  return { role: message.role, content }
}

function checkMessages(messages: unknown): string | undefined {
  if (messages === undefined || messages === null) return undefined
  if (!Array.isArray(messages)) return 'invalid messages: expected an array'
  for (const [i, message] of messages.entries()) {
    if (!isRecord(message)) return `invalid message at index ${i}`
    if (typeof message.role !== 'string') return `invalid role at index ${i}`
    if (message.content !== undefined && typeof message.content !== 'string') {
      return 'json: cannot unmarshal array into Go struct field Message.messages.content of type string'
    }
    if (message.tool_calls !== undefined) {
      if (!Array.isArray(message.tool_calls)) return `invalid tool_calls at index ${i}`
      for (const call of message.tool_calls) {
        if (!isRecord(call) || !isRecord(call.function) || typeof call.function.name !== 'string') {
          return `invalid tool_calls at index ${i}`
        }
      }
    }
  }
  return undefined
}

function common(body: unknown): Record<string, unknown> | string {
  if (!isRecord(body)) return 'invalid request body'
  if (typeof body.model !== 'string' || body.model === '') return 'model is required'
  if (body.stream !== undefined && typeof body.stream !== 'boolean') {
    return 'json: cannot unmarshal string into Go struct field .stream of type bool'
  }
  if (
    body.format !== undefined &&
    body.format !== '' &&
    body.format !== 'json' &&
    !isRecord(body.format)
  ) {
    return `invalid format: expected "json" or a valid JSON schema`
  }
  return body
}

/**
 * Validates a `/api/chat` body and normalizes it for the matcher.
 *
 * @example parseOllamaChat({ model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }] }, '/api/chat')
 */
export function parseOllamaChat(body: unknown, endpoint: string): ParseResult<OllamaParams> {
  const checked = common(body)
  if (typeof checked === 'string') return invalid(checked)
  const problem = checkMessages(checked.messages)
  if (problem) return invalid(problem)
  if (checked.tools !== undefined && !Array.isArray(checked.tools)) return invalid('invalid tools')
  const request = checked as unknown as OllamaChatRequest
  const messages = (request.messages ?? []).map(normalizeMessage)
  const tools = ollamaToolNames(checked)
  const texts = messages.map((m) => (typeof m.content === 'string' ? m.content : ''))
  if (request.tools && request.tools.length > 0) texts.push(JSON.stringify(request.tools))
  const match: MatchRequest = {
    endpoint,
    model: request.model,
    messages,
    ...(tools ? { tools } : {}),
  }
  return {
    ok: true,
    params: {
      kind: 'chat',
      model: request.model,
      stream: request.stream !== false,
      body: checked,
      inputText: texts.filter((t) => t !== '').join(' '),
      ...structuredParam(ollamaStructured(checked)),
    },
    match,
  }
}

/**
 * Validates a `/api/generate` body: the prompt is the user message, `system` a system message.
 *
 * @example parseOllamaGenerate({ model: 'llama3.2', prompt: 'Why is the sky blue?' }, '/api/generate')
 */
export function parseOllamaGenerate(body: unknown, endpoint: string): ParseResult<OllamaParams> {
  const checked = common(body)
  if (typeof checked === 'string') return invalid(checked)
  if (checked.prompt !== undefined && typeof checked.prompt !== 'string') {
    return invalid(
      'json: cannot unmarshal number into Go struct field GenerateRequest.prompt of type string',
    )
  }
  const request = checked as unknown as OllamaGenerateRequest
  const messages: ChatMessage[] = []
  if (typeof request.system === 'string' && request.system !== '') {
    messages.push({ role: 'system', content: request.system })
  }
  messages.push({ role: 'user', content: request.prompt ?? '' })
  return {
    ok: true,
    params: {
      kind: 'generate',
      model: request.model,
      stream: request.stream !== false,
      body: checked,
      inputText: [request.system ?? '', request.prompt ?? ''].filter((t) => t !== '').join(' '),
      ...structuredParam(ollamaStructured(checked)),
    },
    match: { endpoint, model: request.model, messages },
  }
}
