import { describe, expect, it } from 'vitest'
import { createRouter } from './router.js'

const noHeaders = { header: () => undefined }
const google = { header: (name: string) => (name === 'x-goog-api-key' ? 'k' : undefined) }

describe('createRouter', () => {
  const router = createRouter()

  it('reads a parameter followed by a literal (`:model:generateContent`)', () => {
    const route = router.find('POST', '/v1beta/models/gemini-2.5-flash:generateContent', noHeaders)
    expect(route?.endpoint.id).toBe('gemini.generate_content')
    expect(route?.params).toEqual({ model: 'gemini-2.5-flash' })
    const v1 = router.find('POST', '/v1/models/gemini-2.5-flash:streamGenerateContent', noHeaders)
    expect(v1?.endpoint.id).toBe('gemini.v1.stream_generate_content')
  })

  it('gives a method path to its method only: GET there is no model', () => {
    const path = '/v1/models/gemini-2.5-flash:generateContent'
    expect(router.find('GET', path, noHeaders)).toBeUndefined()
    expect(router.at(path).map((row) => row.method)).toEqual(['POST'])
  })

  it('answers GET /v1/models for the Google SDKs with Gemini, else with OpenAI', () => {
    expect(router.find('GET', '/v1/models', google)?.endpoint.id).toBe('gemini.v1.models.list')
    expect(router.find('GET', '/v1/models', noHeaders)?.endpoint.id).toBe('openai.models.list')
    expect(router.find('GET', '/v1/models/gpt-4o', noHeaders)?.endpoint.id).toBe(
      'openai.models.retrieve',
    )
  })
})
