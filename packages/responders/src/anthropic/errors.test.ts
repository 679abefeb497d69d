import { describe, expect, it } from 'vitest'
import {
  type AnthropicErrorBody,
  anthropicError,
  anthropicErrorType,
  anthropicRequestId,
  anthropicRuleError,
} from './errors.js'

describe('anthropicRuleError', () => {
  it('maps every scenario error type to the real status and type', () => {
    const table = (
      [
        'invalid_request',
        'authentication',
        'rate_limit',
        'server_error',
        'timeout',
        'content_filter',
      ] as const
    ).map((error_type) => {
      const answer = anthropicRuleError({ error_type })
      return [error_type, answer.status, (answer.body as AnthropicErrorBody).error.type]
    })
    expect(table).toEqual([
      ['invalid_request', 400, 'invalid_request_error'],
      ['authentication', 401, 'authentication_error'],
      ['rate_limit', 429, 'rate_limit_error'],
      ['server_error', 500, 'api_error'],
      ['timeout', 504, 'timeout_error'],
      ['content_filter', 400, 'invalid_request_error'],
    ])
  })

  it('answers a rate limit in the envelope with retry-after', () => {
    expect(
      anthropicRuleError(
        { error_type: 'rate_limit', message: 'Slow down', retry_after: 7 },
        { requestId: 'req_1' },
      ),
    ).toMatchInlineSnapshot(`
      {
        "body": {
          "error": {
            "message": "Slow down",
            "type": "rate_limit_error",
          },
          "request_id": "req_1",
          "type": "error",
        },
        "delayMs": 0,
        "headers": {
          "retry-after": "7",
        },
        "kind": "error",
        "status": 429,
      }
    `)
    expect(anthropicRuleError({ error_type: 'rate_limit' }).headers).toEqual({
      'retry-after': '1',
    })
  })

  it('waits delay_ms before a timeout, 30 s unless the rule says', () => {
    expect(anthropicRuleError({ error_type: 'timeout' }).delayMs).toBe(30_000)
    expect(anthropicRuleError({ error_type: 'timeout', delay_ms: 5 }).delayMs).toBe(5)
    expect(anthropicRuleError({ error_type: 'server_error' }).delayMs).toBe(0)
  })

  it('lets status_code override the status and pick the type tied to it', () => {
    const overloaded = anthropicRuleError({ error_type: 'server_error', status_code: 529 })
    expect([overloaded.status, (overloaded.body as AnthropicErrorBody).error.type]).toEqual([
      529,
      'overloaded_error',
    ])
    const unusual = anthropicRuleError({ error_type: 'server_error', status_code: 503 })
    expect([unusual.status, (unusual.body as AnthropicErrorBody).error.type]).toEqual([
      503,
      'api_error',
    ])
    const notFound = anthropicRuleError({ error_type: 'invalid_request', status_code: 404 })
    expect([notFound.status, (notFound.body as AnthropicErrorBody).error.type]).toEqual([
      404,
      'not_found_error',
    ])
  })

  it('says "Overloaded" for a 529, as the real API does', () => {
    expect(anthropicRuleError({ error_type: 'server_error', status_code: 529 }).body).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
      request_id: null,
    })
  })

  it('gives a status_code that changes the type the default message of that type', () => {
    const table = ([402, 403, 404, 413, 429, 503, 504] as const).map((status_code) => {
      const { error } = anthropicRuleError({ error_type: 'server_error', status_code })
        .body as AnthropicErrorBody
      return [status_code, error.type, error.message]
    })
    expect(table).toEqual([
      [402, 'billing_error', 'Billing error'],
      [403, 'permission_error', 'Permission denied'],
      [404, 'not_found_error', 'Not found'],
      [413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
      [429, 'rate_limit_error', 'Rate limited'],
      [503, 'api_error', 'Internal server error'],
      [504, 'timeout_error', 'Request timeout'],
    ])
  })

  it("keeps the rule's own message whatever the status", () => {
    const answer = anthropicRuleError({
      error_type: 'server_error',
      status_code: 529,
      message: 'Busy, try later',
    })
    expect((answer.body as AnthropicErrorBody).error).toEqual({
      type: 'overloaded_error',
      message: 'Busy, try later',
    })
  })

  it('uses the messages the API sends for each error_type', () => {
    const table = (
      [
        'invalid_request',
        'authentication',
        'rate_limit',
        'server_error',
        'timeout',
        'content_filter',
      ] as const
    ).map((error_type) => (anthropicRuleError({ error_type }).body as AnthropicErrorBody).error)
    expect(table).toEqual([
      { type: 'invalid_request_error', message: 'Invalid request' },
      { type: 'authentication_error', message: 'invalid x-api-key' },
      { type: 'rate_limit_error', message: 'Rate limited' },
      { type: 'api_error', message: 'Internal server error' },
      { type: 'timeout_error', message: 'Request timeout' },
      { type: 'invalid_request_error', message: 'Output blocked by content filtering policy' },
    ])
  })
})

describe('anthropicErrorType', () => {
  it('falls back by status class', () => {
    expect(anthropicErrorType(418)).toBe('invalid_request_error')
    expect(anthropicErrorType(502)).toBe('api_error')
  })
})

describe('anthropicError', () => {
  it('builds the envelope with a null request_id when none is given', () => {
    expect(anthropicError({ status: 400, message: 'model: Field required' }).body).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'model: Field required' },
      request_id: null,
    })
  })
})

describe('anthropicRequestId', () => {
  it('is stable for a seed', () => {
    expect(anthropicRequestId('a')).toBe(anthropicRequestId('a'))
    expect(anthropicRequestId('a')).toMatch(/^req_[A-Za-z0-9]{24}$/)
    expect(anthropicRequestId('a')).not.toBe(anthropicRequestId('b'))
  })
})
