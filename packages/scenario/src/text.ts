import type { ChatMessage, ContentPart } from './types.js'

/**
 * The text of a message: string content as is, or the text parts of a content array joined by
 * a newline. Images, audio and other parts carry no text and are skipped.
 *
 * @example messageText({ role: 'user', content: [{ type: 'text', text: 'hi' }] }) // 'hi'
 */
export function messageText(message: ChatMessage): string {
  const { content } = message
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  const texts: string[] = []
  for (const part of content as readonly ContentPart[]) {
    if (part && typeof part.text === 'string') texts.push(part.text)
  }
  return texts.join('\n')
}

/** The text of the last message whose role is `user`, or `''` when there is none. */
export function lastUserText(messages: readonly ChatMessage[] | undefined): string {
  if (!messages) return ''
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as ChatMessage
    if (message.role === 'user') return messageText(message)
  }
  return ''
}

/**
 * `conversationText(messages).length`, without joining the texts: the token estimate needs
 * only the length, on every answer.
 *
 * @example conversationLength([{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'yo' }]) // 5
 */
export function conversationLength(messages: readonly ChatMessage[] | undefined): number {
  if (!messages || messages.length === 0) return 0
  let length = messages.length - 1
  for (const message of messages) length += messageText(message).length
  return length
}

/** Every message's text joined by a space, as `messages_regex` sees the conversation. */
export function conversationText(messages: readonly ChatMessage[] | undefined): string {
  if (!messages) return ''
  return messages.map(messageText).join(' ')
}
