import { createGoogleGenerativeAI } from '@ai-sdk/google'
import { createMocktopus, type Exchange } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import { embed, generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const SCENARIO = `
version: 1
rules:
  - type: llm.gemini
    when: { tools_offered: get_weather, has_tool_result: false }
    respond:
      tool_calls:
        - type: function
          function: { name: get_weather, arguments: { city: Oslo } }
  - type: llm.gemini
    when: { tool_result_contains: "-3C", last_role: tool }
    respond: { content: "Oslo is at -3C." }
  - type: llm.gemini
    when: { messages_contains: "stream" }
    respond: { content: "Streaming from a mock Gemini." }
  - type: llm
    when: { model: "gemini-*" }
    respond: { content: "Hello from Gemini.", usage: { input_tokens: 4, output_tokens: 3 } }
  - type: embeddings
    respond: {}
`

let server: RunningServer
const exchanges: Exchange[] = []
let google: ReturnType<typeof createGoogleGenerativeAI>

beforeAll(async () => {
  const mock = await createMocktopus({ scenario: SCENARIO })
  mock.on('exchange', (exchange) => exchanges.push(exchange))
  server = await serve(mock, { port: 0 })
  google = createGoogleGenerativeAI({ apiKey: 'test', baseURL: `${server.url}/v1beta` })
})

afterAll(async () => {
  await server.close()
})

describe('@ai-sdk/google against Mocktopus', () => {
  it('generateText reads text, finish reason and usage', async () => {
    const result = await generateText({ model: google('gemini-2.5-flash'), prompt: 'Hello' })
    expect(result.text).toBe('Hello from Gemini.')
    expect(result.finishReason).toBe('stop')
    expect(result.usage.inputTokens).toBe(4)
    expect(result.usage.outputTokens).toBe(3)
    expect(exchanges.at(-1)?.endpoint).toBe('/v1beta/models/gemini-2.5-flash:generateContent')
  })

  it('streamText reads the alt=sse stream', async () => {
    const result = streamText({ model: google('gemini-2.5-flash'), prompt: 'stream please' })
    const pieces: string[] = []
    for await (const text of result.textStream) pieces.push(text)
    expect(pieces.join('')).toBe('Streaming from a mock Gemini.')
    expect(pieces.length).toBeGreaterThan(1)
    expect(await result.finishReason).toBe('stop')
    expect((await result.usage).totalTokens).toBeGreaterThan(0)
  })

  it('runs a tool loop: a functionCall, the tool, then the answer to its functionResponse', async () => {
    const calls: unknown[] = []
    const result = await generateText({
      model: google('gemini-2.5-flash'),
      prompt: 'What is the weather in Oslo?',
      tools: {
        get_weather: tool({
          description: 'Current weather for a city',
          inputSchema: jsonSchema<{ city: string }>({
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
          }),
          execute: async (input) => {
            calls.push(input)
            return { temperature: '-3C' }
          },
        }),
      },
      stopWhen: stepCountIs(3),
    })
    expect(calls).toEqual([{ city: 'Oslo' }])
    expect(result.steps).toHaveLength(2)
    expect(result.text).toBe('Oslo is at -3C.')
  })

  it('embeds through batchEmbedContents', async () => {
    const { embedding } = await embed({
      model: google.textEmbeddingModel('text-embedding-004'),
      value: 'sunny day',
    })
    expect(embedding).toHaveLength(768)
  })
})
