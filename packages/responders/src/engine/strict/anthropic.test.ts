import { describe, expect, it } from 'vitest'
import { strictMessages } from './anthropic.js'

const user = { role: 'user', content: 'Hi' }
const request = (extra: Record<string, unknown> = {}) => ({
  model: 'claude-sonnet-4-5',
  max_tokens: 100,
  messages: [user],
  ...extra,
})

const refusal = (message: string) => ({
  kind: 'error',
  status: 400,
  headers: {},
  body: { type: 'error', error: { type: 'invalid_request_error', message }, request_id: null },
  delayMs: 0,
})

const toolUse = { type: 'tool_use', id: 'toolu_1', name: 'f', input: {} }
const toolResult = (id: string) => ({ type: 'tool_result', tool_use_id: id, content: 'ok' })

describe('strictMessages', () => {
  it('lets a request with only known fields through, beta fields included', () => {
    const body = request({
      system: 'Be brief',
      metadata: { user_id: 'u' },
      stream: true,
      temperature: 0,
      tools: [{ name: 'f', input_schema: { type: 'object' } }],
      tool_choice: { type: 'auto' },
      context_management: { edits: [] },
    })
    expect(strictMessages(body)).toBeUndefined()
  })

  it('refuses a field the API does not take, naming it', () => {
    expect(strictMessages(request({ foo: 1 }))).toEqual(
      refusal('foo: Extra inputs are not permitted'),
    )
  })

  it('refuses a field inside a message with its dotted path', () => {
    const body = request({ messages: [{ ...user, name: 'me' }] })
    expect(strictMessages(body)).toEqual(refusal('messages.0.name: Extra inputs are not permitted'))
  })

  it('refuses a conversation that starts with the assistant', () => {
    const body = request({ messages: [{ role: 'assistant', content: 'Hello' }, user] })
    expect(strictMessages(body)).toEqual(
      refusal('messages: first message must use the "user" role'),
    )
  })

  it('refuses two turns of one role in a row', () => {
    const body = request({ messages: [user, user] })
    expect(strictMessages(body)).toEqual(
      refusal(
        'messages: roles must alternate between "user" and "assistant", but found multiple "user" roles in a row',
      ),
    )
  })

  it('refuses a tool_result that answers no tool_use of the message before', () => {
    const body = request({
      messages: [
        user,
        { role: 'assistant', content: [toolUse] },
        { role: 'user', content: [toolResult('toolu_1'), toolResult('toolu_2')] },
      ],
    })
    expect(strictMessages(body)).toEqual(
      refusal(
        'messages.2.content.1: unexpected `tool_use_id` found in `tool_result` blocks: toolu_2. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.',
      ),
    )
  })

  it('lets a tool_result answering the tool_use before it through', () => {
    const body = request({
      messages: [
        user,
        { role: 'assistant', content: [{ type: 'text', text: 'Let me look.' }, toolUse] },
        { role: 'user', content: [toolResult('toolu_1')] },
      ],
    })
    expect(strictMessages(body)).toBeUndefined()
  })
})
