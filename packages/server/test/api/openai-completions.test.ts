import { fixedClock } from '@mocktopus/responders'
import { describe, expect, it } from 'vitest'
import { createMocktopus } from '../../src/mocktopus.js'

const SCENARIO = `
version: 1
rules:
  - type: llm.openai
    when:
      endpoint: /v1/completions
      messages_contains: "Say hi"
    respond:
      content: "Hi there"
  - type: llm.openai
    when:
      messages_contains: "fail"
    error:
      error_type: server_error
`

function post(body: Record<string, unknown>) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-3.5-turbo-instruct', ...body }),
  }
}

const mock = () =>
  createMocktopus({ scenario: SCENARIO, clock: fixedClock(1_700_000_000, { instant: true }) })

describe('POST /v1/completions', () => {
  it('answers with a text_completion body', async () => {
    const server = await mock()
    const res = await server.fetch('http://x/v1/completions', post({ prompt: 'Say hi' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toMatch(/^req_/)
    expect(await res.json()).toMatchObject({
      object: 'text_completion',
      created: 1_700_000_000,
      choices: [{ text: 'Hi there', index: 0, logprobs: null, finish_reason: 'stop' }],
    })
  })

  it('streams chunks ending with [DONE]', async () => {
    const server = await mock()
    const res = await server.fetch(
      'http://x/v1/completions',
      post({ prompt: 'Say hi', stream: true }),
    )
    const text = await res.text()
    const chunks = text
      .split('\n\n')
      .filter((frame) => frame.startsWith('data: {'))
      .map((frame) => JSON.parse(frame.slice(6)) as { choices: { text: string }[] })
    expect(chunks.map((c) => c.choices[0]?.text).join('')).toBe('Hi there')
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true)
  })

  it('answers an error rule and a missing prompt in the OpenAI envelope', async () => {
    const server = await mock()
    const failed = await server.fetch('http://x/v1/completions', post({ prompt: 'fail' }))
    expect(failed.status).toBe(500)
    const missing = await server.fetch('http://x/v1/completions', post({}))
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({ error: { param: 'prompt' } })
  })
})
