import { messageText } from './text.js'
import type { ChatMessage } from './types.js'

/** The latest tool result of a conversation. */
export interface ToolResult {
  /** Its text (text parts joined by a newline). */
  readonly text: string
  /** The call it answers (`tool_call_id`); absent for a legacy `function` message. */
  readonly call_id: string | undefined
}

/** What the agent-loop conditions (`last_role`, `turn`, ...) read from a conversation. */
export interface ConversationFacts {
  /** The last message's role, a tool result counting as `tool`; absent without messages. */
  readonly last_role: string | undefined
  readonly has_tool_result: boolean
  /** The latest tool result, wherever it stands in the conversation. */
  readonly tool_result: ToolResult | undefined
  /** How many assistant turns came before this request: 0 on the first call. */
  readonly turn: number
  /** The text of the system and developer messages, joined by a newline; `''` when none. */
  readonly system: string
}

const NO_FACTS: ConversationFacts = {
  last_role: undefined,
  has_tool_result: false,
  tool_result: undefined,
  turn: 0,
  system: '',
}

// Chat's deprecated `function` role carries a function's result, as `tool` does.
function isToolResult(role: string): boolean {
  return role === 'tool' || role === 'function'
}

/**
 * The facts of a conversation in the matcher's provider-neutral shape, where every wire's tool
 * result is a `tool` message (chat `role: tool`, Responses `function_call_output`, Anthropic
 * `tool_result` blocks) and system prompts are `system` or `developer` messages.
 *
 * A turn is a run of consecutive assistant messages: one Responses answer can come back as
 * several items (a message and function calls), each its own assistant message here, and it is
 * still one turn. A conversation that puts each call's result right after the call counts each
 * call as a turn.
 *
 * @example conversationFacts([{ role: 'user', content: 'hi' }, { role: 'assistant', content: null }, { role: 'tool', tool_call_id: 'c1', content: '22C' }])
 * // { last_role: 'tool', has_tool_result: true, tool_result: { text: '22C', call_id: 'c1' }, turn: 1, system: '' }
 */
export function conversationFacts(messages: readonly ChatMessage[] | undefined): ConversationFacts {
  if (!messages || messages.length === 0) return NO_FACTS
  let turn = 0
  let previousAssistant = false
  let latestTool: ChatMessage | undefined
  const system: string[] = []
  for (const message of messages) {
    const { role } = message
    const assistant = role === 'assistant'
    if (assistant && !previousAssistant) turn++
    previousAssistant = assistant
    if (isToolResult(role)) latestTool = message
    else if (role === 'system' || role === 'developer') system.push(messageText(message))
  }
  const lastRole = (messages[messages.length - 1] as ChatMessage).role
  const callId = latestTool?.tool_call_id
  return {
    last_role: isToolResult(lastRole) ? 'tool' : lastRole,
    has_tool_result: latestTool !== undefined,
    tool_result: latestTool && {
      text: messageText(latestTool),
      call_id: typeof callId === 'string' ? callId : undefined,
    },
    turn,
    system: system.join('\n'),
  }
}
