/**
 * Turns a Responses API request (`input`, `instructions`, the conversation behind
 * `previous_response_id`) into the chat-shaped messages the matcher sees, so a rule written for
 * chat completions matches the same conversation sent through `/v1/responses`.
 */
import type { ChatMessage, ContentPart } from '@mocktopus/scenario'
import type { ResponseInputItem, ResponseInputTextPart, ResponseOutputItem } from './types.js'

/** Looks up an output item of an earlier response by id (for `item_reference` inputs). */
export type ResponseItemLookup = (id: string) => ResponseOutputItem | undefined

function textParts(
  content: string | readonly ResponseInputTextPart[] | undefined,
): string | ContentPart[] {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  const parts: ContentPart[] = []
  for (const part of content) {
    if (part && typeof part === 'object') {
      // `refusal` parts carry their text under another name; the matcher reads `text`.
      const text = typeof part.text === 'string' ? part.text : part.refusal
      parts.push(typeof text === 'string' ? { type: 'text', text } : { type: String(part.type) })
    }
  }
  return parts
}

/**
 * One Responses input or output item as a chat message, or `undefined` for kinds that carry
 * nothing the matcher reads (reasoning, built-in tool calls).
 *
 * @example responseItemToMessage({ type: 'function_call_output', call_id: 'c1', output: '22C' })
 * // { role: 'tool', tool_call_id: 'c1', content: '22C' }
 */
export function responseItemToMessage(
  item: ResponseInputItem | ResponseOutputItem,
  lookup?: ResponseItemLookup,
): ChatMessage | undefined {
  const it = item as ResponseInputItem
  switch (it.type) {
    case undefined:
    case 'message':
      if (typeof it.role !== 'string') return undefined
      return { role: it.role, content: textParts(it.content) }
    case 'function_call':
      return {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: it.call_id,
            type: 'function',
            function: { name: it.name, arguments: it.arguments ?? '' },
          },
        ],
      }
    case 'function_call_output':
      return { role: 'tool', tool_call_id: it.call_id, content: textParts(it.output) }
    case 'item_reference': {
      const found = typeof it.id === 'string' ? lookup?.(it.id) : undefined
      return found ? responseItemToMessage(found) : undefined
    }
    default:
      return undefined
  }
}

/**
 * `input` as chat messages: a string is one user message; a list maps item by item.
 *
 * @example responseInputToMessages('Hi') // [{ role: 'user', content: 'Hi' }]
 */
export function responseInputToMessages(
  input: string | readonly ResponseInputItem[] | undefined | null,
  lookup?: ResponseItemLookup,
): ChatMessage[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }]
  if (!Array.isArray(input)) return []
  const messages: ChatMessage[] = []
  for (const item of input) {
    if (!item || typeof item !== 'object') continue
    const message = responseItemToMessage(item, lookup)
    if (message) messages.push(message)
  }
  return messages
}

/**
 * `instructions` as the leading system message(s). The API treats them as a developer message
 * that is not carried over to a follow-up response, so they are kept apart from the history.
 *
 * @example instructionsToMessages('Be terse.') // [{ role: 'system', content: 'Be terse.' }]
 */
export function instructionsToMessages(
  instructions: string | readonly ResponseInputItem[] | null | undefined,
): ChatMessage[] {
  if (typeof instructions === 'string') return [{ role: 'system', content: instructions }]
  return responseInputToMessages(instructions ?? undefined)
}
