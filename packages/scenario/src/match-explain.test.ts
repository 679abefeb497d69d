import { describe, expect, it } from 'vitest'
import { describeNoMatch } from './describe.js'
import { createMatcher } from './match.js'
import { parseScenario } from './parse.js'
import type { MatchRequest } from './types.js'

// `match` and `explain` are two implementations of one decision; they must agree on every
// request, including after uses are counted.
const SCENARIO = parseScenario(`version: 1
rules:
  - type: llm.openai
    when: { model: "gpt-4*", messages_contains: weather }
    times: 2
    respond: { content: a }
  - type: llm.anthropic
    when: { messages_regex: "^hi" }
    respond: { content: b }
  - type: llm
    when: { endpoint: "/v1/re*", messages_contains: Weather, ignore_case: true }
    times: 1
    respond: { content: c }
  - type: embeddings
    when: { input_contains: cat }
    respond: { embeddings: [] }
  - type: llm.openai
    when: { endpoint: /v1/embeddings, model: "text-*" }
    respond: { embeddings: [] }
  - type: llm
    when: { model: "claude-?-*", conversation: [{ role: user, content: hi there }] }
    respond: { content: d }
  - type: llm.openai
    when: { model: "o[13]*" }
    times: 3
    error: { error_type: rate_limit }
`)

const ENDPOINTS = [
  '/v1/chat/completions',
  '/v1/responses',
  '/v1/messages',
  '/v1/completions',
  '/v1/embeddings',
]
const MODELS = [undefined, 'gpt-4o', 'gpt-3.5', 'claude-3-haiku', 'o1-mini', 'text-embedding-3']
const TEXTS = ['hi there', 'the WEATHER', 'weather', 'a cat', 'nothing']

function* requests(): Generator<MatchRequest> {
  for (const endpoint of ENDPOINTS) {
    for (const model of MODELS) {
      for (const text of TEXTS) {
        const base = model === undefined ? { endpoint } : { endpoint, model }
        yield endpoint === '/v1/embeddings'
          ? { ...base, input: [text] }
          : { ...base, messages: [{ role: 'user', content: text }] }
      }
    }
  }
}

describe('match and explain', () => {
  it('agree on every request, as counters run out', () => {
    const matcher = createMatcher(SCENARIO)
    let matched = 0
    for (let round = 0; round < 3; round++) {
      for (const request of requests()) {
        const verdicts = matcher.explain(request)
        const expected = verdicts.find((verdict) => verdict.matched)?.index
        const hit = matcher.match(request)
        expect(hit?.index, JSON.stringify(request)).toBe(expected)
        if (hit) matched++
        else expect(describeNoMatch(verdicts, SCENARIO)).toMatch(/^no rule matched; /)
      }
    }
    expect(matched).toBeGreaterThan(0)
  })
})
