import { describe, expect, it } from 'vitest'
import { literalPlan, planHolds, requiredLiteral } from './regex-literal.js'

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

describe('requiredLiteral', () => {
  it('takes the longest run of plain characters every match contains', () => {
    expect(requiredLiteral('\\bticket (?:no\\.)? ?(\\d+)\\b')).toBe('ticket ')
    expect(requiredLiteral('Invoice #\\d+$')).toBe('invoice #')
    expect(requiredLiteral('ab+c*d')).toBe('ab')
    expect(requiredLiteral('a\\.b{0,2}c')).toBe('a.')
    expect(requiredLiteral('x\\x{41}41yz')).toBe('41yz')
    expect(requiredLiteral('\\d+\\s*\\+\\s*\\d+')).toBe('+')
  })

  it('gives nothing when no run is certain', () => {
    for (const source of [
      'a|bc',
      'a?b*',
      '(abc)',
      '[abc]+',
      '\\Qabc\\E',
      '[[:alpha:]]xy',
      '\\d*',
    ]) {
      expect(requiredLiteral(source), source).toBeUndefined()
    }
  })
})
