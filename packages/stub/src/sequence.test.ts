import { describe, expect, it } from 'vitest'
import { createStubClient } from './client.js'
import { createStub } from './stub.js'

// One rule scripts a whole agent run: a tool call, then the final text from the tool's result.
const AGENT = `version: 1
rules:
  - type: llm
    respond:
      - tool_calls:
          - id: call_1
            function: { name: get_weather, arguments: { city: "{{ last_user_message }}" } }
      - content: "{{ model }} says: {{ tool_result }}"
`

const ask = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'Paris' }] }

describe('the stub with a respond list', () => {
  it('answers a tool call, then the text, as the server would', async () => {
    const client = createStubClient(AGENT, { fixedTime: 1_700_000_000 })
    const first = await client.chat.completions.create(ask)
    const call = first.choices[0]?.message.tool_calls?.[0]
    expect(first.choices[0]?.finish_reason).toBe('tool_calls')
    expect(call).toMatchObject({ id: 'call_1', function: { name: 'get_weather' } })
    expect(JSON.parse(call?.type === 'function' ? call.function.arguments : '')).toEqual({
      city: 'Paris',
    })

    const second = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [
        ...ask.messages,
        { role: 'assistant', content: null, tool_calls: first.choices[0]?.message.tool_calls },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny, 21°C' },
      ],
    })
    expect(second.choices[0]?.message.content).toBe('gpt-4o says: sunny, 21°C')
    expect(second.choices[0]?.finish_reason).toBe('stop')
  })

  it('starts the list again after reset()', async () => {
    const client = createStubClient(AGENT)
    await client.chat.completions.create(ask)
    client.reset()
    const again = await client.chat.completions.create(ask)
    expect(again.choices[0]?.message.tool_calls).toHaveLength(1)
  })

  it('gives the Anthropic client the same list', async () => {
    const { anthropic } = createStub(AGENT)
    const first = await anthropic.messages.create({ ...ask, max_tokens: 100 })
    expect(first.stop_reason).toBe('tool_use')
    expect(first.content[0]).toMatchObject({ type: 'tool_use', input: { city: 'Paris' } })
    const second = await anthropic.messages.create({
      ...ask,
      max_tokens: 100,
      messages: [
        ...ask.messages,
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'call_1', content: 'cloudy' }],
        },
      ],
    })
    expect(second.content).toEqual([{ type: 'text', text: 'gpt-4o says: cloudy' }])
  })
})
