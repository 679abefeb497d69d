import type { Clock } from '@mocktopus/responders'
import { createMocktopus, type Mocktopus } from '@mocktopus/server'
import OpenAI, { type APIError } from 'openai'
import { beforeAll, describe, expect, it } from 'vitest'
import { openaiErrors, openaiSchema, readCompatExample } from '../../src/contracts.js'

// The five example scenarios of the Python Mocktopus behave as ../shared/compat/README.md
// lists, except that total_tokens is the sum and streamed tool calls work.

// Parsing the 3 MB spec is slow; do it once, outside any single test's timeout.
beforeAll(() => {
  openaiSchema('CreateChatCompletionResponse')
  openaiSchema('ErrorResponse')
}, 60_000)

const waits: number[] = []
const clock: Clock = {
  now: () => 1_700_000_000_000,
  sleep: async (ms) => {
    waits.push(ms)
  },
}

async function load(name: string): Promise<{ mock: Mocktopus; client: OpenAI }> {
  const mock = await createMocktopus({ scenario: readCompatExample(name), clock })
  const client = new OpenAI({
    apiKey: 'sk-test',
    baseURL: 'http://mocktopus.local/v1',
    fetch: mock.fetch,
    maxRetries: 0,
  })
  return { mock, client }
}

async function ask(client: OpenAI, content: string, model = 'gpt-4o') {
  const { data, response } = await client.chat.completions
    .create({ model, messages: [{ role: 'user', content }] })
    .withResponse()
  expect(openaiErrors('CreateChatCompletionResponse', data)).toEqual([])
  return { completion: data, rule: Number(response.headers.get('x-mocktopus-rule')) + 1 }
}

async function fail(client: OpenAI, content: string, model = 'gpt-4o') {
  waits.length = 0
  try {
    await client.chat.completions.create({ model, messages: [{ role: 'user', content }] })
  } catch (error) {
    return error as APIError
  }
  throw new Error(`expected "${content}" to fail`)
}

describe('chat-basic.yaml', () => {
  it('answers hello, sums and anything else from rules 1, 2 and 3', async () => {
    const { client } = await load('chat-basic.yaml')
    const hello = await ask(client, 'hello')
    expect(hello.rule).toBe(1)
    expect(hello.completion.choices[0]?.message.content).toBe('Hello! How can I assist you today?')
    expect(hello.completion.usage).toMatchObject({
      prompt_tokens: 5,
      completion_tokens: 8,
      total_tokens: 13,
    })
    expect((await ask(client, 'what is 2 + 3')).rule).toBe(2)
    expect((await ask(client, 'tell me a story')).rule).toBe(3)
    // messages_contains is case-sensitive.
    expect((await ask(client, 'Hello')).rule).toBe(3)
  })
})

describe('errors.yaml', () => {
  it('raises each error with its status, headers and delay', async () => {
    const { client } = await load('errors.yaml')
    const rate = await fail(client, 'rate limit test')
    expect(rate).toBeInstanceOf(OpenAI.RateLimitError)
    expect(rate.headers?.get('retry-after')).toBe('60')
    expect(waits).toEqual([100])
    expect(await fail(client, 'auth test')).toBeInstanceOf(OpenAI.AuthenticationError)
    const invalid = await fail(client, 'invalid request')
    expect(invalid).toBeInstanceOf(OpenAI.BadRequestError)
    expect(invalid.message).toBe("400 The model 'gpt-5' does not exist")
    const timeout = await fail(client, 'timeout test')
    expect(timeout.status).toBe(504)
    expect(waits).toEqual([5000])
    expect((await fail(client, 'server error')).status).toBe(500)
    const custom = await fail(client, 'custom error')
    expect(custom).toMatchObject({ status: 422, code: 'content_filtered' })
    expect(custom).toBeInstanceOf(OpenAI.UnprocessableEntityError)
    expect(waits).toEqual([200])
    const none = await fail(client, 'something else')
    expect(none).toBeInstanceOf(OpenAI.NotFoundError)
    expect(none.code).toBe('no_matching_rule')
    for (const error of [rate, invalid, timeout, custom, none]) {
      expect(openaiErrors('ErrorResponse', { error: error.error })).toEqual([])
    }
  })

  it('fails a retry test twice with 503, then succeeds', async () => {
    const { client } = await load('errors.yaml')
    expect((await fail(client, 'retry test')).status).toBe(503)
    expect((await fail(client, 'retry test')).status).toBe(503)
    const success = await ask(client, 'retry test')
    expect(success.completion.choices[0]?.message.content).toBe('Success after retries!')
    expect(success.completion.usage?.total_tokens).toBe(15)
  })
})

describe('tool-calling.yaml', () => {
  it('calls get_current_weather for gpt-4, streamed or not', async () => {
    const { client } = await load('tool-calling.yaml')
    const { completion } = await ask(client, 'What is the weather in SF?', 'gpt-4')
    const choice = completion.choices[0]
    expect(choice?.finish_reason).toBe('tool_calls')
    expect(choice?.message.content).toBeNull()
    const call = {
      id: 'call_weather_123',
      type: 'function',
      function: {
        name: 'get_current_weather',
        arguments: '{"location": "San Francisco, CA", "unit": "fahrenheit"}',
      },
    }
    expect(choice?.message.tool_calls).toEqual([call])
    expect(completion.usage?.total_tokens).toBe(55)

    const streamed = await client.chat.completions
      .stream({
        model: 'gpt-4',
        messages: [{ role: 'user', content: 'What is the weather in SF?' }],
      })
      .finalChatCompletion()
    expect(streamed.choices[0]?.message.tool_calls).toEqual([call])
    expect(streamed.choices[0]?.finish_reason).toBe('tool_calls')
  })

  it('answers 404 for gpt-3.5-turbo (model glob) and calls the calculator', async () => {
    const { client } = await load('tool-calling.yaml')
    const miss = await fail(client, 'weather?', 'gpt-3.5-turbo')
    expect(miss.status).toBe(404)
    expect(miss.message).toContain('gpt-4*')
    const { completion } = await ask(client, 'Calculate 2+2')
    const call = completion.choices[0]?.message.tool_calls?.[0]
    expect(call?.type === 'function' && call.function.name).toBe('calculator')
  })
})

describe('eval-deterministic.yaml', () => {
  it('answers a times: 3 rule three times, then 404', async () => {
    const { client, mock } = await load('eval-deterministic.yaml')
    for (let i = 0; i < 3; i++) {
      const { completion } = await ask(client, 'limited')
      expect(completion.choices[0]?.message.content).toBe('This response is limited to 3 uses')
    }
    expect((await fail(client, 'limited')).status).toBe(404)
    mock.reset()
    expect((await ask(client, 'limited')).rule).toBe(6)
  })
})

describe('haiku.yaml', () => {
  it('answers the haiku with usage 12/17', async () => {
    const { client } = await load('haiku.yaml')
    const { completion } = await ask(client, 'write a haiku')
    expect(completion.choices[0]?.message.content).toBe(
      'Silent bay at dusk\nEight arms fold into the deep\nTides keep time for stars.\n',
    )
    expect(completion.usage).toMatchObject({
      prompt_tokens: 12,
      completion_tokens: 17,
      total_tokens: 29,
    })
  })
})
