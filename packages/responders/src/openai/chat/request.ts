/**
 * Validates and normalizes a `POST /v1/chat/completions` body into the parameters the chat
 * responder needs and the request the matcher sees.
 */
import { type ChatMessage, ENDPOINTS } from '@mocktopus/scenario'
import {
  checkBoolean,
  checkInteger,
  checkModel,
  invalidType,
  invalidValue,
  isRecord,
  missing,
  notAnObject,
} from '../../internal/request-checks.js'
import {
  chatStructured,
  type StructuredRequest,
  structuredParam,
} from '../../shared/json-schema/structured.js'
import type { ParseResult } from '../../shared/wire.js'

/** The API path chat completions are served on, relative to the API root. */
export const CHAT_COMPLETIONS_PATH: typeof ENDPOINTS.chatCompletions = ENDPOINTS.chatCompletions

export interface ChatParams {
  readonly model: string
  readonly messages: readonly ChatMessage[]
  readonly stream: boolean
  /** `stream_options.include_usage`: send a usage chunk before `[DONE]`. */
  readonly include_usage: boolean
  /** How many choices to return. */
  readonly n: number
  /** The body as sent; ids derive from it. */
  readonly body: Readonly<Record<string, unknown>>
  /** What the request asks for in structure (JSON format, tool schemas, a forced tool). */
  readonly structured?: StructuredRequest
}

export interface ParseChatOptions {
  /** The path to report to the matcher; defaults to {@link CHAT_COMPLETIONS_PATH}. */
  readonly endpoint?: string
}

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function']

function checkMessages(messages: unknown) {
  if (messages === undefined || messages === null) return missing('messages')
  if (!Array.isArray(messages)) return invalidType('messages', 'an array of objects', messages)
  if (messages.length === 0) {
    return invalidValue(
      'messages',
      'empty array. Expected an array with minimum length 1, but got an empty array instead.',
    )
  }
  for (const [i, message] of messages.entries()) {
    const param = `messages[${i}]`
    if (!isRecord(message)) return invalidType(param, 'an object', message)
    if (message.role === undefined) return missing(`${param}.role`)
    if (typeof message.role !== 'string')
      return invalidType(`${param}.role`, 'a string', message.role)
    if (!ROLES.includes(message.role)) {
      return invalidValue(
        `${param}.role`,
        `'${message.role}'. Supported values are: ${ROLES.map((r) => `'${r}'`).join(', ')}.`,
      )
    }
    const { content } = message
    if (content !== undefined && content !== null && typeof content !== 'string') {
      if (!Array.isArray(content)) {
        return invalidType(`${param}.content`, 'one of a string or an array of objects', content)
      }
      for (const [j, part] of content.entries()) {
        if (!isRecord(part)) return invalidType(`${param}.content[${j}]`, 'an object', part)
      }
    }
  }
  return undefined
}

/**
 * Checks a chat completions body the way the API does and normalizes it. On failure the error
 * is a 400 in OpenAI's envelope whose `param` names the field at fault.
 *
 * @example
 * const parsed = parseChatRequest({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })
 * if (parsed.ok) matcher.match(parsed.match)
 */
export function parseChatRequest(
  body: unknown,
  options: ParseChatOptions = {},
): ParseResult<ChatParams> {
  if (!isRecord(body)) return { ok: false, error: notAnObject(body) }
  const error =
    checkModel(body) ??
    checkMessages(body.messages) ??
    checkBoolean(body, 'stream') ??
    checkInteger(body, 'n', 1, 128) ??
    checkStreamOptions(body.stream_options)
  if (error) return { ok: false, error }
  const model = body.model as string
  const messages = body.messages as ChatMessage[]
  const streamOptions = body.stream_options as { include_usage?: unknown } | null | undefined
  const params: ChatParams = {
    model,
    messages,
    stream: body.stream === true,
    include_usage: streamOptions?.include_usage === true,
    n: typeof body.n === 'number' ? body.n : 1,
    body,
    ...structuredParam(chatStructured(body)),
  }
  const endpoint = options.endpoint ?? CHAT_COMPLETIONS_PATH
  const tools = chatToolNames(body)
  return {
    ok: true,
    params,
    match: tools ? { endpoint, model, messages, tools } : { endpoint, model, messages },
  }
}

/**
 * The names of the tools a chat body offers, for `when.tools_offered`: function and custom
 * tools, and the deprecated `functions`; `undefined` when it offers none.
 *
 * @example chatToolNames({ tools: [{ type: 'function', function: { name: 'get_weather' } }] }) // ['get_weather']
 */
export function chatToolNames(body: Readonly<Record<string, unknown>>): string[] | undefined {
  const { tools, functions } = body
  if (!Array.isArray(tools) && !Array.isArray(functions)) return undefined
  const names: string[] = []
  for (const tool of Array.isArray(tools) ? tools : []) {
    if (!isRecord(tool)) continue
    const inner = tool[typeof tool.type === 'string' ? tool.type : 'function']
    if (isRecord(inner) && typeof inner.name === 'string') names.push(inner.name)
  }
  for (const fn of Array.isArray(functions) ? functions : []) {
    if (isRecord(fn) && typeof fn.name === 'string') names.push(fn.name)
  }
  return names.length > 0 ? names : undefined
}

function checkStreamOptions(value: unknown) {
  if (value === undefined || value === null) return undefined
  if (!isRecord(value)) return invalidType('stream_options', 'an object', value)
  return (
    checkBoolean(value, 'include_usage') &&
    invalidType('stream_options.include_usage', 'a boolean', value.include_usage)
  )
}
