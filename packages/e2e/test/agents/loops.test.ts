/**
 * Whole agent runs with the real clients: the model asks for a tool, the app runs it and sends
 * the result back, the model answers. Each loop must end in text, whichever SDK drives it and
 * whichever way the scenario scripts it (conditions on the conversation, or one rule's sequence).
 */

import { createOpenAI } from '@ai-sdk/openai'
import Anthropic from '@anthropic-ai/sdk'
import { generateText, jsonSchema, stepCountIs, tool } from 'ai'
import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { useMocktopus } from '../openai/harness.js'

// Conditions: the first turn (no tool result yet) calls the tool, the turn after the tool's
// answer writes the final text from it.
const BY_CONDITIONS = `
version: 1
rules:
  - type: llm
    when: { tools_offered: get_weather, has_tool_result: false }
    respond:
      tool_calls:
        - function: { name: get_weather, arguments: { city: Paris } }
  - type: llm
    when: { last_role: tool }
    respond:
      content: "Forecast for {{ model }}: {{ tool_result }}"
`

// A sequence: one rule scripts the run, one answer per use.
const BY_SEQUENCE = `
version: 1
rules:
  - type: llm
    respond:
      - tool_calls:
          - function: { name: get_weather, arguments: { city: Paris } }
      - content: "Done: {{ tool_result }}"
`

const weatherInput = jsonSchema<{ city: string }>({
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
  additionalProperties: false,
})

function weatherTool(calls: string[]) {
  return tool({
    description: 'Current weather for a city',
    inputSchema: weatherInput,
    execute: async ({ city }) => {
      calls.push(city)
      return `sunny in ${city}`
    },
  })
}

describe('an agent loop scripted by conditions', () => {
  const h = useMocktopus(BY_CONDITIONS)
  const provider = () => createOpenAI({ apiKey: 'sk-test', baseURL: h.baseURL })

  it('runs the AI SDK tool loop to its final answer over chat completions', async () => {
    const calls: string[] = []
    const result = await generateText({
      model: provider().chat('gpt-4o'),
      prompt: 'What is the weather in Paris?',
      tools: { get_weather: weatherTool(calls) },
      stopWhen: stepCountIs(5),
      maxRetries: 0,
    })
    expect(calls).toEqual(['Paris'])
    expect(result.steps).toHaveLength(2)
    expect(result.finishReason).toBe('stop')
    expect(result.text).toBe('Forecast for gpt-4o: sunny in Paris')
  })

  it('runs the AI SDK tool loop to its final answer over the Responses API', async () => {
    const calls: string[] = []
    const result = await generateText({
      model: provider().responses('gpt-4o'),
      prompt: 'What is the weather in Paris?',
      tools: { get_weather: weatherTool(calls) },
      stopWhen: stepCountIs(5),
      maxRetries: 0,
    })
    expect(calls).toEqual(['Paris'])
    expect(result.steps).toHaveLength(2)
    expect(result.finishReason).toBe('stop')
    expect(result.text).toBe('Forecast for gpt-4o: sunny in Paris')
  })

  it('ends the Anthropic SDK tool_use -> tool_result round trip in text', async () => {
    const client = new Anthropic({
      apiKey: 'sk-ant-test',
      baseURL: h.baseURL.replace(/\/v1$/, ''),
      maxRetries: 0,
    })
    const tools: Anthropic.Tool[] = [
      {
        name: 'get_weather',
        description: 'Current weather for a city',
        input_schema: {
          type: 'object',
          properties: { city: { type: 'string' } },
          required: ['city'],
        },
      },
    ]
    const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }]
    const first = await client.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 256,
      tools,
      messages,
    })
    expect(first.stop_reason).toBe('tool_use')
    const use = first.content.find((block) => block.type === 'tool_use')
    expect(use).toMatchObject({ name: 'get_weather', input: { city: 'Paris' } })
    if (use?.type !== 'tool_use') throw new Error('no tool_use block')

    messages.push({ role: 'assistant', content: first.content })
    messages.push({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: use.id, content: 'sunny in Paris' }],
    })
    const second = await client.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 256,
      tools,
      messages,
    })
    expect(second.stop_reason).toBe('end_turn')
    expect(second.content).toMatchObject([
      { type: 'text', text: 'Forecast for claude-sonnet-4-5: sunny in Paris' },
    ])
  })
})

describe('an agent loop scripted by one sequence', () => {
  const h = useMocktopus(BY_SEQUENCE)

  it('gives the tool call, then the text, to the openai SDK run by hand', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: h.baseURL, maxRetries: 0 })
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
    ]
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: 'user', content: 'Weather in Paris?' },
    ]
    const first = await client.chat.completions.create({ model: 'gpt-4o', messages, tools })
    const choice = first.choices[0]
    if (!choice) throw new Error('no choice')
    const call = choice.message.tool_calls?.[0]
    expect(choice.finish_reason).toBe('tool_calls')
    if (call?.type !== 'function') throw new Error('no function call')
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Paris' })

    messages.push(choice.message)
    messages.push({ role: 'tool', tool_call_id: call.id, content: 'sunny in Paris' })
    const second = await client.chat.completions.create({ model: 'gpt-4o', messages, tools })
    expect(second.choices[0]?.finish_reason).toBe('stop')
    expect(second.choices[0]?.message.content).toBe('Done: sunny in Paris')
  })
})
