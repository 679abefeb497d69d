import type { Exchange } from '@mocktopus/responders'
import { fixedClock } from '@mocktopus/responders'
import { describe, expect, it } from 'vitest'
import { createMocktopus } from '../../src/mocktopus.js'

const SCENARIO = `
version: 1
rules:
  - type: llm.anthropic
    when:
      model: "claude-*"
      messages_contains: "hello"
    respond:
      content: "Hello there, friend!"
      usage: { input_tokens: 5, output_tokens: 4 }
  - type: llm.openai
    when:
      messages_contains: "weather"
    respond:
      content: null
      tool_calls:
        - type: function
          function:
            name: get_weather
            arguments: '{"city": "Paris"}'
  - type: llm
    when:
      messages_contains: "overloaded"
    error:
      error_type: server_error
      status_code: 529
      message: Overloaded
  - type: llm.anthropic
    when:
      messages_contains: "slow"
    error:
      error_type: timeout
      delay_ms: 20
  - type: embeddings
    respond: {}
`

async function mock() {
  const exchanges: Exchange[] = []
  const sleeps: number[] = []
  const base = fixedClock(1_700_000_000, { instant: true })
  const clock = {
    ...base,
    sleep: (ms: number, signal?: AbortSignal) => {
      sleeps.push(ms)
      return base.sleep(ms, signal)
    },
  }
  const m = await createMocktopus({
    scenario: SCENARIO,
    clock,
    observers: [(e) => exchanges.push(e)],
  })
  return { m, exchanges, sleeps }
}

function post(path: string, body: unknown) {
  return new Request(`http://mocktopus.localhost${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': 'test-key',
      'anthropic-version': '2023-06-01',
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

function message(content: unknown, extra: Record<string, unknown> = {}) {
  return {
    model: 'claude-sonnet-4-5',
    max_tokens: 256,
    messages: [{ role: 'user', content }],
    ...extra,
  }
}

describe('POST /v1/messages', () => {
  it('answers a message with request-id and reports the exchange', async () => {
    const { m, exchanges } = await mock()
    const res = await m.fetch(post('/v1/messages', message('hello!')))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('request-id')).toMatch(/^req_[A-Za-z0-9]{24}$/)
    expect(res.headers.get('x-mocktopus-rule')).toBe('0')
    const body = await res.json()
    expect(body).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text: 'Hello there, friend!' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 5, output_tokens: 4 },
    })
    expect(exchanges).toHaveLength(1)
    expect(exchanges[0]).toMatchObject({
      endpoint: '/v1/messages',
      model: 'claude-sonnet-4-5',
      ruleIndex: 0,
      status: 200,
      stream: false,
      usage: { input_tokens: 5, output_tokens: 4 },
    })
  })

  it('answers from llm.openai and llm rules too', async () => {
    const { m } = await mock()
    const res = await m.fetch(post('/v1/messages', message('weather in Paris?')))
    const body = await res.json()
    expect(body.stop_reason).toBe('tool_use')
    expect(body.content).toEqual([
      {
        type: 'tool_use',
        id: expect.stringMatching(/^toolu_/),
        name: 'get_weather',
        input: { city: 'Paris' },
      },
    ])
  })

  it('matches the last user text across block content and tool results', async () => {
    const { m } = await mock()
    const res = await m.fetch(
      post('/v1/messages', {
        model: 'claude-sonnet-4-5',
        max_tokens: 100,
        system: [{ type: 'text', text: 'You are helpful.' }],
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'hello, what is the weather?' }] },
          {
            role: 'assistant',
            content: [
              { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
            ],
          },
          {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'Sunny' }],
          },
        ],
      }),
    )
    expect(res.headers.get('x-mocktopus-rule')).toBe('0')
  })

  it('streams SSE with event names and reports usage when the stream ends', async () => {
    const { m, exchanges } = await mock()
    const res = await m.fetch(post('/v1/messages', message('hello', { stream: true })))
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(res.headers.get('request-id')).toMatch(/^req_/)
    const text = await res.text()
    const events = [...text.matchAll(/^event: (.+)$/gm)].map((m) => m[1])
    expect(events).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
    expect(text).not.toContain('[DONE]')
    expect(exchanges[0]).toMatchObject({
      stream: true,
      usage: { input_tokens: 5, output_tokens: 4 },
    })
  })

  it('answers a malformed request with a 400 naming the field, in the envelope, with request_id', async () => {
    const { m } = await mock()
    const res = await m.fetch(post('/v1/messages', { model: 'claude-x', messages: [] }))
    expect(res.status).toBe(400)
    const id = res.headers.get('request-id')
    expect(await res.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
      request_id: id,
    })
  })

  it('answers bad JSON and no match in the envelope, never a 500', async () => {
    const { m } = await mock()
    const bad = await m.fetch(post('/v1/messages', '{"model":'))
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    })

    const miss = await m.fetch(post('/v1/messages', message('nothing matches this')))
    expect(miss.status).toBe(404)
    const body = await miss.json()
    expect(body).toMatchObject({ type: 'error', error: { type: 'not_found_error' } })
    expect(body.request_id).toBe(miss.headers.get('request-id'))
    expect(body.error.message).toMatch(/rule/)
  })

  it('answers a wrong method with 405 in the envelope', async () => {
    const { m } = await mock()
    const res = await m.fetch(new Request('http://mocktopus.local/v1/messages'))
    expect(res.status).toBe(405)
    expect(res.headers.get('request-id')).toMatch(/^req_/)
    expect(await res.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    })
  })

  it('maps status_code 529 to overloaded_error', async () => {
    const { m } = await mock()
    const res = await m.fetch(post('/v1/messages', message('overloaded?')))
    expect(res.status).toBe(529)
    expect(await res.json()).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
      request_id: res.headers.get('request-id'),
    })
  })

  it('waits delay_ms before a timeout answer', async () => {
    const { m, sleeps } = await mock()
    const res = await m.fetch(post('/v1/messages', message('slow please')))
    expect(res.status).toBe(504)
    expect(sleeps).toEqual([20])
    expect((await res.json()).error.type).toBe('timeout_error')
  })

  it('gives every response its own request-id, the same sequence on every run', async () => {
    const ids = async () => {
      const { m } = await mock()
      const out: (string | null)[] = []
      for (let i = 0; i < 3; i++) {
        out.push((await m.fetch(post('/v1/messages', message('hello')))).headers.get('request-id'))
      }
      return out
    }
    const first = await ids()
    expect(new Set(first).size).toBe(3)
    expect(await ids()).toEqual(first)
  })

  it("derives a matched answer's request-id from the request, not from arrival order", async () => {
    const { m: a } = await mock()
    const { m: b } = await mock()
    await b.fetch(post('/v1/messages', message('weather?')))
    await b.fetch(post('/v1/messages', '{bad json'))
    const first = (await a.fetch(post('/v1/messages', message('hello')))).headers.get('request-id')
    const second = (await b.fetch(post('/v1/messages', message('hello')))).headers.get('request-id')
    expect(second).toBe(first)
  })

  it('starts the request-id sequence afresh on reset()', async () => {
    const { m } = await mock()
    const id = async () =>
      (await m.fetch(post('/v1/messages', message('hello')))).headers.get('request-id')
    const first = await id()
    expect(await id()).not.toBe(first)
    m.reset()
    expect(await id()).toBe(first)
  })
})

describe('POST /v1/messages/count_tokens', () => {
  it('answers the estimate without consulting the rules', async () => {
    const { m, exchanges } = await mock()
    const res = await m.fetch(
      post('/v1/messages/count_tokens', {
        model: 'claude-x',
        messages: [{ role: 'user', content: 'Hello world' }],
      }),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('request-id')).toMatch(/^req_/)
    expect(await res.json()).toEqual({ input_tokens: 3 })
    expect(exchanges[0]).toMatchObject({
      endpoint: '/v1/messages/count_tokens',
      ruleIndex: null,
      status: 200,
    })
  })

  it('answers a malformed body in the envelope', async () => {
    const { m } = await mock()
    const res = await m.fetch(post('/v1/messages/count_tokens', { messages: [] }))
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'model: Field required' },
      request_id: res.headers.get('request-id'),
    })
    const bad = await m.fetch(post('/v1/messages/count_tokens', 'nope'))
    expect(bad.status).toBe(400)
  })
})

describe('mounted under a prefix', () => {
  it('answers at /prefix/v1/messages', async () => {
    const { m } = await mock()
    const { Hono } = await import('hono')
    const parent = new Hono()
    parent.route('/llm', m.app)
    const res = await parent.request(post('/llm/v1/messages', message('hello')))
    expect(res.status).toBe(200)
    expect(res.headers.get('request-id')).toMatch(/^req_/)
  })
})
