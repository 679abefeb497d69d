import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from './scenario.js'

let harness: Harness

beforeAll(async () => {
  harness = await startHarness()
})

afterAll(async () => {
  await harness.server.close()
})

describe('messages.countTokens with @anthropic-ai/sdk', () => {
  it('counts with the same estimate a message reports as input_tokens', async () => {
    const params = {
      model: 'claude-haiku-5-5',
      system: 'You are terse.',
      messages: [{ role: 'user' as const, content: 'Say anything at all, please.' }],
    }
    const counted = await harness.client.messages.countTokens(params)
    expect(counted).toEqual({ input_tokens: 11 })
  })

  it('counts tool definitions too', async () => {
    const base = {
      model: 'claude-haiku-5-5',
      messages: [{ role: 'user' as const, content: 'Hello' }],
    }
    const without = await harness.client.messages.countTokens(base)
    const withTools = await harness.client.messages.countTokens({
      ...base,
      tools: [{ name: 'lookup', input_schema: { type: 'object' } }],
    })
    expect(withTools.input_tokens).toBeGreaterThan(without.input_tokens)
  })
})
