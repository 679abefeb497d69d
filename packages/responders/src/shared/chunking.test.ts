import { describe, expect, it } from 'vitest'
import { splitText } from './chunking.js'

describe('splitText', () => {
  it('splits into word-sized pieces that join back into the text', () => {
    const text = '  Hello, big\nworld!  '
    const pieces = splitText(text)
    expect(pieces.join('')).toBe(text)
    expect(pieces).toEqual(['  Hello,', ' big', '\nworld!', '  '])
  })

  it('splits into fixed-size runs by code point', () => {
    expect(splitText('abcdef', 4)).toEqual(['abcd', 'ef'])
    expect(splitText('😀😀😀', 2)).toEqual(['😀😀', '😀'])
    expect(splitText('ab😀cd', 2)).toEqual(['ab', '😀c', 'd'])
    expect(splitText('x'.repeat(45), 20).map((piece) => piece.length)).toEqual([20, 20, 5])
  })

  it('returns no pieces for empty text', () => {
    expect(splitText('')).toEqual([])
  })
})
