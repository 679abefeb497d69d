import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH, parseJSONBody, readBody } from './body.js'

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://mocktopus.test/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

const streamOf = (...chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })

const bytes = (text: string) => new TextEncoder().encode(text)

describe('readBody', () => {
  it('reads a body of declared length in one piece', async () => {
    const text = '{"model":"gpt-4o","note":"é"}'
    const read = await readBody(post(text, { 'content-length': String(bytes(text).length) }), 100)
    expect(read).toEqual({ ok: true, text })
  })

  it('refuses a body that carries more than the limit under a smaller declared length', async () => {
    const read = await readBody(post('x'.repeat(50), { 'content-length': '10' }), 20)
    expect(read).toEqual({ ok: false, reason: 'too_large' })
  })

  it('refuses bytes that are not UTF-8, with or without a declared length', async () => {
    const invalid = new Uint8Array([0x7b, 0xff, 0x7d])
    expect(await readBody(post(invalid, { 'content-length': '3' }), 100)).toEqual({
      ok: false,
      reason: 'invalid_utf8',
    })
    const streamed = new Request('http://mocktopus.test/', {
      method: 'POST',
      body: streamOf(invalid),
      duplex: 'half',
    } as RequestInit)
    expect(await readBody(streamed, 100)).toEqual({ ok: false, reason: 'invalid_utf8' })
  })

  it('keeps a byte-order mark so that JSON.parse refuses it', async () => {
    const withBOM = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{}')])
    const read = await readBody(post(withBOM, { 'content-length': '5' }), 100)
    expect(read).toEqual({ ok: true, text: '\uFEFF{}' })
  })

  it('reads a streamed body without a declared length, across chunks', async () => {
    const [a, b] = [bytes('{"note":"'), bytes('é"}')]
    // Split the two-byte é across chunks: the decoder must carry it over.
    const split = new Uint8Array([...a, b[0] as number])
    const rest = b.slice(1)
    const request = new Request('http://mocktopus.test/', {
      method: 'POST',
      body: streamOf(split, rest),
      duplex: 'half',
    } as RequestInit)
    expect(await readBody(request, 100)).toEqual({ ok: true, text: '{"note":"é"}' })
  })

  it('refuses a streamed body once more than the limit has arrived', async () => {
    const request = new Request('http://mocktopus.test/', {
      method: 'POST',
      body: streamOf(bytes('x'.repeat(15)), bytes('x'.repeat(15))),
      duplex: 'half',
    } as RequestInit)
    expect(await readBody(request, 20)).toEqual({ ok: false, reason: 'too_large' })
  })
})

describe('parseJSONBody', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

  it(`parses JSON nested ${MAX_JSON_DEPTH} deep and refuses one level more`, () => {
    expect(parseJSONBody(nested(MAX_JSON_DEPTH))).toMatchObject({ ok: true })
    expect(parseJSONBody(nested(MAX_JSON_DEPTH + 1))).toEqual({ ok: false })
    expect(parseJSONBody(`{"a":${nested(MAX_JSON_DEPTH + 1)}}`)).toEqual({ ok: false })
  })

  it('refuses short texts that open deeper than the limit without closing', () => {
    // Too short for valid JSON that deep, so the depth is not counted: the parse refuses it.
    expect(parseJSONBody('['.repeat(MAX_JSON_DEPTH + 1))).toEqual({ ok: false })
  })
})
