import { describe, expect, it } from 'vitest'
import { createPrefixedDigest, deterministicId, stableDigest } from './ids.js'

describe('stableDigest', () => {
  it('is the same for the same text and differs for different texts', () => {
    expect(stableDigest('hello')).toBe(stableDigest('hello'))
    const digests = new Set(Array.from({ length: 2000 }, (_, i) => stableDigest(`req-${i}`)))
    expect(digests.size).toBe(2000)
  })

  it('shares no run between neighbouring single characters', () => {
    const x = stableDigest('x')
    const y = stableDigest('y')
    for (let i = 0; i + 5 <= x.length; i += 5) expect(y).not.toContain(x.slice(i, i + 5))
  })

  it('keeps a fixed value across versions so recorded fixtures stay valid', () => {
    expect(stableDigest('hello', 12)).toMatchInlineSnapshot(`"eIoTzOYDof15"`)
    // Four seeds' worth, over a request-shaped seed with non-ASCII text.
    const seed =
      '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"caf\u00e9 \u2603"}]}|0|7'
    expect(stableDigest(seed, 40)).toBe('vQXSEKoQv8nEh0W6wBN4N3kbCxkkIAzwWDAycif5')
    expect(deterministicId('chatcmpl-', 'hello', 12)).toMatch(/^chatcmpl-[A-Za-z0-9]{12}$/)
  })

  it('gives the same digest whatever was asked before it, longer or shorter', () => {
    const seed = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })
    const long = stableDigest(seed, 32)
    const short = stableDigest(seed, 29)
    expect(short).toBe(long.slice(0, 29))
    stableDigest('something else', 40)
    expect(stableDigest(seed, 29)).toBe(short)
    expect(stableDigest(seed, 40).slice(0, 32)).toBe(long)
    expect(stableDigest(seed, 32)).toBe(long)
    expect(stableDigest('hello', 12)).toBe('eIoTzOYDof15')
  })

  it('gives the same digest as hashing seed by seed, at every length', () => {
    const text = JSON.stringify({ model: 'gpt-4o', input: 'é'.repeat(50) })
    const bySeed = createPrefixedDigest(text)
    for (const length of [1, 9, 10, 24, 29, 32, 40, 41, 48, 64]) {
      stableDigest('reset the last digest', 1)
      expect(stableDigest(text, length), `length ${length}`).toBe(bySeed('', length))
    }
  })
})

describe('createPrefixedDigest', () => {
  it('gives what stableDigest gives for the whole text, at every length', () => {
    const prefix = JSON.stringify({ model: 'gpt-4.1', input: 'x'.repeat(500) })
    const digest = createPrefixedDigest(prefix)
    for (const [suffix, length] of [
      ['|input|0', 48],
      ['|input|17', 24],
      ['', 8],
      ['é', 60],
    ] as const) {
      expect(digest(suffix, length)).toBe(stableDigest(prefix + suffix, length))
    }
  })
})
