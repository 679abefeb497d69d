import { ChatOpenAI } from '@langchain/openai'
import { describe, expect, it } from 'vitest'
import { useMocktopus } from './harness.js'
import { OPENAI_SCENARIO } from './scenario.js'

const h = useMocktopus(OPENAI_SCENARIO)
const chat = () =>
  new ChatOpenAI({
    model: 'gpt-4o',
    apiKey: 'sk-test',
    configuration: { baseURL: h.baseURL },
    maxRetries: 0,
  })

describe('LangChain ChatOpenAI', () => {
  it('invoke', async () => {
    const message = await chat().invoke('hello')
    expect(message.content).toBe('Hello! How can I assist you today?')
    expect(message.usage_metadata).toMatchObject({
      input_tokens: 5,
      output_tokens: 8,
      total_tokens: 13,
    })
  })

  it('stream', async () => {
    const pieces: string[] = []
    for await (const chunk of await chat().stream('hello')) pieces.push(String(chunk.content))
    expect(pieces.join('')).toBe('Hello! How can I assist you today?')
  })

  it('bindTools', async () => {
    const model = chat().bindTools([
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Current weather',
          parameters: { type: 'object', properties: { location: { type: 'string' } } },
        },
      },
    ])
    const message = await model.invoke('What is the weather in SF?')
    expect(message.tool_calls).toMatchObject([
      {
        id: 'call_weather_1',
        name: 'get_weather',
        args: { location: 'San Francisco, CA', unit: 'fahrenheit' },
      },
    ])
    const streamed = await model.stream('What is the weather in SF?')
    let gathered: Awaited<ReturnType<typeof model.invoke>> | undefined
    for await (const chunk of streamed) gathered = gathered ? gathered.concat(chunk) : chunk
    expect(gathered?.tool_calls).toMatchObject([
      { name: 'get_weather', args: { location: 'San Francisco, CA' } },
    ])
  })
})
