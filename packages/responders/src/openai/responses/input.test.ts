import { describe, expect, it } from 'vitest'
import { instructionsToMessages, responseInputToMessages } from './input.js'
import type { ResponseOutputItem } from './types.js'

describe('responseInputToMessages', () => {
  it('makes a string input one user message', () => {
    expect(responseInputToMessages('Hi')).toEqual([{ role: 'user', content: 'Hi' }])
  })

  it('maps messages, function calls and their outputs like chat messages', () => {
    const messages = responseInputToMessages([
      { role: 'developer', content: 'Be brief.' },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Weather?' }] },
      { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' },
      { type: 'function_call_output', call_id: 'call_1', output: '12C' },
      { type: 'reasoning', id: 'rs_1', summary: [] },
    ])
    expect(messages).toEqual([
      { role: 'developer', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Oslo"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '12C' },
    ])
  })

  it('resolves an item_reference through the lookup and skips an unknown one', () => {
    const item: ResponseOutputItem = {
      type: 'message',
      id: 'msg_1',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'Earlier answer', annotations: [], logprobs: [] }],
    }
    const lookup = (id: string) => (id === 'msg_1' ? item : undefined)
    expect(
      responseInputToMessages(
        [
          { type: 'item_reference', id: 'msg_1' },
          { type: 'item_reference', id: 'msg_unknown' },
        ],
        lookup,
      ),
    ).toEqual([{ role: 'assistant', content: [{ type: 'text', text: 'Earlier answer' }] }])
  })
})

describe('instructionsToMessages', () => {
  it('makes string instructions a system message', () => {
    expect(instructionsToMessages('Be terse.')).toEqual([{ role: 'system', content: 'Be terse.' }])
    expect(instructionsToMessages(null)).toEqual([])
  })
})
