import { describe, expect, it } from 'vitest'
import { literalPlan, planHolds } from './regex-literal.js'

describe('literalPlan', () => {
  it('splits alternatives and .* gaps, lower-casing the pieces', () => {
    expect(literalPlan('Weather|name is.*?My Name|a\\.b')).toEqual([
      ['weather'],
      ['name is', 'my name'],
      ['a.b'],
    ])
  })

  it('gives up on anything but literals', () => {
    for (const source of ['a+', '^a', '(a|b)', '[ab]', '\\d', 'a.b', 'a{2}', 'café', '.*+']) {
      expect(literalPlan(source), source).toBeUndefined()
    }
  })
})

describe('planHolds', () => {
  it('finds the pieces of one alternative in order', () => {
    const plan = literalPlan('context.*refund|shipping') ?? []
    expect(planHolds(plan, 'the context says: refunds')).toBe(true)
    expect(planHolds(plan, 'refund, then context')).toBe(false)
    expect(planHolds(plan, 'free shipping')).toBe(true)
    expect(planHolds(literalPlan('') ?? [], 'anything')).toBe(true)
  })
})
