import { describe, expect, it } from 'vitest'
import { openaiErrors } from '../../src/contracts.js'

// The harness itself must be able to fail: a valid body passes, a wrong one does not.
describe('OpenAI spec harness', () => {
  const completion = {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1700000000,
    model: 'gpt-4o',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: 'hi', refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  }

  it('accepts a correct chat completion', () => {
    expect(openaiErrors('CreateChatCompletionResponse', completion)).toEqual([])
  })

  it('rejects a chat completion with a wrong finish_reason', () => {
    const wrong = { ...completion, choices: [{ ...completion.choices[0], finish_reason: 'done' }] }
    expect(openaiErrors('CreateChatCompletionResponse', wrong)).not.toEqual([])
  })

  it('accepts a stream chunk whose finish_reason is null', () => {
    const chunk = {
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1700000000,
      model: 'gpt-4o',
      choices: [{ index: 0, delta: { content: 'hi' }, logprobs: null, finish_reason: null }],
    }
    expect(openaiErrors('CreateChatCompletionStreamResponse', chunk)).toEqual([])
    expect(
      openaiErrors('CreateChatCompletionStreamResponse', { ...chunk, object: 'chat.completion' }),
    ).not.toEqual([])
  })
})
