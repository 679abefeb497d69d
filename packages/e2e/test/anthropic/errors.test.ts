import Anthropic from '@anthropic-ai/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from './scenario.js'

let harness: Harness

beforeAll(async () => {
  harness = await startHarness()
})

afterAll(async () => {
  await harness.server.close()
})

async function failure(
  content: string,
  stream = false,
): Promise<InstanceType<typeof Anthropic.APIError>> {
  const params = {
    model: 'claude-sonnet-5',
    max_tokens: 64,
    messages: [{ role: 'user' as const, content }],
  }
  try {
    if (stream) await harness.client.messages.stream(params).finalMessage()
    else await harness.client.messages.create(params)
  } catch (error) {
    if (error instanceof Anthropic.APIError) return error
    throw error
  }
  throw new Error(`expected ${content} to fail`)
}

describe('error rules as the SDK sees them', () => {
  it.each([
    ['error:invalid_request', Anthropic.BadRequestError, 400, 'invalid_request_error'],
    ['error:authentication', Anthropic.AuthenticationError, 401, 'authentication_error'],
    ['error:rate_limit', Anthropic.RateLimitError, 429, 'rate_limit_error'],
    ['error:server_error', Anthropic.InternalServerError, 500, 'api_error'],
    ['error:timeout', Anthropic.InternalServerError, 504, 'timeout_error'],
    ['error:content_filter', Anthropic.BadRequestError, 400, 'invalid_request_error'],
    ['error:overloaded', Anthropic.InternalServerError, 529, 'overloaded_error'],
    ['nothing matches this', Anthropic.NotFoundError, 404, 'not_found_error'],
  ])('%s is a %o with status %i and type %s', async (content, ErrorClass, status, type) => {
    for (const stream of [false, true]) {
      const error = await failure(content, stream)
      expect(error).toBeInstanceOf(ErrorClass)
      expect(error.status).toBe(status)
      expect(error.type).toBe(type)
      expect(error.requestID).toMatch(/^req_[A-Za-z0-9]{24}$/)
      expect(error.error).toEqual({
        type: 'error',
        error: { type, message: expect.any(String) },
        request_id: error.requestID,
      })
    }
  })

  it('names the typed classes the SDK picks for 504 and 529', async () => {
    expect((await failure('error:timeout')).constructor.name).toBe('GatewayTimeoutError')
    expect((await failure('error:overloaded')).constructor.name).toBe('OverloadedError')
  })

  it('sends retry-after with a rate limit', async () => {
    const error = await failure('error:rate_limit')
    expect(error.headers?.get('retry-after')).toBe('3')
  })

  it('passes the rule message through', async () => {
    const error = await failure('error:invalid_request')
    expect(error.apiMessage).toBe('messages: bad shape')
  })

  it('says which rule came closest when none matches', async () => {
    const error = await failure('nothing matches this')
    expect(error.apiMessage).toMatch(/^no rule matched; rules\[\d+\] came closest/)
  })

  it('rejects a malformed request with a 400 that names the field', async () => {
    const request = harness.client.messages.create({
      model: 'claude-sonnet-5',
      messages: [{ role: 'user', content: 'hi' }],
    } as unknown as Anthropic.MessageCreateParamsNonStreaming)
    await expect(request).rejects.toBeInstanceOf(Anthropic.BadRequestError)
    await expect(request).rejects.toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      apiMessage: 'max_tokens: Field required',
    })
  })
})
