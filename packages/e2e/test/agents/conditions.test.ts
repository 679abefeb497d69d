/**
 * The agent-loop conditions (`last_role`, `has_tool_result`, `turn`, `tool_call_id`,
 * `tool_result_contains`, `tools_offered`, `system_contains`) over real HTTP with the real
 * clients: a tool loop that ends, on chat completions, the Responses API and Messages, and the
 * sentences that say why a rule did not match, from the server's 404 and from `mocktopus explain`.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import { createContext, runCLI } from '@mocktopus/cli'
import OpenAI from 'openai'
import { afterAll, describe, expect, it } from 'vitest'
import { useMocktopus } from '../openai/harness.js'

// The loop of issue #21: without the conditions the first rule matched again after the tool
// result (the last user text is unchanged) and the client called the tool forever.
const LOOP = `
version: 1
rules:
  - type: llm
    when: { has_tool_result: false }
    respond:
      tool_calls:
        - id: call_1
          function: { name: get_weather, arguments: { city: Paris } }
  - type: llm
    when: { last_role: tool }
    respond: { content: It is 22C in Paris. }
`

// Every other condition, so that each one decides a request somewhere.
const SCRIPTED = `
version: 1
rules:
  - type: llm
    when: { turn: 0, tools_offered: get_weather, system_contains: weather bot }
    respond:
      tool_calls:
        - id: call_w
          function: { name: get_weather, arguments: { city: Oslo } }
  - type: llm
    when: { turn: 1, tool_call_id: call_w, tool_result_contains: "°C" }
    respond: { content: Warm enough. }
  - type: llm
    when: { turn: 1, tool_result_contains: error }
    respond: { content: The weather service failed. }
`

const MAX_CALLS = 5
const MODEL = 'gpt-4o'
const CLAUDE = 'claude-sonnet-5'
const PARAMETERS = { type: 'object', properties: { city: { type: 'string' } } }
const CHAT_TOOLS: OpenAI.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: PARAMETERS } },
]
const RESPONSES_TOOLS: OpenAI.Responses.Tool[] = [
  { type: 'function', name: 'get_weather', parameters: PARAMETERS, strict: false },
]
const ANTHROPIC_TOOLS: Anthropic.Tool[] = [
  {
    name: 'get_weather',
    input_schema: { type: 'object', properties: { city: { type: 'string' } } },
  },
]

function openai(baseURL: string): OpenAI {
  return new OpenAI({ apiKey: 'sk-test', baseURL, maxRetries: 0 })
}

function anthropic(baseURL: string): Anthropic {
  return new Anthropic({
    apiKey: 'sk-ant-test',
    baseURL: baseURL.replace(/\/v1$/, ''),
    maxRetries: 0,
  })
}

/** Runs a chat tool loop as an app would: call, run each tool, send the results, until text. */
async function chatLoop(
  client: OpenAI,
  messages: OpenAI.ChatCompletionMessageParam[],
  tool: (args: string) => string,
): Promise<{ text: string | null; calls: number }> {
  for (let calls = 1; calls <= MAX_CALLS; calls++) {
    const completion = await client.chat.completions.create({
      model: MODEL,
      messages,
      tools: CHAT_TOOLS,
    })
    const message = completion.choices[0]?.message
    if (!message) throw new Error('no choice')
    if (!message.tool_calls?.length) return { text: message.content, calls }
    messages.push(message)
    for (const call of message.tool_calls) {
      if (call.type !== 'function') throw new Error(call.type)
      messages.push({ role: 'tool', tool_call_id: call.id, content: tool(call.function.arguments) })
    }
  }
  throw new Error(`the loop did not end in ${MAX_CALLS} calls`)
}

async function anthropicLoop(
  client: Anthropic,
  params: Omit<Anthropic.MessageCreateParamsNonStreaming, 'model' | 'max_tokens' | 'tools'>,
  tool: (input: unknown) => string,
): Promise<{ text: string; calls: number }> {
  const messages = [...params.messages]
  for (let calls = 1; calls <= MAX_CALLS; calls++) {
    const message = await client.messages.create({
      ...params,
      model: CLAUDE,
      max_tokens: 256,
      tools: ANTHROPIC_TOOLS,
      messages,
    })
    const uses = message.content.filter((block) => block.type === 'tool_use')
    if (uses.length === 0) {
      const text = message.content.map((block) => (block.type === 'text' ? block.text : ''))
      return { text: text.join(''), calls }
    }
    messages.push({ role: 'assistant', content: message.content })
    messages.push({
      role: 'user',
      content: uses.map((use) => ({
        type: 'tool_result' as const,
        tool_use_id: use.id,
        content: tool(use.input),
      })),
    })
  }
  throw new Error(`the loop did not end in ${MAX_CALLS} calls`)
}

describe('a tool loop that ends: has_tool_result: false asks, last_role: tool answers', () => {
  const h = useMocktopus(LOOP)
  const rulesUsed = () => h.exchanges.map((exchange) => exchange.ruleIndex)

  it('ends over chat completions with the openai SDK', async () => {
    const cities: string[] = []
    const result = await chatLoop(
      openai(h.baseURL),
      [{ role: 'user', content: 'What is the weather in Paris?' }],
      (args) => {
        cities.push(JSON.parse(args).city)
        return '22C'
      },
    )
    expect(result).toEqual({ text: 'It is 22C in Paris.', calls: 2 })
    expect(cities).toEqual(['Paris'])
    expect(rulesUsed()).toEqual([0, 1])
  })

  it('ends over the Responses API, sending the whole input back', async () => {
    const client = openai(h.baseURL)
    const input: OpenAI.Responses.ResponseInput = [
      { role: 'user', content: 'What is the weather in Paris?' },
    ]
    const first = await client.responses.create({ model: MODEL, input, tools: RESPONSES_TOOLS })
    const call = first.output.find((item) => item.type === 'function_call')
    expect(call).toMatchObject({ name: 'get_weather', call_id: 'call_1' })
    if (call?.type !== 'function_call') throw new Error('no function_call')
    expect(first.output.map((item) => item.type)).toEqual(['function_call'])
    input.push(call, {
      type: 'function_call_output',
      call_id: call.call_id,
      output: '22C',
    })
    const second = await client.responses.create({ model: MODEL, input, tools: RESPONSES_TOOLS })
    expect(second.output_text).toBe('It is 22C in Paris.')
    expect(second.output.some((item) => item.type === 'function_call')).toBe(false)
    expect(rulesUsed()).toEqual([0, 1])
  })

  it('ends over the Responses API with previous_response_id', async () => {
    const client = openai(h.baseURL)
    const first = await client.responses.create({
      model: MODEL,
      input: 'What is the weather in Paris?',
      tools: RESPONSES_TOOLS,
    })
    const call = first.output.find((item) => item.type === 'function_call')
    if (call?.type !== 'function_call') throw new Error('no function_call')
    const second = await client.responses.create({
      model: MODEL,
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: '22C' }],
      tools: RESPONSES_TOOLS,
    })
    expect(second.output_text).toBe('It is 22C in Paris.')
    expect(rulesUsed()).toEqual([0, 1])
  })

  it('ends over Messages with @anthropic-ai/sdk, tool_result blocks counting as the tool', async () => {
    const result = await anthropicLoop(
      anthropic(h.baseURL),
      { messages: [{ role: 'user', content: 'What is the weather in Paris?' }] },
      () => '22C',
    )
    expect(result).toEqual({ text: 'It is 22C in Paris.', calls: 2 })
    expect(rulesUsed()).toEqual([0, 1])
  })
})

describe('turn, tool_call_id, tool_result_contains, tools_offered and system_contains', () => {
  const h = useMocktopus(SCRIPTED)

  it('script a chat run from the system prompt and the tool result', async () => {
    const result = await chatLoop(
      openai(h.baseURL),
      [
        { role: 'system', content: 'You are a weather bot.' },
        { role: 'user', content: 'Oslo?' },
      ],
      () => '21°C',
    )
    expect(result).toEqual({ text: 'Warm enough.', calls: 2 })
    expect(h.exchanges.map((exchange) => exchange.ruleIndex)).toEqual([0, 1])
  })

  it('script a Messages run whose tool fails, from the system string', async () => {
    const result = await anthropicLoop(
      anthropic(h.baseURL),
      {
        system: 'You are a weather bot.',
        messages: [{ role: 'user', content: 'Oslo?' }],
      },
      () => 'error: the service timed out',
    )
    expect(result).toEqual({ text: 'The weather service failed.', calls: 2 })
    expect(h.exchanges.map((exchange) => exchange.ruleIndex)).toEqual([0, 2])
  })

  it('script a Responses run from its instructions', async () => {
    const client = openai(h.baseURL)
    const first = await client.responses.create({
      model: MODEL,
      instructions: 'You are a weather bot.',
      input: 'Oslo?',
      tools: RESPONSES_TOOLS,
    })
    const call = first.output.find((item) => item.type === 'function_call')
    if (call?.type !== 'function_call') throw new Error('no function_call')
    const second = await client.responses.create({
      model: MODEL,
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: '19°C' }],
      tools: RESPONSES_TOOLS,
    })
    expect(second.output_text).toBe('Warm enough.')
  })

  it('say in the 404 which condition failed and what the request held', async () => {
    const client = openai(h.baseURL)
    const noTools = client.chat.completions.create({
      model: MODEL,
      messages: [
        { role: 'system', content: 'You are a weather bot.' },
        { role: 'user', content: 'Oslo?' },
      ],
    })
    await expect(noTools).rejects.toMatchObject({
      status: 404,
      code: 'no_matching_rule',
      message: expect.stringContaining(
        'rules[0] came closest: request offers no tools, not "get_weather" (tools_offered)',
      ),
    })
    const wrongCall = anthropic(h.baseURL).messages.create({
      model: CLAUDE,
      max_tokens: 64,
      tools: ANTHROPIC_TOOLS,
      messages: [
        { role: 'user', content: 'Oslo?' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_9', name: 'get_weather', input: {} }],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'toolu_9', content: '3°C' }],
        },
      ],
    })
    const error = await wrongCall.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Anthropic.NotFoundError)
    expect((error as InstanceType<typeof Anthropic.NotFoundError>).error).toMatchObject({
      type: 'error',
      error: {
        type: 'not_found_error',
        message: expect.stringContaining(
          'rules[1] came closest: latest tool result answers call "toolu_9", not "call_w"',
        ),
      },
    })
  })
})

describe('mocktopus explain', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mocktopus-conditions-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('shows each condition passing or failing with the value seen', async () => {
    const scenario = join(dir, 'scenario.yaml')
    const messages = join(dir, 'messages.json')
    writeFileSync(scenario, SCRIPTED)
    writeFileSync(
      messages,
      JSON.stringify([
        { role: 'system', content: 'You are a weather bot.' },
        { role: 'user', content: 'Oslo?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_w', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_w', content: '-4°C' },
      ]),
    )
    const out: string[] = []
    const context = createContext({
      out: (text) => out.push(text),
      err: (text) => out.push(text),
      color: false,
      env: {},
      cwd: dir,
      signal: new AbortController().signal,
    })
    const code = await runCLI(
      ['mocktopus', 'explain', '-s', scenario, '--messages', messages],
      context,
    )
    const printed = out.join('')
    expect(code, printed).toBe(0)
    expect(printed).toContain('turn is 1 (1 assistant turn came before), not 0')
    expect(printed).toContain('latest tool result answers call "call_w"')
    expect(printed).toContain('latest tool result contains "°C"')
    expect(printed).toContain('latest tool result "-4°C" does not contain "error"')
    expect(printed).toContain('Warm enough.')
  })
})
