import { describe, expect, it } from 'vitest'
import {
  azureChunk,
  azureCompletionBody,
  FILTERED_RESULTS,
  SAFE_RESULTS,
} from './content-filter.js'
import { azureRuleError, resourceNotFound } from './errors.js'

describe('azureCompletionBody', () => {
  it('annotates each choice and puts prompt_filter_results before usage', () => {
    const body = azureCompletionBody({
      id: 'chatcmpl-1',
      choices: [
        { index: 0, finish_reason: 'stop' },
        { index: 1, finish_reason: 'content_filter' },
      ],
      usage: { prompt_tokens: 1 },
    })
    expect(Object.keys(body)).toEqual(['id', 'choices', 'prompt_filter_results', 'usage'])
    expect(body.choices).toEqual([
      { index: 0, finish_reason: 'stop', content_filter_results: SAFE_RESULTS },
      { index: 1, finish_reason: 'content_filter', content_filter_results: FILTERED_RESULTS },
    ])
  })
})

describe('azureChunk', () => {
  it('judges only chunks that carry text', () => {
    const role = azureChunk({ choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] })
    const text = azureChunk({ choices: [{ index: 0, delta: { content: 'Hi' } }] })
    const usage = { choices: [], usage: { total_tokens: 3 } }
    expect(
      (role.choices as { content_filter_results: unknown }[])[0]?.content_filter_results,
    ).toEqual({})
    expect(
      (text.choices as { content_filter_results: unknown }[])[0]?.content_filter_results,
    ).toEqual(SAFE_RESULTS)
    expect(azureChunk(usage)).toBe(usage)
  })
})

describe('azureRuleError', () => {
  it("gives Azure's content filter body", () => {
    expect(azureRuleError({ error_type: 'content_filter' })).toMatchObject({
      status: 400,
      body: {
        error: {
          type: null,
          param: 'prompt',
          code: 'content_filter',
          status: 400,
          innererror: { code: 'ResponsibleAIPolicyViolation' },
        },
      },
    })
  })

  it("keeps OpenAI's envelope for other error types", () => {
    expect(azureRuleError({ error_type: 'rate_limit' }).status).toBe(429)
  })

  it('answers a missing api-version on a deployment route with a 404', () => {
    expect(resourceNotFound()).toMatchObject({
      status: 404,
      body: { error: { code: '404', message: 'Resource not found' } },
    })
  })
})
