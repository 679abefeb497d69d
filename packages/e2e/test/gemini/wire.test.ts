import { createMocktopus } from '@mocktopus/server'
import { describe, expect, it } from 'vitest'

const SCENARIO = `
version: 1
rules:
  - type: llm.gemini
    respond: { content: "Hi there", usage: { input_tokens: 2, output_tokens: 2 } }
`
const BODY = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hello' }] }] })
const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY }

describe('the Gemini wire', () => {
  it('frames alt=sse as whole response objects on data lines ended \\r\\n\\r\\n, no [DONE]', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const res = await mock.fetch(
      'http://mock.test/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      post,
    )
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const text = await res.text()
    const frames = text.split('\r\n\r\n')
    expect(frames.at(-1)).toBe('')
    expect(text).not.toContain('[DONE]')
    const chunks = frames.slice(0, -1).map((frame) => {
      expect(frame.startsWith('data: ')).toBe(true)
      return JSON.parse(frame.slice(6)) as Record<string, unknown>
    })
    expect(chunks).toHaveLength(2)
    expect(chunks[0]).toEqual({
      candidates: [{ content: { parts: [{ text: 'Hi' }], role: 'model' }, index: 0 }],
      modelVersion: 'gemini-2.5-flash',
      responseId: (chunks[0] as { responseId: string }).responseId,
    })
    expect(chunks[1]).toMatchObject({
      candidates: [{ content: { parts: [{ text: ' there' }] }, finishReason: 'STOP' }],
      usageMetadata: { promptTokenCount: 2, candidatesTokenCount: 2, totalTokenCount: 4 },
    })
  })

  it('answers streamGenerateContent without alt=sse as one JSON array of the same chunks', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const res = await mock.fetch(
      'http://mock.test/v1beta/models/gemini-2.5-flash:streamGenerateContent',
      post,
    )
    expect(res.headers.get('content-type')).toBe('application/json')
    const body = (await res.json()) as unknown[]
    expect(Array.isArray(body)).toBe(true)
    expect(body).toHaveLength(2)
  })

  it('takes the key from x-goog-api-key or ?key= and refuses others in its envelope', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, authToken: 's3cret' })
    const url = 'http://mock.test/v1beta/models/gemini-2.5-flash:generateContent'
    const byHeader = await mock.fetch(url, {
      ...post,
      headers: { ...post.headers, 'x-goog-api-key': 's3cret' },
    })
    expect(byHeader.status).toBe(200)
    expect((await mock.fetch(`${url}?key=s3cret`, post)).status).toBe(200)
    const wrong = await mock.fetch(`${url}?key=nope`, post)
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toEqual({
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
      },
    })
    const none = await mock.fetch(url, post)
    expect(none.status).toBe(403)
    expect(((await none.json()) as { error: { status: string } }).error.status).toBe(
      'PERMISSION_DENIED',
    )
  })

  it('does not take GET /v1/models/x:generateContent for a model, nor POST for OpenAI', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const get = await mock.fetch('http://mock.test/v1/models/gemini-2.5-flash:generateContent')
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    const posted = await mock.fetch(
      'http://mock.test/v1/models/gemini-2.5-flash:generateContent',
      post,
    )
    expect(posted.status).toBe(200)
    expect(((await posted.json()) as { modelVersion: string }).modelVersion).toBe(
      'gemini-2.5-flash',
    )
    const openai = await mock.fetch('http://mock.test/v1/models/gpt-4o')
    expect(((await openai.json()) as { object?: string }).object).toBe('model')
  })

  it('prices a Gemini answer in the cost report from the model in the path', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const res = await mock.fetch(
      'http://mock.test/v1beta/models/gemini-2.5-flash:generateContent',
      post,
    )
    expect(res.status).toBe(200)
    await res.arrayBuffer()
    const { report } = (await (await mock.fetch('http://mock.test/cost-report')).json()) as {
      report: { breakdown_by_model: Record<string, unknown> }
    }
    // 2 input tokens at $0.30 and 2 output tokens at $2.50 per million: $0.0000056, reported
    // to six places.
    expect(report.breakdown_by_model['gemini-2.5-flash']).toMatchObject({
      requests: 1,
      input_tokens: 2,
      output_tokens: 2,
      cost_saved: 0.000006,
      priced_as: 'gemini-2.5-flash',
    })
  })

  it('answers a rule-less request with a 404 in the Gemini envelope', async () => {
    const mock = await createMocktopus({
      scenario: 'version: 1\nrules:\n  - type: llm.openai\n    respond: { content: x }\n',
    })
    const res = await mock.fetch(
      'http://mock.test/v1beta/models/gemini-2.5-flash:generateContent',
      post,
    )
    expect(res.status).toBe(404)
    const body = (await res.json()) as { error: { code: number; status: string } }
    expect(body.error).toMatchObject({ code: 404, status: 'NOT_FOUND' })
  })
})
