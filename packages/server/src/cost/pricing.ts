import type { ModelPrice } from '@mocktopus/scenario'

/** Prices by model id or family, in USD per one million tokens. */
export type PricingTable = Readonly<Record<string, ModelPrice>>

/** The day the built-in prices were last compared with the providers' published prices. */
export const PRICING_CHECKED_AT = '2026-11-25'

/**
 * The built-in prices: USD per one million tokens, standard (not batch) tier, keyed by family.
 * Only prices read in the providers' documentation are here; a model that is missing is reported
 * as unpriced rather than given a guessed price. `cached_input` is the price of prompt-cache
 * hits (OpenAI "cached input", Anthropic "cache hits"), where one is published.
 *
 * @example DEFAULT_PRICING['gpt-4o'] // { input: 2.5, output: 10, cached_input: 1.25 }
 */
export const DEFAULT_PRICING: PricingTable = {
  // OpenAI chat models
  'gpt-5': { input: 1.25, output: 10, cached_input: 0.125 },
  'gpt-5-mini': { input: 0.25, output: 2, cached_input: 0.025 },
  'gpt-5-nano': { input: 0.05, output: 0.4, cached_input: 0.005 },
  'gpt-4.1': { input: 2, output: 8, cached_input: 0.5 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6, cached_input: 0.1 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4, cached_input: 0.025 },
  'gpt-4o': { input: 2.5, output: 10, cached_input: 1.25 },
  // The first GPT-4o snapshot kept its launch price when the family's price fell.
  'gpt-4o-2024-05-13': { input: 5, output: 15 },
  'gpt-4o-mini': { input: 0.15, output: 0.6, cached_input: 0.075 },
  o1: { input: 15, output: 60, cached_input: 7.5 },
  'o4-mini': { input: 1.1, output: 4.4, cached_input: 0.275 },
  'gpt-4': { input: 30, output: 60 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  // OpenAI embeddings: input only
  'text-embedding-3-small': { input: 0.02 },
  'text-embedding-3-large': { input: 0.13 },
  'text-embedding-ada-002': { input: 0.1 },
  // Anthropic
  'claude-opus-5': { input: 5, output: 25, cached_input: 0.5 },
  'claude-sonnet-5': { input: 2, output: 10, cached_input: 0.2 },
  'claude-opus-4-8': { input: 5, output: 25, cached_input: 0.5 },
  'claude-opus-4-7': { input: 5, output: 25, cached_input: 0.5 },
  'claude-opus-4-6': { input: 5, output: 25, cached_input: 0.5 },
  'claude-opus-4-5': { input: 5, output: 25, cached_input: 0.5 },
  'claude-opus-4-1': { input: 15, output: 75, cached_input: 1.5 },
  'claude-opus-4': { input: 15, output: 75, cached_input: 1.5 },
  'claude-sonnet-4-6': { input: 3, output: 15 },
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'claude-sonnet-4': { input: 3, output: 15, cached_input: 0.3 },
  'claude-haiku-4-5': { input: 1, output: 5 },
  'claude-3-7-sonnet': { input: 3, output: 15, cached_input: 0.3 },
  'claude-3-5-sonnet': { input: 3, output: 15, cached_input: 0.3 },
  'claude-3-5-haiku': { input: 0.8, output: 4, cached_input: 0.08 },
  'claude-3-opus': { input: 15, output: 75, cached_input: 1.5 },
  'claude-3-haiku': { input: 0.25, output: 1.25, cached_input: 0.03 },
  // Google Gemini, from the Gemini Developer API pricing page (ai.google.dev/gemini-api/docs/pricing),
  // paid tier, standard, text, prompts up to 200k tokens; read 2026-12-06. Context-cache prices
  // have changed more than once, so none is given.
  'gemini-2.5-pro': { input: 1.25, output: 10 },
  'gemini-2.5-flash': { input: 0.3, output: 2.5 },
  'gemini-2.5-flash-lite': { input: 0.1, output: 0.4 },
  'gemini-2.0-flash': { input: 0.1, output: 0.4 },
  'gemini-2.0-flash-001': { input: 0.1, output: 0.4 },
  'gemini-embedding-001': { input: 0.15 },
}

/**
 * Model ids that name a family without a date: Anthropic's `-0` aliases of the first Claude 4
 * models.
 */
export const MODEL_ALIASES: Readonly<Record<string, string>> = {
  'claude-opus-4-0': 'claude-opus-4',
  'claude-sonnet-4-0': 'claude-sonnet-4',
}

/**
 * Lays tables over one another: a later table's entry replaces an earlier one's whole (a price
 * written without `cached_input` has none), and keys compare case-insensitively.
 *
 * @example mergePricing(DEFAULT_PRICING, { 'my-model': { input: 1, output: 2 } })
 */
export function mergePricing(...tables: readonly (PricingTable | undefined)[]): PricingTable {
  const merged: Record<string, ModelPrice> = {}
  for (const table of tables) {
    if (!table) continue
    for (const [model, price] of Object.entries(table)) merged[model.trim().toLowerCase()] = price
  }
  return merged
}
