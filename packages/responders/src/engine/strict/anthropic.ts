/**
 * Strict requests on Anthropic's Messages API: what the real API refuses that Mocktopus otherwise
 * lets through, answered with its 400 `invalid_request_error`. Runs on a body the parser has
 * accepted (`max_tokens` present, `messages` a list of role and content).
 *
 * Wording, as seen in answers of the API quoted in public issue threads:
 * - "context_management: Extra inputs are not permitted" (a field the API does not take; the
 *   path is dotted, `messages.0.foo` inside a message);
 * - "messages: first message must use the \"user\" role";
 * - "messages: roles must alternate between \"user\" and \"assistant\", but found multiple
 *   \"user\" roles in a row";
 * - "messages.0.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_1.
 *   Each `tool_result` block must have a corresponding `tool_use` block in the previous message."
 * The first-role and alternation refusals are the API's answers as recorded in 2024; its
 * reference now says consecutive turns of one role are combined into one, so these two checks
 * are stricter than api.anthropic.com today (Bedrock's Converse API still refuses such turns).
 */
import { anthropicError } from '../../anthropic/errors.js'
import { isRecord } from '../../internal/request-checks.js'
import type { WireError } from '../../shared/wire.js'
import {
  ANTHROPIC_BETA_MESSAGES_PARAMS,
  ANTHROPIC_MESSAGE_PARAMS,
  ANTHROPIC_MESSAGES_PARAMS,
} from './anthropic-params.js'

const TOP_LEVEL: ReadonlySet<string> = new Set([
  ...ANTHROPIC_MESSAGES_PARAMS,
  ...ANTHROPIC_BETA_MESSAGES_PARAMS,
])
const MESSAGE: ReadonlySet<string> = new Set(ANTHROPIC_MESSAGE_PARAMS)

const refuse = (message: string): WireError => anthropicError({ status: 400, message })

function extraInput(value: Record<string, unknown>, known: ReadonlySet<string>, prefix: string) {
  for (const key of Object.keys(value)) {
    if (!known.has(key)) return refuse(`${prefix}${key}: Extra inputs are not permitted`)
  }
  return undefined
}

function blocks(message: Record<string, unknown>): readonly unknown[] {
  return Array.isArray(message.content) ? message.content : []
}

// Each tool_result answers a tool_use of the assistant message right before its own.
function toolResults(messages: readonly Record<string, unknown>[]): WireError | undefined {
  for (const [i, message] of messages.entries()) {
    if (message.role !== 'user') continue
    const previous = messages[i - 1]
    const uses = new Set<string>()
    if (previous?.role === 'assistant') {
      for (const block of blocks(previous)) {
        if (isRecord(block) && block.type === 'tool_use' && typeof block.id === 'string') {
          uses.add(block.id)
        }
      }
    }
    const unexpected: string[] = []
    let first = -1
    for (const [j, block] of blocks(message).entries()) {
      if (!isRecord(block) || block.type !== 'tool_result') continue
      const id = block.tool_use_id
      if (typeof id === 'string' && !uses.has(id)) {
        if (first < 0) first = j
        unexpected.push(id)
      }
    }
    if (unexpected.length > 0) {
      return refuse(
        `messages.${i}.content.${first}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${unexpected.join(', ')}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
      )
    }
  }
  return undefined
}

/**
 * Messages: fields the API does not take (top level and in a message), a first turn that is not
 * the user's, turns that do not alternate, and tool results that answer no `tool_use` of the
 * message before.
 *
 * @example strictMessages({ model: 'claude-x', max_tokens: 5, messages: [], foo: 1 })?.status // 400
 */
export function strictMessages(body: unknown): WireError | undefined {
  if (!isRecord(body)) return undefined
  const top = extraInput(body, TOP_LEVEL, '')
  if (top) return top
  const messages = (Array.isArray(body.messages) ? body.messages : []).filter(isRecord)
  for (const [i, message] of messages.entries()) {
    const refusal = extraInput(message, MESSAGE, `messages.${i}.`)
    if (refusal) return refusal
  }
  const first = messages[0]
  if (first !== undefined && first.role !== 'user') {
    return refuse('messages: first message must use the "user" role')
  }
  for (let i = 1; i < messages.length; i++) {
    const role = messages[i]?.role
    if (role === messages[i - 1]?.role) {
      return refuse(
        `messages: roles must alternate between "user" and "assistant", but found multiple "${String(role)}" roles in a row`,
      )
    }
  }
  return toolResults(messages)
}
