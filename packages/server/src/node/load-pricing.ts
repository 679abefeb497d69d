import { readFile } from 'node:fs/promises'
import { PricingError, parsePricing } from '../cost/parse-pricing.js'
import type { PricingTable } from '../cost/pricing.js'

/**
 * Reads a pricing file (YAML or JSON) for `--pricing FILE`. Node only: exported from
 * `@mocktopus/server/node`.
 *
 * @example createMockServer({ pricing: await loadPricingFile('prices.yaml') })
 */
export async function loadPricingFile(path: string): Promise<PricingTable> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new PricingError(
      `pricing file not readable: ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path given to --pricing`,
      { cause: error },
    )
  }
  return parsePricing(text, path)
}
