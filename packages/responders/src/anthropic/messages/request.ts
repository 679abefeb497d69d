/**
 * Parsing and normalization of Messages API requests (`POST /v1/messages` and
 * `/v1/messages/count_tokens`). Validation is deliberately shallow: it checks what Mocktopus
 * reads and names the field the way the real API does (`messages.0.content.1.type: ...`),
 * and lets through block types it does not interpret, so new SDK features keep working.
 */
import { type ChatMessage, ENDPOINTS, type MatchRequest } from '@mocktopus/scenario'
import {
  anthropicStructured,
  type StructuredRequest,
  structuredParam,
} from '../../shared/json-schema/structured.js'
import type { ParseResult } from '../../shared/wire.js'
import { anthropicError } from '../errors.js'

/** A content block of a request, as sent; only the fields Mocktopus reads are typed. */
export interface AnthropicRequestBlock {
  readonly type: string
  readonly text?: string
  readonly id?: string
  readonly name?: string
  readonly input?: unknown
  readonly tool_use_id?: string
  readonly content?: string | readonly AnthropicRequestBlock[]
  readonly [key: string]: unknown
}

export interface AnthropicRequestMessage {
  readonly role: 'user' | 'assistant' | 'system'
  readonly content: string | readonly AnthropicRequestBlock[]
}

/** A validated request body (`MessageCreateParams`, the parts Mocktopus reads). */
export interface AnthropicMessagesRequest {
  readonly model: string
  readonly messages: readonly AnthropicRequestMessage[]
  /** Absent only on `count_tokens`, which does not take it. */
  readonly max_tokens?: number
  readonly system?: string | readonly AnthropicRequestBlock[]
  readonly stream?: boolean
  readonly stop_sequences?: readonly string[]
  readonly tools?: readonly unknown[]
  readonly [key: string]: unknown
}

/** The API paths served, relative to the API root. */
export const ANTHROPIC_MESSAGES_PATH: typeof ENDPOINTS.messages = ENDPOINTS.messages
export const ANTHROPIC_COUNT_TOKENS_PATH: string = `${ENDPOINTS.messages}/count_tokens`

/** A validated request and what the responder needs from it. */
export interface AnthropicParams {
  readonly request: AnthropicMessagesRequest
  readonly model: string
  readonly stream: boolean
  /** The body as sent; ids derive from it. */
  readonly body: Readonly<Record<string, unknown>>
  /** What the request asks for in structure (JSON format, tool schemas, a forced tool). */
  readonly structured?: StructuredRequest
}

export interface ParseAnthropicRequestOptions {
  /** `count_tokens` takes no `max_tokens` and no `stream`, and may have no messages. */
  readonly countTokens?: boolean
  /** The path to report to the matcher; defaults to the endpoint's own. */
  readonly endpoint?: string
  /** Echoed in the error body's `request_id`. */
  readonly requestId?: string
}

class Invalid extends Error {}

function fail(path: string, message: string): never {
  throw new Invalid(`${path}: ${message}`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}

function checkBlock(block: unknown, path: string): void {
  if (!isRecord(block)) fail(path, `Input should be an object, got ${describe(block)}`)
  if (typeof block.type !== 'string') fail(`${path}.type`, 'Field required')
  switch (block.type) {
    case 'text':
      if (typeof block.text !== 'string') fail(`${path}.text`, 'Field required')
      break
    case 'tool_use':
      if (typeof block.id !== 'string') fail(`${path}.id`, 'Field required')
      if (typeof block.name !== 'string') fail(`${path}.name`, 'Field required')
      if (!isRecord(block.input)) fail(`${path}.input`, 'Input should be a valid dictionary')
      break
    case 'tool_result':
      if (typeof block.tool_use_id !== 'string') fail(`${path}.tool_use_id`, 'Field required')
      checkContent(block.content, `${path}.content`, true)
      break
    case 'image':
      if (!isRecord(block.source)) fail(`${path}.source`, 'Field required')
      break
  }
}

function checkContent(content: unknown, path: string, optional = false): void {
  if (typeof content === 'string') return
  if (content === undefined && optional) return
  if (content === undefined) fail(path, 'Field required')
  if (!Array.isArray(content)) {
    fail(
      path,
      `Input should be a valid string or a list of content blocks, got ${describe(content)}`,
    )
  }
  for (const [i, block] of content.entries()) checkBlock(block, `${path}.${i}`)
}

function checkRequest(body: unknown, options: ParseAnthropicRequestOptions): void {
  if (!isRecord(body)) fail('body', `Input should be an object, got ${describe(body)}`)
  if (body.model === undefined) fail('model', 'Field required')
  if (typeof body.model !== 'string') fail('model', 'Input should be a valid string')
  if (!options.countTokens) {
    if (body.max_tokens === undefined) fail('max_tokens', 'Field required')
    if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1) {
      fail('max_tokens', 'Input should be a positive integer')
    }
    if (body.stream !== undefined && typeof body.stream !== 'boolean') {
      fail('stream', 'Input should be a valid boolean')
    }
  }
  if (body.messages === undefined) fail('messages', 'Field required')
  if (!Array.isArray(body.messages)) fail('messages', 'Input should be a valid list')
  body.messages.forEach((message: unknown, i: number) => {
    const path = `messages.${i}`
    if (!isRecord(message)) fail(path, `Input should be an object, got ${describe(message)}`)
    if (message.role === undefined) fail(`${path}.role`, 'Field required')
    if (message.role !== 'user' && message.role !== 'assistant' && message.role !== 'system') {
      fail(`${path}.role`, "Input should be 'user' or 'assistant'")
    }
    checkContent(message.content, `${path}.content`)
  })
  if (body.system !== undefined) checkContent(body.system, 'system')
  if (body.stop_sequences !== undefined) {
    const stops = body.stop_sequences
    if (!Array.isArray(stops) || !stops.every((s) => typeof s === 'string')) {
      fail('stop_sequences', 'Input should be a valid list of strings')
    }
  }
  if (body.tools !== undefined && !Array.isArray(body.tools)) {
    fail('tools', 'Input should be a valid list')
  }
}

/**
 * Validates a parsed JSON body and normalizes it for the matcher. On failure the answer is a
 * 400 `invalid_request_error` whose message names the field as the real API does.
 *
 * @example
 * const parsed = parseAnthropicRequest({ model: 'claude-x', max_tokens: 5 })
 * if (!parsed.ok) parsed.error.body // { type: 'error', error: { message: 'messages: Field required', ... } }
 */
export function parseAnthropicRequest(
  body: unknown,
  options: ParseAnthropicRequestOptions = {},
): ParseResult<AnthropicParams> {
  const invalid = (message: string) => ({
    ok: false as const,
    error: anthropicError({ status: 400, message, requestId: options.requestId }),
  })
  try {
    checkRequest(body, options)
  } catch (error) {
    if (error instanceof Invalid) return invalid(error.message)
    throw error
  }
  const request = body as AnthropicMessagesRequest
  if (!options.countTokens && request.messages.length === 0) {
    return invalid('messages: at least one message is required')
  }
  const endpoint =
    options.endpoint ??
    (options.countTokens ? ANTHROPIC_COUNT_TOKENS_PATH : ANTHROPIC_MESSAGES_PATH)
  return {
    ok: true,
    params: {
      request,
      model: request.model,
      stream: request.stream === true,
      body: request,
      ...structuredParam(anthropicStructured(request)),
    },
    match: anthropicMatchRequest(request, endpoint),
  }
}

function blocksText(content: string | readonly AnthropicRequestBlock[] | undefined): string {
  if (content === undefined) return ''
  if (typeof content === 'string') return content
  const texts: string[] = []
  for (const block of content) if (typeof block.text === 'string') texts.push(block.text)
  return texts.join('\n')
}

function normalizeMessage(message: AnthropicRequestMessage): ChatMessage[] {
  if (typeof message.content === 'string') return [{ role: message.role, content: message.content }]
  const blocks = message.content
  if (message.role === 'assistant') {
    const toolCalls = blocks
      .filter((block) => block.type === 'tool_use')
      .map((block) => ({
        id: block.id,
        type: 'function',
        function: { name: block.name, arguments: JSON.stringify(block.input) },
      }))
    const normalized: ChatMessage = { role: 'assistant', content: blocksText(blocks) }
    return [toolCalls.length > 0 ? { ...normalized, tool_calls: toolCalls } : normalized]
  }
  // A user turn answers tool calls with `tool_result` blocks; OpenAI sends each as its own
  // `tool` message before the next user text. Splitting them the same way makes
  // `messages_contains` see the same "last user message" for both APIs.
  const out: ChatMessage[] = []
  const rest: AnthropicRequestBlock[] = []
  for (const block of blocks) {
    if (block.type === 'tool_result') {
      out.push({
        role: 'tool',
        tool_call_id: block.tool_use_id,
        content: blocksText(block.content),
      })
    } else {
      rest.push(block)
    }
  }
  if (rest.length > 0 || out.length === 0)
    out.push({ role: message.role, content: blocksText(rest) })
  return out
}

/**
 * The conversation as the matcher sees it, in OpenAI's shape: `system` first, text blocks
 * joined by a newline, `tool_use` blocks as `tool_calls`, `tool_result` blocks as `tool`
 * messages. Images and other blocks carry no text.
 *
 * @example normalizeAnthropicMessages({ model: 'm', system: 'Be brief', messages: [{ role: 'user', content: 'Hi' }] })
 * // [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'Hi' }]
 */
export function normalizeAnthropicMessages(request: AnthropicMessagesRequest): ChatMessage[] {
  const out: ChatMessage[] = []
  const system = blocksText(request.system)
  if (system !== '') out.push({ role: 'system', content: system })
  for (const message of request.messages) out.push(...normalizeMessage(message))
  return out
}

/**
 * The request as the scenario matcher sees it.
 *
 * @example anthropicMatchRequest(request, ANTHROPIC_MESSAGES_PATH)
 */
export function anthropicMatchRequest(
  request: AnthropicMessagesRequest,
  endpoint: string,
): MatchRequest {
  const match = { endpoint, model: request.model, messages: normalizeAnthropicMessages(request) }
  const tools = anthropicToolNames(request)
  return tools ? { ...match, tools } : match
}

/**
 * The names of the tools a request offers, for `when.tools_offered`: every tool, client or
 * server (`web_search`, `bash`, ...), has a `name`; `undefined` when it offers none.
 *
 * @example anthropicToolNames({ model: 'm', messages: [], tools: [{ name: 'get_weather', input_schema: {} }] }) // ['get_weather']
 */
export function anthropicToolNames(request: AnthropicMessagesRequest): string[] | undefined {
  if (!request.tools) return undefined
  const names: string[] = []
  for (const tool of request.tools) {
    if (isRecord(tool) && typeof tool.name === 'string') names.push(tool.name)
  }
  return names.length > 0 ? names : undefined
}

/**
 * Every text of the request the token estimate counts: system, messages (tool calls and
 * results included) and tool definitions.
 *
 * @example estimateTokens(anthropicInputText(request)) // the estimated input_tokens
 */
export function anthropicInputText(request: AnthropicMessagesRequest): string {
  const parts: string[] = []
  for (const message of normalizeAnthropicMessages(request)) {
    if (typeof message.content === 'string' && message.content !== '') parts.push(message.content)
    const calls = message.tool_calls as readonly { function: { arguments: string } }[] | undefined
    for (const call of calls ?? []) parts.push(call.function.arguments)
  }
  if (request.tools && request.tools.length > 0) parts.push(JSON.stringify(request.tools))
  return parts.join(' ')
}
