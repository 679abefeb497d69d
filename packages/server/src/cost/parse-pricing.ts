import { MocktopusError, type ModelPrice } from '@mocktopus/scenario'
import { parse } from 'yaml'
import type { PricingTable } from './pricing.js'

/**
 * A pricing table that cannot be used: not YAML or JSON, or a price that is not a number of
 * dollars per million tokens.
 *
 * @example try { parsePricing('gpt-4o: cheap') } catch (e) { e.code === 'MOCKTOPUS_PRICING_INVALID' }
 */
export class PricingError extends MocktopusError {
  override readonly code: string = 'MOCKTOPUS_PRICING_INVALID'
  override name = 'PricingError'
}

const FIELDS = ['input', 'output', 'cached_input'] as const
const EXAMPLE = 'e.g. "gpt-4o: { input: 2.5, output: 10, cached_input: 1.25 }" (USD per 1M tokens)'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Checks a parsed pricing table (a map of model id to prices, optionally under a top-level
 * `pricing:` key as in a scenario) and returns it typed.
 *
 * @example validatePricing({ 'my-model': { input: 1, output: 2 } }, 'prices.yaml')
 */
export function validatePricing(value: unknown, source = '<pricing>'): PricingTable {
  const table = isRecord(value) && isRecord(value.pricing) ? value.pricing : value
  if (!isRecord(table)) {
    throw new PricingError(`${source}: expected a map of model id to prices, ${EXAMPLE}`)
  }
  const out: Record<string, ModelPrice> = {}
  const problems: string[] = []
  for (const [model, price] of Object.entries(table)) {
    if (!isRecord(price)) {
      problems.push(`${source} ${model}: expected a map of prices, ${EXAMPLE}`)
      continue
    }
    for (const key of Object.keys(price)) {
      if (!(FIELDS as readonly string[]).includes(key)) {
        problems.push(`${source} ${model}.${key}: unknown field; use ${FIELDS.join(', ')}`)
      }
    }
    for (const field of FIELDS) {
      const amount = price[field]
      if (amount === undefined && field !== 'input') continue
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
        problems.push(
          `${source} ${model}.${field}: expected a number of USD per 1M tokens >= 0, got ${JSON.stringify(amount) ?? 'nothing'}`,
        )
      }
    }
    out[model] = {
      input: price.input as number,
      ...(price.output === undefined ? {} : { output: price.output as number }),
      ...(price.cached_input === undefined ? {} : { cached_input: price.cached_input as number }),
    }
  }
  if (problems.length > 0) throw new PricingError(problems.join('\n'))
  return out
}

/**
 * Parses a pricing file's text, YAML or JSON, as `--pricing FILE` reads it.
 *
 * @example parsePricing('my-model: { input: 1, output: 2 }', 'prices.yaml')
 */
export function parsePricing(text: string, source = '<pricing>'): PricingTable {
  let value: unknown
  try {
    value = parse(text)
  } catch (error) {
    throw new PricingError(`${source}: not valid YAML or JSON: ${(error as Error).message}`, {
      cause: error,
    })
  }
  return validatePricing(value, source)
}
