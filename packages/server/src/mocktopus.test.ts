import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Exchange } from '@mocktopus/responders'
import { fixedClock } from '@mocktopus/responders'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createMocktopus } from './mocktopus.js'

const SCENARIO = `
version: 1
rules:
  - type: llm.openai
    when:
      model: "gpt-4*"
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
        - id: call_1
          type: function
          function:
            name: get_weather
            arguments: '{"city": "Paris"}'
  - type: llm.openai
    when:
      messages_contains: "slow"
    error:
      error_type: timeout
  - type: llm.openai
    when:
      messages_contains: "limited"
    times: 1
    error:
      error_type: rate_limit
      retry_after: 7
  - type: embeddings
    respond: {}
`

function chat(content: string, extra: Record<string, unknown> = {}) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'gpt-4o',
      messages: [{ role: 'user', content }],
      ...extra,
    }),
  }
}

async function mock(options = {}) {
  return createMocktopus({
    scenario: SCENARIO,
    clock: fixedClock(1_700_000_000, { instant: true }),
    ...options,
  })
}

describe('createMocktopus', () => {
  it('answers a chat completion with the rule index header', async () => {
    const m = await mock()
    const res = await m.app.request('/v1/chat/completions', chat('hello'))
    expect(res.status).toBe(200)
    expect(res.headers.get('x-mocktopus-rule')).toBe('0')
    expect(res.headers.get('content-type')).toBe('application/json')
    const body = await res.json()
    expect(body).toMatchObject({
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o',
      system_fingerprint: 'fp_mocktopus',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello there, friend!', refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
    })
    expect(body.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/)
  })

  it('gives byte-identical bodies for the same requests after reset', async () => {
    const m = await mock()
    const first = await (await m.app.request('/v1/chat/completions', chat('hello'))).text()
    const second = await (await m.app.request('/v1/chat/completions', chat('hello'))).text()
    expect(second).not.toBe(first)
    m.reset()
    expect(await (await m.app.request('/v1/chat/completions', chat('hello'))).text()).toBe(first)
    const other = await mock()
    expect(
      await (await other.fetch('http://mocktopus.local/v1/chat/completions', chat('hello'))).text(),
    ).toBe(first)
  })

  it('streams SSE frames ending in [DONE]', async () => {
    const m = await mock()
    const res = await m.app.request(
      '/v1/chat/completions',
      chat('hello', { stream: true, stream_options: { include_usage: true } }),
    )
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const text = await res.text()
    const frames = text.split('\n\n').filter(Boolean)
    expect(frames.at(-1)).toBe('data: [DONE]')
    const chunks = frames.slice(0, -1).map((f) => JSON.parse(f.slice('data: '.length)))
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '', refusal: null })
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(
      'Hello there, friend!',
    )
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1)
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop')
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 9 } })
  })

  it('answers no match with 404 no_matching_rule saying which rule came closest', async () => {
    const m = await mock()
    const res = await m.app.request('/v1/chat/completions', {
      ...chat('hello'),
      body: JSON.stringify({
        model: 'gpt-3.5-turbo',
        messages: [{ role: 'user', content: 'hello' }],
      }),
    })
    expect(res.status).toBe(404)
    const body = await res.json()
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'no_matching_rule',
      param: null,
    })
    expect(body.error.message).toContain('rules[0] came closest')
  })

  it('answers error rules with status, envelope and Retry-After, even when streaming', async () => {
    const m = await mock()
    const res = await m.app.request('/v1/chat/completions', chat('limited', { stream: true }))
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(await res.json()).toEqual({
      error: {
        message: 'Rate limit reached. Please try again later.',
        type: 'rate_limit_error',
        param: null,
        code: 'rate_limit_exceeded',
      },
    })
  })

  it('waits delay_ms through the clock before a timeout error', async () => {
    const waits: number[] = []
    const clock = { now: () => 0, sleep: async (ms: number) => void waits.push(ms) }
    const m = await mock({ clock })
    const res = await m.app.request('/v1/chat/completions', chat('slow'))
    expect(res.status).toBe(504)
    expect(waits).toEqual([30_000])
  })

  it.each([
    ['{not json', 400, null],
    ['[1, 2]', 400, null],
    ['{"messages": []}', 400, 'model'],
    ['{"model": "gpt-4o", "messages": "hi"}', 400, 'messages'],
    ['{"model": "gpt-4o", "messages": ["hi"]}', 400, 'messages[0]'],
    ['{"model": "gpt-4o", "messages": [{"role": "user", "content": "x"}], "n": "2"}', 400, 'n'],
  ])('rejects the bad body %s with %i in the envelope', async (body, status, param) => {
    const m = await mock()
    const res = await m.app.request('/v1/chat/completions', { method: 'POST', body })
    expect(res.status).toBe(status)
    const json = await res.json()
    expect(json.error.param).toBe(param)
    expect(json.error.type).toBe('invalid_request_error')
    expect((await m.app.request('/v1/chat/completions', chat('hello'))).status).toBe(200)
  })

  it('answers an oversized body with 413', async () => {
    const m = await mock({ bodyLimit: 100 })
    const res = await m.app.request('/v1/chat/completions', chat('hello'.repeat(50)))
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('request_too_large')
  })

  it('answers unknown paths with 404 and wrong methods with 405, also when mounted', async () => {
    const m = await mock()
    const parent = new Hono()
    parent.route('/llm', m.app)
    parent.mount('/mounted', m.fetch)
    const viaMount = await parent.request('/mounted/v1/chat/completions', chat('hello'))
    expect(viaMount.status).toBe(200)
    expect((await parent.request('/mounted/v1/nope')).status).toBe(404)
    for (const app of [m.app, parent]) {
      const prefix = app === parent ? '/llm' : ''
      const missing = await app.request(`${prefix}/v1/nope`, { method: 'POST' })
      expect(missing.status).toBe(404)
      expect((await missing.json()).error.code).toBe('unknown_url')
      const wrong = await app.request(`${prefix}/v1/chat/completions`)
      expect(wrong.status).toBe(405)
      expect(wrong.headers.get('allow')).toBe('POST')
      expect((await wrong.json()).error.type).toBe('invalid_request_error')
      expect((await app.request(`${prefix}/v1/chat/completions`, chat('hello'))).status).toBe(200)
    }
  })

  it('answers CORS preflight', async () => {
    const m = await mock()
    const res = await m.app.request('/v1/chat/completions', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('lists literal model names from the scenario and serves /health', async () => {
    const m = await mock({
      scenario:
        'version: 1\nrules:\n  - type: llm\n    when: { model: my-model }\n    respond: { content: hi }\n',
    })
    const models = await (await m.app.request('/v1/models')).json()
    expect(models.object).toBe('list')
    expect(models.data[0]).toEqual({
      id: 'my-model',
      object: 'model',
      created: 1_700_000_000,
      owned_by: 'mocktopus',
    })
    expect((await m.app.request('/v1/models/my-model')).status).toBe(200)
    expect((await m.app.request('/v1/models/other')).status).toBe(404)
    expect(await (await m.app.request('/health')).json()).toMatchObject({
      status: 'healthy',
      rules: 1,
    })
  })

  it('tells exchange listeners about every API exchange', async () => {
    const m = await mock()
    const seen: Exchange[] = []
    const off = m.on('exchange', (e) => seen.push(e))
    await m.app.request('/v1/chat/completions', chat('hello'))
    await (await m.app.request('/v1/chat/completions', chat('hello', { stream: true }))).text()
    await m.app.request('/v1/chat/completions', chat('nothing matches'))
    await m.app.request('/health')
    off()
    await m.app.request('/v1/chat/completions', chat('hello'))
    expect(seen).toHaveLength(3)
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o',
      ruleIndex: 0,
      status: 200,
      mocked: true,
      stream: false,
      time: '2023-11-14T22:13:20.000Z',
      usage: { input_tokens: 5, output_tokens: 4 },
    })
    expect(seen[1]).toMatchObject({ stream: true, status: 200, ruleIndex: 0 })
    expect(seen[2]).toMatchObject({ status: 404, ruleIndex: null, mocked: false })
  })

  it('reports a stream that fails partway, once', async () => {
    const clock = { now: () => 0, sleep: () => Promise.reject(new Error('the clock broke')) }
    const m = await mock({
      clock,
      scenario: `
version: 1
rules:
  - type: llm.openai
    respond: { content: "one two three", chunk_delay_ms: 5 }
`,
    })
    const seen: Exchange[] = []
    m.on('exchange', (e) => seen.push(e))
    const res = await m.app.request('/v1/chat/completions', chat('hi', { stream: true }))
    await expect(res.text()).rejects.toThrow('the clock broke')
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ stream: true, ruleIndex: 0 })
  })

  it('freezes created with fixedTime and rejects a bad one', async () => {
    const m = await createMocktopus({ scenario: SCENARIO, fixedTime: '2024-01-02T03:04:05Z' })
    const body = await (await m.app.request('/v1/chat/completions', chat('hello'))).json()
    expect(body.created).toBe(1_704_164_645)
    await expect(createMocktopus({ fixedTime: 'yesterday' })).rejects.toThrow(/fixedTime/)
  })

  it('reads scenarioFile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mocktopus-'))
    const file = join(dir, 'scenario.yaml')
    await writeFile(file, SCENARIO)
    try {
      const m = await createMocktopus({ scenarioFile: file })
      expect(m.scenario.rules).toHaveLength(5)
      expect((await m.app.request('/v1/chat/completions', chat('hello'))).status).toBe(200)
    } finally {
      await rm(dir, { recursive: true })
    }
  })

  it('swaps the scenario with setScenario', async () => {
    const m = await mock()
    m.setScenario('version: 1\nrules:\n  - type: llm\n    respond: { content: swapped }\n')
    const body = await (await m.app.request('/v1/chat/completions', chat('anything'))).json()
    expect(body.choices[0].message.content).toBe('swapped')
  })
})
