import { ApiError, FunctionCallingConfigMode, GoogleGenAI, Type } from '@google/genai'
import { createMocktopus, type Exchange, type Mocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const SCENARIO = `
version: 1
rules:
  - type: llm.gemini
    when: { messages_contains: "weather" , has_tool_result: false }
    respond:
      tool_calls:
        - type: function
          function: { name: get_weather, arguments: { city: Paris } }
  - type: llm.gemini
    when: { tool_result_contains: "18C", tool_call_id: get_weather }
    respond: { content: "It is 18C in Paris." }
  - type: llm.gemini
    when: { messages_contains: "plan" }
    respond:
      tool_calls:
        - type: function
          function: { name: make_plan }
  - type: llm.gemini
    when: { messages_contains: "busy" }
    error: { error_type: rate_limit }
  - type: llm.gemini
    when: { messages_contains: "recipe" }
    respond: {}
  - type: llm.gemini
    when: { system_contains: "pirate", model: "gemini-2.5-*" }
    respond: { content: "Arr, hello there matey!", usage: { input_tokens: 9, output_tokens: 5 } }
  - type: embeddings
    when: { input: ["pinned"] }
    respond: { embeddings: [{ embedding: [0.5, 0.25] }] }
  - type: embeddings
    respond: {}
`

let mock: Mocktopus
let server: RunningServer
let ai: GoogleGenAI
const exchanges: Exchange[] = []

beforeAll(async () => {
  mock = await createMocktopus({ scenario: SCENARIO })
  mock.on('exchange', (exchange) => exchanges.push(exchange))
  server = await serve(mock, { port: 0 })
  ai = new GoogleGenAI({ apiKey: 'test', httpOptions: { baseUrl: server.url } })
})

afterAll(async () => {
  await server.close()
})

describe('@google/genai against Mocktopus', () => {
  it('generates content with a system instruction, usage and the model in the path', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Say hello',
      config: { systemInstruction: 'You are a pirate.' },
    })
    expect(response.text).toBe('Arr, hello there matey!')
    expect(response.candidates?.[0]?.finishReason).toBe('STOP')
    expect(response.usageMetadata).toMatchObject({
      promptTokenCount: 9,
      candidatesTokenCount: 5,
      totalTokenCount: 14,
    })
    expect(response.modelVersion).toBe('gemini-2.5-flash')
    expect(response.responseId).toMatch(/^\w+$/)
    expect(exchanges.at(-1)).toMatchObject({
      endpoint: '/v1beta/models/gemini-2.5-flash:generateContent',
      model: 'gemini-2.5-flash',
      status: 200,
    })
  })

  it('streams with alt=sse: text in pieces, the last chunk with finishReason and usage', async () => {
    const stream = await ai.models.generateContentStream({
      model: 'gemini-2.5-pro',
      contents: [{ role: 'user', parts: [{ text: 'greet me' }] }],
      config: { systemInstruction: { parts: [{ text: 'Talk like a pirate' }] } },
    })
    const texts: string[] = []
    const chunks = []
    for await (const chunk of stream) {
      chunks.push(chunk)
      texts.push(chunk.text ?? '')
    }
    expect(texts.join('')).toBe('Arr, hello there matey!')
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe('STOP')
    expect(chunks.at(-1)?.usageMetadata?.totalTokenCount).toBe(14)
    expect(chunks[0]?.candidates?.[0]?.finishReason).toBeUndefined()
  })

  it('sends a function call whole, then answers the function response by its name', async () => {
    const tools = [
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            parameters: {
              type: Type.OBJECT,
              properties: { city: { type: Type.STRING } },
              required: ['city'],
            },
          },
        ],
      },
    ]
    const first = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'What is the weather in Paris?',
      config: { tools },
    })
    expect(first.functionCalls).toEqual([{ name: 'get_weather', args: { city: 'Paris' } }])
    const call = first.candidates?.[0]?.content
    const second = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: [
        { role: 'user', parts: [{ text: 'What is the weather in Paris?' }] },
        ...(call ? [call] : []),
        {
          role: 'user',
          parts: [{ functionResponse: { name: 'get_weather', response: { output: '18C' } } }],
        },
      ],
      config: { tools },
    })
    expect(second.text).toBe('It is 18C in Paris.')
  })

  it('generates arguments a call leaves out from the declaration (OpenAPI upper-case types)', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'make a plan',
      config: {
        tools: [
          {
            functionDeclarations: [
              {
                name: 'make_plan',
                parameters: {
                  type: Type.OBJECT,
                  properties: {
                    steps: { type: Type.INTEGER, minimum: 1, maximum: 5 },
                    title: { type: Type.STRING },
                  },
                  required: ['steps', 'title'],
                },
              },
            ],
          },
        ],
        toolConfig: { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY } },
      },
    })
    const args = response.functionCalls?.[0]?.args as { steps: number; title: string }
    expect(response.functionCalls?.[0]?.name).toBe('make_plan')
    expect(Number.isInteger(args.steps)).toBe(true)
    expect(args.steps).toBeGreaterThanOrEqual(1)
    expect(args.steps).toBeLessThanOrEqual(5)
    expect(typeof args.title).toBe('string')
  })

  it('generates JSON from responseSchema (structured output) when the rule gives no content', async () => {
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'a recipe please',
      config: {
        responseMimeType: 'application/json',
        responseSchema: {
          type: Type.OBJECT,
          properties: {
            name: { type: Type.STRING },
            minutes: { type: Type.INTEGER },
            vegan: { type: Type.BOOLEAN, nullable: true },
          },
          required: ['name', 'minutes'],
        },
      },
    })
    const value = JSON.parse(response.text ?? '') as Record<string, unknown>
    expect(typeof value.name).toBe('string')
    expect(Number.isInteger(value.minutes)).toBe(true)
  })

  it('raises a 429 RESOURCE_EXHAUSTED as the SDK ApiError', async () => {
    const error = await ai.models
      .generateContent({ model: 'gemini-2.5-flash', contents: 'are you busy?' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(429)
    const body = JSON.parse((error as ApiError).message) as { error: Record<string, unknown> }
    expect(body.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' })
  })

  it('embeds contents (batchEmbedContents): pinned and seeded vectors', async () => {
    const response = await ai.models.embedContent({
      model: 'gemini-embedding-001',
      contents: ['pinned'],
    })
    expect(response.embeddings).toEqual([{ values: [0.5, 0.25] }])
    const seeded = await ai.models.embedContent({
      model: 'gemini-embedding-001',
      contents: ['one', 'two'],
      config: { outputDimensionality: 8 },
    })
    expect(seeded.embeddings).toHaveLength(2)
    expect(seeded.embeddings?.[0]?.values).toHaveLength(8)
    expect(seeded.embeddings?.[0]?.values).not.toEqual(seeded.embeddings?.[1]?.values)
  })

  it('counts tokens', async () => {
    const response = await ai.models.countTokens({
      model: 'gemini-2.5-flash',
      contents: 'Hello there, how are you today?',
    })
    expect(response.totalTokens).toBeGreaterThan(0)
  })

  it('lists and gets models', async () => {
    const pager = await ai.models.list()
    const names = pager.page.map((model) => model.name)
    expect(names).toContain('models/gemini-2.5-flash')
    const model = await ai.models.get({ model: 'gemini-2.5-flash' })
    expect(model.displayName).toBe('Gemini 2.5 Flash')
    const missing = await ai.models.get({ model: 'gemini-0-nope' }).catch((e: unknown) => e)
    expect((missing as ApiError).status).toBe(404)
  })

  it('serves the same under /v1 (apiVersion v1)', async () => {
    const v1 = new GoogleGenAI({
      apiKey: 'test',
      apiVersion: 'v1',
      httpOptions: { baseUrl: server.url },
    })
    const response = await v1.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'hi',
      config: { systemInstruction: 'pirate' },
    })
    expect(response.text).toBe('Arr, hello there matey!')
    expect(exchanges.at(-1)?.endpoint).toBe('/v1/models/gemini-2.5-flash:generateContent')
  })
})
