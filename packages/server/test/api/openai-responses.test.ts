import type { Exchange } from '@mocktopus/responders'
import { fixedClock } from '@mocktopus/responders'
import { describe, expect, it } from 'vitest'
import { createMocktopus } from '../../src/mocktopus.js'

const SCENARIO = `
version: 1
rules:
  - type: llm.openai
    when:
      messages_regex: "name is Ada.*What is my name"
    respond:
      content: "Your name is Ada."
  - type: llm
    when:
      messages_contains: "hello"
    respond:
      content: "Hello there, friend!"
      usage: { input_tokens: 5, output_tokens: 4 }
  - type: llm.openai
    when:
      messages_contains: "weather"
    respond:
      tool_calls:
        - id: call_1
          type: function
          function:
            name: get_weather
            arguments: '{"city": "Paris"}'
  - type: llm.openai
    when:
      messages_contains: "limited"
    error:
      error_type: rate_limit
      retry_after: 7
  - type: llm.anthropic
    when:
      messages_contains: "claude only"
    respond:
      content: "not for OpenAI"
`

function post(body: Record<string, unknown>) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4.1', ...body }),
  }
}

function mock() {
  return createMocktopus({
    scenario: SCENARIO,
    clock: fixedClock(1_700_000_000, { instant: true }),
  })
}

describe('POST /v1/responses', () => {
  it('answers an llm rule with a response object and reports the exchange', async () => {
    const server = await mock()
    const exchanges: Exchange[] = []
    server.on('exchange', (e) => exchanges.push(e))
    const res = await server.fetch('http://x/v1/responses', post({ input: 'hello' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('x-mocktopus-rule')).toBe('1')
    expect(res.headers.get('x-request-id')).toMatch(/^req_/)
    const body = await res.json()
    expect(body).toMatchObject({
      object: 'response',
      status: 'completed',
      model: 'gpt-4.1',
      output: [
        { type: 'message', content: [{ type: 'output_text', text: 'Hello there, friend!' }] },
      ],
      usage: { input_tokens: 5, output_tokens: 4, total_tokens: 9 },
    })
    expect(exchanges).toMatchObject([
      {
        endpoint: '/v1/responses',
        ruleIndex: 1,
        status: 200,
        usage: { input_tokens: 5, output_tokens: 4 },
      },
    ])
  })

  it('streams typed events with event lines and no [DONE]', async () => {
    const server = await mock()
    const res = await server.fetch('http://x/v1/responses', post({ input: 'hello', stream: true }))
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const text = await res.text()
    const names = [...text.matchAll(/^event: (.+)$/gm)].map((m) => m[1])
    expect(names[0]).toBe('response.created')
    expect(names.at(-1)).toBe('response.completed')
    expect(text).not.toContain('[DONE]')
  })

  it('answers an error rule with the envelope and status before any event', async () => {
    const server = await mock()
    const res = await server.fetch(
      'http://x/v1/responses',
      post({ input: 'limited', stream: true }),
    )
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
    expect(await res.json()).toMatchObject({
      error: { type: 'rate_limit_error', code: 'rate_limit_exceeded' },
    })
  })

  it('does not answer with an llm.anthropic rule', async () => {
    const server = await mock()
    const res = await server.fetch('http://x/v1/responses', post({ input: 'claude only' }))
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'no_matching_rule' } })
  })

  it('matches a follow-up against the conversation behind previous_response_id', async () => {
    const server = await mock()
    const first = await server.fetch(
      'http://x/v1/responses',
      post({ input: 'hello, my name is Ada.' }),
    )
    const { id } = (await first.json()) as { id: string }
    const second = await server.fetch(
      'http://x/v1/responses',
      post({ input: 'What is my name?', previous_response_id: id }),
    )
    expect(second.status).toBe(200)
    const body = (await second.json()) as { previous_response_id: string; output: unknown[] }
    expect(body.previous_response_id).toBe(id)
    expect(body.output).toMatchObject([{ content: [{ text: 'Your name is Ada.' }] }])
  })

  it('answers 400 for an unknown previous_response_id, also after reset()', async () => {
    const server = await mock()
    const first = await server.fetch('http://x/v1/responses', post({ input: 'hello' }))
    const { id } = (await first.json()) as { id: string }
    server.reset()
    const res = await server.fetch(
      'http://x/v1/responses',
      post({ input: 'hi', previous_response_id: id }),
    )
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: {
        message: `Previous response with id '${id}' not found.`,
        type: 'invalid_request_error',
        param: 'previous_response_id',
        code: 'previous_response_not_found',
      },
    })
  })
})

describe('GET /v1/responses/:id/input_items', () => {
  it('lists the input items of a stored response, newest first', async () => {
    const server = await mock()
    const input = [
      { role: 'user', content: 'hello' },
      { role: 'assistant', content: 'Hi!' },
      { role: 'user', content: 'hello again' },
    ]
    const created = await server.fetch('http://x/v1/responses', post({ input }))
    const { id } = (await created.json()) as { id: string }
    const res = await server.fetch(`http://x/v1/responses/${id}/input_items?limit=2`)
    expect(res.status).toBe(200)
    const list = (await res.json()) as {
      data: { content: { text: string }[] }[]
      has_more: boolean
    }
    expect(list.data.map((item) => item.content[0]?.text)).toEqual(['hello again', 'Hi!'])
    expect(list.has_more).toBe(true)
    const bad = await server.fetch(`http://x/v1/responses/${id}/input_items?order=up`)
    expect(bad.status).toBe(400)
  })
})

describe('GET and DELETE /v1/responses/:id', () => {
  it('returns a stored response, then deletes it', async () => {
    const server = await mock()
    const created = await (
      await server.fetch('http://x/v1/responses', post({ input: 'weather?' }))
    ).json()
    const { id } = created as { id: string }
    const got = await server.fetch(`http://x/v1/responses/${id}`)
    expect(got.status).toBe(200)
    expect(await got.json()).toEqual(created)
    const deleted = await server.fetch(`http://x/v1/responses/${id}`, { method: 'DELETE' })
    expect(await deleted.json()).toEqual({ id, object: 'response', deleted: true })
    const gone = await server.fetch(`http://x/v1/responses/${id}`)
    expect(gone.status).toBe(404)
    expect(await gone.json()).toMatchObject({
      error: { message: `Response with id '${id}' not found.` },
    })
  })
})
