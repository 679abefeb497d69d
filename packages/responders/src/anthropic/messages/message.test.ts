import { describe, expect, it } from 'vitest'
import { anthropicStopReason, createAnthropicMessage, ToolInputError } from './message.js'
import type { AnthropicMessagesRequest } from './request.js'

const request: AnthropicMessagesRequest = {
  model: 'claude-sonnet-4-5',
  max_tokens: 100,
  messages: [{ role: 'user', content: 'Hello there, how are you?' }],
}

describe('createAnthropicMessage', () => {
  it('builds the body the real API sends for text', () => {
    expect(
      createAnthropicMessage({ request, respond: { content: 'Fine, thanks!' }, seed: 's' }),
    ).toMatchInlineSnapshot(`
      {
        "content": [
          {
            "text": "Fine, thanks!",
            "type": "text",
          },
        ],
        "id": "msg_AuQskFXttDYs86JOSaanhuYj",
        "model": "claude-sonnet-4-5",
        "role": "assistant",
        "stop_reason": "end_turn",
        "stop_sequence": null,
        "type": "message",
        "usage": {
          "cache_creation": {
            "ephemeral_1h_input_tokens": 0,
            "ephemeral_5m_input_tokens": 0,
          },
          "cache_creation_input_tokens": 0,
          "cache_read_input_tokens": 0,
          "input_tokens": 7,
          "output_tokens": 4,
          "service_tier": "standard",
        },
      }
    `)
  })

  it('is the same for the same seed and differs for another', () => {
    const a = createAnthropicMessage({ request, respond: { content: 'x' }, seed: 'one' })
    expect(createAnthropicMessage({ request, respond: { content: 'x' }, seed: 'one' })).toEqual(a)
    expect(createAnthropicMessage({ request, respond: { content: 'x' }, seed: 'two' }).id).not.toBe(
      a.id,
    )
    expect(a.id).toMatch(/^msg_[A-Za-z0-9]{24}$/)
  })

  it('turns tool calls into tool_use blocks with parsed input', () => {
    const message = createAnthropicMessage({
      request,
      seed: 's',
      respond: {
        content: 'Checking.',
        tool_calls: [
          { type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: 'toolu_given', type: 'function', function: { name: 'noop', arguments: '' } },
        ],
      },
    })
    expect(message.stop_reason).toBe('tool_use')
    expect(message.content).toEqual([
      { type: 'text', text: 'Checking.' },
      {
        type: 'tool_use',
        id: expect.stringMatching(/^toolu_[A-Za-z0-9]{24}$/),
        name: 'get_weather',
        input: { city: 'Paris' },
      },
      { type: 'tool_use', id: 'toolu_given', name: 'noop', input: {} },
    ])
  })

  it('sends no text block for empty or null content', () => {
    const message = createAnthropicMessage({
      request,
      seed: 's',
      respond: {
        content: null,
        tool_calls: [{ type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
    })
    expect(message.content.map((block) => block.type)).toEqual(['tool_use'])
    expect(
      createAnthropicMessage({ request, seed: 's', respond: { content: '' } }).content,
    ).toEqual([])
  })

  it('rejects tool arguments that are not a JSON object, saying what to write', () => {
    const build = (args: string) =>
      createAnthropicMessage({
        request,
        seed: 's',
        respond: { tool_calls: [{ type: 'function', function: { name: 'f', arguments: args } }] },
      })
    expect(() => build('not json')).toThrow(ToolInputError)
    expect(() => build('[1]')).toThrow(
      /tool_calls\[0\]\.function\.arguments is JSON but not an object/,
    )
  })

  it('takes usage, id and the stop sequence from the rule and request', () => {
    const message = createAnthropicMessage({
      request: { ...request, stop_sequences: ['END'] },
      seed: 's',
      respond: {
        content: 'a',
        id: 'msg_fixed',
        finish_reason: 'stop_sequence',
        usage: { input_tokens: 11, output_tokens: 22 },
      },
    })
    expect(message.id).toBe('msg_fixed')
    expect([message.stop_reason, message.stop_sequence]).toEqual(['stop_sequence', 'END'])
    expect([message.usage.input_tokens, message.usage.output_tokens]).toEqual([11, 22])
  })

  it('bills at least one output token, as the real API does', () => {
    expect(createAnthropicMessage({ request, seed: 's', respond: {} }).usage.output_tokens).toBe(1)
  })
})

describe('anthropicStopReason', () => {
  it('reads finish_reason in either API words', () => {
    expect(anthropicStopReason({ finish_reason: 'length' })).toBe('max_tokens')
    expect(anthropicStopReason({ finish_reason: 'max_tokens' })).toBe('max_tokens')
    expect(anthropicStopReason({ finish_reason: 'stop' })).toBe('end_turn')
    expect(anthropicStopReason({ finish_reason: 'content_filter' })).toBe('refusal')
    expect(anthropicStopReason({ finish_reason: 'unknown' })).toBe('end_turn')
    expect(anthropicStopReason({})).toBe('end_turn')
  })
})
