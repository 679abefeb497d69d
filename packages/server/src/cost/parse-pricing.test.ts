import { MocktopusError } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { PricingError, parsePricing, validatePricing } from './parse-pricing.js'

describe('parsePricing', () => {
  it('reads a YAML map of model id to prices', () => {
    const text = 'my-model: { input: 1.5, output: 2 }\ngpt-4o:\n  input: 2\n  cached_input: 1\n'
    expect(parsePricing(text, 'prices.yaml')).toEqual({
      'my-model': { input: 1.5, output: 2 },
      'gpt-4o': { input: 2, cached_input: 1 },
    })
  })

  it('reads JSON, and a table under a top-level pricing key as a scenario writes it', () => {
    expect(parsePricing('{"pricing": {"x": {"input": 0.02}}}')).toEqual({ x: { input: 0.02 } })
  })

  it('rejects text that is not YAML with a typed error', () => {
    const error = (() => {
      try {
        parsePricing('a: [1, 2', 'bad.yaml')
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(PricingError)
    expect(error).toBeInstanceOf(MocktopusError)
    expect((error as PricingError).code).toBe('MOCKTOPUS_PRICING_INVALID')
    expect((error as PricingError).message).toMatch(/^bad\.yaml: not valid YAML or JSON/)
  })
})

describe('validatePricing', () => {
  it('names every bad price with where it is and what is expected', () => {
    expect(() =>
      validatePricing(
        {
          a: { input: 'cheap' },
          b: { output: 1 },
          c: { input: -1, output: 2 },
          d: { input: 1, outptu: 2 },
          e: 3,
        },
        'p.yaml',
      ),
    ).toThrowErrorMatchingInlineSnapshot(`
      [PricingError: p.yaml a.input: expected a number of USD per 1M tokens >= 0, got "cheap"
      p.yaml b.input: expected a number of USD per 1M tokens >= 0, got nothing
      p.yaml c.input: expected a number of USD per 1M tokens >= 0, got -1
      p.yaml d.outptu: unknown field; use input, output, cached_input
      p.yaml e: expected a map of prices, e.g. "gpt-4o: { input: 2.5, output: 10, cached_input: 1.25 }" (USD per 1M tokens)]
    `)
  })

  it('rejects a document that is not a map', () => {
    expect(() => validatePricing([1, 2], 'p.yaml')).toThrow(
      /^p\.yaml: expected a map of model id to prices/,
    )
    expect(() => validatePricing(null)).toThrow(PricingError)
  })
})
