import { createMocktopus, type Exchange, type Mocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import { AuthenticationError, AzureOpenAI, BadRequestError } from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const SCENARIO = `
version: 1
rules:
  - type: llm.openai
    when: { messages_contains: "forbidden" }
    error: { error_type: content_filter }
  - type: llm
    when: { messages_contains: "cut off" }
    respond: { content: "I was about to", finish_reason: content_filter }
  - type: llm.openai
    when: { model: my-gpt }
    respond: { content: "Hello from Azure", usage: { input_tokens: 7, output_tokens: 3 } }
  - type: embeddings
    when: { model: my-embed }
    respond: { embeddings: [{ embedding: [0.5, 0.25] }] }
`

const SAFE = { filtered: false, severity: 'safe' }
const SAFE_RESULTS = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE }

let mock: Mocktopus
let server: RunningServer
let client: AzureOpenAI
const exchanges: Exchange[] = []

beforeAll(async () => {
  mock = await createMocktopus({ scenario: SCENARIO })
  mock.on('exchange', (exchange) => exchanges.push(exchange))
  server = await serve(mock, { port: 0 })
  client = new AzureOpenAI({
    apiKey: 'test',
    endpoint: server.url,
    apiVersion: '2024-10-21',
    deployment: 'my-gpt',
    maxRetries: 0,
  })
})

afterAll(async () => {
  await server.close()
})

describe('AzureOpenAI (openai) against Mocktopus', () => {
  it('answers chat on the deployment route, the deployment being the model rules match', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
    })
    expect(completion.choices[0]?.message.content).toBe('Hello from Azure')
    expect(completion.model).toBe('my-gpt')
    expect(completion.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3 })
    const raw = completion as unknown as Record<string, unknown>
    expect(raw.prompt_filter_results).toEqual([
      { prompt_index: 0, content_filter_results: SAFE_RESULTS },
    ])
    expect(
      (completion.choices[0] as unknown as Record<string, unknown>).content_filter_results,
    ).toEqual(SAFE_RESULTS)
    const exchange = exchanges.at(-1)
    expect(exchange?.path).toBe('/openai/deployments/my-gpt/chat/completions')
    expect(exchange?.model).toBe('my-gpt')
  })

  it('streams with the prompt filter chunk first and annotated choices', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    })
    const chunks: Record<string, unknown>[] = []
    for await (const chunk of stream) chunks.push(chunk as unknown as Record<string, unknown>)
    expect(chunks[0]).toEqual({
      choices: [],
      created: 0,
      id: '',
      model: '',
      object: '',
      prompt_filter_results: [{ prompt_index: 0, content_filter_results: SAFE_RESULTS }],
    })
    const text = chunks
      .slice(1)
      .map((chunk) => (chunk.choices as { delta: { content?: string } }[])[0]?.delta.content ?? '')
      .join('')
    expect(text).toBe('Hello from Azure')
    const choices = chunks.slice(1).map((chunk) => (chunk.choices as Record<string, unknown>[])[0])
    expect(choices[0]?.content_filter_results).toEqual({})
    expect(choices[1]?.content_filter_results).toEqual(SAFE_RESULTS)
    expect(choices.at(-1)).toMatchObject({ finish_reason: 'stop', content_filter_results: {} })
  })

  it('ends a filtered stream with finish_reason content_filter', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'please cut off' }],
      stream: true,
    })
    const chunks: Record<string, unknown>[] = []
    for await (const chunk of stream) chunks.push(chunk as unknown as Record<string, unknown>)
    const last = chunks.at(-1) as { choices: Record<string, unknown>[] }
    expect(last.choices[0]).toMatchObject({
      finish_reason: 'content_filter',
      content_filter_results: { hate: { filtered: true, severity: 'high' }, violence: SAFE },
    })
  })

  it('answers embeddings on the deployment route', async () => {
    const embed = new AzureOpenAI({
      apiKey: 'test',
      endpoint: server.url,
      apiVersion: '2024-10-21',
      deployment: 'my-embed',
    })
    const response = await embed.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'hello',
      encoding_format: 'float',
    })
    expect(response.data[0]?.embedding).toEqual([0.5, 0.25])
    expect(exchanges.at(-1)?.path).toBe('/openai/deployments/my-embed/embeddings')
  })

  it("raises the content filter as the SDK's BadRequestError with Azure's body", async () => {
    const error = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'something forbidden' }] })
      .catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(BadRequestError)
    const filtered = error as BadRequestError
    expect(filtered.status).toBe(400)
    expect(filtered.code).toBe('content_filter')
    expect(filtered.param).toBe('prompt')
    expect(filtered.error).toMatchObject({
      type: null,
      status: 400,
      innererror: {
        code: 'ResponsibleAIPolicyViolation',
        content_filter_result: { hate: { filtered: true, severity: 'high' }, sexual: SAFE },
      },
    })
    expect(filtered.message).toContain("Azure OpenAI's content management policy")
  })

  it('answers a deployment route without api-version as Azure does: 404 Resource not found', async () => {
    const response = await fetch(`${server.url}/openai/deployments/my-gpt/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'api-key': 'test' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }] }),
    })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: { code: '404', message: 'Resource not found' } })
  })

  it('answers /openai/responses without api-version with a 400 naming the parameter', async () => {
    const response = await fetch(`${server.url}/openai/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'api-key': 'test' },
      body: JSON.stringify({ model: 'my-gpt', input: 'Hi' }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: { code: 'BadRequest', message: 'Missing required query parameter: api-version' },
    })
  })

  it('answers the Responses API at /openai/responses for the AzureOpenAI client', async () => {
    const response = await client.responses.create({ model: 'my-gpt', input: 'Hi' })
    expect(response.output_text).toBe('Hello from Azure')
    expect(exchanges.at(-1)?.path).toBe('/openai/responses')
  })
})

describe('AzureOpenAI against a Mocktopus started with --auth-token', () => {
  it("refuses a wrong or missing api-key with Azure's own 401, and takes the right one", async () => {
    const guarded = await serve(
      await createMocktopus({ scenario: SCENARIO, authToken: 'azure-token-1234' }),
      { port: 0 },
    )
    try {
      const azure = (apiKey: string) =>
        new AzureOpenAI({
          apiKey,
          endpoint: guarded.url,
          apiVersion: '2024-10-21',
          deployment: 'my-gpt',
          maxRetries: 0,
        })
      const ask = { model: 'my-gpt', messages: [{ role: 'user' as const, content: 'Hi' }] }
      const wrong = await azure('not-the-token')
        .chat.completions.create(ask)
        .catch((error: unknown) => error)
      expect(wrong).toBeInstanceOf(AuthenticationError)
      expect((wrong as AuthenticationError).code).toBe('401')
      expect((wrong as AuthenticationError).message).toContain(
        'Access denied due to invalid subscription key or wrong API endpoint',
      )
      const missing = await fetch(
        `${guarded.url}/openai/deployments/my-gpt/chat/completions?api-version=2024-10-21`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      )
      expect(missing.status).toBe(401)
      expect(await missing.json()).toMatchObject({
        error: { code: '401', message: expect.stringContaining('missing subscription key') },
      })
      const right = await azure('azure-token-1234').chat.completions.create(ask)
      expect(right.choices[0]?.message.content).toBe('Hello from Azure')
    } finally {
      await guarded.close()
    }
  })
})
