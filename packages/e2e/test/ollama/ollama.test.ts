import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createContext, runCLI } from '@mocktopus/cli'
import { fixedClock } from '@mocktopus/responders'
import { createMocktopus, type Exchange, type Mocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import { type Message, Ollama } from 'ollama'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const SCENARIO = `
version: 1
rules:
  - type: llm.ollama
    when: { messages_contains: "weather", has_tool_result: false }
    respond:
      tool_calls:
        - type: function
          function: { name: get_weather, arguments: { city: Paris } }
  - type: llm.ollama
    when: { last_role: tool, tool_result_contains: "18C" }
    respond: { content: "It is 18C in Paris." }
  - type: llm.ollama
    when: { messages_contains: "plan" }
    respond:
      tool_calls:
        - type: function
          function: { name: make_plan }
  - type: llm.ollama
    when: { messages_contains: "busy" }
    error: { error_type: rate_limit, message: "server busy, please try again" }
  - type: llm.ollama
    when: { messages_contains: "recipe" }
    respond: {}
  - type: llm.ollama
    when: { messages_contains: "cut" }
    respond: { content: "one two three four five" }
    chaos: { disconnect_after_chunks: 2 }
  - type: llm
    when: { system_contains: "pirate", model: "llama3.2" }
    respond: { content: "Arr, hello there matey!", usage: { input_tokens: 9, output_tokens: 5 } }
  - type: llm.ollama
    when: { model: "llama3.2" }
    respond: { content: "Why, the sky is blue because of Rayleigh scattering." }
  - type: embeddings
    when: { input: ["pinned"] }
    respond: { embeddings: [{ embedding: [0.5, 0.25] }] }
  - type: embeddings
    when: { model: "all-minilm" }
    respond: {}
`

let mock: Mocktopus
let server: RunningServer
let ollama: Ollama
const exchanges: Exchange[] = []

beforeAll(async () => {
  mock = await createMocktopus({ scenario: SCENARIO, clock: fixedClock(1_700_000_000) })
  mock.on('exchange', (exchange) => exchanges.push(exchange))
  server = await serve(mock, { port: 0 })
  ollama = new Ollama({ host: server.url })
})

afterAll(async () => {
  await server.close()
})

const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    },
  },
}

const PLAN_TOOL = {
  type: 'function',
  function: {
    name: 'make_plan',
    parameters: {
      type: 'object',
      properties: { steps: { type: 'integer', minimum: 1, maximum: 5 }, title: { type: 'string' } },
      required: ['steps', 'title'],
    },
  },
}

describe('the ollama client against Mocktopus', () => {
  it('chats without streaming: one object with the timings in nanoseconds', async () => {
    const response = await ollama.chat({
      model: 'llama3.2',
      messages: [
        { role: 'system', content: 'You are a pirate.' },
        { role: 'user', content: 'Say hello' },
      ],
      stream: false,
    })
    expect(response).toEqual({
      model: 'llama3.2',
      created_at: '2023-11-14T22:13:20.000Z',
      message: { role: 'assistant', content: 'Arr, hello there matey!' },
      done_reason: 'stop',
      done: true,
      total_duration: 1_000_000 + 9_000_000 + 100_000_000,
      load_duration: 1_000_000,
      prompt_eval_count: 9,
      prompt_eval_duration: 9_000_000,
      eval_count: 5,
      eval_duration: 100_000_000,
    })
  })

  it('streams chat as NDJSON lines ending in a done line with an empty message', async () => {
    const raw = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({ model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }] }),
    })
    expect(raw.headers.get('content-type')).toBe('application/x-ndjson')
    const lines = (await raw.text()).split('\n')
    expect(lines.at(-1)).toBe('')
    const objects = lines.slice(0, -1).map((line) => JSON.parse(line))
    expect(objects[0]).toEqual({
      model: 'llama3.2',
      created_at: '2023-11-14T22:13:20.000Z',
      message: { role: 'assistant', content: 'Why,' },
      done: false,
    })
    const last = objects.at(-1)
    expect(last.message).toEqual({ role: 'assistant', content: '' })
    expect(last).toMatchObject({ done: true, done_reason: 'stop' })

    const parts: string[] = []
    let final: unknown
    for await (const part of await ollama.chat({
      model: 'llama3.2',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    })) {
      parts.push(part.message.content)
      if (part.done) final = part
    }
    expect(parts.join('')).toBe('Why, the sky is blue because of Rayleigh scattering.')
    expect(final).toMatchObject({ done: true, eval_count: expect.any(Number) })
  })

  it('generates, plain and streamed, with the prompt as the user message', async () => {
    const whole = await ollama.generate({ model: 'llama3.2', prompt: 'Why is the sky blue?' })
    expect(whole).toMatchObject({
      model: 'llama3.2',
      response: 'Why, the sky is blue because of Rayleigh scattering.',
      done: true,
      done_reason: 'stop',
    })
    let text = ''
    for await (const part of await ollama.generate({
      model: 'llama3.2',
      prompt: 'Why is the sky blue?',
      stream: true,
    })) {
      text += part.response
    }
    expect(text).toBe('Why, the sky is blue because of Rayleigh scattering.')
  })

  it('embeds with /api/embed and /api/embeddings, seeded and pinned', async () => {
    const seeded = await ollama.embed({ model: 'all-minilm', input: ['a', 'b'] })
    expect(seeded.model).toBe('all-minilm')
    expect(seeded.embeddings).toHaveLength(2)
    expect(seeded.embeddings[0]).toHaveLength(384)
    expect(seeded.embeddings[0]).not.toEqual(seeded.embeddings[1])
    expect(seeded.prompt_eval_count).toBeGreaterThan(0)
    const again = await ollama.embed({ model: 'all-minilm', input: 'a' })
    expect(again.embeddings[0]).toEqual(seeded.embeddings[0])
    const pinned = await ollama.embeddings({ model: 'nomic-embed-text', prompt: 'pinned' })
    expect(pinned).toEqual({ embedding: [0.5, 0.25] })
  })

  it('answers a tool call with arguments as an object, then the tool loop on last_role: tool', async () => {
    const messages: Message[] = [{ role: 'user', content: 'What is the weather in Paris?' }]
    const first = await ollama.chat({ model: 'qwen3', messages, tools: [WEATHER_TOOL] })
    expect(first.message.tool_calls).toEqual([
      { function: { name: 'get_weather', arguments: { city: 'Paris' } } },
    ])
    messages.push(first.message)
    messages.push({ role: 'tool', content: '18C and sunny', tool_name: 'get_weather' })
    const second = await ollama.chat({ model: 'qwen3', messages, tools: [WEATHER_TOOL] })
    expect(second.message).toEqual({ role: 'assistant', content: 'It is 18C in Paris.' })
    const matched = exchanges.filter((e) => e.path === '/api/chat').at(-1)
    expect(matched?.ruleIndex).toBe(1)
  })

  it('streams a tool call whole in its own line before the done line', async () => {
    const lines = []
    for await (const part of await ollama.chat({
      model: 'qwen3',
      messages: [{ role: 'user', content: 'weather please' }],
      tools: [WEATHER_TOOL],
      stream: true,
    })) {
      lines.push(part)
    }
    expect(lines).toHaveLength(2)
    expect(lines[0]?.message.tool_calls).toEqual([
      { function: { name: 'get_weather', arguments: { city: 'Paris' } } },
    ])
    expect(lines[1]?.done).toBe(true)
  })

  it("generates a tool call's arguments from its schema when the rule gives none", async () => {
    const response = await ollama.chat({
      model: 'qwen3',
      messages: [{ role: 'user', content: 'make a plan' }],
      tools: [PLAN_TOOL],
      stream: false,
    })
    const args = response.message.tool_calls?.[0]?.function.arguments
    expect(typeof args?.title).toBe('string')
    expect(Number.isInteger(args?.steps)).toBe(true)
    const again = await ollama.chat({
      model: 'qwen3',
      messages: [{ role: 'user', content: 'make a plan' }],
      tools: [PLAN_TOOL],
      stream: false,
    })
    expect(again.message.tool_calls?.[0]?.function.arguments).toEqual(args)
  })

  it('answers format: a JSON schema with a schema-valid value, format: json with JSON', async () => {
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, minutes: { type: 'integer', minimum: 1 } },
      required: ['name', 'minutes'],
    }
    const structured = await ollama.chat({
      model: 'qwen3',
      messages: [{ role: 'user', content: 'a recipe' }],
      format: schema,
    })
    const value = JSON.parse(structured.message.content)
    expect(typeof value.name).toBe('string')
    expect(value.minutes).toBeGreaterThanOrEqual(1)
    const json = await ollama.generate({ model: 'qwen3', prompt: 'a recipe', format: 'json' })
    expect(JSON.parse(json.response ?? '')).toBeTypeOf('object')
  })

  it("raises a rule's error as the client's ResponseError with its status", async () => {
    const error = await ollama
      .chat({ model: 'llama3.2', messages: [{ role: 'user', content: 'busy?' }] })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      name: 'ResponseError',
      status_code: 429,
      error: 'server busy, please try again',
    })
  })

  it("ends a stream under chaos with Ollama's error line: the client throws its message", async () => {
    const seen: string[] = []
    const error = await (async () => {
      for await (const part of await ollama.chat({
        model: 'llama3.2',
        messages: [{ role: 'user', content: 'cut it' }],
        stream: true,
      })) {
        seen.push(part.message.content)
      }
    })().catch((e: unknown) => e)
    expect(seen).toEqual(['one', ' two'])
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe(
      'an error was encountered while running the model: unexpected EOF',
    )

    const raw = await fetch(`${server.url}/api/generate`, {
      method: 'POST',
      body: JSON.stringify({ model: 'llama3.2', prompt: 'cut it' }),
    })
    expect(raw.status).toBe(200)
    expect(raw.headers.get('content-type')).toBe('application/x-ndjson')
    expect(raw.headers.get('x-mocktopus-fault')).toBe('disconnect')
    const lines = (await raw.text()).split('\n')
    expect(lines.slice(0, 2).map((line) => JSON.parse(line).response)).toEqual(['one', ' two'])
    expect(lines.slice(2)).toEqual([
      '{"error":"an error was encountered while running the model: unexpected EOF"}',
      '',
    ])
    const entry = exchanges.at(-1)
    expect(entry).toMatchObject({ endpoint: '/api/generate', fault: 'disconnect', status: 200 })
    expect(entry?.aborted).toBeUndefined()
  })

  it("lists the scenario's models, shows one, 404s an unknown one and gives a version", async () => {
    const { models } = await ollama.list()
    expect(models.map((m) => m.name)).toEqual(['llama3.2:latest', 'all-minilm:latest'])
    const shown = await ollama.show({ model: 'llama3.2' })
    expect(shown.details.format).toBe('gguf')
    expect(shown.capabilities).toContain('completion')
    const missing = await ollama.show({ model: 'llama9' }).catch((e: unknown) => e)
    expect(missing).toMatchObject({
      name: 'ResponseError',
      status_code: 404,
      error: 'model "llama9" not found, try pulling it first',
    })
    expect(await ollama.version()).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+$/) })
  })

  it('refuses a body without a model with a 400 in Ollama words', async () => {
    const response = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({ messages: [] }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'model is required' })
  })

  it('answers under a session prefix with its own counters', async () => {
    const session = new Ollama({ host: `${server.url}/sessions/ollama-1` })
    const answer = await session.chat({
      model: 'llama3.2',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: false,
    })
    expect(answer.message.content).toBe('Why, the sky is blue because of Rayleigh scattering.')
    expect(exchanges.at(-1)).toMatchObject({
      session: 'ollama-1',
      path: '/sessions/ollama-1/api/chat',
    })
  })

  it('explain previews /api/chat: the model, the rule that answers and its reply', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mocktopus-ollama-explain-'))
    try {
      await writeFile(join(dir, 'scenario.yaml'), SCENARIO)
      const out: string[] = []
      const context = createContext({
        out: (line) => out.push(line),
        err: (line) => out.push(line),
        color: false,
        env: {},
        cwd: dir,
      })
      const args = ['-s', 'scenario.yaml', '--endpoint', '/api/chat', '--prompt', 'Hi']
      const status = await runCLI(['mocktopus', 'explain', ...args], context)
      expect(status).toBe(0)
      const text = out.join('\n')
      expect(text).toContain('llama3.2')
      expect(text).toContain('Rayleigh scattering')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
