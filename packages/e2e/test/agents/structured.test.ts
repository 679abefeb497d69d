/**
 * Structured outputs through the real SDKs: `parse()` with zod formats gets schema-valid values
 * the rule never spelled out, the same twice; forced tools get valid generated arguments; a
 * literal answer off the schema still arrives, flagged by `x-mocktopus-warning`; a refusal
 * reaches the SDK where it looks for one.
 */

import Anthropic from '@anthropic-ai/sdk'
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod'
import OpenAI from 'openai'
import { zodResponseFormat, zodTextFormat } from 'openai/helpers/zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useMocktopus } from '../openai/harness.js'

const SCENARIO = `
version: 1
rules:
  - type: llm
    when: { messages_contains: "refuse" }
    respond: { refusal: "I can't help with that." }
  - type: llm
    when: { messages_contains: "literal" }
    respond:
      json: { name: Ada, age: "thirty-six", tags: [] }
  - type: llm
    when: { messages_contains: "weather" }
    respond:
      tool_calls:
        - function: { name: get_weather }
  - type: llm
    respond: {}
`

const Person = z.object({
  name: z.string(),
  age: z.number().int().min(0).max(130),
  email: z.email(),
  tags: z.array(z.string()).max(3),
  role: z.enum(['admin', 'member']),
  manager: z.object({ name: z.string() }).nullable(),
})

const Plan = z.object({
  title: z.string(),
  steps: z.array(z.object({ action: z.string(), minutes: z.number().int().positive() })),
  due: z.iso.datetime(),
})

const weather: Anthropic.Tool.InputSchema & Record<string, unknown> = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
  },
  required: ['city', 'unit'],
  additionalProperties: false,
}

describe('structured outputs with the openai SDK', () => {
  const h = useMocktopus(SCENARIO)
  const client = () => new OpenAI({ apiKey: 'sk-test', baseURL: h.baseURL, maxRetries: 0 })

  it('chat.completions.parse with zodResponseFormat gets a valid parsed value, the same twice', async () => {
    const ask = () =>
      client().chat.completions.parse({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Extract the person.' }],
        response_format: zodResponseFormat(Person, 'person'),
      })
    const first = await ask()
    const parsed = first.choices[0]?.message.parsed
    expect(Person.parse(parsed)).toEqual(parsed)
    const second = await ask()
    expect(second.choices[0]?.message.content).toBe(first.choices[0]?.message.content)
    expect(h.exchanges.every((exchange) => exchange.warnings === undefined)).toBe(true)
  })

  it('chat streams a generated structured answer the SDK parses', async () => {
    const stream = client().chat.completions.stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Extract the person.' }],
      response_format: zodResponseFormat(Person, 'person'),
    })
    const final = await stream.finalChatCompletion()
    expect(Person.safeParse(final.choices[0]?.message.parsed).success).toBe(true)
  })

  it('responses.parse with zodTextFormat gets a valid output_parsed, the same twice', async () => {
    const ask = () =>
      client().responses.parse({
        model: 'gpt-4.1',
        input: 'Plan my day.',
        text: { format: zodTextFormat(Plan, 'plan') },
      })
    const first = await ask()
    expect(Plan.safeParse(first.output_parsed).success).toBe(true)
    const second = await ask()
    expect(second.output_text).toBe(first.output_text)
  })

  it('a forced tool call gets generated arguments valid against its parameters', async () => {
    const completion = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Anything.' }],
      tools: [
        { type: 'function', function: { name: 'get_weather', parameters: weather, strict: true } },
      ],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    })
    const call = completion.choices[0]?.message.tool_calls?.[0]
    expect(call?.type === 'function' && call.function.name).toBe('get_weather')
    const args = JSON.parse(call?.type === 'function' ? call.function.arguments : 'null')
    expect(args).toEqual({
      city: expect.any(String),
      unit: expect.stringMatching(/^(celsius|fahrenheit)$/),
    })
  })

  it("tool_choice 'required' calls the first tool offered, with valid arguments", async () => {
    const completion = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Anything.' }],
      tools: [
        { type: 'function', function: { name: 'get_weather', parameters: weather, strict: true } },
        { type: 'function', function: { name: 'get_time', parameters: { type: 'object' } } },
      ],
      tool_choice: 'required',
    })
    const call = completion.choices[0]?.message.tool_calls?.[0]
    expect(call?.type === 'function' && call.function.name).toBe('get_weather')
    const args = JSON.parse(call?.type === 'function' ? call.function.arguments : 'null')
    expect(args).toEqual({ city: expect.any(String), unit: expect.any(String) })
  })

  it('a rule tool call without arguments gets them from the tool schema (Responses)', async () => {
    const response = await client().responses.create({
      model: 'gpt-4.1',
      input: 'What is the weather?',
      tools: [{ type: 'function', name: 'get_weather', parameters: weather, strict: true }],
    })
    const call = response.output.find((item) => item.type === 'function_call')
    expect(call?.type === 'function_call' && JSON.parse(call.arguments)).toEqual({
      city: expect.any(String),
      unit: expect.any(String),
    })
  })

  it('a literal answer off the schema is sent with x-mocktopus-warning and a journal note', async () => {
    const { data, response } = await client()
      .chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Send the literal.' }],
        response_format: zodResponseFormat(Person, 'person'),
      })
      .withResponse()
    expect(data.choices[0]?.message.content).toBe('{"name":"Ada","age":"thirty-six","tags":[]}')
    const warning = response.headers.get('x-mocktopus-warning')
    expect(warning).toMatch(/^respond\.json does not match the requested schema at /)
    expect(h.exchanges.at(-1)?.warnings).toEqual([warning])
  })

  it('a refusal is message.refusal, and parse() leaves parsed null', async () => {
    const completion = await client().chat.completions.parse({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Please refuse.' }],
      response_format: zodResponseFormat(Person, 'person'),
    })
    const message = completion.choices[0]?.message
    expect(message?.refusal).toBe("I can't help with that.")
    expect(message?.content).toBeNull()
    expect(message?.parsed).toBeNull()
  })

  it('a streamed refusal reaches the SDK as refusal deltas', async () => {
    const stream = client().chat.completions.stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Please refuse.' }],
    })
    const final = await stream.finalChatCompletion()
    expect(final.choices[0]?.message.refusal).toBe("I can't help with that.")
  })

  it('a Responses refusal is a refusal content part', async () => {
    const response = await client().responses.create({ model: 'gpt-4.1', input: 'Please refuse.' })
    const message = response.output[0]
    expect(message?.type === 'message' && message.content).toEqual([
      { type: 'refusal', refusal: "I can't help with that." },
    ])
  })
})

describe('structured outputs with the Anthropic SDK', () => {
  const h = useMocktopus(SCENARIO)
  const client = () =>
    new Anthropic({ apiKey: 'sk-ant-test', baseURL: h.baseURL.replace(/\/v1$/, ''), maxRetries: 0 })

  it('messages.parse with output_config.format gets a valid parsed_output', async () => {
    const message = await client().messages.parse({
      model: 'claude-sonnet-4-5',
      max_tokens: 512,
      messages: [{ role: 'user', content: 'Extract the person.' }],
      output_config: { format: zodOutputFormat(Person) },
    })
    expect(Person.safeParse(message.parsed_output).success).toBe(true)
  })

  it('a forced tool gets a tool_use block whose input fits input_schema', async () => {
    const message = await client().messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 512,
      messages: [{ role: 'user', content: 'Anything.' }],
      tools: [{ name: 'get_weather', input_schema: weather }],
      tool_choice: { type: 'tool', name: 'get_weather' },
    })
    expect(message.stop_reason).toBe('tool_use')
    const block = message.content[0]
    expect(block?.type === 'tool_use' && block.input).toEqual({
      city: expect.any(String),
      unit: expect.stringMatching(/^(celsius|fahrenheit)$/),
    })
  })

  it("tool_choice { type: 'any' } gets a tool_use block for the first tool", async () => {
    const message = await client().messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 512,
      messages: [{ role: 'user', content: 'Anything.' }],
      tools: [
        { name: 'get_weather', input_schema: weather },
        { name: 'get_time', input_schema: { type: 'object' } },
      ],
      tool_choice: { type: 'any' },
    })
    expect(message.stop_reason).toBe('tool_use')
    const block = message.content[0]
    expect(block?.type === 'tool_use' && block.name).toBe('get_weather')
  })

  it('a refusal has stop_reason refusal, streamed too', async () => {
    const stream = client().messages.stream({
      model: 'claude-sonnet-4-5',
      max_tokens: 512,
      messages: [{ role: 'user', content: 'Please refuse.' }],
    })
    const message = await stream.finalMessage()
    expect(message.stop_reason).toBe('refusal')
    expect(message.stop_details).toEqual({
      type: 'refusal',
      category: null,
      explanation: "I can't help with that.",
    })
  })
})
