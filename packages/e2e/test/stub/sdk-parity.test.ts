/**
 * What an application sees: the `openai` SDK talking to the server (through the in-process
 * `fetch`) and the stub client, side by side on the same calls. Results, `_request_id`, stream
 * chunks and errors (class, status, fields, headers) must be the same.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fixedClock } from '@mocktopus/responders'
import { createMocktopus } from '@mocktopus/server'
import { createStubClient, MockAPIError, NoMatchingRuleError } from '@mocktopus/stub'
import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../../..')
const SCENARIO = readFileSync(resolve(root, 'packages/e2e/fixtures/support.yaml'), 'utf8')

async function pair() {
  const clock = fixedClock(1_700_000_000, { instant: true })
  const mock = await createMocktopus({ scenario: SCENARIO, clock })
  const sdk = new OpenAI({
    apiKey: 'test',
    baseURL: 'http://mocktopus.local/v1',
    fetch: mock.fetch,
    maxRetries: 0,
  })
  const stub = createStubClient(SCENARIO, { clock })
  return { sdk, stub }
}

const ask = (content: string) => ({
  model: 'gpt-4o',
  messages: [{ role: 'user' as const, content }],
})

async function settled<T>(promise: Promise<T>): Promise<T | Error> {
  return promise.catch((error: Error) => error)
}

async function chunks(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = []
  for await (const chunk of stream) out.push(chunk)
  return out
}

describe('the openai SDK over the server and the stub', () => {
  it('return equal chat completions, with equal _request_id', async () => {
    const { sdk, stub } = await pair()
    for (const prompt of ['hello', 'weather in Paris?', 'limited', 'limited']) {
      const viaSDK = await sdk.chat.completions.create(ask(prompt))
      const viaStub = await stub.chat.completions.create(ask(prompt))
      expect(viaStub, prompt).toEqual(viaSDK)
      expect(viaStub._request_id).toBe(viaSDK._request_id)
    }
  })

  it('yield equal stream chunks', async () => {
    const { sdk, stub } = await pair()
    for (const prompt of ['hello', 'weather?']) {
      const params = {
        ...ask(prompt),
        stream: true as const,
        stream_options: { include_usage: true },
      }
      const viaSDK = await chunks(await sdk.chat.completions.create(params))
      const viaStub = await chunks(await stub.chat.completions.create(params))
      expect(viaStub, prompt).toEqual(viaSDK)
    }
  })

  it('return equal embeddings, decoded from base64 as the SDK does', async () => {
    const { sdk, stub } = await pair()
    const cases = [
      { model: 'text-embedding-3-small', input: 'plain text' },
      { model: 'text-embedding-3-small', input: ['pinned a', 'pinned b'] },
      { model: 'text-embedding-3-large', input: 'x', dimensions: 16 },
      { model: 'text-embedding-3-small', input: 'x', encoding_format: 'float' as const },
      { model: 'text-embedding-3-small', input: 'x', encoding_format: 'base64' as const },
    ]
    for (const params of cases) {
      const viaSDK = await sdk.embeddings.create(params)
      const viaStub = await stub.embeddings.create(params)
      expect(viaStub, JSON.stringify(params)).toEqual(viaSDK)
    }
  })

  it('return equal Responses API objects, output_text included', async () => {
    const { sdk, stub } = await pair()
    const first = await sdk.responses.create({ model: 'gpt-4o', input: 'weather?' })
    const stubFirst = await stub.responses.create({ model: 'gpt-4o', input: 'weather?' })
    expect(stubFirst).toEqual(first)
    const follow = { model: 'gpt-4o', input: 'hello', previous_response_id: first.id }
    const viaSDK = await sdk.responses.create(follow)
    const viaStub = await stub.responses.create(follow)
    expect(viaStub).toEqual(viaSDK)
    expect(viaStub.output_text).toBe(viaSDK.output_text)
    const streamed = { model: 'gpt-4o', input: 'hello', stream: true as const }
    expect(await chunks(await stub.responses.create(streamed))).toEqual(
      await chunks(await sdk.responses.create(streamed)),
    )
  })

  it('retrieve and delete stored responses alike, with equal journals', async () => {
    const clock = fixedClock(1_700_000_000, { instant: true })
    const mock = await createMocktopus({ scenario: SCENARIO, clock })
    const sdk = new OpenAI({
      apiKey: 'test',
      baseURL: 'http://mocktopus.local/v1',
      fetch: mock.fetch,
      maxRetries: 0,
    })
    const stub = createStubClient(SCENARIO, { clock })
    const { id } = await sdk.responses.create({ model: 'gpt-4o', input: 'hello' })
    await stub.responses.create({ model: 'gpt-4o', input: 'hello' })
    expect(await stub.responses.retrieve(id)).toEqual(await sdk.responses.retrieve(id))
    expect(await stub.responses.delete(id)).toEqual(await sdk.responses.delete(id))
    const [a, b] = [
      (await settled(sdk.responses.retrieve(id))) as InstanceType<typeof OpenAI.APIError>,
      (await settled(stub.responses.retrieve(id))) as MockAPIError,
    ]
    expect([b.name, b.status, b.message, b.param]).toEqual([
      a.constructor.name,
      a.status,
      a.message,
      a.param,
    ])
    const comparable = (entries: readonly { durationMs: number }[]) =>
      entries.map((entry) => ({ ...entry, durationMs: 0 }))
    expect(comparable(stub.requests())).toEqual(comparable(mock.requests()))
  })

  it('throw errors of the same class with the same fields', async () => {
    const { sdk, stub } = await pair()
    const prompts = ['rate limit', 'auth', 'invalid', 'timeout', 'server', 'filter', 'forbidden']
    for (const prompt of [...prompts, 'nothing at all']) {
      const params = { ...ask(prompt), model: prompt === 'nothing at all' ? 'zz' : 'gpt-4o' }
      const viaSDK = await settled(sdk.chat.completions.create(params))
      const viaStub = await settled(stub.chat.completions.create(params))
      expect(viaSDK, prompt).toBeInstanceOf(OpenAI.APIError)
      expect(viaStub, prompt).toBeInstanceOf(MockAPIError)
      const a = viaSDK as InstanceType<typeof OpenAI.APIError>
      const b = viaStub as MockAPIError
      const name = b instanceof NoMatchingRuleError ? 'NotFoundError' : b.name
      expect(name, prompt).toBe(a.constructor.name)
      expect([b.status, b.message, b.code, b.type, b.param, b.requestID], prompt).toEqual([
        a.status,
        a.message,
        a.code,
        a.type,
        a.param,
        a.requestID,
      ])
      expect(b.error).toEqual(a.error)
      expect(b.headers.get('retry-after')).toBe(a.headers?.get('retry-after') ?? null)
    }
  })

  it('reject the same malformed requests with the same param', async () => {
    const { sdk, stub } = await pair()
    const bad = { model: 'gpt-4o', messages: [{ role: 'robot', content: 'x' }] }
    const viaSDK = (await settled(sdk.chat.completions.create(bad as never))) as InstanceType<
      typeof OpenAI.APIError
    >
    const viaStub = (await settled(stub.chat.completions.create(bad))) as MockAPIError
    expect([viaStub.name, viaStub.status, viaStub.param, viaStub.message]).toEqual([
      viaSDK.constructor.name,
      viaSDK.status,
      viaSDK.param,
      viaSDK.message,
    ])
  })
})
