import { describe, expect, it } from 'vitest'
import { compileGlob } from './glob.js'

describe('compileGlob', () => {
  it.each([
    ['*', 'meta-llama/Llama-3-8B', true],
    ['**', 'a/b/c', true],
    ['meta-llama/*', 'meta-llama/Llama-3-8B', true],
    ['meta-llama/*', 'meta-llama', false],
    ['*/Llama-*', 'meta-llama/Llama-3-8B', true],
    ['/v1/*', '/v1/chat/completions', true],
    ['/v1/chat/*', '/v1/embeddings', false],
    ['gpt-4*', 'gpt-4', true],
    ['gpt-4*', 'gpt-4o-2024-08-06', true],
    ['gpt-4*', 'chatgpt-4o', false],
    ['*-mini', 'gpt-4o-mini', true],
    ['*-mini', 'gpt-4o-mini-tts', false],
    ['gpt-?o', 'gpt-4o', true],
    ['gpt-?o', 'gpt-o', false],
    ['claude-[0-9]*', 'claude-3-haiku', true],
    ['claude-[!0-9]*', 'claude-3-haiku', false],
    ['claude-[^0-9]*', 'claude-opus', true],
    ['{gpt,o}[134]*', 'o3-mini', true],
    ['{gpt,o}[134]*', 'o2', false],
    ['a.b', 'axb', false],
    ['a+b(c)', 'a+b(c)', true],
    ['price$*', 'price$1', true],
    ['literal\\*', 'literal*', true],
    ['literal\\*', 'literalx', false],
    ['[unclosed', '[unclosed', true],
    ['Gpt-4*', 'gpt-4o', false],
  ])('%j against %j is %j', (glob, value, expected) => {
    expect(compileGlob(glob)(value)).toBe(expected)
  })

  it('compares a string without glob characters with ===', () => {
    const test = compileGlob('gpt-4o')
    expect(test('gpt-4o')).toBe(true)
    expect(test('gpt-4o ')).toBe(false)
  })

  it('matches a missing value only with a pattern of stars', () => {
    expect(compileGlob('*')(undefined)).toBe(true)
    expect(compileGlob('gpt*')(undefined)).toBe(false)
    expect(compileGlob('g?t')(undefined)).toBe(false)
    expect(compileGlob('gpt')(undefined)).toBe(false)
  })

  it('throws a SyntaxError for a class that makes no expression', () => {
    expect(() => compileGlob('[z-a]')).toThrow(SyntaxError)
  })
})
