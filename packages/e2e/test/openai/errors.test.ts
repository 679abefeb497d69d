import type { Clock } from '@mocktopus/responders'
import OpenAI, { type APIError } from 'openai'
import { describe, expect, it } from 'vitest'
import { useMocktopus } from './harness.js'
import { OPENAI_SCENARIO } from './scenario.js'

// Records every artificial wait instead of waiting, so the 30 s timeout rule is instant.
const waits: number[] = []
const clock: Clock = {
  now: () => 1_700_000_000_000,
  sleep: async (ms) => {
    waits.push(ms)
  },
}
const h = useMocktopus(OPENAI_SCENARIO, { clock })
const client = () => new OpenAI({ apiKey: 'sk-test', baseURL: h.baseURL, maxRetries: 0 })

async function failure(content: string, extra: { stream?: boolean; model?: string } = {}) {
  const { model = 'gpt-4o', stream = false } = extra
  try {
    await client().chat.completions.create({ model, messages: [{ role: 'user', content }], stream })
  } catch (error) {
    return error as APIError
  }
  throw new Error('expected the request to fail')
}

describe('openai SDK: errors', () => {
  it.each([
    ['rate limit', OpenAI.RateLimitError, 429, 'rate_limit_error', 'rate_limit_exceeded'],
    ['auth', OpenAI.AuthenticationError, 401, 'authentication_error', 'invalid_api_key'],
    ['invalid', OpenAI.BadRequestError, 400, 'invalid_request_error', null],
    ['timeout', OpenAI.InternalServerError, 504, 'timeout_error', null],
    ['filter', OpenAI.BadRequestError, 400, 'invalid_request_error', 'content_filter'],
    ['server', OpenAI.InternalServerError, 500, 'server_error', null],
    ['unavailable', OpenAI.InternalServerError, 503, 'server_error', 'overloaded'],
  ])('raises the typed error for "%s"', async (content, ErrorClass, status, type, code) => {
    for (const stream of [false, true]) {
      const error = await failure(`${content} please`, { stream })
      expect(error).toBeInstanceOf(ErrorClass)
      expect(error.status).toBe(status)
      expect(error.type).toBe(type)
      expect(error.code).toBe(code)
      expect(error.headers?.get('x-mocktopus-rule')).toMatch(/^\d+$/)
      expect(error.headers?.get('content-type')).toBe('application/json')
    }
  })

  it('sends Retry-After with a rate limit', async () => {
    const error = await failure('rate limit')
    expect(error.headers?.get('retry-after')).toBe('7')
  })

  it('keeps the message and param of the rule', async () => {
    const error = await failure('invalid')
    expect(error.message).toBe("400 The model 'gpt-5' does not exist")
    expect(error.param).toBe('model')
  })

  it('waits delay_ms (30 s by default) through the clock before the timeout error', async () => {
    waits.length = 0
    await failure('timeout')
    expect(waits).toEqual([30_000])
  })

  it('answers 404 no_matching_rule naming the closest rule', async () => {
    const error = await failure('hello', { model: 'claude-3' })
    expect(error).toBeInstanceOf(OpenAI.NotFoundError)
    expect(error.code).toBe('no_matching_rule')
    expect(error.message).toMatch(/^404 no rule matched; rules\[\d+\] came closest: /)
    expect(error.headers?.get('x-mocktopus-rule')).toBeNull()
  })

  it('rejects a bad request with 400 naming the field and keeps serving', async () => {
    const bad = await client()
      .chat.completions.create({ model: 'gpt-4o', messages: 'hi' as never })
      .catch((error: APIError) => error)
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError)
    expect((bad as APIError).param).toBe('messages')
    const raw = await fetch(`${h.baseURL}/chat/completions`, { method: 'POST', body: '{oops' })
    expect(raw.status).toBe(400)
    expect(await raw.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: 'invalid_json' },
    })
    const ok = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    })
    expect(ok.choices).toHaveLength(1)
  })

  it('answers 413 to an oversized body', async () => {
    const huge = 'x'.repeat(11 * 1024 * 1024)
    const error = await client()
      .chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: huge }] })
      .catch((e: APIError) => e)
    expect((error as APIError).status).toBe(413)
    expect((error as APIError).code).toBe('request_too_large')
  })

  it('answers unknown paths 404 and wrong methods 405 in the envelope', async () => {
    const missing = await fetch(`${h.baseURL}/nope`, { method: 'POST' })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { code: 'unknown_url' } })
    const wrong = await fetch(`${h.baseURL}/embeddings`)
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('POST')
  })
})
