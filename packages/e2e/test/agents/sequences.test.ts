/**
 * Sequences and templates in `respond`, through the real `openai` SDK over HTTP: one rule
 * scripts an agent run item by item, placeholders echo the request, and a placeholder with an
 * unknown name stops `mocktopus validate` at its file, line and column.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import { createContext, runCLI } from '@mocktopus/cli'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useMocktopus } from '../openai/harness.js'

const SCENARIO = `
version: 1
rules:
  - type: llm
    when: { messages_contains: weather }
    respond:
      - tool_calls:
          - id: call_weather
            function:
              name: get_weather
              arguments: '{"city": "{{ request.metadata.city }}", "asked": "{{ last_user_message }}"}'
      - content: "From {{ model }}: {{ tool_result }}"
  - type: llm
    when: { messages_contains: traffic light }
    cycle: true
    respond:
      - content: green
      - content: amber
      - content: red
  - type: llm
    when: { messages_contains: echo }
    respond:
      content: "{{ model }} heard: {{ last_user_message }} ({{ request.messages.0.role }}, {{ request.missing.path }}end)"
`

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  },
}

describe('a respond list over HTTP', () => {
  const h = useMocktopus(SCENARIO)
  const client = () => new OpenAI({ baseURL: h.baseURL, apiKey: 'sk-test', maxRetries: 0 })

  it('gives a tool call first, then the final text from the tool result', async () => {
    const question = 'What is the "weather"?\nBe brief.'
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: question }]
    const first = await client().chat.completions.create({
      model: 'gpt-4o',
      messages,
      tools: [weatherTool],
      metadata: { city: 'Paris' },
    })
    const choice = first.choices[0]
    expect(choice?.finish_reason).toBe('tool_calls')
    const call = choice?.message.tool_calls?.[0]
    if (call?.type !== 'function') throw new Error('expected a function call')
    expect(call.id).toBe('call_weather')
    // The last user message has quotes and a newline: inserted escaped, the arguments parse.
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Paris', asked: question })

    messages.push(choice?.message as OpenAI.ChatCompletionMessageParam, {
      role: 'tool',
      tool_call_id: call.id,
      content: 'sunny, 21°C',
    })
    const second = await client().chat.completions.create({
      model: 'gpt-4o',
      messages,
      tools: [weatherTool],
    })
    expect(second.choices[0]?.finish_reason).toBe('stop')
    expect(second.choices[0]?.message.content).toBe('From gpt-4o: sunny, 21°C')
    expect(h.exchanges.map((exchange) => exchange.ruleIndex)).toEqual([0, 0])
  })

  it('streams the item of this use', async () => {
    const ask = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'weather?' }] }
    await client().chat.completions.create(ask)
    const stream = await client().chat.completions.create({ ...ask, stream: true })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    expect(text).toBe('From gpt-4o-mini: ')
  })

  it('starts over with cycle: true, and the Responses API counts the same uses', async () => {
    const ask = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'traffic light' }] }
    const colours: (string | null | undefined)[] = []
    for (let i = 0; i < 4; i++) {
      colours.push((await client().chat.completions.create(ask)).choices[0]?.message.content)
    }
    const response = await client().responses.create({ model: 'gpt-4o', input: 'traffic light' })
    colours.push(response.output_text)
    expect(colours).toEqual(['green', 'amber', 'red', 'green', 'amber'])
  })

  it('echoes the last user message and the model, a missing path as empty', async () => {
    const completion = await client().chat.completions.create({
      model: 'gpt-4.1-nano',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'echo this please' },
      ],
    })
    expect(completion.choices[0]?.message.content).toBe(
      'gpt-4.1-nano heard: echo this please (system, end)',
    )
  })
})

describe('templates on the other endpoints over HTTP', () => {
  const h = useMocktopus(SCENARIO)

  it('fills them in for legacy completions', async () => {
    const client = new OpenAI({ baseURL: h.baseURL, apiKey: 'sk-test', maxRetries: 0 })
    const completion = await client.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'echo me',
    })
    // request.<path> reads the body as sent: a completions body has a prompt, no messages.
    expect(completion.choices[0]?.text).toBe('gpt-3.5-turbo-instruct heard: echo me (, end)')
  })

  it('runs the list for Anthropic messages, tool_use input from escaped arguments', async () => {
    const client = new Anthropic({
      baseURL: h.baseURL.replace(/\/v1$/, ''),
      apiKey: 'sk-ant-test',
      maxRetries: 0,
    })
    const ask = { role: 'user' as const, content: 'weather "now"' }
    const first = await client.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      messages: [ask],
      metadata: { user_id: 'u1' },
    })
    expect(first.stop_reason).toBe('tool_use')
    expect(first.content[0]).toMatchObject({
      type: 'tool_use',
      id: 'call_weather',
      input: { city: '', asked: 'weather "now"' },
    })
    const second = await client.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      messages: [
        ask,
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'call_weather', content: 'rain' }],
        },
      ],
    })
    expect(second.content).toEqual([{ type: 'text', text: 'From claude-sonnet-4-5: rain' }])
  })
})

describe('mocktopus validate with a template error', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mocktopus-templates-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('names the file, line and column of an unknown placeholder and exits 1', async () => {
    const file = join(dir, 'broken.yaml')
    await writeFile(
      file,
      [
        'version: 1',
        'rules:',
        '  - type: llm',
        '    respond:',
        '      - content: first',
        '      - content: "You said {{ last_user_msg }}"',
        '',
      ].join('\n'),
    )
    const out: string[] = []
    const context = createContext({ out: (text) => out.push(text), color: false, cwd: dir })
    const code = await runCLI(['mocktopus', 'validate', 'broken.yaml'], context)
    expect(code).toBe(1)
    expect(out.join('\n')).toContain(
      'broken.yaml:6:18 rules[0].respond[1].content: unknown template name "last_user_msg"; did you mean "last_user_message"?',
    )
  })

  it('accepts the scenario of this file', async () => {
    const file = join(dir, 'ok.yaml')
    await writeFile(file, SCENARIO)
    const out: string[] = []
    const context = createContext({ out: (text) => out.push(text), color: false, cwd: dir })
    expect(await runCLI(['mocktopus', 'validate', 'ok.yaml'], context)).toBe(0)
  })

  it('previews a template with simulate', async () => {
    const file = join(dir, 'echo.yaml')
    await writeFile(file, SCENARIO)
    const out: string[] = []
    const context = createContext({ out: (text) => out.push(text), color: false, cwd: dir })
    const args = ['-s', 'echo.yaml', '--prompt', 'echo hi', '--model', 'gpt-4o']
    expect(await runCLI(['mocktopus', 'simulate', ...args], context)).toBe(0)
    expect(out.join('\n')).toContain('gpt-4o heard: echo hi (user, end)')
  })
})
