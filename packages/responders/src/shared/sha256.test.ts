import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha256, toHex } from './sha256.js'

describe('sha256', () => {
  it('gives the standard test vectors', () => {
    expect(toHex(sha256(''))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    expect(toHex(sha256('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(toHex(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    )
  })

  it('agrees with node:crypto on texts of every length across block boundaries', () => {
    const alphabet = ['a', 'Z', ' ', '\n', 'é', '€', '😀', '中']
    for (let length = 0; length < 200; length++) {
      let text = ''
      for (let i = 0; i < length; i++) text += alphabet[(i * 7 + length) % alphabet.length]
      expect(toHex(sha256(text))).toBe(createHash('sha256').update(text).digest('hex'))
    }
  })
})
