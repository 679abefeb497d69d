/**
 * Stub/server parity: for the same scenario and the same sequence of requests, the stub client
 * and the server (through its in-process `fetch`) give equal bodies, equal chunk sequences and
 * equal errors. Runs over every example scenario and the stub's own fixtures, probing each rule
 * through chat completions (plain and streamed), the Responses API (plain and streamed) and
 * embeddings (float, and base64 as the SDK asks for it and decodes it).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fixedClock } from '@mocktopus/responders'
import { parseScenario, type Scenario } from '@mocktopus/scenario'
import { createMocktopus, type Mocktopus } from '@mocktopus/server'
import { createStubClient, MockAPIError, type StubClient } from '@mocktopus/stub'
import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { type Probe, probesFor, sampleFromGlob, sampleFromRegex } from './probes.js'

const root = resolve(import.meta.dirname, '../../../..')
const NOW = 1_700_000_000

function scenarioFiles(): string[] {
  const examples = readdirSync(join(root, 'examples'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(root, 'examples', name))
  return [
    ...examples,
    join(root, 'examples/app/support.yaml'),
    join(root, 'packages/stub/test/fixtures/support.yaml'),
  ]
}

/** What one request came to: a body, a list of chunks, or an error with its status. */
type Outcome =
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

async function viaServer(mock: Mocktopus, path: string, body: unknown): Promise<Outcome> {
  const response = await mock.fetch(`http://mocktopus.local${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    return { kind: 'stream', chunks: parseSSE(await response.text()) }
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
  return { kind: 'json', body: json, requestID: response.headers.get('x-request-id') }
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

function load(file: string): Scenario {
  return parseScenario(readFileSync(file, 'utf8'), { source: relative(root, file) })
}

describe('stub/server parity', () => {
  const files = scenarioFiles()

  it('covers the example scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(7)
  })

  for (const file of files) {
    it(`gives equal answers for ${relative(root, file)}`, async () => {
      const scenario = load(file)
      const clock = fixedClock(NOW, { instant: true })
      const mock = await createMocktopus({ scenario, clock })
      const stub = createStubClient(scenario, { clock })
      const probes = probesFor(scenario)
      const kinds = new Set<string>()
      for (const probe of probes) {
        for (const step of stepsFor(probe)) {
          const [server, stubbed] = await step.run(mock, stub)
          const where = `${relative(root, file)} rule ${probe.rule + 1} (${step.name})`
          expect(stubbed, where).toEqual(server)
          kinds.add(server.kind)
        }
      }
      // Both sides saw the same requests and chose the same rules.
      const served = mock.requests().map((r) => [r.endpoint, r.ruleIndex, r.status])
      const stubbed = stub.requests().map((r) => [r.path, r.ruleIndex, r.status])
      expect(stubbed).toEqual(served)
      expect(served.length).toBeGreaterThan(probes.length)
      expect(kinds.has('json')).toBe(true)
    })
  }

  it('probes reach most rules, so the comparison is not vacuous', () => {
    let rules = 0
    let reached = 0
    for (const file of files) {
      for (const probe of probesFor(load(file))) {
        if (probe.rule < 0) continue
        rules++
        if (probe.reachesRule) reached++
      }
    }
    expect(reached / rules).toBeGreaterThan(0.9)
  })
})

describe('probe samples', () => {
  it('turn globs into a model the glob accepts', () => {
    expect(sampleFromGlob('gpt-4o*')).toBe('gpt-4o')
    expect(sampleFromGlob('o[1-9]*')).toBe('o1')
    expect(sampleFromGlob('gpt-?')).toBe('gpt-x')
  })

  it('turn regexes into text the regex accepts', () => {
    expect(sampleFromRegex('\\d+\\s*\\+\\s*\\d+')).toBe('2 + 2')
    expect(sampleFromRegex('weather|temperature')).toBe('weather')
    expect(sampleFromRegex('Triage:.*(charged|refund)')).toBe('Triage:xcharged')
    expect(sampleFromRegex('(?P<city>[A-Z][a-z]+) weather')).toBe('Aa weather')
  })
})
