/**
 * The malformed-input corpus (test/fixtures/malformed/) against every endpoint: each bad
 * request gets a 4xx in its provider's error envelope, never a 5xx or a plain-text body, nothing
 * leaks into `Object.prototype`, and the server keeps answering afterwards.
 */
import { readFileSync } from 'node:fs'
import { ENDPOINT_TABLE } from '@mocktopus/responders'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMocktopus, type Mocktopus } from '../src/mocktopus.js'
import { type RunningServer, serve } from '../src/node.js'
import {
  CORPUS_SCENARIO,
  deepArray,
  deepObject,
  expectEnvelope,
  type Provider,
} from './reliability-helpers.js'

interface Endpoint {
  readonly method: string
  readonly path: string
  readonly pattern?: string
  readonly provider: Provider
  readonly valid?: Record<string, unknown>
  readonly fields?: Record<string, readonly string[]>
  readonly tooling?: boolean
}

interface BodyCase {
  readonly file: string
  readonly contentType?: string
  readonly expect: 'reject' | 'survive'
}

const fixture = (name: string) => new URL(`./fixtures/malformed/${name}`, import.meta.url)
const { endpoints } = JSON.parse(readFileSync(fixture('endpoints.json'), 'utf8')) as {
  endpoints: Endpoint[]
}
const { bodies, contentTypes } = JSON.parse(readFileSync(fixture('bodies.json'), 'utf8')) as {
  bodies: BodyCase[]
  contentTypes: { accept: (string | null)[]; reject: string[] }
}
const posts = endpoints.filter((endpoint) => endpoint.method === 'POST' && endpoint.valid)
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

// One value of each JSON type, for putting the wrong one in every field.
const SAMPLES: Record<string, unknown> = {
  string: 'text',
  integer: 7,
  decimal: 0.5,
  boolean: true,
  null: null,
  array: [1, 'two'],
  object: { a: 1 },
}

function withField(body: Record<string, unknown>, path: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>
  const keys = path.split('.')
  let node: Record<string, unknown> = copy
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {}
    node = node[key] as Record<string, unknown>
  }
  node[keys.at(-1) as string] = value
  return copy
}

let mock: Mocktopus
beforeAll(async () => {
  mock = await createMocktopus({ scenario: CORPUS_SCENARIO, fixedTime: 1_700_000_000 })
})

function send(
  endpoint: Pick<Endpoint, 'method' | 'path'>,
  body?: BodyInit | null,
  headers: Record<string, string> = {},
): Promise<Response> {
  return mock.fetch(`http://mocktopus.test${endpoint.path}`, {
    method: endpoint.method,
    headers,
    ...(body === undefined || body === null ? {} : { body }),
  })
}

const json = { 'content-type': 'application/json' }

describe('the malformed-input corpus', () => {
  it('lists every endpoint in the endpoint table', () => {
    const listed = new Set(endpoints.map((e) => `${e.method} ${e.pattern ?? e.path}`))
    const registered = ENDPOINT_TABLE.map((row) => `${row.method} ${row.path}`)
    expect(registered.length).toBeGreaterThan(0)
    for (const route of registered) expect(listed, route).toContain(route)
  })

  describe.each(posts)('$method $path', (endpoint) => {
    const valid = endpoint.valid as Record<string, unknown>

    it('accepts the corpus valid body (so each rejection below is due to its defect)', async () => {
      const res = await send(endpoint, JSON.stringify(valid), json)
      expect(res.status, await res.clone().text()).toBe(200)
    })

    it.each(bodies)('answers $file', async (body) => {
      const bytes = readFileSync(fixture(`bodies/${body.file}`))
      const headers: Record<string, string> = body.contentType
        ? { 'content-type': body.contentType }
        : json
      const res = await send(endpoint, bytes, headers)
      if (body.expect === 'reject') {
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        await expectEnvelope(res, endpoint.provider)
      } else {
        expect(res.status).toBeLessThan(500)
        if (res.status >= 400) await expectEnvelope(res, endpoint.provider)
        // Ollama streams NDJSON unless the body says `stream: false`.
        else expect(res.headers.get('content-type')).toMatch(/^application\/(json|x-ndjson)$/)
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })

    it.each(contentTypes.accept)('accepts a JSON body sent as %s', async (type) => {
      const bytes = new TextEncoder().encode(JSON.stringify(valid))
      const res = await send(endpoint, bytes, type === null ? {} : { 'content-type': type })
      expect(res.status).toBe(200)
    })

    it.each(contentTypes.reject)('refuses a JSON body sent as %s', async (type) => {
      const res = await send(endpoint, JSON.stringify(valid), { 'content-type': type })
      expect(res.status).toBe(400)
      const body = await expectEnvelope(res, endpoint.provider)
      expect(JSON.stringify(body)).toContain('content-type')
    })

    const wrongTypes = Object.entries(endpoint.fields ?? {}).flatMap(([field, accepted]) =>
      Object.keys(SAMPLES)
        .filter((type) => !accepted.includes(type))
        .filter((type) => !(type === 'integer' && accepted.includes('decimal')))
        .map((type) => ({ field, type })),
    )
    it.each(wrongTypes)('refuses $field as $type', async ({ field, type }) => {
      const res = await send(endpoint, JSON.stringify(withField(valid, field, SAMPLES[type])), json)
      expect(res.status).toBe(400)
      await expectEnvelope(res, endpoint.provider)
    })

    it('refuses JSON nested 100,000 deep, as an object or as an array', async () => {
      for (const deep of [deepObject(100_000), deepArray(100_000)]) {
        const text = `${JSON.stringify(valid).slice(0, -1)},"metadata":${deep}}`
        const res = await send(endpoint, text, json)
        expect(res.status).toBe(400)
        await expectEnvelope(res, endpoint.provider)
      }
      const res = await send(endpoint, deepArray(100_000), json)
      expect(res.status).toBe(400)
      await expectEnvelope(res, endpoint.provider)
    })

    it('survives very long strings in every string field and as keys', async () => {
      const long = 'x'.repeat(1_000_000)
      const stringFields = Object.entries(endpoint.fields ?? {})
        .filter(([, accepted]) => accepted.includes('string'))
        .map(([field]) => field)
      for (const field of [...stringFields, 'metadata.note']) {
        const res = await send(endpoint, JSON.stringify(withField(valid, field, long)), json)
        expect(res.status, field).toBeLessThan(500)
        if (res.status >= 400) await expectEnvelope(res, endpoint.provider)
        else await res.arrayBuffer()
      }
      const res = await send(endpoint, JSON.stringify({ ...valid, [long]: long }), json)
      expect(res.status).toBeLessThan(500)
      await res.arrayBuffer()
    })

    it('survives 20,000 keys and 20,000 array items', async () => {
      const keys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]))
      const items = Array.from({ length: 20_000 }, () => ({ role: 'user', content: 'x' }))
      for (const body of [
        { ...valid, ...keys },
        { ...valid, messages: items, input: items },
      ]) {
        const res = await send(endpoint, JSON.stringify(body), json)
        expect(res.status).toBeLessThan(500)
        if (res.status >= 400) await expectEnvelope(res, endpoint.provider)
        else await res.arrayBuffer()
      }
    })
  })

  describe('bodies over the size limit', () => {
    it.each(posts)('answers 413 on $path, declared or streamed', async (endpoint) => {
      const small = await createMocktopus({ scenario: CORPUS_SCENARIO, bodyLimit: 1024 })
      const padded = JSON.stringify({ ...endpoint.valid, pad: 'x'.repeat(1024) })
      const declared = await small.fetch(`http://mocktopus.test${endpoint.path}`, {
        method: 'POST',
        headers: json,
        body: padded,
      })
      expect(declared.status).toBe(413)
      await expectEnvelope(declared, endpoint.provider)
      // No content-length: the limit must hold while reading, not only by the header.
      const chunks = new TextEncoder().encode(padded)
      const streamed = await small.fetch(`http://mocktopus.test${endpoint.path}`, {
        method: 'POST',
        headers: json,
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(chunks.slice(0, 600))
            controller.enqueue(chunks.slice(600))
            controller.close()
          },
        }),
        duplex: 'half',
      } as RequestInit)
      expect(streamed.status).toBe(413)
      await expectEnvelope(streamed, endpoint.provider)
    })

    it('answers 413 above the default 10 MiB limit', async () => {
      const res = await send(posts[0] as Endpoint, 'x'.repeat(10 * 1024 * 1024 + 1), json)
      expect(res.status).toBe(413)
      await expectEnvelope(res, 'openai')
    })
  })

  describe('unknown routes and methods', () => {
    const unknown = [
      '/',
      '/v1',
      '/v1/unknown',
      '/v2/chat/completions',
      '/v1/chat/completions/extra',
      '/v1/chat/completion',
      '/V1/CHAT/COMPLETIONS',
      '/v1/../../etc/passwd',
      '/v1/%2e%2e/%2e%2e/etc/passwd',
      '/v1/%ff%fe',
      '/v1/%',
      `/v1/${'a'.repeat(8000)}`,
      '/_mocktopus',
      '/_mocktopus/unknown',
    ].map((path) => ({ path, name: path.slice(0, 40) }))
    it.each(unknown)(
      'answers $name with 404 in the OpenAI envelope, for every method',
      async ({ path }) => {
        for (const method of METHODS) {
          const res = await send({ method, path }, method === 'GET' ? null : '{}', json)
          expect(res.status, `${method} ${path}`).toBe(404)
          await expectEnvelope(res, 'openai')
        }
      },
    )

    it.each(endpoints)('answers a wrong method on $path with 405 and allow', async (endpoint) => {
      const own = endpoints.filter((e) => e.path === endpoint.path).map((e) => e.method)
      for (const method of METHODS.filter((m) => !own.includes(m))) {
        const res = await send(
          { method, path: endpoint.path },
          method === 'GET' ? null : '{}',
          json,
        )
        if (endpoint.tooling && res.status === 404) {
          await expectEnvelope(res, 'openai')
          continue
        }
        expect(res.status, `${method} ${endpoint.path}`).toBe(405)
        expect(res.headers.get('allow')).toContain(endpoint.method)
        await expectEnvelope(res, endpoint.provider)
      }
    })
  })

  it('keeps answering after the whole corpus', async () => {
    for (const endpoint of posts) {
      const res = await send(endpoint, JSON.stringify(endpoint.valid), json)
      expect(res.status).toBe(200)
    }
    expect(Object.keys(Object.prototype)).toEqual([])
  })
})

describe('the corpus over real HTTP', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await serve(await createMocktopus({ scenario: CORPUS_SCENARIO, bodyLimit: 4096 }), {
      port: 0,
    })
  })
  afterAll(() => server.close())

  it('answers every raw body on every endpoint in the envelope and keeps serving', async () => {
    for (const endpoint of posts) {
      for (const body of bodies.filter((b) => b.expect === 'reject')) {
        const res = await fetch(`${server.url}${endpoint.path}`, {
          method: 'POST',
          headers: { 'content-type': body.contentType ?? 'application/json' },
          body: readFileSync(fixture(`bodies/${body.file}`)),
        })
        expect(res.status, `${body.file} on ${endpoint.path}`).toBeLessThan(500)
        await expectEnvelope(res, endpoint.provider)
      }
      const big = await fetch(`${server.url}${endpoint.path}`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ ...endpoint.valid, pad: 'x'.repeat(8192) }),
      })
      expect(big.status).toBe(413)
      await expectEnvelope(big, endpoint.provider)
    }
    const health = await fetch(`${server.url}/health`)
    expect(health.status).toBe(200)
    for (const endpoint of posts) {
      const res = await fetch(`${server.url}${endpoint.path}`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(endpoint.valid),
      })
      expect(res.status).toBe(200)
      await res.arrayBuffer()
    }
  }, 60_000) // every reject body on every POST row: about a second a row on a loaded machine
})
