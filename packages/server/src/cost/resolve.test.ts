import { describe, expect, it } from 'vitest'
import { DEFAULT_PRICING, mergePricing } from './pricing.js'
import { resolveModelPrice } from './resolve.js'

const keyOf = (model: string) => resolveModelPrice(model, DEFAULT_PRICING)?.key

describe('resolveModelPrice', () => {
  it('resolves dated OpenAI snapshots to their family', () => {
    expect(keyOf('gpt-4o-2024-08-06')).toBe('gpt-4o')
    expect(keyOf('gpt-4o-2024-11-20')).toBe('gpt-4o')
    expect(keyOf('gpt-4.1-2025-04-14')).toBe('gpt-4.1')
    expect(keyOf('gpt-5-mini-2025-08-07')).toBe('gpt-5-mini')
    expect(keyOf('o1-2024-12-17')).toBe('o1')
    expect(keyOf('gpt-4-0613')).toBe('gpt-4')
    expect(keyOf('gpt-3.5-turbo-0125')).toBe('gpt-3.5-turbo')
  })

  it('resolves dated and -latest Claude ids to their family', () => {
    expect(keyOf('claude-3-5-sonnet-20241022')).toBe('claude-3-5-sonnet')
    expect(keyOf('claude-3-5-sonnet-latest')).toBe('claude-3-5-sonnet')
    expect(keyOf('claude-3-haiku-20240307')).toBe('claude-3-haiku')
    expect(keyOf('claude-sonnet-4-20250514')).toBe('claude-sonnet-4')
    expect(keyOf('claude-sonnet-4-5-20250929')).toBe('claude-sonnet-4-5')
    expect(keyOf('claude-opus-4-1-20250805')).toBe('claude-opus-4-1')
    expect(keyOf('claude-haiku-4-5-20251001')).toBe('claude-haiku-4-5')
    expect(keyOf('claude-sonnet-5')).toBe('claude-sonnet-5')
  })

  it('never crosses into another family that shares a prefix', () => {
    expect(keyOf('gpt-4o-mini-2024-07-18')).toBe('gpt-4o-mini')
    expect(keyOf('gpt-4.1-nano-2025-04-14')).toBe('gpt-4.1-nano')
    // Models that exist but are not in the table stay unpriced instead of borrowing a price.
    expect(keyOf('gpt-4o-audio-preview')).toBeUndefined()
    expect(keyOf('gpt-4o-mini-tts')).toBeUndefined()
    expect(keyOf('o1-mini')).toBeUndefined()
    expect(keyOf('claude-opus-4-9')).toBeUndefined()
    expect(keyOf('claude-sonnet-5-5')).toBeUndefined()
    expect(keyOf('gpt-4-turbo')).toBeUndefined()
  })

  it('prefers an exact id over the family', () => {
    expect(resolveModelPrice('gpt-4o-2024-05-13', DEFAULT_PRICING)?.price).toEqual({
      input: 5,
      output: 15,
    })
  })

  it('picks the longest family when several match', () => {
    const table = mergePricing({ 'acme-1': { input: 1 }, 'acme-1-2024': { input: 2 } })
    expect(resolveModelPrice('acme-1-2024-0101', table)?.key).toBe('acme-1-2024')
    expect(resolveModelPrice('acme-1-2024', table)?.key).toBe('acme-1-2024')
  })

  it('prices fine-tuned ids by the ft: key they extend with a job id, and nothing by default', () => {
    const table = mergePricing(DEFAULT_PRICING, { 'ft:gpt-4o-mini:acme:support': { input: 0.3 } })
    expect(resolveModelPrice('ft:gpt-4o-mini:acme:support', table)?.key).toBe(
      'ft:gpt-4o-mini:acme:support',
    )
    expect(resolveModelPrice('ft:gpt-4o-mini:acme:support:AbC123', table)?.key).toBe(
      'ft:gpt-4o-mini:acme:support',
    )
    expect(resolveModelPrice('ft:gpt-4o-mini:acme:supportx', table)).toBeUndefined()
    // Fine-tuned models cost more than their base model: never priced as gpt-4o-mini.
    expect(keyOf('ft:gpt-4o-mini-2024-07-18:acme::AbC123')).toBeUndefined()
    expect(resolveModelPrice('gpt-4o:x', table)).toBeUndefined()
  })

  it('follows the Claude -0 aliases', () => {
    expect(keyOf('claude-sonnet-4-0')).toBe('claude-sonnet-4')
    expect(keyOf('claude-opus-4-0')).toBe('claude-opus-4')
  })

  it('ignores case and surrounding spaces, and gives nothing for unknown or empty ids', () => {
    expect(keyOf(' GPT-4o-2024-08-06 ')).toBe('gpt-4o')
    expect(keyOf('my-local-llama')).toBeUndefined()
    expect(keyOf('')).toBeUndefined()
    expect(keyOf('gpt-4o-')).toBeUndefined()
  })
})
