import { describe, expect, it } from 'vitest'
import { PatternRefusal, translatePattern } from './regex-syntax.js'

describe('translatePattern', () => {
  it('drops leading flag groups and keeps the rest as written', () => {
    expect(translatePattern('(?i)(?ms)(?P<n>\\d+) x')).toBe('(?P<n>\\d+) x')
  })

  it('turns \\Z into \\z and keeps \\A', () => {
    expect(translatePattern('\\Afoo\\Z')).toBe('\\Afoo\\z')
  })

  it('applies verbose mode only outside classes and escapes', () => {
    expect(translatePattern('(?x) a b  # note ( [\n [ #]  c\\ d \\# ')).toBe('ab[ #]c\\ d\\#')
  })

  it('keeps ] first in a class literal', () => {
    expect(translatePattern('(?x)[] ] [^] ]')).toBe('[] ][^] ]')
  })

  it('rewrites \\uXXXX and \\UXXXXXXXX as \\x{...}', () => {
    expect(translatePattern('\\u00e9\\U0001F600\\u12')).toBe('\\x{00e9}\\x{0001F600}\\u12')
  })

  it('throws a PatternRefusal for what needs backtracking', () => {
    for (const pattern of ['(a)\\12', '(?P=x)', '(?=a)', '(?<!a)', '(?(1)a)', '(?>a)']) {
      expect(() => translatePattern(pattern), pattern).toThrow(PatternRefusal)
    }
    expect(() => translatePattern('[\\1(?=]')).not.toThrow()
  })
})
