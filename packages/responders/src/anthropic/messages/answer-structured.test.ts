import type { MatchResult, Respond } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../shared/clock.js'
import { checkSchema } from '../../shared/json-schema/validate.js'
import { answerAnthropicMessage } from './answer.js'
import type { AnthropicMessage } from './message.js'
import { parseAnthropicRequest } from './request.js'
import type { AnthropicStreamEvent } from './stream.js'

const clock = fixedClock(1_700_000_000, { instant: true })
const CONTACT = {
  type: 'object',
  properties: { email: { type: 'string', format: 'email' }, plan: { enum: ['free', 'pro'] } },
  required: ['email', 'plan'],
  additionalProperties: false,
}

function answer(body: Record<string, unknown>, respond: Respond) {
  const parsed = parseAnthropicRequest({
    model: 'claude-sonnet-4-5',
    max_tokens: 100,
    messages: [{ role: 'user', content: 'Extract the contact.' }],
    ...body,
  })
  if (!parsed.ok) throw new Error('bad test body')
  const match: MatchResult = {
    rule: { type: 'llm', when: {}, times: null, respond },
    index: 0,
    use: 1,
  }
  return answerAnthropicMessage({ params: parsed.params, match, clock })
}

function message(result: ReturnType<typeof answerAnthropicMessage>): AnthropicMessage {
  if (result.kind !== 'json') throw new Error(`expected json, got ${result.kind}`)
  return result.body as AnthropicMessage
}

describe('answerAnthropicMessage, structured', () => {
  it('generates a text block valid against output_config.format', () => {
    const body = { output_config: { format: { type: 'json_schema', schema: CONTACT } } }
    const [block] = message(answer(body, {})).content
    const text = block?.type === 'text' ? block.text : ''
    expect(checkSchema(CONTACT, JSON.parse(text))).toEqual({ valid: true })
  })

  it('answers a forced tool with a tool_use block whose input fits input_schema', () => {
    const body = {
      tools: [{ name: 'save_contact', input_schema: CONTACT }],
      tool_choice: { type: 'tool', name: 'save_contact' },
    }
    const result = message(answer(body, {}))
    expect(result.stop_reason).toBe('tool_use')
    const [block] = result.content
    expect(block?.type === 'tool_use' && checkSchema(CONTACT, block.input)).toEqual({ valid: true })
  })

  it('refuses with stop_reason refusal and stop_details, in the stream too', async () => {
    const result = message(answer({}, { refusal: 'I cannot help.' }))
    expect(result.stop_reason).toBe('refusal')
    expect(result.stop_details).toEqual({
      type: 'refusal',
      category: null,
      explanation: 'I cannot help.',
    })
    const streamed = answer({ stream: true }, { refusal: 'I cannot help.' })
    if (streamed.kind !== 'stream') throw new Error('expected a stream')
    const events: AnthropicStreamEvent[] = []
    for await (const event of streamed.chunks) events.push(event)
    const start = events[0]
    expect(start?.type === 'message_start' && 'stop_details' in start.message).toBe(false)
    const delta = events.find((e) => e.type === 'message_delta')
    expect(delta?.type === 'message_delta' && delta.delta.stop_reason).toBe('refusal')
  })
})
