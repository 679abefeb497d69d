import type { ErrorType } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { openaiError, openaiRuleError } from './errors.js'

describe('openaiRuleError', () => {
  it.each<[ErrorType, number, string, string | null, number]>([
    ['rate_limit', 429, 'rate_limit_error', 'rate_limit_exceeded', 0],
    ['authentication', 401, 'authentication_error', 'invalid_api_key', 0],
    ['invalid_request', 400, 'invalid_request_error', null, 0],
    ['timeout', 504, 'timeout_error', null, 30_000],
    ['content_filter', 400, 'invalid_request_error', 'content_filter', 0],
    ['server_error', 500, 'server_error', null, 0],
  ])('maps %s to %i %s / %s', (error_type, status, type, code, delayMs) => {
    const wire = openaiRuleError({ error_type })
    expect(wire).toMatchObject({
      kind: 'error',
      status,
      delayMs,
      body: { error: { type, code, param: null } },
    })
    expect(typeof (wire.body as { error: { message: string } }).error.message).toBe('string')
  })

  it('sends Retry-After for rate limits, 1 second unless the rule says', () => {
    expect(openaiRuleError({ error_type: 'rate_limit' }).headers).toEqual({ 'retry-after': '1' })
    expect(openaiRuleError({ error_type: 'rate_limit', retry_after: 5 }).headers).toEqual({
      'retry-after': '5',
    })
    expect(openaiRuleError({ error_type: 'authentication' }).headers).toEqual({})
  })

  it('lets the rule override status, code, message, param and delay', () => {
    expect(
      openaiRuleError({
        error_type: 'content_filter',
        status_code: 422,
        code: 'content_filtered',
        message: 'Blocked',
        param: 'messages',
        delay_ms: 200,
      }),
    ).toEqual({
      kind: 'error',
      status: 422,
      headers: {},
      delayMs: 200,
      body: {
        error: {
          message: 'Blocked',
          type: 'invalid_request_error',
          param: 'messages',
          code: 'content_filtered',
        },
      },
    })
  })
})

describe('openaiError', () => {
  it('derives the type from the status', () => {
    const type = (status: number) =>
      (openaiError({ status, message: 'x' }).body as { error: { type: string } }).error.type
    expect([400, 401, 403, 404, 429, 500, 503].map(type)).toEqual([
      'invalid_request_error',
      'authentication_error',
      'permission_error',
      'invalid_request_error',
      'rate_limit_error',
      'server_error',
      'server_error',
    ])
  })
})
