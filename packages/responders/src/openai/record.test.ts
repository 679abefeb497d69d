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

describe('openaiRecordedRespond for legacy completions', () => {
  const body = {
    id: 'cmpl-1',
    choices: [
      { index: 1, text: 'A: two', finish_reason: 'length' },
      { index: 0, text: 'A: one', finish_reason: 'stop' },
      { index: 2, text: 'B: three', finish_reason: 'stop' },
      { index: 3, text: 'four', finish_reason: 'stop' },
    ],
  }

  it('keeps every choice in index order, the first also as the answer', () => {
    expect(openaiRecordedRespond(body, ENDPOINTS.completions)).toEqual({
      content: 'A: one',
      finish_reason: 'stop',
      choices: [
        { content: 'A: one', finish_reason: 'stop' },
        { content: 'A: two', finish_reason: 'length' },
        { content: 'B: three', finish_reason: 'stop' },
        { content: 'four', finish_reason: 'stop' },
      ],
      id: 'cmpl-1',
    })
  })

  it('keeps an echoed prompt out of each text, choice i being prompt i / n', () => {
    const request = { prompt: ['A:', 'B:'], n: 2, echo: true }
    const respond = openaiRecordedRespond(body, ENDPOINTS.completions, request)
    // The fourth text does not start with its prompt: kept whole.
    expect((respond as { choices: { content: string }[] }).choices.map((c) => c.content)).toEqual([
      ' one',
      ' two',
      ' three',
      'four',
    ])
    const plain = openaiRecordedRespond(body, ENDPOINTS.completions, { ...request, echo: false })
    expect((plain as { content: string }).content).toBe('A: one')
  })
})
