/**
 * Reading option values as the commands need them. The argument parser turns numeric-looking
 * values into numbers and repeated flags into arrays; these helpers undo that and reject
 * what cannot be meant, with a usage error that names the flag.
 */
import { UsageError } from './errors.js'

/** Parsed options as the argument parser gives them, keyed by camelCased long name. */
export type RawOptions = Readonly<Record<string, unknown>>

function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
}

function single(options: RawOptions, key: string): unknown {
  const value = options[key]
  if (Array.isArray(value)) {
    throw new UsageError(`${flagName(key)} was given ${value.length} times; give it once`)
  }
  return value
}

/**
 * A string option, or `undefined` when absent. Numbers are returned as the text typed.
 *
 * @example stringOption({ prompt: 42 }, 'prompt') // '42'
 */
export function stringOption(options: RawOptions, key: string): string | undefined {
  const value = single(options, key)
  if (value === undefined) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  throw new UsageError(`${flagName(key)} needs a value`)
}

/** A string option that must be present. */
export function requiredString(options: RawOptions, key: string, what: string): string {
  const value = stringOption(options, key)
  if (value === undefined || value === '') {
    throw new UsageError(`${flagName(key)} is required: ${what}`)
  }
  return value
}

/** A boolean flag: present means true. */
export function booleanOption(options: RawOptions, key: string): boolean {
  const value = single(options, key)
  return value === true || value === 'true'
}

/**
 * An integer option within `[min, max]`, or `fallback` when absent.
 *
 * @example integerOption({ port: '0' }, 'port', { min: 0, max: 65535, fallback: 8080 }) // 0
 */
export function integerOption(
  options: RawOptions,
  key: string,
  range: { readonly min: number; readonly max: number; readonly fallback?: number },
): number | undefined {
  const text = stringOption(options, key)
  if (text === undefined) return range.fallback
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) {
    throw new UsageError(`${flagName(key)} must be a whole number, got "${text}"`)
  }
  if (value < range.min || value > range.max) {
    throw new UsageError(`${flagName(key)} must be from ${range.min} to ${range.max}, got ${value}`)
  }
  return value
}

/** A choice among `choices`, or `fallback` when absent. */
export function choiceOption<T extends string>(
  options: RawOptions,
  key: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = stringOption(options, key)
  if (value === undefined) return fallback
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${flagName(key)} must be one of ${choices.join(', ')}; got "${value}"`)
  }
  return value as T
}

/**
 * The words of a flag that may be repeated and may hold comma-separated words, in order;
 * `undefined` when absent.
 *
 * @example repeatedList({ redact: ['header:a', 'body:b,body:c'] }, 'redact') // ['header:a', 'body:b', 'body:c']
 */
export function repeatedList(options: RawOptions, key: string): string[] | undefined {
  const value = options[key]
  if (value === undefined) return undefined
  const values = Array.isArray(value) ? value : [value]
  const words: string[] = []
  for (const item of values) {
    if (typeof item !== 'string' && typeof item !== 'number') {
      throw new UsageError(`${flagName(key)} needs a value`)
    }
    for (const word of String(item).split(',')) if (word.trim() !== '') words.push(word.trim())
  }
  if (words.length === 0) throw new UsageError(`${flagName(key)} needs a comma-separated list`)
  return words
}
