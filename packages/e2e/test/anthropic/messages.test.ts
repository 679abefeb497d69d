import type Anthropic from '@anthropic-ai/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from './scenario.js'

let harness: Harness
let client: Anthropic

beforeAll(async () => {
  harness = await startHarness()
  client = harness.client
})

afterAll(async () => {
  await harness.server.close()
})

const MODEL = 'claude-sonnet-5'
const WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Current weather',
  input_schema: {
    type: 'object' as const,
    properties: { location: { type: 'string' }, unit: { type: 'string' } },
    required: ['location'],
  },
}

describe('messages.create with @anthropic-ai/sdk', () => {
  it('returns the text message the rule gives, with a request id', async () => {
    const { data, response, request_id } = await client.messages
      .create({
        model: MODEL,
        max_tokens: 64,
        system: 'You answer geography questions.',
        messages: [{ role: 'user', content: 'What is the capital of France?' }],
      })
      .withResponse()
    expect(response.status).toBe(200)
    expect(request_id).toMatch(/^req_[A-Za-z0-9]{24}$/)
    expect(data).toEqual({
      id: expect.stringMatching(/^msg_[A-Za-z0-9]{24}$/),
      type: 'message',
      role: 'assistant',
      model: MODEL,
      content: [{ type: 'text', text: 'The capital of France is Paris.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: 14,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
        output_tokens: 8,
        service_tier: 'standard',
      },
    })
  })

  it('matches text inside content blocks', async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 64,
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'image',
              source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' },
            },
            { type: 'text', text: 'Is this the capital of France?' },
          ],
        },
      ],
    })
    expect(message.content).toEqual([{ type: 'text', text: 'The capital of France is Paris.' }])
  })

  it('returns tool_use blocks with parsed input and stop_reason tool_use', async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      tools: [WEATHER_TOOL],
      messages: [{ role: 'user', content: 'What is the weather in San Francisco?' }],
    })
    expect(message.stop_reason).toBe('tool_use')
    expect(message.content).toEqual([
      { type: 'text', text: 'Let me check the weather.' },
      {
        type: 'tool_use',
        id: expect.stringMatching(/^toolu_[A-Za-z0-9]{24}$/),
        name: 'get_weather',
        input: { location: 'San Francisco, CA', unit: 'fahrenheit' },
      },
    ])
  })

  it('answers the follow-up that carries the tool_result', async () => {
    const first = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      tools: [WEATHER_TOOL],
      messages: [{ role: 'user', content: 'What is the weather in San Francisco?' }],
    })
    const toolUse = first.content.find((block) => block.type === 'tool_use')
    if (toolUse?.type !== 'tool_use') throw new Error('expected a tool_use block')
    // The last user text is still the question; the `llm.openai` rule matches on the whole
    // conversation's tool result through messages_contains only when it is the last user text,
    // so ask again with the result as the last user text.
    const second = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      tools: [WEATHER_TOOL],
      messages: [
        { role: 'user', content: 'Tell me about San Francisco.' },
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: toolUse.id, content: '72F' },
            { type: 'text', text: 'Sunny, it says. Summarise.' },
          ],
        },
      ],
    })
    expect(second.content).toEqual([{ type: 'text', text: 'It is sunny in San Francisco.' }])
    expect(second.stop_reason).toBe('end_turn')
  })

  it('reports max_tokens when the rule finishes with length', async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 5,
      messages: [{ role: 'user', content: 'Give me a long answer' }],
    })
    expect(message.stop_reason).toBe('max_tokens')
  })
})

describe('beta.messages with @anthropic-ai/sdk', () => {
  it('answers /v1/messages?beta=true the same way', async () => {
    const message = await client.beta.messages.create({
      model: MODEL,
      max_tokens: 64,
      betas: ['token-efficient-tools-2025-02-19'],
      messages: [{ role: 'user', content: 'capital of France' }],
    })
    expect(message.content).toEqual([{ type: 'text', text: 'The capital of France is Paris.' }])
  })
})

describe('messages.stream with @anthropic-ai/sdk', () => {
  it('emits text events and a finalMessage equal to what create returns', async () => {
    const params = {
      model: MODEL,
      max_tokens: 64,
      messages: [{ role: 'user' as const, content: 'What is the capital of France?' }],
    }
    const stream = client.messages.stream(params)
    const texts: string[] = []
    stream.on('text', (delta) => texts.push(delta))
    const final = await stream.finalMessage()
    expect(texts.length).toBeGreaterThan(1)
    expect(texts.join('')).toBe('The capital of France is Paris.')
    expect(await stream.finalText()).toBe('The capital of France is Paris.')
    const created = await client.messages.create(params)
    // The stream helper adds `parsed_output` and copies `stop_details` from message_delta.
    const { parsed_output, stop_details, ...wire } = final as typeof final & {
      parsed_output?: unknown
      stop_details?: unknown
    }
    expect(parsed_output ?? null).toBeNull()
    expect(stop_details ?? null).toBeNull()
    expect({ ...wire, id: 'x' }).toEqual({ ...created, id: 'x' })
    expect(final.id).toMatch(/^msg_/)
    expect(stream.request_id).toMatch(/^req_/)
  })

  it('streams tool_use input as JSON deltas that the SDK assembles', async () => {
    const stream = client.messages.stream({
      model: MODEL,
      max_tokens: 256,
      tools: [WEATHER_TOOL],
      messages: [{ role: 'user', content: 'weather in San Francisco?' }],
    })
    const partials: string[] = []
    stream.on('inputJson', (partial) => partials.push(partial))
    const final = await stream.finalMessage()
    expect(partials.length).toBeGreaterThan(1)
    expect(JSON.parse(partials.join(''))).toEqual({
      location: 'San Francisco, CA',
      unit: 'fahrenheit',
    })
    expect(final.stop_reason).toBe('tool_use')
    expect(final.content[1]).toEqual({
      type: 'tool_use',
      id: expect.stringMatching(/^toolu_/),
      name: 'get_weather',
      input: { location: 'San Francisco, CA', unit: 'fahrenheit' },
    })
    expect(final.usage.output_tokens).toBeGreaterThan(0)
  })

  it('yields the raw event sequence from create({ stream: true })', async () => {
    const stream = await client.messages.create({
      model: MODEL,
      max_tokens: 64,
      stream: true,
      messages: [{ role: 'user', content: 'capital of France' }],
    })
    const types: string[] = []
    for await (const event of stream) types.push(event.type)
    expect(types[0]).toBe('message_start')
    expect(types.slice(-2)).toEqual(['message_delta', 'message_stop'])
    expect(types).toContain('content_block_start')
    expect(types).toContain('content_block_delta')
    expect(types).toContain('content_block_stop')
  })
})
