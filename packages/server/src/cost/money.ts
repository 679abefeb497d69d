/**
 * Money as exact integers. Costs are kept in picodollars (1e-12 USD) as bigints: a price of
 * USD P per million tokens is P * 1e6 picodollars per token, an integer for any price given to
 * six decimal places, so sums over millions of requests never drift the way float sums do.
 */

const PICO_PER_USD = 1_000_000_000_000n

/**
 * Picodollars per token for a price in USD per one million tokens, rounded to the nearest
 * picodollar (prices are honoured to six decimal places).
 *
 * @example picoPerToken(2.5) // 2500000n
 */
export function picoPerToken(usdPerMillion: number): bigint {
  return BigInt(Math.round(usdPerMillion * 1_000_000))
}

// 10^(12 - digits) for digits 0 to 12, made once: every recorded response is rounded.
const UNITS = Array.from({ length: 13 }, (_, digits) => 10n ** BigInt(12 - digits))

/** Rounds a picodollar amount to `digits` decimal places of a dollar, half away from zero. */
function roundTo(pico: bigint, digits: number): bigint {
  const unit = UNITS[digits] ?? 10n ** BigInt(12 - digits)
  const sign = pico < 0n ? -1n : 1n
  const abs = pico * sign
  return ((abs + unit / 2n) / unit) * sign
}

/**
 * A picodollar amount as a dollar string with `digits` decimals (0 to 12), without thousands
 * separators so that scripts can parse it.
 *
 * @example formatUSD(12_500_000_000n, 2) // '$0.01'
 */
export function formatUSD(pico: bigint, digits = 2): string {
  const scaled = roundTo(pico, digits)
  const negative = scaled < 0n
  const abs = negative ? -scaled : scaled
  const base = 10n ** BigInt(digits)
  const whole = (abs / base).toString()
  const fraction = digits > 0 ? `.${(abs % base).toString().padStart(digits, '0')}` : ''
  return `${negative ? '-' : ''}$${whole}${fraction}`
}

/**
 * A picodollar amount as a number of dollars rounded to `digits` decimals, for JSON.
 *
 * @example toUSD(12_500_000_000n, 6) // 0.0125
 */
export function toUSD(pico: bigint, digits = 6): number {
  return Number(roundTo(pico, digits)) / 10 ** digits
}

/** Dollars as a float, for Prometheus samples (which are floats anyway). */
export function picoToFloatUSD(pico: bigint): number {
  return Number(pico) / Number(PICO_PER_USD)
}
