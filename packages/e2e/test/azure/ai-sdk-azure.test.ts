import { createAzure } from '@ai-sdk/azure'
import { createMocktopus, type Exchange, type Mocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import { embed, generateText, streamText } from 'ai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const SCENARIO = `
version: 1
rules:
  - type: llm
    when: { model: my-gpt }
    respond: { content: "Hello from Azure", usage: { input_tokens: 7, output_tokens: 3 } }
  - type: embeddings
    respond: { embeddings: [{ embedding: [0.5, 0.25] }] }
`

let mock: Mocktopus
let server: RunningServer
const exchanges: Exchange[] = []

beforeAll(async () => {
  mock = await createMocktopus({ scenario: SCENARIO })
  mock.on('exchange', (exchange) => exchanges.push(exchange))
  server = await serve(mock, { port: 0 })
})

afterAll(async () => {
  await server.close()
})

describe('@ai-sdk/azure against Mocktopus', () => {
  // The provider's default model is the Responses API; a base URL off `*.openai.azure.com`
  // is taken as the whole prefix, so `/openai/v1` gives Azure's v1 routes.
  const v1 = () => createAzure({ baseURL: `${server.url}/openai/v1`, apiKey: 'test' })

  it('generateText through the Responses API on /openai/v1/responses', async () => {
    const result = await generateText({ model: v1()('my-gpt'), prompt: 'Hi' })
    expect(result.text).toBe('Hello from Azure')
    expect(result.usage).toMatchObject({ inputTokens: 7, outputTokens: 3 })
    expect(exchanges.at(-1)).toMatchObject({ path: '/openai/v1/responses', model: 'my-gpt' })
  })

  it('streamText through the Responses API', async () => {
    const result = streamText({ model: v1()('my-gpt'), prompt: 'Hi' })
    expect(await result.text).toBe('Hello from Azure')
    expect(exchanges.at(-1)).toMatchObject({ path: '/openai/v1/responses', stream: true })
  })

  it('generateText and streamText through chat completions on /openai/v1/chat/completions', async () => {
    const model = v1().chat('my-gpt')
    expect((await generateText({ model, prompt: 'Hi' })).text).toBe('Hello from Azure')
    expect(await streamText({ model, prompt: 'Hi' }).text).toBe('Hello from Azure')
    expect(exchanges.at(-1)?.path).toBe('/openai/v1/chat/completions')
  })

  it('uses the deployment routes with api-version when asked to', async () => {
    const azure = createAzure({
      baseURL: `${server.url}/openai`,
      apiKey: 'test',
      apiVersion: '2024-10-21',
      useDeploymentBasedUrls: true,
    })
    const model = azure.chat('my-gpt')
    expect((await generateText({ model, prompt: 'Hi' })).text).toBe('Hello from Azure')
    expect(await streamText({ model, prompt: 'Hi' }).text).toBe('Hello from Azure')
    expect(exchanges.at(-1)?.path).toBe('/openai/deployments/my-gpt/chat/completions')
    const { embedding } = await embed({ model: azure.embedding('my-embed'), value: 'hello' })
    expect(embedding).toEqual([0.5, 0.25])
    expect(exchanges.at(-1)?.path).toBe('/openai/deployments/my-embed/embeddings')
  })
})
