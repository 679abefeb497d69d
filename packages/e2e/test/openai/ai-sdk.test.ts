import { createOpenAI } from '@ai-sdk/openai'
import { embed, generateText, jsonSchema, streamText, tool } from 'ai'
import { describe, expect, it } from 'vitest'
import { useMocktopus } from './harness.js'
import { OPENAI_SCENARIO } from './scenario.js'

const h = useMocktopus(OPENAI_SCENARIO)
const provider = () => createOpenAI({ apiKey: 'sk-test', baseURL: h.baseURL })

const weatherTool = tool({
  description: 'Current weather for a location',
  inputSchema: jsonSchema<{ location: string; unit?: string }>({
    type: 'object',
    properties: { location: { type: 'string' }, unit: { type: 'string' } },
    required: ['location'],
  }),
})

describe('Vercel AI SDK over the chat completions API', () => {
  it('generateText', async () => {
    const result = await generateText({
      model: provider().chat('gpt-4o'),
      prompt: 'hello',
      maxRetries: 0,
    })
    expect(result.text).toBe('Hello! How can I assist you today?')
    expect(result.finishReason).toBe('stop')
    expect(result.usage).toMatchObject({ inputTokens: 5, outputTokens: 8, totalTokens: 13 })
  })

  it('streamText', async () => {
    const result = streamText({ model: provider().chat('gpt-4o'), prompt: 'hello', maxRetries: 0 })
    const pieces: string[] = []
    for await (const piece of result.textStream) pieces.push(piece)
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces.join('')).toBe('Hello! How can I assist you today?')
    expect(await result.finishReason).toBe('stop')
  })

  it('tool calls, generated and streamed', async () => {
    const generated = await generateText({
      model: provider().chat('gpt-4o'),
      prompt: 'What is the weather in SF?',
      tools: { get_weather: weatherTool },
      maxRetries: 0,
    })
    expect(generated.finishReason).toBe('tool-calls')
    expect(generated.toolCalls).toMatchObject([
      {
        toolCallId: 'call_weather_1',
        toolName: 'get_weather',
        input: { location: 'San Francisco, CA', unit: 'fahrenheit' },
      },
    ])

    const streamed = streamText({
      model: provider().chat('gpt-4o'),
      prompt: 'What is the weather in SF?',
      tools: { get_weather: weatherTool },
      maxRetries: 0,
    })
    expect(await streamed.toolCalls).toMatchObject([
      {
        toolCallId: 'call_weather_1',
        toolName: 'get_weather',
        input: { location: 'San Francisco, CA' },
      },
    ])
    expect(await streamed.finishReason).toBe('tool-calls')
  })

  it('embed', async () => {
    const { embedding } = await embed({
      model: provider().embedding('text-embedding-3-small'),
      value: 'hello',
      maxRetries: 0,
    })
    expect(embedding).toHaveLength(1536)
    expect(Math.hypot(...embedding)).toBeCloseTo(1, 5)
  })
})
