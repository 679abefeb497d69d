import { describe, expect, it } from 'vitest'
import { partialParse } from './partial-json.js'

describe('partialParse', () => {
  it('reads truncated JSON as far as it goes, as the Anthropic SDK does', () => {
    const cases: [string, unknown][] = [
      ['{', {}],
      ['{"ci', {}],
      ['{"city"', {}],
      ['{"city":', {}],
      ['{"city":"Pa', {}],
      ['{"city":"Paris"', { city: 'Paris' }],
      ['{"city":"Paris",', { city: 'Paris' }],
      ['{"city":"Paris","days":1', { city: 'Paris' }],
      ['{"city":"Paris","days":12,', { city: 'Paris', days: 12 }],
      ['{"a":[1,2', { a: [1] }],
      ['{"a":[1,2]', { a: [1, 2] }],
      ['{"a":["x","y', { a: ['x'] }],
      ['{"ok":tr', {}],
      ['{"ok":true', { ok: true }],
      ['{"q":"say \\"hi\\"","n":-1.5e', { q: 'say "hi"' }],
      ['[{"a":{"b":null', [{ a: { b: null } }]],
    ]
    for (const [input, expected] of cases) expect(partialParse(input), input).toEqual(expected)
  })

  it('parses whole JSON as JSON.parse does, and throws on what is not JSON', () => {
    expect(partialParse('{"city":"Paris","days":2}')).toEqual({ city: 'Paris', days: 2 })
    expect(() => partialParse('{"a":nope}')).toThrow(SyntaxError)
    expect(() => partialParse('{"a":1]')).toThrow(SyntaxError)
  })
})
