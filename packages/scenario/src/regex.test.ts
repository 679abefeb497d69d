import { describe, expect, it } from 'vitest'
import { compileRegex } from './regex.js'

describe('compileRegex', () => {
  it('is case-insensitive, multiline and dot-all', () => {
    const regex = compileRegex('^b.c$')
    expect(regex.flags).toBe('ims')
    expect(regex.test('a\nB\nC')).toBe(true)
  })

  it('translates Python named groups and back-references', () => {
    const regex = compileRegex('(?P<word>\\w+) (?P=word)')
    expect(regex.exec('say hey hey')?.groups?.word).toBe('hey')
    expect(regex.test('hi there')).toBe(false)
  })

  it('leaves (?P< alone inside a class or after an escape', () => {
    expect(compileRegex('[(?P<]+').test('?P<')).toBe(true)
    expect(compileRegex('\\(?P<x>').test('P<x>')).toBe(true)
  })

  it('drops leading inline flags that are already on', () => {
    expect(compileRegex('(?i)hello').test('HELLO')).toBe(true)
    expect(compileRegex('(?ms)a.b').test('a\nb')).toBe(true)
  })

  it('throws a SyntaxError for an invalid pattern', () => {
    expect(() => compileRegex('(unclosed')).toThrow(SyntaxError)
    expect(() => compileRegex('(?P<1bad>x)')).toThrow(SyntaxError)
  })
})
