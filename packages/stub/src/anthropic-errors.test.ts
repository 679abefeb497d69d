import { describe, expect, it } from 'vitest'
import { AnthropicErrors } from './anthropic-errors.js'

const body = (type: string, message: string, details?: object) => ({
  type: 'error',
  error: { type, message, ...(details ? { details } : {}) },
  request_id: 'req_1',
})

describe('AnthropicErrors.APIError.generate', () => {
  it('picks the class @anthropic-ai/sdk picks for each status', () => {
    const cases = [
      [400, 'BadRequestError'],
      [401, 'AuthenticationError'],
      [402, 'PaymentRequiredError'],
      [403, 'PermissionDeniedError'],
      [404, 'NotFoundError'],
      [408, 'RequestTimeoutError'],
      [409, 'ConflictError'],
      [413, 'ContentTooLargeError'],
      [422, 'UnprocessableEntityError'],
      [429, 'RateLimitError'],
      [500, 'InternalServerError'],
      [501, 'NotImplementedError'],
      [502, 'InternalServerError'],
      [503, 'ServiceUnavailableError'],
      [504, 'GatewayTimeoutError'],
      [529, 'OverloadedError'],
      [418, 'APIError'],
    ] as const
    for (const [status, name] of cases) {
      const error = AnthropicErrors.APIError.generate({ status, body: body('x', 'y') })
      expect(error, String(status)).toBeInstanceOf(AnthropicErrors[name])
      expect(error.name).toBe(name)
      expect(error.constructor.name).toBe(name)
      expect(error).toBeInstanceOf(AnthropicErrors.AnthropicError)
    }
    const overloaded = AnthropicErrors.APIError.generate({ status: 529, body: body('x', 'y') })
    expect(overloaded).toBeInstanceOf(AnthropicErrors.InternalServerError)
  })

  it('carries the body as error, and its fields, as the SDK does', () => {
    const wire = body('rate_limit_error', 'Rate limited', { error_code: 'ramp_limit_exceeded' })
    const error = AnthropicErrors.APIError.generate({
      status: 429,
      headers: { 'retry-after': '3', 'request-id': 'req_1' },
      body: wire,
    })
    expect(error.error).toBe(wire)
    expect(error.message).toBe(`429 ${JSON.stringify(wire)}`)
    expect(error.requestID).toBe('req_1')
    expect(error.workspaceID).toBeNull()
    expect(error.apiMessage).toBe('Rate limited')
    expect(error.type).toBe('rate_limit_error')
    expect(error.errorCode).toBe('ramp_limit_exceeded')
    expect(error.details).toEqual({ error_code: 'ramp_limit_exceeded' })
    expect(error.headers?.get('retry-after')).toBe('3')
    expect(Object.keys(error)).not.toContain('name')
  })

  it('words an abort as the SDK does', () => {
    const error = new AnthropicErrors.APIUserAbortError()
    expect([error.name, error.message, error.status]).toEqual([
      'APIUserAbortError',
      'Request was aborted.',
      undefined,
    ])
  })
})
