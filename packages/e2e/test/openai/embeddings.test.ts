import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { useMocktopus } from './harness.js'
import { OPENAI_SCENARIO } from './scenario.js'

const h = useMocktopus(OPENAI_SCENARIO)
const client = () => new OpenAI({ apiKey: 'sk-test', baseURL: h.baseURL, maxRetries: 0 })

describe('openai SDK: embeddings', () => {
  it('decodes the default base64 answer into the same floats as the float answer', async () => {
    const viaBase64 = await client().embeddings.create({
      model: 'text-embedding-3-small',
      input: ['hello', 'world'],
    })
    const viaFloat = await client().embeddings.create({
      model: 'text-embedding-3-small',
      input: ['hello', 'world'],
      encoding_format: 'float',
    })
    expect(viaBase64.data).toHaveLength(2)
    expect(viaBase64.data[0]?.embedding).toHaveLength(1536)
    expect(viaBase64.data[0]?.embedding).toEqual(viaFloat.data[0]?.embedding)
    expect(viaBase64.data[1]?.embedding).not.toEqual(viaBase64.data[0]?.embedding)
    const norm = Math.hypot(...(viaBase64.data[0]?.embedding ?? []))
    expect(norm).toBeCloseTo(1, 5)
    // Counted with cl100k_base, as the API does: one token each.
    expect(viaBase64.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 })
  })

  it('honours dimensions and token-array inputs', async () => {
    const result = await client().embeddings.create({
      model: 'text-embedding-3-large',
      input: [[1, 2, 3]],
      dimensions: 256,
    })
    expect(result.data[0]?.embedding).toHaveLength(256)
    expect(result.usage.prompt_tokens).toBe(3)
  })

  it('returns pinned vectors', async () => {
    const result = await client().embeddings.create({
      model: 'text-embedding-3-small',
      input: 'pinned',
    })
    expect(result.data[0]?.embedding).toEqual([0.25, -0.5, 0.75])
  })
})
