import { readFileSync } from 'node:fs'
import type { ChatCompletionChunk } from '@mocktopus/responders'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { AnthropicErrors } from './anthropic-errors.js'
import type { StubMessage, WithAnthropicRequestID } from './anthropic-types.js'
import { createStubClient } from './client.js'
import { RateLimitError } from './errors.js'
import { MockStream } from './stream.js'
import { createStub } from './stub.js'
import type { ChatCompletion, WithRequestID } from './types.js'

const SUPPORT = readFileSync(new URL('../../e2e/fixtures/support.yaml', import.meta.url), 'utf8')
const NOW = 1_700_000_000

const SCENARIO = `${SUPPORT}
  - type: llm.openai
    when: { messages_contains: report }
    respond: { content: '{"city":"Paris","temperature_c":22}' }
  - type: llm.openai
    when: { messages_contains: person }
    respond: { json: { name: Ada, age: old } }
  - type: llm.anthropic
    when: { messages_contains: "rate limit" }
    error: { error_type: rate_limit, retry_after: 5 }
  - type: llm.anthropic
    respond: { content: "Hi from Claude", usage: { input_tokens: 4, output_tokens: 3 } }
`

const ask = (content: string) => ({
  model: 'gpt-4o',
  messages: [{ role: 'user' as const, content }],
})

const claude = (content: string) => ({
  model: 'claude-sonnet-5-5',
  max_tokens: 256,
  messages: [{ role: 'user' as const, content }],
})

function stub() {
  return createStub(SCENARIO, { fixedTime: NOW })
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error,
  )
}

function sseData(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice('data: '.length)))
}

describe('withResponse() on the OpenAI stub', () => {
  it('gives a chat completion with its status, rate limits counting down and request id', async () => {
    const { openai } = stub()
    const first = await openai.chat.completions.create(ask('hello')).withResponse()
    const second = await openai.chat.completions.create(ask('hello')).withResponse()
    expect(first.response.status).toBe(200)
    expect(first.data.choices[0]?.message.content).toBe('Hello! How can I help?')
    expect(first.request_id).toMatch(/^req_/)
    expect(first.request_id).toBe(first.data._request_id)
    expect(second.request_id).toBe(second.data._request_id)
    expect(second.request_id).not.toBe(first.request_id)
    const headers = (r: typeof first) => Object.fromEntries(r.response.headers)
    expect(headers(first)).toMatchObject({
      'content-type': 'application/json',
      'x-mocktopus-rule': '0',
      'x-ratelimit-limit-requests': '10000',
      'x-ratelimit-remaining-requests': '9999',
      'x-ratelimit-remaining-tokens': '1999989',
      'x-ratelimit-reset-requests': '1m0s',
    })
    // One more request, and the 11 tokens (5 in, 6 out) of its usage.
    expect(headers(second)).toMatchObject({
      'x-ratelimit-remaining-requests': '9998',
      'x-ratelimit-remaining-tokens': '1999978',
    })
  })

  it('leaves the rate-limit headers off with rateLimitHeaders: false, in sessions too', async () => {
    const { openai, session } = createStub(SCENARIO, { fixedTime: NOW, rateLimitHeaders: false })
    const { response } = await openai.chat.completions.create(ask('hello')).withResponse()
    expect(response.status).toBe(200)
    expect([...response.headers.keys()].filter((name) => name.includes('ratelimit'))).toEqual([])
    const other = await session('other').openai.chat.completions.create(ask('hello')).withResponse()
    expect(other.response.headers.get('x-ratelimit-remaining-requests')).toBeNull()
  })

  it('carries the JSON text the server sends, equal to what await gives', async () => {
    const { openai } = stub()
    const pending = openai.chat.completions.create(ask('hello'))
    const data = await pending
    const response = await pending.asResponse()
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(data)
    const again = await pending.withResponse()
    expect(again.data).toBe(data)
    expect(await again.response.text()).toBe(JSON.stringify(data))
  })

  it('gives a stream its headers and its SSE frames as the body', async () => {
    const { openai } = stub()
    const params = { ...ask('hello'), stream: true as const }
    const { data, response, request_id } = await openai.chat.completions
      .create(params)
      .withResponse()
    expect(data).toBeInstanceOf(MockStream)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('9999')
    expect(request_id).toMatch(/^req_/)
    const chunks: ChatCompletionChunk[] = []
    for await (const chunk of data) chunks.push(chunk)
    const text = await response.text()
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true)
    expect(sseData(text)).toEqual(chunks)
  })

  it('keeps the wire answer under the SDK transforms: embeddings and responses.parse', async () => {
    const { openai } = stub()
    const embedded = await openai.embeddings
      .create({ model: 'text-embedding-3-small', input: 'plain text' })
      .withResponse()
    expect(Array.isArray(embedded.data.data[0]?.embedding)).toBe(true)
    expect(embedded.request_id).toBe(embedded.data._request_id)
    expect(embedded.response.headers.get('x-ratelimit-remaining-requests')).toBe('9999')
    // The body is what went on the wire: base64, which the SDK asks for and decodes.
    const sent = (await embedded.response.json()) as { data: { embedding: unknown }[] }
    expect(typeof sent.data[0]?.embedding).toBe('string')

    const parsed = await openai.responses
      .parse({ model: 'gpt-4o', input: 'report', text: { format: { type: 'json_schema' } } })
      .withResponse()
    expect(parsed.data.output_parsed).toEqual({ city: 'Paris', temperature_c: 22 })
    expect(parsed.request_id).toBe(parsed.data._request_id)
    expect(parsed.response.headers.get('x-ratelimit-remaining-requests')).toBe('9998')
    const body = (await parsed.response.json()) as { id: string; output_text?: unknown }
    expect(body.id).toBe(parsed.data.id)
    expect(body.output_text).toBeUndefined()

    const retrieved = await openai.responses.retrieve(parsed.data.id).withResponse()
    expect(retrieved.data.id).toBe(parsed.data.id)
    expect(retrieved.response.status).toBe(200)
  })

  it('gives the x-mocktopus-warning of an answer off the requested schema', async () => {
    const { openai, requests } = stub()
    const schema = {
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'integer' } },
      required: ['name', 'age'],
      additionalProperties: false,
    }
    const params = {
      ...ask('person'),
      response_format: { type: 'json_schema', json_schema: { name: 'p', schema, strict: true } },
    }
    const { response } = await openai.chat.completions.create(params).withResponse()
    expect(response.headers.get('x-mocktopus-warning')).toBe(
      'respond.json does not match the requested schema at /age: must be integer',
    )
    // The rule's index, as the journal records it.
    expect(response.headers.get('x-mocktopus-rule')).toBe(String(requests()[0]?.ruleIndex))
  })

  it('rejects withResponse() and asResponse() with the typed error of an error answer', async () => {
    const { openai } = stub()
    const pending = openai.chat.completions.create(ask('rate limit'))
    const error = await rejection(pending.withResponse())
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).headers.get('retry-after')).toBe('7')
    expect(await rejection(pending.asResponse())).toBe(error)
    expect(await rejection(pending)).toBe(error)
  })

  it('keeps the types await gave', async () => {
    const client = createStubClient(SCENARIO, { fixedTime: NOW })
    const pending = client.chat.completions.create(ask('hello'))
    expectTypeOf(await pending).toEqualTypeOf<WithRequestID<ChatCompletion>>()
    const streamed = client.chat.completions.create({ ...ask('hello'), stream: true })
    expectTypeOf(await streamed).toEqualTypeOf<MockStream<ChatCompletionChunk>>()
    const { data, response, request_id } = await pending.withResponse()
    expectTypeOf(data).toEqualTypeOf<WithRequestID<ChatCompletion>>()
    expectTypeOf(response).toEqualTypeOf<Response>()
    expectTypeOf(request_id).toEqualTypeOf<string | null>()
    await streamed
  })
})

describe('withResponse() on the Anthropic stub', () => {
  it('gives a message with its rate limits counting down and request-id', async () => {
    const { anthropic } = stub()
    const first = await anthropic.messages.create(claude('hi')).withResponse()
    const second = await anthropic.messages.create(claude('hi again')).withResponse()
    expect(first.response.status).toBe(200)
    expect(first.data.content[0]).toEqual({ type: 'text', text: 'Hi from Claude' })
    expect(first.request_id).toMatch(/^req_/)
    expect(first.request_id).toBe(first.data._request_id)
    expect(first.workspace_id).toBeNull()
    expect(Object.fromEntries(first.response.headers)).toMatchObject({
      'content-type': 'application/json',
      'request-id': first.request_id,
      'anthropic-ratelimit-requests-limit': '10000',
      'anthropic-ratelimit-requests-remaining': '9999',
      'anthropic-ratelimit-tokens-remaining': '1999993',
      'anthropic-ratelimit-requests-reset': '2023-11-14T22:14:20Z',
    })
    expect(Object.fromEntries(second.response.headers)).toMatchObject({
      'anthropic-ratelimit-requests-remaining': '9998',
      'anthropic-ratelimit-tokens-remaining': '1999986',
    })
    const pending = anthropic.messages.create(claude('hi'))
    expect(await (await pending.asResponse()).json()).toEqual(await pending)
    expectTypeOf(await pending).toEqualTypeOf<WithAnthropicRequestID<StubMessage>>()
  })

  it('gives countTokens and models their answers, without rate limits as the API', async () => {
    const { anthropic } = stub()
    const counted = await anthropic.messages
      .countTokens({ model: 'claude-sonnet-5-5', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse()
    expect(counted.response.status).toBe(200)
    expect(counted.data.input_tokens).toBeGreaterThan(0)
    expect(counted.request_id).toMatch(/^req_/)
    expect(counted.request_id).toBe(counted.data._request_id)
    expect(counted.response.headers.get('anthropic-ratelimit-requests-remaining')).toBeNull()
    const listed = await anthropic.models.list({ limit: 2 }).withResponse()
    expect(listed.data.data).toHaveLength(2)
    expect(((await listed.response.json()) as { data: unknown[] }).data).toEqual(listed.data.data)
    const parsed = await anthropic.messages.parse(claude('hi')).withResponse()
    expect(parsed.data.parsed_output).toBeNull()
    expect(parsed.response.headers.get('anthropic-ratelimit-requests-remaining')).toBe('9999')
  })

  it('rejects withResponse() with the typed error of an error answer', async () => {
    const { anthropic } = stub()
    const error = await rejection(anthropic.messages.create(claude('rate limit')).withResponse())
    expect(error).toBeInstanceOf(AnthropicErrors.RateLimitError)
    expect((error as InstanceType<typeof AnthropicErrors.RateLimitError>).status).toBe(429)
  })
})
