import { describe, expect, it } from 'vitest'
import { conversationLength, conversationText, lastUserText, messageText } from './text.js'
import type { ChatMessage } from './types.js'

const CONVERSATIONS: (readonly ChatMessage[] | undefined)[] = [
  undefined,
  [],
  [{ role: 'user', content: 'hi' }],
  [{ role: 'user', content: '' }],
  [
    { role: 'system', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'one' },
        { type: 'image_url' },
        { type: 'text', text: 'two' },
      ],
    },
    { role: 'assistant', content: null },
    { role: 'user', content: 'caf\u00e9 \u2603 \ud83d\ude00' },
  ] as unknown as ChatMessage[],
]

describe('conversation text', () => {
  it('joins every message text with a space; parts with a newline', () => {
    expect(conversationText(CONVERSATIONS[4])).toBe(
      'Be brief. one\ntwo  caf\u00e9 \u2603 \ud83d\ude00',
    )
    expect(messageText({ role: 'assistant', content: null } as unknown as ChatMessage)).toBe('')
    expect(lastUserText(CONVERSATIONS[4])).toBe('caf\u00e9 \u2603 \ud83d\ude00')
  })

  it.each(CONVERSATIONS.map((messages, i) => [i, messages] as const))(
    'conversationLength is conversationText(...).length (case %i)',
    (_, messages) => {
      expect(conversationLength(messages)).toBe(conversationText(messages).length)
    },
  )
})
