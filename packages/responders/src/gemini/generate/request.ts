/**
 * Parsing and normalization of `generateContent` and `streamGenerateContent` requests. The
 * model is in the path (`/v1beta/models/{model}:generateContent`), the conversation in
 * `contents`. Validation is shallow: what Mocktopus reads, with the API's `INVALID_ARGUMENT`.
 */
import type { ChatMessage, MatchRequest } from '@mocktopus/scenario'
import { type StructuredRequest, structuredParam } from '../../shared/json-schema/structured.js'
import type { ParseResult } from '../../shared/wire.js'
import { geminiBadRequest } from '../errors.js'
import { geminiStructured } from '../schema.js'
import type { GeminiContent, GeminiGenerateRequest, GeminiPart } from './types.js'

/** A validated request and what the responder needs from it. */
export interface GeminiGenerateParams {
  readonly request: GeminiGenerateRequest
  /** The model id from the path, without `models/`. */
  readonly model: string
  /** `:streamGenerateContent`. */
  readonly stream: boolean
  /** `alt=sse`: a stream of `data:` lines; without it, one JSON array of the same chunks. */
  readonly sse: boolean
  /** The body as sent; ids derive from it. */
  readonly body: Readonly<Record<string, unknown>>
  readonly structured?: StructuredRequest
}

export interface ParseGeminiOptions {
  /** The endpoint to report to the matcher (the row's path). */
  readonly endpoint: string
  /** The model from the path; else the body's `model`. */
  readonly model?: string
  readonly stream?: boolean
  /** The query string, for `alt=sse`. */
  readonly query?: string
}

class Invalid extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The model a request names: the path's, else the body's `model` (`models/x` or `x`).
 *
 * @example geminiModel('models/gemini-2.5-flash', undefined) // 'gemini-2.5-flash'
 */
export function geminiModel(fromPath: string | undefined, body: unknown): string | undefined {
  const named = fromPath ?? (isRecord(body) ? body.model : undefined)
  if (typeof named !== 'string' || named === '') return undefined
  return named.startsWith('models/') ? named.slice('models/'.length) : named
}

function checkContents(contents: unknown, path: string): void {
  if (!Array.isArray(contents)) {
    throw new Invalid(`Invalid value at '${path}', must be a list of Content`)
  }
  for (const [i, content] of contents.entries()) checkContent(content, `${path}[${i}]`)
}

/**
 * What is wrong with a `contents` list, as Gemini words it; `undefined` when nothing is.
 *
 * @example geminiContentsProblem([null], 'contents') // "Invalid value at 'contents[0]', must be a Content"
 */
export function geminiContentsProblem(contents: unknown, path: string): string | undefined {
  try {
    checkContents(contents, path)
    return undefined
  } catch (error) {
    if (error instanceof Invalid) return error.message
    throw error
  }
}

function checkContent(content: unknown, path: string): void {
  if (!isRecord(content)) throw new Invalid(`Invalid value at '${path}', must be a Content`)
  if (content.parts === undefined) return
  if (!Array.isArray(content.parts)) {
    throw new Invalid(`Invalid value at '${path}.parts', must be a list of Part`)
  }
  content.parts.forEach((part, j) => {
    if (!isRecord(part)) throw new Invalid(`Invalid value at '${path}.parts[${j}]', must be a Part`)
  })
}

/**
 * Validates a `generateContent` body and normalizes it for the matcher; a 400
 * `INVALID_ARGUMENT` in Gemini's envelope otherwise.
 *
 * @example parseGeminiGenerate({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] }, { endpoint, model: 'gemini-2.5-flash' })
 */
export function parseGeminiGenerate(
  body: unknown,
  options: ParseGeminiOptions,
): ParseResult<GeminiGenerateParams> {
  const invalid = geminiBadRequest
  const model = geminiModel(options.model, body)
  if (!isRecord(body)) return invalid('Invalid JSON payload received. Expected an object.')
  if (model === undefined)
    return invalid('* GenerateContentRequest.model: unexpected model name format\n')
  try {
    if (body.contents === undefined)
      throw new Invalid('* GenerateContentRequest.contents: contents is not specified\n')
    checkContents(body.contents, 'contents')
    if (body.systemInstruction !== undefined && typeof body.systemInstruction !== 'string') {
      checkContent(body.systemInstruction, 'system_instruction')
    }
    if (body.tools !== undefined && !Array.isArray(body.tools)) {
      throw new Invalid("Invalid value at 'tools', must be a list of Tool")
    }
  } catch (error) {
    if (error instanceof Invalid) return invalid(error.message)
    throw error
  }
  const request = body as GeminiGenerateRequest
  if (request.contents.length === 0) {
    return invalid('* GenerateContentRequest.contents: contents is not specified\n')
  }
  const stream = options.stream === true
  const sse = stream && new URLSearchParams(options.query ?? '').get('alt') === 'sse'
  return {
    ok: true,
    params: {
      request,
      model,
      stream,
      sse,
      body,
      ...structuredParam(geminiStructured(body)),
    },
    match: geminiMatchRequest(request, model, options.endpoint),
  }
}

function partsText(parts: readonly GeminiPart[] | undefined): string {
  const texts: string[] = []
  for (const part of parts ?? []) {
    if (typeof part.text === 'string' && part.thought !== true) texts.push(part.text)
  }
  return texts.join('')
}

// A function's result as text. The SDK's convention is `{ output }` (or `{ error }`): its value
// as is when a string; a string response as is; anything else as its JSON.
function responseText(response: unknown): string {
  if (typeof response === 'string') return response
  if (isRecord(response)) {
    const keys = Object.keys(response)
    const only = keys.length === 1 ? response[keys[0] as string] : undefined
    if ((keys[0] === 'output' || keys[0] === 'error') && typeof only === 'string') return only
  }
  return response === undefined ? '' : JSON.stringify(response)
}

function normalizeContent(content: GeminiContent): ChatMessage[] {
  const parts = content.parts ?? []
  if (content.role === 'model') {
    const toolCalls = parts
      .filter((part) => isRecord(part.functionCall))
      .map((part) => {
        const call = part.functionCall as { name: string; args?: unknown; id?: string }
        return {
          id: call.id ?? call.name,
          type: 'function',
          function: { name: call.name, arguments: JSON.stringify(call.args ?? {}) },
        }
      })
    const message: ChatMessage = { role: 'assistant', content: partsText(parts) }
    return [toolCalls.length > 0 ? { ...message, tool_calls: toolCalls } : message]
  }
  // `functionResponse` parts have no call id on the Gemini API: the function's name stands in
  // (or the `id` a client sets), so `when.tool_call_id` names the function.
  const out: ChatMessage[] = []
  const rest: GeminiPart[] = []
  for (const part of parts) {
    if (isRecord(part.functionResponse)) {
      const result = part.functionResponse as { name: string; response?: unknown; id?: string }
      out.push({
        role: 'tool',
        tool_call_id: result.id ?? result.name,
        content: responseText(result.response),
      })
    } else {
      rest.push(part)
    }
  }
  if (rest.length > 0 || out.length === 0) out.push({ role: 'user', content: partsText(rest) })
  return out
}

/**
 * The conversation as the matcher sees it, in OpenAI's shape: `systemInstruction` as a
 * `system` message, `model` turns as `assistant` (their `functionCall` parts as `tool_calls`),
 * `functionResponse` parts as `tool` messages whose `tool_call_id` is the function's name.
 *
 * @example normalizeGeminiContents({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] })
 * // [{ role: 'user', content: 'Hi' }]
 */
export function normalizeGeminiContents(request: GeminiGenerateRequest): ChatMessage[] {
  const out: ChatMessage[] = []
  const system =
    typeof request.systemInstruction === 'string'
      ? request.systemInstruction
      : partsText(request.systemInstruction?.parts)
  if (system !== '') out.push({ role: 'system', content: system })
  for (const content of request.contents) out.push(...normalizeContent(content))
  return out
}

/**
 * The names of the tools a request offers: each function declaration's `name`, and built-in
 * tools by their key (`googleSearch`, `codeExecution`, `urlContext`); `undefined` for none.
 *
 * @example geminiToolNames({ contents: [], tools: [{ functionDeclarations: [{ name: 'f' }] }] }) // ['f']
 */
export function geminiToolNames(request: GeminiGenerateRequest): string[] | undefined {
  if (!request.tools) return undefined
  const names: string[] = []
  for (const tool of request.tools) {
    if (!isRecord(tool)) continue
    for (const [key, value] of Object.entries(tool)) {
      if (key !== 'functionDeclarations') {
        names.push(key)
        continue
      }
      if (!Array.isArray(value)) continue
      for (const declaration of value) {
        if (isRecord(declaration) && typeof declaration.name === 'string') {
          names.push(declaration.name)
        }
      }
    }
  }
  return names.length > 0 ? names : undefined
}

/**
 * The request as the scenario matcher sees it.
 *
 * @example geminiMatchRequest(request, 'gemini-2.5-flash', ENDPOINTS.geminiGenerateContent)
 */
export function geminiMatchRequest(
  request: GeminiGenerateRequest,
  model: string,
  endpoint: string,
): MatchRequest {
  const match = { endpoint, model, messages: normalizeGeminiContents(request) }
  const tools = geminiToolNames(request)
  return tools ? { ...match, tools } : match
}

/**
 * Every text of the request the token estimate counts: system, contents (function calls and
 * results included) and the tool declarations.
 *
 * @example estimateTokens(geminiInputText(request))
 */
export function geminiInputText(request: GeminiGenerateRequest): string {
  const parts: string[] = []
  for (const message of normalizeGeminiContents(request)) {
    if (typeof message.content === 'string' && message.content !== '') parts.push(message.content)
    const calls = message.tool_calls as readonly { function: { arguments: string } }[] | undefined
    for (const call of calls ?? []) parts.push(call.function.arguments)
  }
  if (request.tools && request.tools.length > 0) parts.push(JSON.stringify(request.tools))
  return parts.join(' ')
}
