import { describe, expect, it } from 'vitest'
import { closestName } from './suggest.js'

const KEYS = ['model', 'messages_contains', 'messages_regex', 'endpoint', 'ignore_case', 'times']

describe('closestName', () => {
  it.each([
    ['modle', 'model'],
    ['Model', 'model'],
    ['mdoel', 'model'],
    ['messages_contain', 'messages_contains'],
    ['message_contains', 'messages_contains'],
    ['messages_regexp', 'messages_regex'],
    ['endpont', 'endpoint'],
    ['ignorecase', 'ignore_case'],
    ['time', 'times'],
  ])('suggests %j for %j', (typo, expected) => {
    expect(closestName(typo, KEYS)).toBe(expected)
  })

  it('suggests nothing when no name is close', () => {
    expect(closestName('temperature', KEYS)).toBeUndefined()
    expect(closestName('x', KEYS)).toBeUndefined()
    expect(closestName('foo', [])).toBeUndefined()
  })
})
