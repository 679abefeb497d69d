import { describe, expect, it } from 'vitest'
import { closest } from './suggest.js'

describe('closest', () => {
  const commands = ['serve', 'validate', 'explain', 'simulate', 'init', 'example', 'doctor']

  it('suggests the command a typo was meant to be', () => {
    expect(closest('serv', commands)).toBe('serve')
    expect(closest('valiadte', commands)).toBe('validate')
    expect(closest('Doctor', commands)).toBe('doctor')
  })

  it('suggests nothing for something unrelated', () => {
    expect(closest('frobnicate', commands)).toBeUndefined()
  })
})
