import { describe, expect, it } from 'vitest'
import { conversationFacts } from './facts.js'
import type { ChatMessage } from './types.js'

const CALL = {
  role: 'assistant',
  content: null,
  tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather' } }],
}

describe('conversationFacts', () => {
  it('knows nothing of a request without messages', () => {
    for (const messages of [undefined, []]) {
      expect(conversationFacts(messages)).toEqual({
        last_role: undefined,
        has_tool_result: false,
        tool_result: undefined,
        turn: 0,
        system: '',
      })
    }
  })

  it('reads the first call of an agent loop', () => {
    expect(
      conversationFacts([
        { role: 'system', content: 'You are a weather bot.' },
        { role: 'user', content: 'Weather in Paris?' },
      ]),
    ).toEqual({
      last_role: 'user',
      has_tool_result: false,
      tool_result: undefined,
      turn: 0,
      system: 'You are a weather bot.',
    })
  })

  it('reads the call after a tool result', () => {
    const facts = conversationFacts([
      { role: 'user', content: 'Weather in Paris?' },
      CALL,
      { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: '22C' }] },
    ])
    expect(facts).toMatchObject({
      last_role: 'tool',
      has_tool_result: true,
      tool_result: { text: '22C', call_id: 'call_1' },
      turn: 1,
    })
  })

  it('takes the latest tool result, wherever it stands', () => {
    const facts = conversationFacts([
      { role: 'user', content: 'go' },
      CALL,
      { role: 'tool', tool_call_id: 'call_1', content: 'first' },
      { role: 'assistant', content: null },
      { role: 'tool', tool_call_id: 'call_2', content: 'second' },
      { role: 'assistant', content: 'done' },
      { role: 'user', content: 'thanks' },
    ])
    expect(facts).toMatchObject({
      last_role: 'user',
      has_tool_result: true,
      tool_result: { text: 'second', call_id: 'call_2' },
      turn: 3,
    })
  })

  it('counts consecutive assistant messages as one turn', () => {
    // One Responses answer: a message item and two function_call items.
    const messages: ChatMessage[] = [
      { role: 'user', content: 'go' },
      { role: 'assistant', content: 'Looking.' },
      CALL,
      CALL,
      { role: 'tool', tool_call_id: 'call_1', content: 'a' },
      { role: 'tool', tool_call_id: 'call_1', content: 'b' },
    ]
    expect(conversationFacts(messages).turn).toBe(1)
  })

  it("counts chat's legacy function messages as tool results, without a call id", () => {
    expect(
      conversationFacts([
        { role: 'user', content: 'go' },
        { role: 'function', name: 'get_weather', content: '22C' },
      ]),
    ).toMatchObject({ last_role: 'tool', tool_result: { text: '22C', call_id: undefined } })
  })

  it('joins system and developer messages, wherever they stand', () => {
    expect(
      conversationFacts([
        { role: 'system', content: 'One.' },
        { role: 'user', content: 'hi' },
        { role: 'developer', content: [{ type: 'input_text', text: 'Two.' }] },
      ]).system,
    ).toBe('One.\nTwo.')
  })
})
