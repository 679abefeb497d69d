/**
 * Strict requests on the OpenAI endpoints: what the real API refuses that Mocktopus otherwise
 * lets through, answered with the API's 400. Each check runs on a body its endpoint's parser has
 * already accepted, so the shapes it reads (an object, `messages` an array) are known.
 *
 * Wording, as seen in answers of the API quoted in public issue threads:
 * - "Unrecognized request argument supplied: foo" (chat, completions, embeddings; `param` and
 *   `code` null);
 * - "Unknown parameter: 'input[3].status'." (Responses; `param` the path, `code`
 *   `unknown_parameter`);
 * - "Invalid parameter: messages with role 'tool' must be a response to a preceeding message
 *   with 'tool_calls'." (`param` `messages.[3].role`; the API's spelling of "preceding");
 * - "No tool call found for function call output with call_id call_1." (`param` `input`).
 * Our best knowledge, not seen verbatim in a recorded answer: the chat API's wording for an
 * unknown property inside a message or a tool ("Additional properties are not allowed ('foo' was
 * unexpected) - 'messages.0'") and for a `tool_call_id` the preceding `tool_calls` lack.
 */
import { isRecord } from '../../internal/request-checks.js'
import { openaiError } from '../../openai/errors.js'
import type { WireError } from '../../shared/wire.js'
import type { EngineState } from '../state.js'
import { OPENAI_REQUEST_PARAMS as PARAMS } from './openai-params.generated.js'

type Body = Record<string, unknown>

const sets = new Map<readonly string[], ReadonlySet<string>>()

// The lists become sets once, on first use.
function allowed(names: readonly string[]): ReadonlySet<string> {
  let set = sets.get(names)
  if (!set) {
    set = new Set(names)
    sets.set(names, set)
  }
  return set
}

function unknownKey(value: Body, names: readonly string[]): string | undefined {
  const known = allowed(names)
  for (const key of Object.keys(value)) if (!known.has(key)) return key
  return undefined
}

function invalid(message: string, param: string | null = null, code: string | null = null) {
  return openaiError({ status: 400, message, param, code })
}

function unrecognized(body: Body, names: readonly string[]): WireError | undefined {
  const key = unknownKey(body, names)
  return key === undefined ? undefined : invalid(`Unrecognized request argument supplied: ${key}`)
}

function additional(value: unknown, names: readonly string[] | undefined, where: string) {
  if (!isRecord(value) || names === undefined) return undefined
  const key = unknownKey(value, names)
  if (key === undefined) return undefined
  return invalid(`Additional properties are not allowed ('${key}' was unexpected) - '${where}'`)
}

function chatShape(body: Body): WireError | undefined {
  const messages = Array.isArray(body.messages) ? body.messages : []
  for (const [i, message] of messages.entries()) {
    const role = isRecord(message) ? message.role : undefined
    const names = typeof role === 'string' ? PARAMS.chatMessages[role] : undefined
    const refusal = additional(message, names, `messages.${i}`)
    if (refusal) return refusal
  }
  const tools = Array.isArray(body.tools) ? body.tools : []
  for (const [i, tool] of tools.entries()) {
    const type = isRecord(tool) ? tool.type : undefined
    const names = typeof type === 'string' ? PARAMS.chatTools[type] : undefined
    const refusal =
      additional(tool, names, `tools.${i}`) ??
      (type === 'function' && isRecord(tool)
        ? additional(tool.function, PARAMS.chatFunction, `tools.${i}.function`)
        : undefined)
    if (refusal) return refusal
  }
  return undefined
}

function callIds(message: Body): Set<string> {
  const ids = new Set<string>()
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : []
  for (const call of calls) if (isRecord(call) && typeof call.id === 'string') ids.add(call.id)
  return ids
}

// A `tool` message answers the assistant message with `tool_calls` that comes before it, with
// only other tool messages in between.
function chatToolResults(body: Body): WireError | undefined {
  const messages = Array.isArray(body.messages) ? body.messages : []
  let calls: Set<string> | undefined
  for (const [i, message] of messages.entries()) {
    if (!isRecord(message)) continue
    if (message.role !== 'tool') {
      calls = message.role === 'assistant' ? callIds(message) : undefined
      continue
    }
    if (calls === undefined || calls.size === 0) {
      return invalid(
        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
        `messages.[${i}].role`,
      )
    }
    const id = message.tool_call_id
    if (typeof id === 'string' && !calls.has(id)) {
      return invalid(
        `Invalid parameter: 'tool_call_id' of '${id}' not found in 'tool_calls' of previous message.`,
        `messages.[${i}].tool_call_id`,
      )
    }
  }
  return undefined
}

/**
 * Chat completions: unknown top-level fields, unknown fields of a message (by role) or a tool,
 * and tool messages that answer no tool call.
 *
 * @example strictChat({ model: 'gpt-4o', messages: [], foo: 1 })?.status // 400
 */
export function strictChat(body: unknown): WireError | undefined {
  if (!isRecord(body)) return undefined
  return unrecognized(body, PARAMS.chat) ?? chatShape(body) ?? chatToolResults(body)
}

/**
 * Legacy completions: unknown top-level fields.
 *
 * @example strictCompletions({ model: 'gpt-3.5-turbo-instruct', prompt: 'x', foo: 1 })?.status // 400
 */
export function strictCompletions(body: unknown): WireError | undefined {
  return isRecord(body) ? unrecognized(body, PARAMS.completions) : undefined
}

/**
 * Embeddings: unknown top-level fields.
 *
 * @example strictEmbeddings({ model: 'text-embedding-3-small', input: 'x', foo: 1 })?.status // 400
 */
export function strictEmbeddings(body: unknown): WireError | undefined {
  return isRecord(body) ? unrecognized(body, PARAMS.embeddings) : undefined
}

function unknownParameter(param: string): WireError {
  return invalid(`Unknown parameter: '${param}'.`, param, 'unknown_parameter')
}

// The call ids a function call output may answer: the calls in this request's input and, after
// `previous_response_id`, the calls of that response and of its own input.
function responsesCalls(body: Body, state: EngineState): Set<string> {
  const ids = new Set<string>()
  const add = (items: readonly unknown[]) => {
    for (const item of items) {
      if (!isRecord(item) || typeof item.call_id !== 'string') continue
      if (item.type === 'function_call' || item.type === 'custom_tool_call') ids.add(item.call_id)
    }
  }
  if (typeof body.previous_response_id === 'string') {
    const previous = state.responses.get(body.previous_response_id)
    if (previous) {
      add(previous.response.output as readonly unknown[])
      add(previous.inputItems ?? [])
    }
  }
  if (Array.isArray(body.input)) add(body.input)
  return ids
}

const OUTPUT_TYPES = new Set(['function_call_output', 'custom_tool_call_output'])

/**
 * Responses: unknown top-level fields and tool fields (by tool type), and function call outputs
 * whose `call_id` no call in the conversation has.
 *
 * @example strictResponses({ model: 'gpt-4o', input: 'hi', foo: 1 }, state)?.status // 400
 */
export function strictResponses(body: unknown, state: EngineState): WireError | undefined {
  if (!isRecord(body)) return undefined
  const top = unknownKey(body, PARAMS.responses)
  if (top !== undefined) return unknownParameter(top)
  const tools = Array.isArray(body.tools) ? body.tools : []
  for (const [i, tool] of tools.entries()) {
    if (!isRecord(tool) || typeof tool.type !== 'string') continue
    const names = PARAMS.responsesTools[tool.type]
    const key = names === undefined ? undefined : unknownKey(tool, names)
    if (key !== undefined) return unknownParameter(`tools[${i}].${key}`)
  }
  if (!Array.isArray(body.input)) return undefined
  let calls: Set<string> | undefined
  for (const item of body.input) {
    if (!isRecord(item) || typeof item.type !== 'string' || !OUTPUT_TYPES.has(item.type)) continue
    calls ??= responsesCalls(body, state)
    if (typeof item.call_id === 'string' && !calls.has(item.call_id)) {
      return invalid(
        `No tool call found for function call output with call_id ${item.call_id}.`,
        'input',
      )
    }
  }
  return undefined
}
