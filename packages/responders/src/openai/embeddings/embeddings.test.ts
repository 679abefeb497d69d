import type { MatchResult, Respond } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import {
  answerEmbeddings,
  type CreateEmbeddingResponse,
  defaultDimensions,
  encodeFloat32Base64,
  seededEmbedding,
} from './answer.js'
import { parseEmbeddingsRequest } from './request.js'

function parse(body: unknown) {
  const parsed = parseEmbeddingsRequest(body)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.body))
  return parsed
}

function answer(body: unknown, respond: Respond = {}) {
  const match: MatchResult = {
    rule: { type: 'embeddings', when: {}, times: null, respond },
    index: 0,
    use: 1,
  }
  const wire = answerEmbeddings({ params: parse(body).params, match })
  if (wire.kind !== 'json') throw new Error('expected json')
  return wire.body as CreateEmbeddingResponse
}

function decode(base64: string): number[] {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const view = new DataView(bytes.buffer)
  return Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(i * 4, true))
}

describe('parseEmbeddingsRequest', () => {
  it('accepts every input shape and renders token arrays as text for the matcher', () => {
    expect(parse({ model: 'm', input: 'a' }).match.input).toEqual(['a'])
    expect(parse({ model: 'm', input: ['a', 'b'] }).match.input).toEqual(['a', 'b'])
    expect(parse({ model: 'm', input: [1, 2, 3] }).match.input).toEqual(['1 2 3'])
    expect(parse({ model: 'm', input: [[1, 2], [3]] }).match.input).toEqual(['1 2', '3'])
    expect(parse({ model: 'm', input: 'a' }).match.endpoint).toBe('/v1/embeddings')
  })

  it.each([
    [{ input: 'a' }, 'model'],
    [{ model: 'm' }, 'input'],
    [{ model: 'm', input: [] }, 'input'],
    [{ model: 'm', input: [1, 'a'] }, 'input'],
    [{ model: 'm', input: { text: 'a' } }, 'input'],
    [{ model: 'm', input: 'a', encoding_format: 'int8' }, 'encoding_format'],
    [{ model: 'm', input: 'a', dimensions: 0 }, 'dimensions'],
  ])('rejects %j naming %s', (body, param) => {
    const parsed = parseEmbeddingsRequest(body)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toMatchObject({ status: 400, body: { error: { param } } })
  })
})

describe('answerEmbeddings', () => {
  it('generates unit vectors seeded by model and text, the same on every call', () => {
    const result = answer({ model: 'text-embedding-3-small', input: ['hello', 'world'] })
    expect(result.object).toBe('list')
    expect(result.model).toBe('text-embedding-3-small')
    const [hello, world] = result.data.map((d) => d.embedding as number[])
    expect(hello).toHaveLength(1536)
    expect(Math.hypot(...(hello ?? []))).toBeCloseTo(1, 5)
    expect(hello).toEqual(seededEmbedding('text-embedding-3-small', 'hello', 1536))
    expect(world).not.toEqual(hello)
    expect(seededEmbedding('other-model', 'hello', 1536)).not.toEqual(hello)
    expect(result.data.map((d) => d.index)).toEqual([0, 1])
  })

  it('keeps a fixed value across processes and versions', () => {
    expect(seededEmbedding('text-embedding-3-small', 'hello', 4)).toMatchInlineSnapshot(`
      [
        0.26641175150871277,
        -0.640441358089447,
        -0.2745143175125122,
        0.6659590601921082,
      ]
    `)
  })

  it('honours dimensions and the per-model default', () => {
    expect(defaultDimensions('text-embedding-3-large')).toBe(3072)
    expect(defaultDimensions('text-embedding-ada-002')).toBe(1536)
    const result = answer({ model: 'text-embedding-3-large', input: 'x', dimensions: 256 })
    expect(result.data[0]?.embedding).toHaveLength(256)
    expect(answer({ model: 'text-embedding-3-large', input: 'x' }).data[0]?.embedding).toHaveLength(
      3072,
    )
  })

  it('encodes base64 as little-endian float32 carrying the same numbers as float', () => {
    expect(encodeFloat32Base64([1])).toBe('AACAPw==')
    const floats = answer({ model: 'm', input: 'same', dimensions: 64 }).data[0]?.embedding
    const base64 = answer({ model: 'm', input: 'same', dimensions: 64, encoding_format: 'base64' })
      .data[0]?.embedding
    expect(typeof base64).toBe('string')
    expect(decode(base64 as string)).toEqual(floats)
  })

  it('answers a repeated input the same, also after its cached encoding was evicted', () => {
    const request = { model: 'm', input: 'again', dimensions: 32 }
    const base64Request = { ...request, encoding_format: 'base64' }
    const first = answer(request).data[0]?.embedding
    const firstBase64 = answer(base64Request).data[0]?.embedding
    expect(answer(request).data[0]?.embedding).toEqual(first)
    expect(answer(base64Request).data[0]?.embedding).toBe(firstBase64)
    // More distinct inputs than the cache holds push 'again' out; it is generated afresh.
    const many = Array.from({ length: 300 }, (_, i) => `text ${i}`)
    const data = answer({ model: 'm', input: many, dimensions: 8 }).data
    expect(data[299]?.embedding).toEqual(seededEmbedding('m', 'text 299', 8))
    expect(answer(request).data[0]?.embedding).toEqual(seededEmbedding('m', 'again', 32))
    expect(answer(base64Request).data[0]?.embedding).toBe(firstBase64)
    expect(answer({ ...request, dimensions: 16 }).data[0]?.embedding).toHaveLength(16)
  })

  it('gives the body as JSON text, equal to stringifying the body', () => {
    const match: MatchResult = {
      rule: { type: 'embeddings', when: {}, times: null, respond: {} },
      index: 0,
      use: 1,
    }
    const pinned: MatchResult = {
      ...match,
      rule: { ...match.rule, respond: { embeddings: [{ embedding: [0.5, -1e-7] }] } },
    }
    for (const [body, m] of [
      [{ model: 'text-embedding-3-small', input: ['a "quoted" text', 'b'] }, match],
      [{ model: 'm\u2028', input: 'c', dimensions: 16, encoding_format: 'base64' }, match],
      [{ model: 'm', input: [[1, 2, 3]], dimensions: 4 }, match],
      [{ model: 'm', input: ['x', 'y'] }, pinned],
    ] as const) {
      const wire = answerEmbeddings({ params: parse(body).params, match: m })
      if (wire.kind !== 'json') throw new Error('expected json')
      expect(wire.bodyText).toBe(JSON.stringify(wire.body))
    }
  })

  it('writes the same base64 as btoa for every padding case', () => {
    for (let n = 0; n <= 7; n++) {
      const values = Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i * 7.3 + n)))
      const bytes = new Uint8Array(n * 4)
      const view = new DataView(bytes.buffer)
      for (const [i, v] of values.entries()) view.setFloat32(i * 4, v, true)
      expect(encodeFloat32Base64(values)).toBe(btoa(String.fromCharCode(...bytes)))
    }
  })

  it('uses pinned vectors: entry i for input i, else the first', () => {
    const result = answer(
      { model: 'm', input: ['a', 'b', 'c'] },
      { embeddings: [{ embedding: [1, 0] }, { embedding: [0, 1] }] },
    )
    expect(result.data.map((d) => d.embedding)).toEqual([
      [1, 0],
      [0, 1],
      [1, 0],
    ])
  })

  it('takes usage from the rule, else estimates it (token arrays count their tokens)', () => {
    expect(answer({ model: 'm', input: ['abcdefgh', 'abc'] }).usage).toEqual({
      prompt_tokens: 3,
      total_tokens: 3,
    })
    expect(answer({ model: 'm', input: [[1, 2, 3], [4]] }).usage.prompt_tokens).toBe(4)
    expect(answer({ model: 'm', input: 'a' }, { usage: { input_tokens: 9 } }).usage).toEqual({
      prompt_tokens: 9,
      total_tokens: 9,
    })
  })
})
