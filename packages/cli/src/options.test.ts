import { describe, expect, it } from 'vitest'
import { UsageError } from './errors.js'
import {
  booleanOption,
  choiceOption,
  integerOption,
  requiredString,
  stringOption,
} from './options.js'

describe('stringOption', () => {
  it('gives back numbers as the text typed', () => {
    expect(stringOption({ prompt: 42 }, 'prompt')).toBe('42')
    expect(stringOption({}, 'prompt')).toBeUndefined()
  })

  it('rejects a flag given twice, naming it', () => {
    expect(() => stringOption({ fixedTime: [1, 2] }, 'fixedTime')).toThrow(
      new UsageError('--fixed-time was given 2 times; give it once'),
    )
  })

  it('rejects a flag with no value', () => {
    expect(() => stringOption({ model: true }, 'model')).toThrow('--model needs a value')
  })
})

describe('requiredString', () => {
  it('explains what the missing flag is for', () => {
    expect(() => requiredString({}, 'prompt', 'the user message')).toThrow(
      '--prompt is required: the user message',
    )
  })
})

describe('integerOption', () => {
  const port = { min: 0, max: 65535, fallback: 8080 }

  it('uses the fallback when absent and accepts 0', () => {
    expect(integerOption({}, 'port', port)).toBe(8080)
    expect(integerOption({ port: 0 }, 'port', port)).toBe(0)
    expect(integerOption({ port: '3000' }, 'port', port)).toBe(3000)
  })

  it('rejects text, fractions, negatives and out-of-range numbers', () => {
    expect(() => integerOption({ port: 'abc' }, 'port', port)).toThrow(
      '--port must be a whole number, got "abc"',
    )
    expect(() => integerOption({ port: 1.5 }, 'port', port)).toThrow(/whole number/)
    expect(() => integerOption({ port: -1 }, 'port', port)).toThrow(/whole number/)
    expect(() => integerOption({ port: 70000 }, 'port', port)).toThrow(
      '--port must be from 0 to 65535, got 70000',
    )
  })
})

describe('booleanOption and choiceOption', () => {
  it('reads flags', () => {
    expect(booleanOption({ watch: true }, 'watch')).toBe(true)
    expect(booleanOption({}, 'watch')).toBe(false)
  })

  it('accepts only the listed choices', () => {
    expect(choiceOption({}, 'mode', ['mock', 'record'], 'mock')).toBe('mock')
    expect(choiceOption({ mode: 'record' }, 'mode', ['mock', 'record'], 'mock')).toBe('record')
    expect(() => choiceOption({ mode: 'live' }, 'mode', ['mock', 'record'], 'mock')).toThrow(
      '--mode must be one of mock, record; got "live"',
    )
  })
})
