/**
 * Property: whatever body reaches any endpoint through `mock.fetch`, the server answers without
 * a 5xx (unless a rule asks for one), every error is in its provider's envelope, and every
 * stream runs to its end. The endpoints come from the malformed-input corpus, which a server
 * test keeps in step with the registered routes.
 */
import { readFileSync } from 'node:fs'
import { createMocktopus, type Mocktopus, RULE_HEADER } from '@mocktopus/server'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'

interface Endpoint {
  readonly method: string
  readonly path: string
  readonly provider: 'openai' | 'anthropic' | 'gemini' | 'ollama'
  readonly valid?: Record<string, unknown>
  readonly fields?: Record<string, readonly string[]>
}

const corpus = new URL('../../../server/test/fixtures/malformed/endpoints.json', import.meta.url)
const { endpoints } = JSON.parse(readFileSync(corpus, 'utf8')) as { endpoints: Endpoint[] }
const posts = endpoints.filter((endpoint) => endpoint.method === 'POST' && endpoint.valid)

// Rule 0 is the only one allowed to answer 5xx.
const SCENARIO = `
version: 1
rules:
  - type: llm
    when: { messages_contains: "please fail" }
    error: { error_type: server_error }
  - type: llm
    when: { messages_contains: "stream slowly" }
    respond: { content: "one two three four", chunk_size: 1 }
  - type: llm
    respond: { content: "Hello from the properties." }
  - type: embeddings
    respond: {}
`
const RUNS = 200

function isEnvelope(body: unknown, provider: Endpoint['provider']): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false
  // Ollama: `{ "error": "message" }`.
  if (provider === 'ollama') {
    const { error } = body as { error?: unknown }
    return Object.keys(body).join() === 'error' && typeof error === 'string' && error !== ''
  }
  const { error } = body as { error?: Record<string, unknown> }
  // Gemini: `{ "error": { "code": 400, "message", "status": "INVALID_ARGUMENT" } }`.
  if (provider === 'gemini') {
    return (
      Object.keys(body).join() === 'error' &&
      typeof error === 'object' &&
      error !== null &&
      typeof error.code === 'number' &&
      typeof error.message === 'string' &&
      typeof error.status === 'string'
    )
  }
  if (typeof error !== 'object' || error === null) return false
  if (typeof error.message !== 'string' || typeof error.type !== 'string') return false
  if (provider === 'openai') {
    return (
      Object.keys(body).join() === 'error' &&
      (error.param === null || typeof error.param === 'string') &&
      (error.code === null || typeof error.code === 'string')
    )
  }
  const { type, request_id } = body as { type?: unknown; request_id?: unknown }
  return type === 'error' && typeof request_id === 'string'
}

async function check(res: Response, provider: Endpoint['provider']): Promise<void> {
  if (res.status >= 500) expect(res.headers.get(RULE_HEADER)).toBe('0')
  const type = res.headers.get('content-type') ?? ''
  if (res.status >= 400) {
    expect(type).toBe('application/json')
    const text = await res.text()
    expect(isEnvelope(JSON.parse(text), provider), `${res.status} ${text.slice(0, 200)}`).toBe(true)
    return
  }
  expect(res.status).toBe(200)
  if (type.startsWith('text/event-stream')) {
    // The stream must end by itself, without an error (Gemini's frames end in CRLF pairs).
    expect(await res.text()).toMatch(/(\n\n|\r\n\r\n)$/)
  } else if (type.startsWith('application/x-ndjson')) {
    // Ollama: one whole JSON object a line, the last one `done`.
    const lines = (await res.text()).split('\n')
    expect(lines.pop()).toBe('')
    const last = lines.map((line) => JSON.parse(line)).at(-1) as { done?: boolean }
    expect(last.done).toBe(true)
  } else {
    expect(type).toBe('application/json')
    JSON.parse(await res.text())
  }
}

// A value of any JSON type, deep enough to hit every branch of the parsers.
const jsonValue = fc.jsonValue({ maxDepth: 4 })

/** The endpoint's valid body with some fields replaced by random values or removed. */
function mutated(endpoint: Endpoint): fc.Arbitrary<unknown> {
  const valid = endpoint.valid as Record<string, unknown>
  const keys = [...Object.keys(endpoint.fields ?? {}), 'messages', 'input', 'stream', 'extra']
  const topKeys = [...new Set(keys.map((key) => key.split('.')[0] as string))]
  return fc
    .record({
      set: fc.dictionary(fc.constantFrom(...topKeys), jsonValue, { maxKeys: 3 }),
      drop: fc.subarray(Object.keys(valid)),
      content: fc.oneof(
        fc.string(),
        fc.constantFrom('please fail', 'stream slowly', '__proto__', ''),
      ),
    })
    .map(({ set, drop, content }) => {
      const body: Record<string, unknown> = { ...valid, messages: [{ role: 'user', content }] }
      if ('input' in valid) body.input = content
      if ('prompt' in valid) body.prompt = content
      for (const key of drop) delete body[key]
      return { ...body, ...set }
    })
}

function rawBody(endpoint: Endpoint): fc.Arbitrary<string | Uint8Array<ArrayBuffer>> {
  return fc.oneof(
    mutated(endpoint).map((body) => JSON.stringify(body)),
    fc.json(),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => new Uint8Array(bytes)),
    fc.jsonValue().map((value) => JSON.stringify({ ...endpoint.valid, extra: value })),
  )
}

let mock: Mocktopus
beforeAll(async () => {
  mock = await createMocktopus({ scenario: SCENARIO, fixedTime: 1_700_000_000 })
})

describe('any request body', () => {
  it.each(posts)('never gets a 5xx it did not ask for on $path', async (endpoint) => {
    const seen = new Set<number>()
    await fc.assert(
      fc.asyncProperty(rawBody(endpoint), async (body) => {
        const res = await mock.fetch(`http://mocktopus.test${endpoint.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
        seen.add(Math.floor(res.status / 100))
        await check(res, endpoint.provider)
      }),
      { numRuns: RUNS },
    )
    // The bodies reach past the parser: some are answered, some refused.
    expect(seen).toContain(2)
    expect(seen).toContain(4)
  })
})

describe('any path and method', () => {
  it('gets a JSON answer, never a 5xx or plain text', async () => {
    const segment = fc.oneof(
      fc.constantFrom('v1', 'models', 'responses', 'messages', '_mocktopus', 'health', '..'),
      fc.webSegment(),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.array(segment, { maxLength: 5 }),
        async (method, segments) => {
          const res = await mock.fetch(`http://mocktopus.test/${segments.join('/')}`, {
            method,
            ...(method === 'GET' ? {} : { body: '{}' }),
          })
          expect(res.status).toBeLessThan(500)
          const type = res.headers.get('content-type') ?? ''
          if (res.status >= 400) expect(type).toBe('application/json')
          await res.arrayBuffer()
        },
      ),
      { numRuns: RUNS },
    )
  })
})
