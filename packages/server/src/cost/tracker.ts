import { picoPerToken, toUSD } from './money.js'
import { DEFAULT_PRICING, PRICING_CHECKED_AT, type PricingTable } from './pricing.js'
import { type PriceMatch, resolveModelPrice } from './resolve.js'

/** Token counts of one response, as the client saw them. */
export interface CostUsage {
  readonly input_tokens: number
  readonly output_tokens: number
  /** The part of `input_tokens` served from the prompt cache, billed at `cached_input`. */
  readonly cached_input_tokens?: number
}

/** One counted response. */
export interface CostRecord {
  /** The model id the request named; `undefined` is kept as `unknown`. */
  readonly model: string | undefined
  readonly usage: CostUsage
  /** When it was answered, in ms since the epoch; defaults to the tracker's clock. */
  readonly time?: number
}

/** What one response would have cost. */
export interface RecordedCost {
  readonly model: string
  /** The pricing key it was billed under, or `null` when the model is unpriced. */
  readonly priced_as: string | null
  /** Exact cost in picodollars (1e-12 USD). */
  readonly cost_pico: bigint
  /** The same in dollars, rounded to six decimals. */
  readonly cost_usd: number
}

export interface ModelCost {
  readonly requests: number
  readonly input_tokens: number
  readonly output_tokens: number
  /** USD, rounded to six decimals. */
  readonly cost_saved: number
  /** The pricing key the model was billed under, or `null` when it is unpriced. */
  readonly priced_as: string | null
}

/** The cost report, with the field names of the Python version plus a few additions. */
export interface CostReport {
  /** USD, rounded to six decimals. */
  readonly total_saved: number
  readonly requests_mocked: number
  readonly input_tokens_mocked: number
  readonly output_tokens_mocked: number
  readonly breakdown_by_model: Readonly<Record<string, ModelCost>>
  /** USD saved per UTC hour, keyed `YYYY-MM-DD HH:00`. */
  readonly breakdown_by_hour: Readonly<Record<string, number>>
  /** ISO 8601 time the tracker started (or was last reset). */
  readonly session_start: string
  readonly runtime_hours: number
  /** Models seen without a price: their tokens are counted, their cost is $0. */
  readonly unpriced_models: readonly string[]
  /** The day the built-in prices were checked. */
  readonly pricing_checked_at: string
}

/** Running totals, exact, for metrics and the health check. */
export interface CostTotals {
  readonly requests: number
  readonly input_tokens: number
  readonly output_tokens: number
  readonly cost_pico: bigint
}

export interface CostTrackerOptions {
  /** The full table to price with; defaults to the built-in one. */
  readonly pricing?: PricingTable
  /** Milliseconds since the epoch; defaults to `Date.now`. */
  readonly now?: () => number
}

export interface CostTracker {
  /** Counts one response and returns what it would have cost. */
  record(entry: CostRecord): RecordedCost
  report(): CostReport
  totals(): CostTotals
  /** Prices later responses with `table`; what was recorded keeps its cost. */
  setPricing(table: PricingTable): void
  /** Forgets everything recorded and starts a new session. */
  reset(): void
}

interface ModelTotals {
  requests: number
  input_tokens: number
  output_tokens: number
  cost_pico: bigint
  priced_as: string | null
}

function tokenCount(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

const HOUR_MS = 3_600_000

// Hours are kept as numbers and named only in the report, not formatted on every request.
function hourLabel(hour: number): string {
  const iso = new Date(hour * HOUR_MS).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 13)}:00`
}

/**
 * The cost of one response in picodollars: uncached input at `input`, cached input at
 * `cached_input` (at `input` where no cached price is published), output at `output` (none for
 * embeddings).
 *
 * @example costOf({ input: 2.5, output: 10 }, { input_tokens: 1000, output_tokens: 500 }) // 7500000000n
 */
export function costOf(price: PriceMatch['price'], usage: CostUsage): bigint {
  return costAt(perToken(price), usage)
}

/** A model's prices in picodollars per token. */
interface PerToken {
  readonly input: bigint
  readonly cachedInput: bigint
  readonly output: bigint
}

function perToken(price: PriceMatch['price']): PerToken {
  const input = picoPerToken(price.input)
  return {
    input,
    cachedInput: price.cached_input === undefined ? input : picoPerToken(price.cached_input),
    output: price.output === undefined ? 0n : picoPerToken(price.output),
  }
}

function costAt(prices: PerToken, usage: CostUsage): bigint {
  const input = tokenCount(usage.input_tokens)
  const cached = Math.min(tokenCount(usage.cached_input_tokens), input)
  const output = tokenCount(usage.output_tokens)
  return (
    BigInt(input - cached) * prices.input +
    BigInt(cached) * prices.cachedInput +
    BigInt(output) * prices.output
  )
}

/**
 * Adds up what the mocked responses would have cost at the providers' prices. Sums are exact
 * (integer picodollars); dollars are rounded only when reported.
 *
 * @example
 * const tracker = createCostTracker()
 * tracker.record({ model: 'gpt-4o', usage: { input_tokens: 1000, output_tokens: 500 } })
 * tracker.report().total_saved // 0.0075
 */
export function createCostTracker(options: CostTrackerOptions = {}): CostTracker {
  const now = options.now ?? Date.now
  let pricing = options.pricing ?? DEFAULT_PRICING
  // By model name: the match and its per-token prices, worked out once per model.
  let resolved = new Map<string, { match: PriceMatch; prices: PerToken } | undefined>()
  let start = now()
  let byModel = new Map<string, ModelTotals>()
  let byHour = new Map<number, bigint>()
  let requests = 0
  let inputTokens = 0
  let outputTokens = 0
  let total = 0n

  function priceFor(model: string): { match: PriceMatch; prices: PerToken } | undefined {
    if (!resolved.has(model)) {
      const match = resolveModelPrice(model, pricing)
      resolved.set(model, match && { match, prices: perToken(match.price) })
    }
    return resolved.get(model)
  }

  return {
    record(entry) {
      const model = entry.model?.trim() || 'unknown'
      const priced = priceFor(model)
      const match = priced?.match
      const cost = priced ? costAt(priced.prices, entry.usage) : 0n
      const input = tokenCount(entry.usage.input_tokens)
      const output = tokenCount(entry.usage.output_tokens)
      requests += 1
      inputTokens += input
      outputTokens += output
      total += cost
      let totals = byModel.get(model)
      if (!totals) {
        totals = { requests: 0, input_tokens: 0, output_tokens: 0, cost_pico: 0n, priced_as: null }
        byModel.set(model, totals)
      }
      totals.requests += 1
      totals.input_tokens += input
      totals.output_tokens += output
      totals.cost_pico += cost
      totals.priced_as = match?.key ?? totals.priced_as
      const hour = Math.floor((entry.time ?? now()) / HOUR_MS)
      byHour.set(hour, (byHour.get(hour) ?? 0n) + cost)
      return {
        model,
        priced_as: match?.key ?? null,
        cost_pico: cost,
        cost_usd: toUSD(cost),
      }
    },

    report() {
      const breakdown: Record<string, ModelCost> = {}
      const unpriced: string[] = []
      for (const [model, totals] of [...byModel].sort(([a], [b]) => (a < b ? -1 : 1))) {
        breakdown[model] = {
          requests: totals.requests,
          input_tokens: totals.input_tokens,
          output_tokens: totals.output_tokens,
          cost_saved: toUSD(totals.cost_pico),
          priced_as: totals.priced_as,
        }
        if (totals.priced_as === null) unpriced.push(model)
      }
      const hours: Record<string, number> = {}
      for (const [hour, pico] of [...byHour].sort(([a], [b]) => a - b)) {
        hours[hourLabel(hour)] = toUSD(pico)
      }
      return {
        total_saved: toUSD(total),
        requests_mocked: requests,
        input_tokens_mocked: inputTokens,
        output_tokens_mocked: outputTokens,
        breakdown_by_model: breakdown,
        breakdown_by_hour: hours,
        session_start: new Date(start).toISOString(),
        runtime_hours: Math.max(0, Math.round(((now() - start) / 3_600_000) * 1e6) / 1e6),
        unpriced_models: unpriced,
        pricing_checked_at: PRICING_CHECKED_AT,
      }
    },

    totals() {
      return {
        requests,
        input_tokens: inputTokens,
        output_tokens: outputTokens,
        cost_pico: total,
      }
    },

    setPricing(table) {
      pricing = table
      resolved = new Map()
    },

    reset() {
      start = now()
      byModel = new Map()
      byHour = new Map()
      requests = 0
      inputTokens = 0
      outputTokens = 0
      total = 0n
    },
  }
}
