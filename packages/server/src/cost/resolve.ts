import type { ModelPrice } from '@mocktopus/scenario'
import { MODEL_ALIASES, type PricingTable } from './pricing.js'

/** The price a model is billed at, and the table key it was found under. */
export interface PriceMatch {
  readonly key: string
  readonly price: ModelPrice
}

// What may follow a family name in a snapshot id: a date (`-2024-08-06`, `-20241022`), an
// OpenAI four-digit snapshot (`-0613`, `-0125`) or `-latest`. Anything else (`-mini`, `-audio`,
// `-1`) names another model, which may have another price, so it never falls back to the family.
const SNAPSHOT_SUFFIX = /^(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|latest)$/

/**
 * Finds the price of `model`: its exact id, an alias, or the longest family name in the table
 * that the id extends with a snapshot suffix (or, for a fine-tuned `ft:` key, with `:<job id>`). `gpt-4o-2024-08-06` is priced as `gpt-4o`, but
 * `gpt-4o-mini-2024-07-18` only as `gpt-4o-mini`, never as `gpt-4o`. Ids compare
 * case-insensitively. An unknown model gives `undefined`: it is never guessed.
 *
 * @example resolveModelPrice('claude-3-5-sonnet-20241022', DEFAULT_PRICING)?.key // 'claude-3-5-sonnet'
 */
export function resolveModelPrice(model: string, table: PricingTable): PriceMatch | undefined {
  const id = model.trim().toLowerCase()
  if (id === '') return undefined
  const exact = table[id]
  if (exact) return { key: id, price: exact }
  const alias = MODEL_ALIASES[id]
  if (alias && table[alias]) return { key: alias, price: table[alias] }
  let best: PriceMatch | undefined
  for (const [key, price] of Object.entries(table)) {
    if (id.length <= key.length + 1 || !id.startsWith(key)) continue
    const separator = id[key.length]
    const rest = id.slice(key.length + 1)
    // OpenAI appends `:<job id>` to a fine-tuned model's name: `ft:gpt-4o-mini:acme:support`
    // prices `ft:gpt-4o-mini:acme:support:AbC123` too.
    const extendsKey =
      (separator === '-' && SNAPSHOT_SUFFIX.test(rest)) ||
      (separator === ':' && key.startsWith('ft:') && rest !== '')
    if (!extendsKey) continue
    if (!best || key.length > best.key.length) best = { key, price }
  }
  return best
}
