import { ENDPOINTS } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { parseGeminiGenerate } from './request.js'

const endpoint = ENDPOINTS.geminiGenerateContent

describe('parseGeminiGenerate', () => {
  it('gives the matcher the provider-neutral conversation', () => {
    const parsed = parseGeminiGenerate(
      {
        systemInstruction: { parts: [{ text: 'Be brief.' }] },
        contents: [
          { role: 'user', parts: [{ text: 'Weather?' }] },
          {
            role: 'model',
            parts: [{ functionCall: { name: 'get_weather', args: { city: 'Oslo' } } }],
          },
          {
            role: 'user',
            parts: [{ functionResponse: { name: 'get_weather', response: { temp: '-3C' } } }],
          },
        ],
        tools: [{ functionDeclarations: [{ name: 'get_weather' }] }, { googleSearch: {} }],
      },
      { endpoint, model: 'gemini-2.5-flash' },
    )
    if (!parsed.ok) throw new Error('not parsed')
    expect(parsed.match).toEqual({
      endpoint,
      model: 'gemini-2.5-flash',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [
            {
              id: 'get_weather',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'get_weather', content: '{"temp":"-3C"}' },
      ],
      tools: ['get_weather', 'googleSearch'],
    })
  })

  it('reads alt=sse from the query and the model from the body when the path has none', () => {
    const parsed = parseGeminiGenerate(
      { model: 'models/gemini-2.5-pro', contents: [{ parts: [{ text: 'hi' }] }] },
      { endpoint, stream: true, query: 'alt=sse' },
    )
    expect(parsed.ok && parsed.params).toMatchObject({
      model: 'gemini-2.5-pro',
      stream: true,
      sse: true,
    })
  })

  it('refuses a body without contents with INVALID_ARGUMENT', () => {
    const parsed = parseGeminiGenerate({}, { endpoint, model: 'gemini-2.5-flash' })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error.status).toBe(400)
    expect(parsed.error.body).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } })
  })
})
