import { readFileSync } from 'node:fs'
import { fixedClock } from '@mocktopus/responders'
import { createMocktopus, type Mocktopus } from '@mocktopus/server'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, it } from 'vitest'

// Every Ollama body and stream line Mocktopus can produce, validated against a JSON Schema
// written from Ollama's published API reference (contracts/ollama.schema.json names its source).
const schema = JSON.parse(
  readFileSync(new URL('../../contracts/ollama.schema.json', import.meta.url), 'utf8'),
)
const ajv = new Ajv2020({ strict: false, allErrors: true })
ajv.addSchema(schema)
const check = (def: string, value: unknown) => {
  const validate = ajv.getSchema(`${schema.$id}#/$defs/${def}`)
  if (!validate) throw new Error(`no $defs/${def}`)
  const ok = validate(value)
  expect(ok, `${def}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`).toBe(true)
}

const SCENARIO = `
version: 1
rules:
  - type: llm.ollama
    when: { messages_contains: "tools" }
    respond:
      content: "Let me check."
      tool_calls:
        - function: { name: get_weather, arguments: { city: Paris } }
        - function: { name: make_plan }
  - type: llm.ollama
    when: { messages_contains: "length" }
    respond: { content: "Cut", finish_reason: length }
  - type: llm.ollama
    when: { messages_contains: "structured" }
    respond: {}
  - type: llm.ollama
    when: { messages_contains: "empty" }
    respond: { content: "" }
  - type: llm.ollama
    when: { messages_contains: "rate" }
    error: { error_type: rate_limit }
  - type: llm.ollama
    respond: { content: "Hello there, how are you today?", chunk_size: 7 }
  - type: embeddings
    respond: {}
`

const TOOLS = [
  {
    type: 'function',
    function: {
      name: 'make_plan',
      parameters: {
        type: 'object',
        properties: { steps: { type: 'integer' } },
        required: ['steps'],
      },
    },
  },
]
const FORMAT = {
  type: 'object',
  properties: { age: { type: 'integer' }, available: { type: 'boolean' } },
  required: ['age', 'available'],
}

let mock: Mocktopus

beforeAll(async () => {
  mock = await createMocktopus({ scenario: SCENARIO, clock: fixedClock(1_700_000_000) })
})

const post = (path: string, body: unknown) =>
  mock.fetch(`http://mocktopus.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const PROMPTS = ['hi', 'tools please', 'length', 'structured', 'empty']

describe('Ollama bodies and stream lines against the API reference', () => {
  it.each(PROMPTS)('chat %j: the stream: false body and every NDJSON line', async (prompt) => {
    const body = {
      model: 'llama3.2',
      messages: [{ role: 'user', content: prompt }],
      tools: TOOLS,
      ...(prompt === 'structured' ? { format: FORMAT } : {}),
    }
    const whole = await post('/api/chat', { ...body, stream: false })
    expect(whole.status).toBe(200)
    check('chatResponse', await whole.json())
    const streamed = await post('/api/chat', body)
    expect(streamed.headers.get('content-type')).toBe('application/x-ndjson')
    const text = await streamed.text()
    expect(text.endsWith('\n')).toBe(true)
    const lines = text
      .slice(0, -1)
      .split('\n')
      .map((line) => JSON.parse(line))
    for (const line of lines) check('chatLine', line)
    expect(lines.filter((line) => line.done)).toHaveLength(1)
    expect(lines.at(-1).done).toBe(true)
  })

  it.each(PROMPTS)('generate %j: the body and every line', async (prompt) => {
    const body = {
      model: 'llama3.2',
      prompt,
      system: 'Be brief.',
      ...(prompt === 'structured' ? { format: 'json' } : {}),
    }
    check(
      'generateResponse',
      await (await post('/api/generate', { ...body, stream: false })).json(),
    )
    const text = await (await post('/api/generate', body)).text()
    for (const line of text.slice(0, -1).split('\n')) check('generateLine', JSON.parse(line))
  })

  it('embed, embeddings, tags, show and version', async () => {
    check(
      'embedResponse',
      await (await post('/api/embed', { model: 'all-minilm', input: ['a', 'b'] })).json(),
    )
    check(
      'embeddingsResponse',
      await (await post('/api/embeddings', { model: 'all-minilm', prompt: 'a' })).json(),
    )
    check('tagsResponse', await (await mock.fetch('http://mocktopus.test/api/tags')).json())
    check('showResponse', await (await post('/api/show', { model: 'llama3.2' })).json())
    check('versionResponse', await (await mock.fetch('http://mocktopus.test/api/version')).json())
  })

  it('errors: a rule error, an unknown model, a missing model, no matching rule', async () => {
    const rate = await post('/api/chat', {
      model: 'llama3.2',
      messages: [{ role: 'user', content: 'rate' }],
    })
    expect(rate.status).toBe(429)
    check('error', await rate.json())
    const missing = await post('/api/show', { model: 'llama9' })
    expect(missing.status).toBe(404)
    check('error', await missing.json())
    const noModel = await post('/api/chat', { messages: [] })
    expect(noModel.status).toBe(400)
    check('error', await noModel.json())
    const unmatched = await post('/api/embeddings', { model: 'x', prompt: 1 })
    expect(unmatched.status).toBe(400)
    check('error', await unmatched.json())
  })
})

describe('the Ollama contract schema', () => {
  it('refuses what Ollama never sends: string arguments, timings before done, extra fields', () => {
    const validate = ajv.getSchema(`${schema.$id}#/$defs/chatLine`)
    const line = { model: 'm', created_at: '2023-11-14T22:13:20.000Z', done: false }
    const call = (args: unknown) => ({ function: { name: 'f', arguments: args } })
    const message = { role: 'assistant', content: '' }
    expect(validate?.({ ...line, message: { ...message, tool_calls: [call('{}')] } })).toBe(false)
    expect(validate?.({ ...line, message, eval_count: 1 })).toBe(false)
    expect(validate?.({ ...line, message, id: 'x' })).toBe(false)
    expect(validate?.({ ...line, message: { ...message, tool_calls: [call({})] } })).toBe(true)
  })
})
