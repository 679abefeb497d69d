import { describe, expect, it } from 'vitest'
import { createExactIndex } from './exact-index.js'
import { createMatcher } from './match.js'
import { createScenario } from './normalize.js'
import type { MatchRequest, Rule } from './types.js'

const chat = '/v1/chat/completions'

// A small seeded generator, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 0x100000000
  }
}

describe('createExactIndex', () => {
  it('lists the rules recorded for this exact conversation or input, and those without either', () => {
    const index = createExactIndex(
      [
        [{ role: 'user', content: 'Hi' }],
        undefined,
        [
          { role: 'system', content: 'Be terse.' },
          { role: 'user', content: 'Hi' },
        ],
        [{ role: 'user', content: 'Hi' }],
        undefined,
      ],
      [undefined, ['a', 'b'], undefined, undefined, undefined],
    )
    expect(
      index.candidates({ endpoint: chat, messages: [{ role: 'user', content: 'Hi' }] }),
    ).toEqual([0, 3, 4])
    // Content parts are read as the matcher reads them: their texts, one per line.
    expect(
      index.candidates({
        endpoint: chat,
        messages: [
          { role: 'system', content: 'Be terse.' },
          { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
        ],
      }),
    ).toEqual([2, 4])
    expect(
      index.candidates({ endpoint: chat, messages: [{ role: 'assistant', content: 'Hi' }] }),
    ).toEqual([4])
    expect(index.candidates({ endpoint: '/v1/embeddings', input: ['a', 'b'] })).toEqual([1, 4])
    expect(index.candidates({ endpoint: '/v1/embeddings', input: ['a'] })).toEqual([4])
  })
})

describe('createMatcher over thousands of recordings', () => {
  // Recordings of few distinct conversations, so many share one; `times` and rules without a
  // conversation interleaved: the indexed match must select what trying every rule selects.
  function recordings(count: number, next: () => number): Rule[] {
    const rules: Record<string, unknown>[] = []
    for (let i = 0; i < count; i++) {
      const n = Math.floor(next() * 40)
      const pick = next()
      if (pick < 0.05) {
        rules.push({
          type: 'llm',
          when: { messages_contains: `case ${n}` },
          respond: { content: `contains ${i}` },
        })
      } else if (pick < 0.2) {
        rules.push({
          type: 'embeddings',
          when: { endpoint: '/v1/embeddings', input: [`text ${n}`] },
          respond: { embeddings: [{ embedding: [i] }] },
        })
      } else {
        rules.push({
          type: 'llm.openai',
          when: {
            endpoint: chat,
            ...(next() < 0.5 ? { model: 'gpt-4o' } : {}),
            conversation: [
              { role: 'system', content: 'Be terse.' },
              { role: 'user', content: `case ${n}` },
            ],
          },
          ...(next() < 0.3 ? { times: 1 } : {}),
          respond: { content: `recorded ${i}` },
        })
      }
    }
    return createScenario({ version: 1, rules }).rules as Rule[]
  }

  function requests(count: number, next: () => number): MatchRequest[] {
    return Array.from({ length: count }, () => {
      const n = Math.floor(next() * 45)
      if (next() < 0.2) return { endpoint: '/v1/embeddings', model: 'e', input: [`text ${n}`] }
      return {
        endpoint: chat,
        model: next() < 0.5 ? 'gpt-4o' : 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'Be terse.' },
          {
            role: 'user',
            content: next() < 0.2 ? [{ type: 'text', text: `case ${n}` }] : `case ${n}`,
          },
        ],
      }
    })
  }

  it('selects what trying every rule in order selects, times included', () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed)
      const rules = recordings(2000, next)
      const indexed = createMatcher({ version: 1, rules, meta: {} })
      // Fewer recordings than the index needs: every rule is tried in order.
      const small = (request: MatchRequest, used: Map<number, number>) => {
        for (let i = 0; i < rules.length; i++) {
          const rule = rules[i] as Rule
          const one = createMatcher({ version: 1, rules: [rule], meta: {} })
          if (rule.times !== null && (used.get(i) ?? 0) >= rule.times) continue
          if (one.match(request)) {
            used.set(i, (used.get(i) ?? 0) + 1)
            return i
          }
        }
        return undefined
      }
      const used = new Map<number, number>()
      const selected = requests(300, next).map((request) => [
        indexed.match(request)?.index,
        small(request, used),
      ])
      for (const [got, want] of selected) expect(got).toBe(want)
      expect(selected.filter(([got]) => got !== undefined).length).toBeGreaterThan(100)
    }
  })

  it('compiles a when again for a rule of another type that shares it', () => {
    const [openai] = createScenario({
      version: 1,
      rules: [{ type: 'llm.openai', when: { model: 'gpt-4o' }, respond: { content: 'openai' } }],
    }).rules as Rule[]
    const first = createMatcher({ version: 1, rules: [openai as Rule], meta: {} })
    const messages = [{ role: 'user', content: 'Hi' }]
    expect(first.match({ endpoint: chat, model: 'gpt-4o', messages })?.index).toBe(0)
    // The same frozen `when`, now on an Anthropic rule: it answers /v1/messages, not chat.
    const anthropic = { ...(openai as Rule), type: 'llm.anthropic' } as Rule
    const second = createMatcher({ version: 1, rules: [anthropic], meta: {} })
    expect(second.match({ endpoint: chat, model: 'gpt-4o', messages })).toBeUndefined()
    expect(second.match({ endpoint: '/v1/messages', model: 'gpt-4o', messages })?.index).toBe(0)
  })
})
