/**
 * A filter that lets the matcher go straight to the rules recorded for a request's exact
 * conversation (`when.conversation`) or embeddings inputs (`when.input`), instead of comparing
 * the request with each of thousands of recordings in turn.
 */
import { messageText } from './text.js'
import type { ConversationMessage, MatchRequest } from './types.js'

/** Rules with neither condition are never skipped. */
export interface ExactIndex {
  /**
   * The rules whose `conversation` and `input` may equal the request's, in increasing order:
   * every rule without either condition, and those filed under the request's own.
   */
  candidates(request: MatchRequest): number[]
}

// By frozen conversation: a replay that records what it misses indexes every recording again
// for each new one, and the keys of those it had are the same.
const KEYS = new WeakMap<readonly ConversationMessage[], string>()

// Role and text of each message, in order: equal conversations give equal keys. A collision
// only adds a candidate, which the matcher's own comparison then refuses.
function conversationKey(messages: readonly ConversationMessage[]): string {
  const known = KEYS.get(messages)
  if (known !== undefined) return known
  const flat: string[] = []
  for (const message of messages) flat.push(message.role, message.content)
  const key = JSON.stringify(flat)
  if (Object.isFrozen(messages) && messages.every(Object.isFrozen)) KEYS.set(messages, key)
  return key
}

function requestConversationKey(messages: MatchRequest['messages']): string {
  const flat: string[] = []
  for (const message of messages ?? []) flat.push(message.role, messageText(message))
  return JSON.stringify(flat)
}

function file(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key)
  if (list) list.push(index)
  else map.set(key, [index])
}

// The union of ascending lists, ascending.
function mergeSorted(lists: readonly (readonly number[])[]): number[] {
  const present = lists.filter((list) => list.length > 0)
  if (present.length <= 1) return [...(present[0] ?? [])]
  return present.flat().sort((a, b) => a - b)
}

/**
 * Files rule `i` under its conversation (`conversations[i]`), else under its inputs
 * (`inputs[i]`), else among the rules always tried.
 *
 * @example
 * const index = createExactIndex([[{ role: 'user', content: 'Hi' }], undefined], [undefined, undefined])
 * index.candidates({ endpoint: ENDPOINTS.chatCompletions, messages: [{ role: 'user', content: 'Hi' }] }) // [0, 1]
 */
export function createExactIndex(
  conversations: readonly (readonly ConversationMessage[] | undefined)[],
  inputs: readonly (readonly string[] | undefined)[],
): ExactIndex {
  const always: number[] = []
  const byConversation = new Map<string, number[]>()
  const byInput = new Map<string, number[]>()
  for (let i = 0; i < conversations.length; i++) {
    const conversation = conversations[i]
    const input = inputs[i]
    if (conversation) file(byConversation, conversationKey(conversation), i)
    else if (input) file(byInput, JSON.stringify(input), i)
    else always.push(i)
  }
  return {
    candidates(request) {
      const lists: (readonly number[])[] = [always]
      if (byConversation.size > 0) {
        lists.push(byConversation.get(requestConversationKey(request.messages)) ?? [])
      }
      if (byInput.size > 0) lists.push(byInput.get(JSON.stringify(request.input ?? [])) ?? [])
      return mergeSorted(lists)
    },
  }
}
