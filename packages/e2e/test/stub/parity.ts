/**
 * The machinery of the stub/server parity tests: send the same requests to a server (through
 * its in-process `fetch`) and to a stub client built from the same scenario with the same
 * clock, and reduce each answer to a comparable outcome.
 */
import { fixedClock, MESSAGES } from '@mocktopus/responders'
import type { Scenario } from '@mocktopus/scenario'
import { createMocktopus, type Mocktopus } from '@mocktopus/server'
import {
  AnthropicErrors,
  createStub,
  MockAPIError,
  type Stub,
  type StubClient,
} from '@mocktopus/stub'
import OpenAI from 'openai'
import { expect } from 'vitest'
import { type Probe, probesFor } from './probes.js'

const NOW = 1_700_000_000

/** What one request came to: a body, a list of chunks, or an error with its status. */
export type Outcome =
  | { readonly kind: 'json'; readonly body: unknown; readonly requestID: string | null }
  | { readonly kind: 'stream'; readonly chunks: unknown[] }
  | {
      readonly kind: 'error'
      readonly status: number
      readonly body: unknown
      readonly retryAfter: string | null
    }

function parseSSE(text: string): unknown[] {
  const chunks: unknown[] = []
  for (const frame of text.split('\n\n')) {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice('data: '.length))
      .join('\n')
    if (data && data !== '[DONE]') chunks.push(JSON.parse(data))
  }
  return chunks
}

async function viaServer(
  mock: Mocktopus,
  path: string,
  body: unknown,
  requestIdHeader = 'x-request-id',
): Promise<Outcome> {
  const response = await mock.fetch(`http://mocktopus.local${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    // The Anthropic SDK drops `ping` events; so does its stub.
    const chunks = parseSSE(await response.text()).filter(
      (chunk) => (chunk as { type?: unknown }).type !== 'ping',
    )
    return { kind: 'stream', chunks }
  }
  const json = await response.json()
  if (response.status >= 400) {
    return {
      kind: 'error',
      status: response.status,
      body: json,
      retryAfter: response.headers.get('retry-after'),
    }
  }
  return { kind: 'json', body: json, requestID: response.headers.get(requestIdHeader) }
}

async function viaStub(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await call()
    if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
      const chunks: unknown[] = []
      for await (const chunk of result as AsyncIterable<unknown>) chunks.push(chunk)
      return { kind: 'stream', chunks }
    }
    const requestID = (result as { _request_id?: string | null })._request_id ?? null
    return { kind: 'json', body: result, requestID }
  } catch (error) {
    if (error instanceof AnthropicErrors.APIError) {
      expectAnthropicShapedError(error)
      return {
        kind: 'error',
        status: error.status ?? 0,
        body: error.error,
        retryAfter: error.headers?.get('retry-after') ?? null,
      }
    }
    if (!(error instanceof MockAPIError)) throw error
    expectSDKShapedError(error)
    return {
      kind: 'error',
      status: error.status,
      body: error.body,
      retryAfter: error.headers.get('retry-after'),
    }
  }
}

function classNames(value: object): string[] {
  const names: string[] = []
  for (
    let p = Object.getPrototypeOf(value);
    p && p !== Error.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    names.push(p.constructor.name)
  }
  return names
}

/** The error the `openai` SDK builds from the same status, body and headers. */
function expectSDKShapedError(error: MockAPIError): void {
  const sdk = OpenAI.APIError.generate(
    error.status,
    error.body as object,
    undefined,
    error.headers,
  ) as InstanceType<typeof OpenAI.APIError>
  expect(classNames(error)).toContain(sdk.constructor.name)
  expect(error.message).toBe(sdk.message)
  expect([error.status, error.code, error.type, error.param]).toEqual([
    sdk.status,
    sdk.code,
    sdk.type,
    sdk.param,
  ])
  expect(error.error).toEqual(sdk.error)
}

/** The Anthropic stub's error carries what `@anthropic-ai/sdk` reads from the same answer. */
function expectAnthropicShapedError(error: InstanceType<typeof AnthropicErrors.APIError>): void {
  const body = error.error
  expect(error.message).toBe(`${error.status} ${JSON.stringify(body)}`)
  expect([error.type, error.apiMessage, error.requestID]).toEqual([
    body?.error?.type,
    body?.error?.message,
    error.headers?.get('request-id'),
  ])
}

// The SDK adds `output_text` to every response object; the stub does too.
function withOutputText(body: unknown): unknown {
  const response = body as { object?: string; output?: { type: string; content?: unknown[] }[] }
  if (response?.object !== 'response') return body
  const texts: string[] = []
  for (const item of response.output ?? []) {
    if (item.type !== 'message') continue
    for (const part of (item.content ?? []) as { type: string; text: string }[]) {
      if (part.type === 'output_text') texts.push(part.text)
    }
  }
  return { ...response, output_text: texts.join('') }
}

function decodeBase64Vectors(outcome: Outcome): Outcome {
  if (outcome.kind !== 'json') return outcome
  const body = outcome.body as { data: { embedding: string }[] }
  return {
    ...outcome,
    body: {
      ...body,
      data: body.data.map((item) => {
        const bytes = Buffer.from(item.embedding, 'base64')
        const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4)
        return { ...item, embedding: Array.from(floats) }
      }),
    },
  }
}

interface Step {
  readonly name: string
  run(mock: Mocktopus, stub: StubClient): Promise<[server: Outcome, stub: Outcome]>
}

interface AnthropicStep {
  readonly name: string
  run(mock: Mocktopus, stub: Stub['anthropic']): Promise<[server: Outcome, stub: Outcome]>
}

/** A chat probe as a Messages API request: system messages become `system`. */
function anthropicStepsFor(probe: Probe): AnthropicStep[] {
  const messages = probe.messages ?? []
  const system = messages.filter((m) => m.role === 'system').map((m) => m.content)
  const body = {
    model: probe.model,
    max_tokens: 256,
    messages: messages.filter((m) => m.role !== 'system'),
    ...(system.length > 0 ? { system: system.join('\n') } : {}),
  }
  return [false, true].map((stream) => ({
    name: stream ? 'anthropic messages, streamed' : 'anthropic messages',
    async run(mock, stub) {
      const params = stream ? { ...body, stream } : body
      return [
        await viaServer(mock, MESSAGES.path, params, 'request-id'),
        await viaStub(() => stub.messages.create(params)),
      ]
    },
  }))
}

function stepsFor(probe: Probe): Step[] {
  const { model } = probe
  if (probe.kind === 'embeddings') {
    const input = probe.input ?? []
    return [
      {
        name: 'embeddings, float',
        async run(mock, stub) {
          const body = { model, input, encoding_format: 'float' as const }
          return [
            await viaServer(mock, '/v1/embeddings', body),
            await viaStub(() => stub.embeddings.create(body)),
          ]
        },
      },
      {
        name: 'embeddings, base64 decoded as the SDK does, 8 dimensions',
        async run(mock, stub) {
          const body = { model, input, dimensions: 8 }
          const server = await viaServer(mock, '/v1/embeddings', {
            ...body,
            encoding_format: 'base64',
          })
          return [decodeBase64Vectors(server), await viaStub(() => stub.embeddings.create(body))]
        },
      },
    ]
  }
  const messages = probe.messages ?? []
  const chat = { model, messages }
  const input = messages.map((m) => ({ role: m.role, content: m.content }))
  return [
    {
      name: 'chat',
      async run(mock, stub) {
        return [
          await viaServer(mock, '/v1/chat/completions', chat),
          await viaStub(() => stub.chat.completions.create(chat)),
        ]
      },
    },
    {
      name: 'chat, streamed with usage',
      async run(mock, stub) {
        const body = { ...chat, stream: true, stream_options: { include_usage: true } }
        return [
          await viaServer(mock, '/v1/chat/completions', body),
          await viaStub(() => stub.chat.completions.create(body)),
        ]
      },
    },
    {
      name: 'responses',
      async run(mock, stub) {
        const body = { model, input }
        const server = await viaServer(mock, '/v1/responses', body)
        const withText: Outcome =
          server.kind === 'json' ? { ...server, body: withOutputText(server.body) } : server
        return [withText, await viaStub(() => stub.responses.create(body))]
      },
    },
    {
      name: 'responses, streamed',
      async run(mock, stub) {
        const body = { model, input, stream: true }
        return [
          await viaServer(mock, '/v1/responses', body),
          await viaStub(() => stub.responses.create(body)),
        ]
      },
    },
  ]
}

/**
 * Runs one probe per rule of the scenario (each through every step its kind has) against a
 * fresh server and a fresh stub, and asserts equal outcomes and equal journals.
 */
export async function expectParity(scenario: Scenario, label: string): Promise<void> {
  const clock = fixedClock(NOW, { instant: true })
  const mock = await createMocktopus({ scenario, clock })
  const stub = createStub(scenario, { clock })
  const probes = probesFor(scenario)
  const kinds = new Set<string>()
  for (const probe of probes) {
    for (const step of stepsFor(probe)) {
      const [server, stubbed] = await step.run(mock, stub.openai)
      expect(stubbed, `${label} rule ${probe.rule + 1} (${step.name})`).toEqual(server)
      kinds.add(server.kind)
    }
  }
  // The Anthropic stub on the same engine, after the OpenAI calls: shared `times` counters and
  // one journal, as the server has.
  for (const probe of probesFor(scenario, { provider: 'anthropic' })) {
    for (const step of anthropicStepsFor(probe)) {
      const [server, stubbed] = await step.run(mock, stub.anthropic)
      expect(stubbed, `${label} rule ${probe.rule + 1} (${step.name})`).toEqual(server)
    }
  }
  // Both journals hold the same entries in the same order (each stream was read to its end
  // before the next request); only the time spent differs.
  const comparable = (entries: readonly { durationMs: number; time: string }[]) =>
    entries.map((entry) => ({ ...entry, durationMs: 0 }))
  const served = comparable(mock.requests())
  expect(comparable(stub.requests())).toEqual(served)
  expect(served.length).toBeGreaterThan(probes.length)
  expect(kinds.has('json')).toBe(true)
}
