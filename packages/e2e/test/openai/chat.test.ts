import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { useMocktopus } from './harness.js'
import { OPENAI_SCENARIO } from './scenario.js'

const h = useMocktopus(OPENAI_SCENARIO)
const client = () => new OpenAI({ apiKey: 'sk-test', baseURL: h.baseURL, maxRetries: 0 })
const user = (content: string) => [{ role: 'user' as const, content }]

describe('openai SDK: chat completions', () => {
  it('creates a completion', async () => {
    const { data, response, request_id } = await client()
      .chat.completions.create({ model: 'gpt-4o', messages: user('hello') })
      .withResponse()
    expect(response.headers.get('x-mocktopus-rule')).toBe('9')
    expect(request_id).toMatch(/^req_[A-Za-z0-9]{32}$/)
    expect(data).toMatchObject({
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o',
      system_fingerprint: 'fp_mocktopus',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Hello! How can I assist you today?',
            refusal: null,
          },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 5, completion_tokens: 8, total_tokens: 13 },
    })
  })

  it('returns n choices', async () => {
    const completion = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: user('hi'),
      n: 3,
    })
    expect(completion.choices.map((c) => c.index)).toEqual([0, 1, 2])
  })

  it('streams with for await, one id and one created across chunks', async () => {
    const stream = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: user('hello'),
      stream: true,
      stream_options: { include_usage: true },
    })
    const chunks: OpenAI.ChatCompletionChunk[] = []
    for await (const chunk of stream) chunks.push(chunk)
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(
      'Hello! How can I assist you today?',
    )
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1)
    expect(new Set(chunks.map((c) => c.created)).size).toBe(1)
    expect(chunks.at(-1)?.usage).toMatchObject({
      prompt_tokens: 5,
      completion_tokens: 8,
      total_tokens: 13,
    })
    expect(h.exchanges).toMatchObject([{ stream: true, status: 200, ruleIndex: 9 }])
  })

  it('streams into finalChatCompletion()', async () => {
    const stream = client().chat.completions.stream({ model: 'gpt-4o', messages: user('hello') })
    const final = await stream.finalChatCompletion()
    expect(final.choices[0]?.message.content).toBe('Hello! How can I assist you today?')
    expect(final.choices[0]?.finish_reason).toBe('stop')
  })

  it('returns tool calls, content null, finish_reason tool_calls', async () => {
    const completion = await client().chat.completions.create({
      model: 'gpt-4',
      messages: user('What is the weather in SF?'),
    })
    const choice = completion.choices[0]
    expect(choice?.finish_reason).toBe('tool_calls')
    expect(choice?.message.content).toBeNull()
    expect(choice?.message.tool_calls).toEqual([
      {
        id: 'call_weather_1',
        type: 'function',
        function: {
          name: 'get_weather',
          arguments: '{"location": "San Francisco, CA", "unit": "fahrenheit"}',
        },
      },
    ])
  })

  it('streams tool calls that the SDK reassembles', async () => {
    const stream = client().chat.completions.stream({
      model: 'gpt-4o',
      messages: user('use two tools'),
      tools: [
        { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } },
        { type: 'function', function: { name: 'web_search', parameters: { type: 'object' } } },
      ],
    })
    const argumentDeltas: string[] = []
    stream.on('tool_calls.function.arguments.delta', (event) =>
      argumentDeltas.push(event.arguments_delta),
    )
    const final = await stream.finalChatCompletion()
    const message = final.choices[0]?.message
    expect(final.choices[0]?.finish_reason).toBe('tool_calls')
    expect(
      message?.tool_calls?.map(
        (c) => c.type === 'function' && [c.function.name, c.function.arguments],
      ),
    ).toEqual([
      ['get_weather', '{"location": "Paris"}'],
      ['web_search', '{"query": "Paris news"}'],
    ])
    expect(message?.tool_calls?.every((c) => /^call_[A-Za-z0-9]{24}$/.test(c.id))).toBe(true)
    expect(argumentDeltas.length).toBeGreaterThan(2)
  })

  it('answers the same bytes for the same requests after reset', async () => {
    const first = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: user('hello'),
    })
    h.mock.reset()
    const again = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: user('hello'),
    })
    expect(again).toEqual(first)
  })

  it('works in process through mock.fetch with no port', async () => {
    const inProcess = new OpenAI({
      apiKey: 'sk-test',
      baseURL: 'http://mocktopus.local/v1',
      fetch: h.mock.fetch,
    })
    const completion = await inProcess.chat.completions.create({
      model: 'gpt-4o',
      messages: user('hello'),
    })
    expect(completion.choices[0]?.message.content).toBe('Hello! How can I assist you today?')
  })

  it('lists models', async () => {
    const ids: string[] = []
    for await (const model of client().models.list()) ids.push(model.id)
    expect(ids).toContain('gpt-4o')
    expect((await client().models.retrieve('gpt-4o')).id).toBe('gpt-4o')
  })
})
