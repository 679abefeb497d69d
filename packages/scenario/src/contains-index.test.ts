import { describe, expect, it } from 'vitest'
import { createContainsIndex } from './contains-index.js'
import { createMatcher } from './match.js'
import { createScenario } from './normalize.js'
import type { MatchRequest, Rule } from './types.js'

// A small seeded generator, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 0x100000000
  }
}

function word(next: () => number, alphabet: string, min: number, max: number): string {
  const length = min + Math.floor(next() * (max - min + 1))
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)]
  return out
}

describe('createContainsIndex', () => {
  it('lists the needles that may occur, in order, and never the ones that cannot', () => {
    const index = createContainsIndex(['order 1.', 'order 2.', undefined, 'ab'])
    expect(index.candidates(['status of order 2.'])).toEqual([1, 2, 3])
    expect(index.candidates(['order 2. and order 1., order 2.'])).toEqual([0, 1, 2, 3])
    expect(index.candidates([''])).toEqual([2, 3])
  })

  it('never leaves out a needle that occurs in one of the texts', () => {
    const next = random(9)
    for (let round = 0; round < 200; round++) {
      const needles = Array.from({ length: 40 }, () =>
        next() < 0.1 ? undefined : word(next, 'abc ', 1, 6),
      )
      const texts = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
        word(next, 'abc ', 0, 30),
      )
      const left = createContainsIndex(needles).candidates(texts)
      expect(left, 'ascending, each once').toEqual([...new Set(left)].sort((a, b) => a - b))
      needles.forEach((needle, i) => {
        const occurs = needle === undefined || texts.some((text) => text.includes(needle))
        if (occurs) expect(left, `${needle} in ${texts.join(' | ')}`).toContain(i)
      })
    }
  })
})

describe('createMatcher with many rules', () => {
  const CHAT = '/v1/chat/completions'

  function manyRules(next: () => number): Rule[] {
    return Array.from({ length: 300 }, (_, i): Rule => {
      const roll = next()
      const when =
        roll < 0.1
          ? { model: 'gpt-4*' }
          : roll < 0.35
            ? { messages_contains: word(next, 'ABCab', 2, 4), ignore_case: true }
            : roll < 0.45
              ? { messages_regex: word(next, 'abc', 2, 3) }
              : { messages_contains: word(next, 'abcAB', 3, 5) }
      const type = next() < 0.2 ? 'embeddings' : 'llm'
      return { type, when, respond: { content: `rule ${i}` }, times: null }
    })
  }

  it('selects the same rule as a rule-by-rule check (explain) would', () => {
    const next = random(42)
    const rules = manyRules(next)
    const matcher = createMatcher(createScenario({ version: 1, rules }))
    let matched = 0
    for (let i = 0; i < 300; i++) {
      const text = word(next, 'abcAB ', 0, 40)
      const request: MatchRequest =
        next() < 0.25
          ? { endpoint: '/v1/embeddings', model: 'text-embedding-3-small', input: [text, 'cab'] }
          : {
              endpoint: CHAT,
              model: next() < 0.5 ? 'gpt-4o' : 'claude-3',
              messages: [{ role: 'user', content: text }],
            }
      const expected = matcher.explain(request).find((verdict) => verdict.matched)?.index
      expect(matcher.match(request)?.index, JSON.stringify(request)).toBe(expected)
      if (expected !== undefined) matched++
    }
    expect(matched).toBeGreaterThan(100)
  })

  it('still honours rule order and times', () => {
    const rules: Rule[] = Array.from({ length: 100 }, (_, i) => ({
      type: 'llm',
      when: { messages_contains: `ticket T${String(i).padStart(3, '0')}.` },
      respond: { content: `rule ${i}` },
      times: null,
    }))
    rules[98] = { ...(rules[98] as Rule), when: { messages_contains: 'T099.' }, times: 1 }
    const matcher = createMatcher(createScenario({ version: 1, rules }))
    const request: MatchRequest = {
      endpoint: CHAT,
      messages: [{ role: 'user', content: 'where is ticket T099.' }],
    }
    expect(matcher.match(request)?.index).toBe(98)
    expect(matcher.match(request)?.index).toBe(99)
    matcher.reset()
    expect(matcher.match(request)?.index).toBe(98)
  })
})
