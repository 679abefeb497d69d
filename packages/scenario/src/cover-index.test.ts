import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { covers, createCoverIndex } from './cover-index.js'
import type { Rule, When } from './types.js'

const LLM = ['/v1/chat/completions', '/v1/messages', '/v1/responses']
const ENDPOINT_SETS = [
  LLM,
  [...LLM].reverse(),
  ['/v1/messages'],
  ['/v1/embeddings'],
  [...LLM, '/v1/embeddings'],
  [],
]

const when: fc.Arbitrary<When> = fc.record(
  {
    model: fc.constantFrom('*', 'gpt-4o', 'gpt-4o-mini', 'gpt-4*', 'gpt-?o', '{gpt,o}*'),
    messages_contains: fc.constantFrom('', 'a', 'ab', 'abc', 'AB', 'b c', 'hello'),
    ignore_case: fc.boolean(),
    messages_regex: fc.constantFrom('x', 'y+'),
    conversation: fc.constantFrom([{ role: 'user', content: 'hi' }], []),
    input: fc.constantFrom(['a'], ['a', 'b']),
    last_role: fc.constantFrom('tool' as const, 'user' as const),
    has_tool_result: fc.boolean(),
    tools_offered: fc.constantFrom('a', ['a'], ['a', 'b']),
  },
  { requiredKeys: [] },
)

const rule: fc.Arbitrary<[Rule, readonly string[]]> = fc.tuple(
  fc.record({
    type: fc.constant('llm' as const),
    when,
    times: fc.constantFrom(null, null, 2),
  }),
  fc.constantFrom(...ENDPOINT_SETS),
)

describe('createCoverIndex', () => {
  it('finds the first earlier rule without times that covers each rule, as pairwise covers does', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 12 }), (rules) => {
        const index = createCoverIndex()
        rules.forEach(([later, theirs], j) => {
          let expected = -1
          for (let i = 0; i < j && expected === -1; i++) {
            const [earlier, mine] = rules[i] as [Rule, readonly string[]]
            if (earlier.times === null && covers(earlier, later, [mine, theirs])) expected = i
          }
          expect(index.find(later, theirs)).toBe(expected)
          if (later.times === null) index.add(later, j, theirs)
        })
      }),
      { numRuns: 2000 },
    )
  })
})
