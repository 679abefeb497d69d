import { createOpenAI } from '@ai-sdk/openai'
import Anthropic from '@anthropic-ai/sdk'
import { HumanMessage, ToolMessage } from '@langchain/core/messages'
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai'
import { fixedClock } from '@mocktopus/responders'
import { createMocktopus, type Exchange, type Mocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import { embed, generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai'
import OpenAI from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

// A tool loop on every API: the first turn calls get_weather, the turn after a tool result
// answers in text.
const SCENARIO = `
version: 1
strict: true
rules:
  - type: llm
    when: { last_role: tool }
    respond: { content: "It is sunny in Paris." }
  - type: llm
    when: { messages_contains: "weather" }
    respond:
      tool_calls:
        - id: call_weather_1
          type: function
          function: { name: get_weather, arguments: '{"location": "Paris"}' }
  - type: llm
    respond: { content: "Hello!" }
  - type: embeddings
    respond: {}
`

let mock: Mocktopus
let server: RunningServer
let baseURL: string
const exchanges: Exchange[] = []

beforeAll(async () => {
  mock = await createMocktopus({
    scenario: SCENARIO,
    clock: fixedClock(1_700_000_000, { instant: true }),
  })
  mock.on('exchange', (exchange) => exchanges.push(exchange))
  server = await serve(mock, { port: 0 })
  baseURL = `${server.url}/v1`
})
beforeEach(() => {
  mock.reset()
  exchanges.length = 0
})
afterAll(async () => {
  await server?.close()
})

const statuses = () => exchanges.map((exchange) => exchange.status)

const openai = () => new OpenAI({ apiKey: 'sk-test', baseURL, maxRetries: 0 })
const anthropic = () => new Anthropic({ apiKey: 'sk-ant-test', baseURL: server.url, maxRetries: 0 })

const weatherSchema = {
  type: 'object' as const,
  properties: { location: { type: 'string' as const } },
  required: ['location'],
}
const weather = tool({
  description: 'Current weather for a location',
  inputSchema: jsonSchema<{ location: string }>(weatherSchema),
  execute: async ({ location }) => `Sunny in ${location}`,
})

describe('strict mode refuses what the real API refuses', () => {
  it('gives the openai SDK a BadRequestError naming an unknown field', async () => {
    const error = await openai()
      .chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Hi' }],
        foo: 1,
      } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error).toMatchObject({
      status: 400,
      message: '400 Unrecognized request argument supplied: foo',
      type: 'invalid_request_error',
      param: null,
      code: null,
    })
  })

  it('gives the openai SDK a BadRequestError for a tool message without its call', async () => {
    const error = await openai()
      .chat.completions.create({
        model: 'gpt-4o',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'tool', tool_call_id: 'call_1', content: 'Sunny' },
        ],
      })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error).toMatchObject({
      message:
        "400 Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
      param: 'messages.[1].role',
    })
  })

  it('gives the openai SDK the Responses API unknown_parameter error', async () => {
    const error = await openai()
      .responses.create({ model: 'gpt-4o', input: 'Hi', foo: 1 } as never)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect(error).toMatchObject({
      message: "400 Unknown parameter: 'foo'.",
      param: 'foo',
      code: 'unknown_parameter',
    })
  })

  it('gives the Anthropic SDK a BadRequestError for a missing max_tokens', async () => {
    const error = await anthropic()
      .messages.create({
        model: 'claude-sonnet-5-5',
        messages: [{ role: 'user', content: 'Hi' }],
      } as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Anthropic.BadRequestError)
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
    })
  })

  it('gives the Anthropic SDK a BadRequestError for turns that do not alternate', async () => {
    const error = await anthropic()
      .messages.create({
        model: 'claude-sonnet-5-5',
        max_tokens: 100,
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'user', content: 'Hello?' },
        ],
      })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Anthropic.BadRequestError)
    const body = (error as InstanceType<typeof Anthropic.BadRequestError>).error as {
      error: { message: string }
      request_id: string
    }
    expect(body.error.message).toBe(
      'messages: roles must alternate between "user" and "assistant", but found multiple "user" roles in a row',
    )
    expect(body.request_id).toBe((error as { requestID?: string }).requestID)
  })

  it('gives the Anthropic SDK a BadRequestError for an extra field', async () => {
    const error = await anthropic()
      .messages.create({
        model: 'claude-sonnet-5-5',
        max_tokens: 100,
        messages: [{ role: 'user', content: 'Hi' }],
        response_format: { type: 'json' },
      } as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Anthropic.BadRequestError)
    expect((error as { message: string }).message).toContain(
      'response_format: Extra inputs are not permitted',
    )
  })
})

describe("strict mode lets the SDKs' own requests through", () => {
  it('AI SDK over chat completions: a tool loop, streamed and not, with provider options', async () => {
    const providerOptions = {
      openai: {
        user: 'user-1',
        metadata: { run: 'strict' },
        store: false,
        parallelToolCalls: false,
      },
    }
    const provider = createOpenAI({ apiKey: 'sk-test', baseURL })
    const generated = await generateText({
      model: provider.chat('gpt-4o'),
      prompt: 'What is the weather in Paris?',
      tools: { get_weather: weather },
      stopWhen: stepCountIs(3),
      providerOptions,
      maxRetries: 0,
    })
    expect(generated.text).toBe('It is sunny in Paris.')
    const streamed = streamText({
      model: provider.chat('gpt-4o'),
      prompt: 'What is the weather in Paris?',
      tools: { get_weather: weather },
      stopWhen: stepCountIs(3),
      providerOptions,
      maxRetries: 0,
    })
    expect(await streamed.text).toBe('It is sunny in Paris.')
    await embed({ model: provider.embedding('text-embedding-3-small'), value: 'hi', maxRetries: 0 })
    expect(statuses()).toEqual([200, 200, 200, 200, 200])
  })

  it('AI SDK over the Responses API: a tool loop', async () => {
    const provider = createOpenAI({ apiKey: 'sk-test', baseURL })
    const generated = await generateText({
      model: provider.responses('gpt-4o'),
      prompt: 'What is the weather in Paris?',
      tools: { get_weather: weather },
      stopWhen: stepCountIs(3),
      providerOptions: { openai: { user: 'user-1', store: true, parallelToolCalls: true } },
      maxRetries: 0,
    })
    expect(generated.text).toBe('It is sunny in Paris.')
    expect(statuses()).toEqual([200, 200])
  })

  it('LangChain ChatOpenAI: invoke, stream, a tool round trip and embeddings', async () => {
    const configuration = { baseURL }
    const chat = new ChatOpenAI({
      model: 'gpt-4o',
      apiKey: 'sk-test',
      configuration,
      maxRetries: 0,
    })
    expect((await chat.invoke('hello')).content).toBe('Hello!')
    const pieces: string[] = []
    for await (const chunk of await chat.stream('hello')) pieces.push(String(chunk.content))
    expect(pieces.join('')).toBe('Hello!')

    const withTools = chat.bindTools([
      {
        type: 'function',
        function: { name: 'get_weather', description: 'Weather', parameters: weatherSchema },
      },
    ])
    const question = new HumanMessage('What is the weather in Paris?')
    const call = await withTools.invoke([question])
    const [toolCall] = call.tool_calls ?? []
    expect(toolCall?.id).toBe('call_weather_1')
    const answer = await withTools.invoke([
      question,
      call,
      new ToolMessage({ tool_call_id: toolCall?.id ?? '', content: 'Sunny in Paris' }),
    ])
    expect(answer.content).toBe('It is sunny in Paris.')

    const embeddings = new OpenAIEmbeddings({
      model: 'text-embedding-3-small',
      apiKey: 'sk-test',
      configuration,
      maxRetries: 0,
    })
    expect(await embeddings.embedQuery('hi')).toHaveLength(1536)
    expect(statuses()).toEqual([200, 200, 200, 200, 200])
  })

  it('the Anthropic SDK: a tool round trip, streamed', async () => {
    const client = anthropic()
    const tools = [{ name: 'get_weather', description: 'Weather', input_schema: weatherSchema }]
    const question = { role: 'user' as const, content: 'What is the weather in Paris?' }
    const first = await client.messages.create({
      model: 'claude-sonnet-5-5',
      max_tokens: 200,
      system: 'Be brief.',
      metadata: { user_id: 'user-1' },
      tools,
      messages: [question],
    })
    const use = first.content.find((block) => block.type === 'tool_use')
    expect(use?.type).toBe('tool_use')
    const stream = client.messages.stream({
      model: 'claude-sonnet-5-5',
      max_tokens: 200,
      tools,
      messages: [
        question,
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: use?.id ?? '', content: 'Sunny' }],
        },
      ],
    })
    expect(await stream.finalText()).toBe('It is sunny in Paris.')
    expect(statuses()).toEqual([200, 200])
  })
})
