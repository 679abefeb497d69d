import { describe, expect, it } from 'vitest'
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  MockAPIError,
  NoMatchingRuleError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors.js'

const envelope = (message: string, type: string, code: string | null = null, param = null) => ({
  error: { message, type, param, code },
})

describe('MockAPIError.generate', () => {
  it('picks the class the openai SDK picks for each status', () => {
    const cases: [number, new (...args: never[]) => MockAPIError][] = [
      [400, BadRequestError],
      [401, AuthenticationError],
      [403, PermissionDeniedError],
      [404, NotFoundError],
      [409, ConflictError],
      [422, UnprocessableEntityError],
      [429, RateLimitError],
      [500, InternalServerError],
      [503, InternalServerError],
      [504, InternalServerError],
    ]
    for (const [status, cls] of cases) {
      const err = MockAPIError.generate({ status, body: envelope('x', 'y') })
      expect(err, String(status)).toBeInstanceOf(cls)
      expect(err).toBeInstanceOf(MockAPIError)
      expect(err).toBeInstanceOf(Error)
      expect(err.name).toBe(cls.name)
    }
    const teapot = MockAPIError.generate({ status: 418, body: envelope('x', 'y') })
    expect(teapot.constructor).toBe(MockAPIError)
  })

  it('carries status, headers, the inner error and its fields', () => {
    const body = envelope('Rate limit exceeded.', 'rate_limit_error', 'rate_limit_exceeded')
    const err = MockAPIError.generate({
      status: 429,
      headers: { 'retry-after': '60', 'x-request-id': 'req_1' },
      body,
    })
    expect(err.message).toBe('429 Rate limit exceeded.')
    expect(err.status).toBe(429)
    expect(err.headers.get('Retry-After')).toBe('60')
    expect(err.requestID).toBe('req_1')
    expect(err.error).toEqual(body.error)
    expect(err.body).toBe(body)
    expect(err.code).toBe('rate_limit_exceeded')
    expect(err.type).toBe('rate_limit_error')
    expect(err.param).toBeNull()
  })

  it('falls back to the JSON body for the message when there is no envelope', () => {
    const err = MockAPIError.generate({ status: 500, body: { oops: true } })
    expect(err.message).toBe('500 {"oops":true}')
    expect(err.error).toBeUndefined()
    expect(err.code).toBeUndefined()
    expect(err.requestID).toBeNull()
  })
})

describe('NoMatchingRuleError', () => {
  it('is a 404 NotFoundError that keeps the verdicts', () => {
    const verdicts = [{ index: 0, matched: false, reasons: ['model "a" does not match "b"'] }]
    const err = new NoMatchingRuleError({
      status: 404,
      body: envelope('no rule matched', 'invalid_request_error', 'no_matching_rule'),
      verdicts,
    })
    expect(err).toBeInstanceOf(NotFoundError)
    expect(err).toBeInstanceOf(MockAPIError)
    expect(err.name).toBe('NoMatchingRuleError')
    expect(err.code).toBe('no_matching_rule')
    expect(err.verdicts).toEqual(verdicts)
    expect(err.message).toBe('404 no rule matched')
  })
})
