import { describe, expect, it } from 'vitest'
import { countAnthropicTokens } from './count-tokens.js'
import { createAnthropicMessage } from './message.js'
import type { AnthropicMessagesRequest } from './request.js'

describe('countAnthropicTokens', () => {
  it('agrees with the usage.input_tokens of a message for the same request', () => {
    const request: AnthropicMessagesRequest = {
      model: 'claude-x',
      max_tokens: 10,
      system: 'You are terse.',
      messages: [{ role: 'user', content: 'Summarise the plot of Hamlet in one line.' }],
      tools: [{ name: 'lookup', input_schema: { type: 'object' } }],
    }
    const counted = countAnthropicTokens(request)
    expect(counted).toEqual({ input_tokens: 28 })
    expect(
      createAnthropicMessage({ request, respond: { content: 'x' }, seed: 's' }).usage.input_tokens,
    ).toBe(counted.input_tokens)
  })
})
