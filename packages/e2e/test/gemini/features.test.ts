import { ApiError, GoogleGenAI } from '@google/genai'
import { createMocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Sequences, templates, sessions and chaos on the Gemini endpoints, through @google/genai.
const SCENARIO = `
version: 1
rules:
  - type: llm.gemini
    when: { messages_contains: light }
    respond:
      - content: green
      - content: amber
      - content: red
  - type: llm.gemini
    when: { last_role: tool }
    respond: { content: "It is {{ tool_result }} in Paris." }
  - type: llm.gemini
    when: { messages_contains: flaky }
    chaos: { rate_limit: 1 }
    respond: { content: never }
  - type: llm.gemini
    when: { messages_contains: cut }
    chaos: { disconnect_after_chunks: 1 }
    respond: { content: "one two three four" }
`

let server: RunningServer
beforeAll(async () => {
  server = await serve(await createMocktopus({ scenario: SCENARIO }), { port: 0 })
})
afterAll(async () => {
  await server.close()
})

const client = (base = server.url) =>
  new GoogleGenAI({ apiKey: 'test', httpOptions: { baseUrl: base } })
const ask = (ai: GoogleGenAI, text: string) =>
  ai.models.generateContent({ model: 'gemini-2.5-flash', contents: text })

describe('Gemini with every scenario feature', () => {
  it('answers a respond list in turn, and each session counts its own', async () => {
    const ai = client()
    const texts = []
    for (let i = 0; i < 3; i++) texts.push((await ask(ai, 'traffic light?')).text)
    expect(texts).toEqual(['green', 'amber', 'red'])
    const session = client(`${server.url}/sessions/gemini-a`)
    expect((await ask(session, 'traffic light?')).text).toBe('green')
  })

  it('fills a template from the function response', async () => {
    const response = await client().models.generateContent({
      model: 'gemini-2.5-flash',
      contents: [
        { role: 'user', parts: [{ text: 'weather?' }] },
        { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: {} } }] },
        {
          role: 'user',
          parts: [{ functionResponse: { name: 'get_weather', response: { output: 'sunny' } } }],
        },
      ],
    })
    expect(response.text).toBe('It is sunny in Paris.')
  })

  it('answers a chaos rate limit as 429 RESOURCE_EXHAUSTED', async () => {
    const error = await ask(client(), 'flaky?').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(429)
    expect(JSON.parse((error as ApiError).message)).toMatchObject({
      error: { code: 429, status: 'RESOURCE_EXHAUSTED' },
    })
  })

  it('counts server-wide rate limits and refuses past them, with no rate-limit headers', async () => {
    const limited = await createMocktopus({
      scenario: SCENARIO,
      chaos: { rate_limit_requests: 1, rate_limit_tokens: 1000 },
    })
    const url = 'http://mock.test/v1beta/models/gemini-2.5-flash:generateContent'
    const send = () =>
      limited.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contents: [{ parts: [{ text: 'light' }] }] }),
      })
    const first = await send()
    expect(first.status).toBe(200)
    expect([...first.headers.keys()].filter((name) => name.includes('ratelimit'))).toEqual([])
    const second = await send()
    expect(second.status).toBe(429)
    expect(await second.json()).toMatchObject({ error: { status: 'RESOURCE_EXHAUSTED' } })
  })

  it('cuts an alt=sse stream after a chunk under chaos', async () => {
    const texts: string[] = []
    const read = async () => {
      const stream = await client().models.generateContentStream({
        model: 'gemini-2.5-flash',
        contents: 'cut me',
      })
      for await (const chunk of stream) texts.push(chunk.text ?? '')
    }
    await expect(read()).rejects.toThrow()
    expect(texts).toEqual(['one'])
  })
})
