import { ChatOpenAI } from '@langchain/openai'
import { describe, expect, it } from 'vitest'
import { useMocktopus } from '../openai/harness.js'
import { RESPONSES_SCENARIO, WEATHER_TOOL } from './scenario.js'

const h = useMocktopus(RESPONSES_SCENARIO)
const chat = () =>
  new ChatOpenAI({
    model: 'gpt-4.1',
    apiKey: 'sk-test',
    useResponsesApi: true,
    maxRetries: 0,
    configuration: { baseURL: h.baseURL },
  })

describe('LangChain ChatOpenAI with useResponsesApi', () => {
  it('invokes through /v1/responses', async () => {
    const message = await chat().invoke('Hi there')
    expect(message.text).toBe('Hello from the Responses API!')
    expect(message.usage_metadata).toMatchObject({
      input_tokens: 9,
      output_tokens: 6,
      total_tokens: 15,
    })
    expect(h.exchanges).toMatchObject([{ endpoint: '/v1/responses' }])
  })

  it('streams the text in pieces', async () => {
    let text = ''
    let pieces = 0
    for await (const chunk of await chat().stream('Hi there')) {
      text += chunk.text
      if (chunk.text) pieces++
    }
    expect(text).toBe('Hello from the Responses API!')
    expect(pieces).toBeGreaterThan(1)
  })

  it('returns tool calls', async () => {
    const message = await chat().bindTools([WEATHER_TOOL]).invoke('What is the weather?')
    expect(message.tool_calls).toMatchObject([
      { name: 'get_weather', id: 'call_weather_1', args: { location: 'Paris' } },
    ])
  })
})
