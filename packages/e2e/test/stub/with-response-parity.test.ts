/**
 * `withResponse()` as an application reads it: the real SDKs against the real server over HTTP
 * on 127.0.0.1, and the stub, on the same calls with the same clock. Status, header names and
 * values (rate limits counting down, request ids, the rule that answered) and the request id
 * must be the same; only the transport's own headers (`date`, `connection`, ...) are the
 * server's alone.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import { fixedClock } from '@mocktopus/responders'
import { createMocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import { createStub, type Stub } from '@mocktopus/stub'
import OpenAI from 'openai'
import { afterEach, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../../..')
const SCENARIO = `${readFileSync(resolve(root, 'packages/e2e/fixtures/support.yaml'), 'utf8')}
  - type: llm.anthropic
    respond: { content: "Hi from Claude", usage: { input_tokens: 4, output_tokens: 3 } }
`

// What Node's HTTP server adds to every answer, and the server's CORS headers (on by default,
// for browsers): the stub has no socket and no browser to answer.
const TRANSPORT = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
])
const own = (name: string) => !TRANSPORT.has(name) && !name.startsWith('access-control-')

let server: RunningServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

// A server and a stub on one frozen clock, so `created`, ids and rate-limit resets agree.
async function pair(): Promise<{ openai: OpenAI; anthropic: Anthropic; stub: Stub }> {
  const clock = fixedClock(1_700_000_000, { instant: true })
  const mock = await createMocktopus({ scenario: SCENARIO, clock })
  server = await serve(mock, { port: 0 })
  const openai = new OpenAI({ apiKey: 'test', baseURL: `${server.url}/v1`, maxRetries: 0 })
  const anthropic = new Anthropic({ apiKey: 'test', baseURL: server.url, maxRetries: 0 })
  return { openai, anthropic, stub: createStub(SCENARIO, { clock }) }
}

function answerHeaders(response: Response): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of response.headers) if (own(name)) out[name] = value
  return out
}

const ask = (content: string) => ({
  model: 'gpt-4o',
  messages: [{ role: 'user' as const, content }],
})

describe('withResponse() of the openai SDK over the server and of the stub', () => {
  it('gives equal status, headers and request ids for chat calls, streamed or not', async () => {
    const { openai, stub } = await pair()
    const calls: (ReturnType<typeof ask> & { stream?: boolean })[] = [
      ask('hello'),
      ask('weather in Paris?'),
      { ...ask('hello'), stream: true },
    ]
    for (const params of calls) {
      const viaSDK = await openai.chat.completions.create(params).withResponse()
      const viaStub = await stub.openai.chat.completions.create(params).withResponse()
      const label = JSON.stringify(params)
      expect(viaStub.response.status, label).toBe(viaSDK.response.status)
      expect(answerHeaders(viaStub.response), label).toEqual(answerHeaders(viaSDK.response))
      expect(viaStub.request_id, label).toBe(viaSDK.request_id)
      expect(viaSDK.response.headers.get('x-ratelimit-remaining-requests')).not.toBeNull()
      if (!params.stream) expect(viaStub.data).toEqual(viaSDK.data)
    }
    // The SSE body of a stream, as the server sent it.
    const streamed = { ...ask('hello'), stream: true as const }
    const raw = await openai.chat.completions.create(streamed).asResponse()
    const stubRaw = await stub.openai.chat.completions.create(streamed).asResponse()
    expect(await stubRaw.text()).toBe(await raw.text())
  })

  it('gives equal headers for an Anthropic message, a message stream and a token count', async () => {
    const { anthropic, stub } = await pair()
    const params = {
      model: 'claude-sonnet-5-5',
      max_tokens: 256,
      messages: [{ role: 'user' as const, content: 'hi' }],
    }
    for (let i = 0; i < 2; i++) {
      const viaSDK = await anthropic.messages.create(params).withResponse()
      const viaStub = await stub.anthropic.messages.create(params).withResponse()
      expect(answerHeaders(viaStub.response)).toEqual(answerHeaders(viaSDK.response))
      expect(viaStub.request_id).toBe(viaSDK.request_id)
      expect(viaSDK.response.headers.get('anthropic-ratelimit-requests-remaining')).toBe(
        String(9999 - i),
      )
    }
    // `messages.stream()`: the stream itself, with the answer's headers and request id.
    const streamed = await anthropic.messages.stream(params).withResponse()
    const stubStreamed = await stub.anthropic.messages.stream(params).withResponse()
    expect(answerHeaders(stubStreamed.response)).toEqual(answerHeaders(streamed.response))
    expect(stubStreamed.request_id).toBe(streamed.request_id)
    expect(stubStreamed.workspace_id).toBe(streamed.workspace_id)
    expect(await stubStreamed.data.finalText()).toBe(await streamed.data.finalText())
    expect(stubStreamed.data.request_id).toBe(streamed.data.request_id)
    const count = { model: params.model, messages: params.messages }
    const counted = await anthropic.messages.countTokens(count).withResponse()
    const stubCounted = await stub.anthropic.messages.countTokens(count).withResponse()
    expect(answerHeaders(stubCounted.response)).toEqual(answerHeaders(counted.response))
    expect(stubCounted.data).toEqual(counted.data)
  })
})
