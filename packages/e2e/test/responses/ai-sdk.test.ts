import { createOpenAI } from '@ai-sdk/openai'
import { generateText, jsonSchema, type ModelMessage, stepCountIs, streamText, tool } from 'ai'
import { describe, expect, it } from 'vitest'
import { useMocktopus } from '../openai/harness.js'
import { RESPONSES_SCENARIO } from './scenario.js'

// The AI SDK's default OpenAI provider speaks the Responses API and checks every body and
// stream event with its own schemas, stricter than the spec in places (ids on every item).
const h = useMocktopus(RESPONSES_SCENARIO)
const model = () => createOpenAI({ baseURL: h.baseURL, apiKey: 'sk-test' })('gpt-4.1')

const weather = tool({
  description: 'Current weather for a city',
  inputSchema: jsonSchema<{ location: string }>({
    type: 'object',
    properties: { location: { type: 'string' } },
    required: ['location'],
    additionalProperties: false,
  }),
  execute: async ({ location }) => `Sunny in ${location}`,
})

describe('AI SDK (Responses API provider)', () => {
  it('generateText returns the text, usage and finish reason', async () => {
    const result = await generateText({ model: model(), prompt: 'Hi there', maxRetries: 0 })
    expect(result.text).toBe('Hello from the Responses API!')
    expect(result.finishReason).toBe('stop')
    expect(result.usage).toMatchObject({ inputTokens: 9, outputTokens: 6, totalTokens: 15 })
    expect(h.exchanges).toMatchObject([{ endpoint: '/v1/responses', status: 200 }])
  })

  it('streamText streams the text in pieces', async () => {
    const result = streamText({ model: model(), prompt: 'Hi there', maxRetries: 0 })
    const pieces: string[] = []
    for await (const piece of result.textStream) pieces.push(piece)
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces.join('')).toBe('Hello from the Responses API!')
    expect(await result.finishReason).toBe('stop')
    expect((await result.usage).totalTokens).toBe(15)
  })

  it('generateText runs a tool call and answers from its result', async () => {
    const result = await generateText({
      model: model(),
      prompt: 'What is the weather in Paris?',
      tools: { get_weather: weather },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    })
    expect(result.steps[0]?.toolCalls).toMatchObject([
      { toolName: 'get_weather', toolCallId: 'call_weather_1', input: { location: 'Paris' } },
    ])
    expect(result.steps[0]?.finishReason).toBe('tool-calls')
    expect(result.text).toBe('It is sunny in Paris today.')
    const followUp = h.exchanges[1]?.body as { input: { type?: string; output?: string }[] }
    expect(followUp.input).toContainEqual(
      expect.objectContaining({ type: 'function_call_output', output: 'Sunny in Paris' }),
    )
  })

  it('streamText streams a tool call and the answer after it', async () => {
    const result = streamText({
      model: model(),
      prompt: 'What is the weather in Paris?',
      tools: { get_weather: weather },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    })
    const types = new Set<string>()
    for await (const part of result.fullStream) types.add(part.type)
    expect(types).toContain('tool-input-delta')
    expect(types).toContain('tool-result')
    expect(await result.text).toBe('It is sunny in Paris today.')
  })

  it('resolves the item_reference it sends for an earlier assistant message', async () => {
    const first = await generateText({ model: model(), prompt: 'Hi there', maxRetries: 0 })
    const messages: ModelMessage[] = [
      { role: 'user', content: 'Hi there' },
      ...first.response.messages,
      { role: 'user', content: 'What did you say?' },
    ]
    const second = await generateText({ model: model(), messages, maxRetries: 0 })
    const sent = h.exchanges[1]?.body as { input: { type?: string }[] }
    expect(sent.input).toContainEqual(expect.objectContaining({ type: 'item_reference' }))
    expect(second.text).toBe('I said hello.')
  })
})
