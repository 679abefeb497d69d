import { fixedClock } from '@mocktopus/responders'
import { describe, expect, it } from 'vitest'
import { createMocktopus, type MocktopusOptions } from './mocktopus.js'

const RULES = `
rules:
  - type: llm.openai
    respond: { content: "Hi from OpenAI" }
  - type: llm.anthropic
    respond: { content: "Hi from Claude" }
`

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

const chatWithFoo = post({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], foo: 1 })
const assistantFirst = post(
  {
    model: 'claude-sonnet-4-5',
    max_tokens: 10,
    messages: [
      { role: 'assistant', content: 'Hello' },
      { role: 'user', content: 'Hi' },
    ],
  },
  { 'anthropic-version': '2023-06-01' },
)

async function mock(options: MocktopusOptions & { scenarioStrict?: boolean } = {}) {
  const { scenarioStrict, ...rest } = options
  const head = scenarioStrict === undefined ? 'version: 1' : `version: 1\nstrict: ${scenarioStrict}`
  return createMocktopus({ scenario: `${head}${RULES}`, clock: fixedClock(1700000000), ...rest })
}

describe('strict requests', () => {
  it('answers a request with an unknown field as usual when strict is off', async () => {
    const m = await mock()
    const res = await m.fetch('http://mock/v1/chat/completions', chatWithFoo)
    expect(res.status).toBe(200)
  })

  it('refuses an unknown field with OpenAI 400 under the strict option', async () => {
    const m = await mock({ strict: true })
    const res = await m.fetch('http://mock/v1/chat/completions', chatWithFoo)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: {
        message: 'Unrecognized request argument supplied: foo',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    })
    expect(m.requests()[0]).toMatchObject({ status: 400, ruleIndex: null })
  })

  it("follows the scenario's strict: true, and the option overrides it", async () => {
    const strict = await mock({ scenarioStrict: true })
    expect(strict.scenario.strict).toBe(true)
    expect((await strict.fetch('http://mock/v1/chat/completions', chatWithFoo)).status).toBe(400)
    const overridden = await mock({ scenarioStrict: true, strict: false })
    expect((await overridden.fetch('http://mock/v1/chat/completions', chatWithFoo)).status).toBe(
      200,
    )
  })

  it('refuses in Anthropic envelope with its request-id', async () => {
    const m = await mock({ strict: true })
    const res = await m.fetch('http://mock/v1/messages', assistantFirst)
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body).toEqual({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: 'messages: first message must use the "user" role',
      },
      request_id: res.headers.get('request-id'),
    })
    expect(body.request_id).toMatch(/^req_/)
    const relaxed = await mock()
    expect((await relaxed.fetch('http://mock/v1/messages', assistantFirst)).status).toBe(200)
  })

  it('reads the strict key again after setScenario', async () => {
    const m = await mock()
    m.setScenario(`version: 1\nstrict: true${RULES}`)
    expect((await m.fetch('http://mock/v1/chat/completions', chatWithFoo)).status).toBe(400)
  })
})
