import { describe, expect, it } from 'vitest'
import { ScenarioRegexError } from './errors.js'
import { compileReplacer } from './regex-replace.js'

describe('compileReplacer', () => {
  it('replaces every match, literally', () => {
    const replacer = compileReplacer('ticket-\\d+')
    expect(replacer.replaceAll('ticket-1 and ticket-22', '$1 <t>')).toBe('$1 <t> and $1 <t>')
  })

  it('is case-sensitive unless the pattern says (?i)', () => {
    expect(compileReplacer('abc').replaceAll('ABC abc', 'x')).toBe('ABC x')
    expect(compileReplacer('(?i)abc').replaceAll('ABC abc', 'x')).toBe('x x')
  })

  it('reads Python syntax', () => {
    expect(compileReplacer('(?P<n>\\d+)\\Z').replaceAll('a 12', 'N')).toBe('a N')
  })

  it('refuses what RE2 cannot run in linear time, and invalid patterns', () => {
    expect(() => compileReplacer('(a)\\1')).toThrow(ScenarioRegexError)
    expect(() => compileReplacer('a(?=b)')).toThrow(ScenarioRegexError)
    expect(() => compileReplacer('(a')).toThrow(ScenarioRegexError)
  })

  it('takes linear time on a pattern that backtracks exponentially in V8', () => {
    const text = `${'a'.repeat(5000)}!`
    expect(compileReplacer('(a+)+$').replaceAll(text, 'x')).toBe(text)
  })
})
