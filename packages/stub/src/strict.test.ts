import { describe, expect, it } from 'vitest'
import { AnthropicErrors } from './anthropic-errors.js'
import { BadRequestError } from './errors.js'
import { createStub } from './stub.js'

const RULES = `
rules:
  - type: llm.openai
    respond: { content: "Hi" }
  - type: llm.anthropic
    respond: { content: "Hi" }
`

const chatWithFoo = {
  model: 'gpt-4o',
  messages: [{ role: 'user' as const, content: 'Hi' }],
  foo: 1,
}

describe('strict requests in the stub', () => {
  it('throws the BadRequestError the server sends, by the strict option', async () => {
    const { openai } = createStub(`version: 1${RULES}`, { strict: true })
    const error = await openai.chat.completions.create(chatWithFoo).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error).toMatchObject({
      status: 400,
      error: {
        message: 'Unrecognized request argument supplied: foo',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    })
  })

  it("follows the scenario's strict key, and the option overrides it", async () => {
    const strict = createStub(`version: 1\nstrict: true${RULES}`)
    const error = await strict.anthropic.messages
      .create({
        model: 'claude-sonnet-5-5',
        max_tokens: 10,
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'user', content: 'Hello?' },
        ],
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AnthropicErrors.BadRequestError)
    const relaxed = createStub(`version: 1\nstrict: true${RULES}`, { strict: false })
    const answer = await relaxed.openai.chat.completions.create(chatWithFoo)
    expect(answer.choices[0]?.message.content).toBe('Hi')
  })
})
