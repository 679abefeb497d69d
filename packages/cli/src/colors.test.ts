import { describe, expect, it } from 'vitest'
import { createColors, shouldUseColor } from './colors.js'

describe('shouldUseColor', () => {
  it('colours a terminal', () => {
    expect(shouldUseColor({ isTTY: true }, {})).toBe(true)
  })

  it('never colours a pipe or a file', () => {
    expect(shouldUseColor({ isTTY: false }, {})).toBe(false)
    expect(shouldUseColor({}, { FORCE_COLOR: '1' })).toBe(false)
  })

  it('never colours with NO_COLOR set to any non-empty value', () => {
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false)
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: 'false' })).toBe(false)
    // no-color.org: an empty value does not count as set.
    expect(shouldUseColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true)
  })

  it('never colours a dumb terminal', () => {
    expect(shouldUseColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false)
  })
})

describe('createColors', () => {
  it('wraps text in ANSI codes when enabled', () => {
    expect(createColors(true).red('x')).toBe('\u001b[31mx\u001b[39m')
    expect(createColors(true).bold('x')).toBe('\u001b[1mx\u001b[22m')
  })

  it('returns text unchanged when disabled', () => {
    const colors = createColors(false)
    for (const paint of [
      colors.bold,
      colors.dim,
      colors.red,
      colors.green,
      colors.yellow,
      colors.cyan,
    ]) {
      expect(paint('x')).toBe('x')
    }
  })
})
