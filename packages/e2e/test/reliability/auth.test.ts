/**
 * `authToken` seen from the real SDKs over HTTP: the right key passes, a wrong one surfaces as
 * the SDK's own AuthenticationError, and /health stays open for probes.
 */
import Anthropic from '@anthropic-ai/sdk'
import { type StartedMocktopus, startMocktopus } from '@mocktopus/server/node'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const TOKEN = 'shared-dev-server-token'
const SCENARIO = `
version: 1
rules:
  - type: llm
    respond: { content: "Hello, authorized client." }
`

let mocktopus: StartedMocktopus
beforeAll(async () => {
  mocktopus = await startMocktopus({ scenario: SCENARIO, authToken: TOKEN })
})
afterAll(() => mocktopus.close())

describe('authToken with the real SDKs', () => {
  it('lets the openai SDK in with the token as its API key', async () => {
    const openai = new OpenAI({ apiKey: TOKEN, baseURL: mocktopus.baseURL, maxRetries: 0 })
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    })
    expect(completion.choices[0]?.message.content).toBe('Hello, authorized client.')
  })

  it('gives the openai SDK an AuthenticationError for a wrong key', async () => {
    const openai = new OpenAI({ apiKey: 'wrong', baseURL: mocktopus.baseURL, maxRetries: 0 })
    const error = await openai.models.list().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError)
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe('invalid_api_key')
  })

  it('lets the Anthropic SDK in with the token as its x-api-key', async () => {
    const anthropic = new Anthropic({ apiKey: TOKEN, baseURL: mocktopus.url, maxRetries: 0 })
    const message = await anthropic.messages.create({
      model: 'claude-sonnet-5',
      max_tokens: 32,
      messages: [{ role: 'user', content: 'hi' }],
    })
    expect(message.content).toEqual([{ type: 'text', text: 'Hello, authorized client.' }])
  })

  it('gives the Anthropic SDK an AuthenticationError with a request id for a wrong key', async () => {
    const anthropic = new Anthropic({ apiKey: 'wrong', baseURL: mocktopus.url, maxRetries: 0 })
    const error = await anthropic.messages
      .create({
        model: 'claude-sonnet-5',
        max_tokens: 32,
        messages: [{ role: 'user', content: 'hi' }],
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError)
    expect((error as InstanceType<typeof Anthropic.AuthenticationError>).requestID).toMatch(/^req_/)
  })

  it('leaves /health open', async () => {
    expect((await fetch(`${mocktopus.url}/health`)).status).toBe(200)
  })
})
