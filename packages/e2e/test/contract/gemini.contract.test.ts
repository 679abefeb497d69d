import { readFileSync } from 'node:fs'
import { createMocktopus, type Mocktopus } from '@mocktopus/server'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, it } from 'vitest'

// Every Gemini body and stream chunk Mocktopus can produce, validated against a JSON Schema
// written from the published Gemini API reference (contracts/gemini.schema.json names it).
const schema = JSON.parse(
  readFileSync(new URL('../../contracts/gemini.schema.json', import.meta.url), 'utf8'),
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
  - type: llm.gemini
    when: { messages_contains: "tools" }
    respond:
      content: "Let me check."
      tool_calls:
        - function: { name: get_weather, arguments: { city: Paris } }
        - function: { name: make_plan }
  - type: llm.gemini
    when: { messages_contains: "length" }
    respond: { content: "Cut", finish_reason: length }
  - type: llm.gemini
    when: { messages_contains: "structured" }
    respond: {}
  - type: llm.gemini
    when: { messages_contains: "empty" }
    respond: { content: "" }
  - type: llm.gemini
    when: { messages_contains: "refuse" }
    respond: { refusal: "I cannot help with that." }
  - type: llm.gemini
    when: { messages_contains: "rate" }
    error: { error_type: rate_limit }
  - type: llm.gemini
    when: { messages_contains: "timeout" }
    error: { error_type: server_error, status_code: 503 }
  - type: llm.gemini
    respond: { content: "Hello there, how are you today?", chunk_size: 7 }
  - type: embeddings
    respond: {}
`

const TOOLS = [
  {
    functionDeclarations: [
      {
        name: 'get_weather',
        parameters: { type: 'OBJECT', properties: { city: { type: 'STRING' } } },
      },
      {
        name: 'make_plan',
        parametersJsonSchema: {
          type: 'object',
          properties: { steps: { type: 'integer' } },
          required: ['steps'],
        },
      },
    ],
  },
]

const PROMPTS = ['tools', 'length', 'structured', 'empty', 'refuse', 'hello']

function body(text: string): Record<string, unknown> {
  return {
    systemInstruction: { parts: [{ text: 'Be brief.' }] },
    contents: [{ role: 'user', parts: [{ text }] }],
    tools: TOOLS,
    ...(text === 'structured'
      ? {
          generationConfig: {
            responseMimeType: 'application/json',
            responseSchema: {
              type: 'OBJECT',
              properties: { name: { type: 'STRING' }, n: { type: 'INTEGER', nullable: true } },
              required: ['name'],
            },
          },
        }
      : {}),
  }
}

let mock: Mocktopus
beforeAll(async () => {
  mock = await createMocktopus({ scenario: SCENARIO, fixedTime: 1_700_000_000 })
})

const ROOT = 'http://mock.test/v1beta/models'
const post = (path: string, payload: unknown) =>
  mock.fetch(`${ROOT}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  })

describe('Gemini bodies against the API reference', () => {
  it.each(PROMPTS)('generateContent (%s) is a GenerateContentResponse', async (text) => {
    const res = await post('gemini-2.5-flash:generateContent', body(text))
    expect(res.status).toBe(200)
    check('generateContentResponse', await res.json())
  })

  it.each(PROMPTS)('each alt=sse chunk (%s) is a GenerateContentResponse', async (text) => {
    const res = await post('gemini-2.5-flash:streamGenerateContent?alt=sse', body(text))
    expect(res.status).toBe(200)
    const frames = (await res.text()).split('\r\n\r\n').filter((frame) => frame !== '')
    expect(frames.length).toBeGreaterThan(0)
    for (const frame of frames) {
      expect(frame.startsWith('data: ')).toBe(true)
      check('generateContentResponse', JSON.parse(frame.slice('data: '.length)))
    }
  })

  it('the JSON-array stream holds GenerateContentResponses', async () => {
    const res = await post('gemini-2.5-flash:streamGenerateContent', body('hello'))
    const chunks = (await res.json()) as unknown[]
    for (const chunk of chunks) check('generateContentResponse', chunk)
  })

  it('embedContent, batchEmbedContents and countTokens', async () => {
    const content = { parts: [{ text: 'hello' }] }
    check(
      'embedContentResponse',
      await (await post('gemini-embedding-001:embedContent', { content })).json(),
    )
    const batch = await post('gemini-embedding-001:batchEmbedContents', {
      requests: [
        { model: 'models/gemini-embedding-001', content },
        { model: 'models/gemini-embedding-001', content, outputDimensionality: 4 },
      ],
    })
    check('batchEmbedContentsResponse', await batch.json())
    const count = await post('gemini-2.5-flash:countTokens', { contents: [content] })
    check('countTokensResponse', await count.json())
  })

  it('models list and get', async () => {
    check('listModelsResponse', await (await mock.fetch(ROOT)).json())
    check('model', await (await mock.fetch(`${ROOT}/gemini-2.5-flash`)).json())
  })

  it('errors: a rule, no match, a bad body, an unknown model', async () => {
    for (const text of ['rate', 'timeout']) {
      const res = await post('gemini-2.5-flash:generateContent', body(text))
      expect(res.status).toBeGreaterThanOrEqual(429)
      check('error', await res.json())
    }
    const bad = await post('gemini-2.5-flash:generateContent', { contents: 'nope' })
    expect(bad.status).toBe(400)
    check('error', await bad.json())
    const missing = await mock.fetch(`${ROOT}/gemini-0-nope`)
    expect(missing.status).toBe(404)
    check('error', await missing.json())
  })
})
