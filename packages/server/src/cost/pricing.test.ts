import { describe, expect, it } from 'vitest'
import { DEFAULT_PRICING, MODEL_ALIASES, mergePricing, PRICING_CHECKED_AT } from './pricing.js'

describe('DEFAULT_PRICING', () => {
  it('carries the prices the issue fixes, in USD per 1M tokens', () => {
    expect(DEFAULT_PRICING['gpt-4o']).toMatchObject({ input: 2.5, output: 10 })
    expect(DEFAULT_PRICING['gpt-4o-mini']).toMatchObject({ input: 0.15, output: 0.6 })
    expect(DEFAULT_PRICING['text-embedding-3-small']).toEqual({ input: 0.02 })
    expect(DEFAULT_PRICING['text-embedding-3-large']).toEqual({ input: 0.13 })
  })

  it('covers OpenAI chat and embedding models and the three Claude families', () => {
    const keys = Object.keys(DEFAULT_PRICING)
    for (const family of ['gpt-4.1', 'gpt-5', 'o1', 'text-embedding-ada-002']) {
      expect(keys).toContain(family)
    }
    for (const family of ['sonnet', 'haiku', 'opus']) {
      expect(keys.some((key) => key.startsWith('claude') && key.includes(family))).toBe(true)
    }
  })

  it('has only lower-case keys and non-negative finite prices, cheaper cached than fresh input', () => {
    for (const [model, price] of Object.entries(DEFAULT_PRICING)) {
      expect(model).toBe(model.toLowerCase())
      for (const amount of [price.input, price.output ?? 0, price.cached_input ?? 0]) {
        expect(Number.isFinite(amount) && amount >= 0).toBe(true)
        // Six decimals at most, so costs stay exact integers of picodollars.
        expect(Math.abs(amount * 1e6 - Math.round(amount * 1e6))).toBeLessThan(1e-6)
      }
      if (price.cached_input !== undefined) expect(price.cached_input).toBeLessThan(price.input)
    }
  })

  it('points every alias at a priced family', () => {
    for (const target of Object.values(MODEL_ALIASES)) expect(DEFAULT_PRICING[target]).toBeDefined()
  })

  it('is dated', () => {
    expect(PRICING_CHECKED_AT).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('mergePricing', () => {
  it('lets a later table replace a whole entry and add new ones', () => {
    const merged = mergePricing(
      DEFAULT_PRICING,
      { 'gpt-4o': { input: 1 } },
      { 'My-Model': { input: 3, output: 4 } },
    )
    expect(merged['gpt-4o']).toEqual({ input: 1 })
    expect(merged['my-model']).toEqual({ input: 3, output: 4 })
    expect(merged['gpt-4o-mini']).toEqual(DEFAULT_PRICING['gpt-4o-mini'])
  })

  it('skips missing tables and leaves its inputs untouched', () => {
    const base = { a: { input: 1 } }
    const merged = mergePricing(base, undefined, { b: { input: 2 } })
    expect(Object.keys(merged)).toEqual(['a', 'b'])
    expect(base).toEqual({ a: { input: 1 } })
  })
})
