import { ENDPOINTS } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { encodeFloat32Base64 } from './embeddings/answer.js'
import { decodeFloat32Base64, openaiRecordedRespond } from './record.js'

describe('decodeFloat32Base64', () => {
  it('reads little-endian float32 as the API encodes it', () => {
    expect(decodeFloat32Base64(encodeFloat32Base64([1, -0.5, 3]))).toEqual([1, -0.5, 3])
  })
})

describe('openaiRecordedRespond', () => {
  it('reads each endpoint by its own shape', () => {
    expect(
      openaiRecordedRespond(
        { choices: [{ index: 0, message: { content: 'Hi' }, finish_reason: 'stop' }] },
        ENDPOINTS.chatCompletions,
      ),
    ).toEqual({ content: 'Hi', finish_reason: 'stop' })
    expect(openaiRecordedRespond({ choices: [{ text: 'Hey' }] }, ENDPOINTS.completions)).toEqual({
      content: 'Hey',
    })
    expect(openaiRecordedRespond({ data: [] }, ENDPOINTS.embeddings)).toEqual({ embeddings: [] })
    expect(openaiRecordedRespond({}, ENDPOINTS.responses)).toBe('the response has no output')
  })
})
