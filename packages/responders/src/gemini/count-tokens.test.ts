import { describe, expect, it } from 'vitest'
import { answerGeminiCountTokens } from './count-tokens.js'

describe('Gemini countTokens', () => {
  it('counts well-formed contents', () => {
    const wire = answerGeminiCountTokens({ contents: [{ parts: [{ text: 'Hello there' }] }] })
    expect(wire.status).toBe(200)
    expect(wire.kind === 'json' && (wire.body as { totalTokens: number }).totalTokens).toBe(3)
  })

  // Found by the malformed-body property test: these threw, and the client got a 500.
  it.each([
    [{ contents: [null] }, "Invalid value at 'contents[0]', must be a Content"],
    [{ contents: [{ parts: [null] }] }, "Invalid value at 'contents[0].parts[0]', must be a Part"],
    [
      { contents: [{ parts: 'text' }] },
      "Invalid value at 'contents[0].parts', must be a list of Part",
    ],
    [
      { contents: [], systemInstruction: { parts: [7] } },
      "Invalid value at 'system_instruction.parts[0]', must be a Part",
    ],
  ])('answers %j with a 400 in Gemini envelope', (body, message) => {
    const wire = answerGeminiCountTokens(body)
    expect(wire.status).toBe(400)
    expect(wire.kind === 'error' || wire.kind === 'json' ? wire.body : undefined).toMatchObject({
      error: { code: 400, message, status: 'INVALID_ARGUMENT' },
    })
  })
})
