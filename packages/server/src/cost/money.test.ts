import { describe, expect, it } from 'vitest'
import { formatUSD, picoPerToken, picoToFloatUSD, toUSD } from './money.js'

describe('picoPerToken', () => {
  it('turns USD per 1M tokens into exact picodollars per token', () => {
    expect(picoPerToken(2.5)).toBe(2_500_000n)
    expect(picoPerToken(0.075)).toBe(75_000n)
    expect(picoPerToken(0.005)).toBe(5_000n)
    expect(picoPerToken(0)).toBe(0n)
  })
})

describe('formatUSD', () => {
  it('rounds half away from zero to the given decimals', () => {
    expect(formatUSD(0n)).toBe('$0.00')
    expect(formatUSD(5_000_000_000n)).toBe('$0.01')
    expect(formatUSD(4_999_999_999n)).toBe('$0.00')
    expect(formatUSD(1_234_567_890_000_000n)).toBe('$1234.57')
    expect(formatUSD(11_830_000_000n, 6)).toBe('$0.011830')
    expect(formatUSD(-5_000_000_000n)).toBe('-$0.01')
    expect(formatUSD(7n, 12)).toBe('$0.000000000007')
    expect(formatUSD(2_600_000_000_000n, 0)).toBe('$3')
  })
})

describe('toUSD', () => {
  it('gives dollars rounded to six decimals', () => {
    expect(toUSD(11_830_000_000n)).toBe(0.01183)
    expect(toUSD(75_000n)).toBe(0)
    expect(toUSD(500_000n)).toBe(0.000001)
    expect(picoToFloatUSD(75_000n)).toBe(7.5e-8)
  })
})
