import { describe, expect, it } from 'vitest'
import { describeNoMatch } from './describe.js'
import { createMatcher } from './match.js'
import { parseScenario } from './parse.js'
import type { MatchRequest } from './types.js'

const SCENARIO = parseScenario(`version: 1
rules:
  - type: llm.openai
    when: { model: "gpt-4*", messages_contains: weather }
    respond: { content: sunny }
  - type: llm.openai
    when: { model: "gpt-4*", messages_regex: "forecast (for|in) \\\\w+" }
    respond: { content: rain }
  - type: llm.anthropic
    when: { model: "claude-*" }
    respond: { content: hi }
  - type: llm.openai
    when: { messages_contains: limited }
    times: 1
    respond: { content: once }
  - type: llm
    when: { endpoint: /v1/responses, conversation: [{ role: user, content: hi }] }
    respond: { content: recorded }
  - type: embeddings
    when: { input: [a, b] }
    respond: { embeddings: [] }
  - type: embeddings
    when: { input_contains: needle, ignore_case: true }
    respond: { embeddings: [] }
`)

function chat(content: string, model = 'gpt-4o'): MatchRequest {
  return { endpoint: '/v1/chat/completions', model, messages: [{ role: 'user', content }] }
}

describe('explain', () => {
  it('gives one verdict per rule without counting a use', () => {
    const matcher = createMatcher(SCENARIO)
    const verdicts = matcher.explain(chat('limited'))
    expect(verdicts).toHaveLength(SCENARIO.rules.length)
    expect(verdicts.map((verdict) => verdict.index)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(matcher.explain(chat('limited'))[3]?.matched).toBe(true)
    expect(matcher.match(chat('limited'))?.index).toBe(3)
  })

  it('lists the conditions that held for a match', () => {
    const verdict = createMatcher(SCENARIO).explain(chat('weather today?'))[0]
    expect(verdict).toEqual({
      index: 0,
      matched: true,
      applies: true,
      passed: 3,
      reasons: [
        'type llm.openai answers /v1/chat/completions',
        'model "gpt-4o" matches "gpt-4*"',
        'last user message contains "weather"',
      ],
    })
  })

  it('says a rule without conditions matches every request of its type', () => {
    const matcher = createMatcher(
      parseScenario('version: 1\nrules:\n  - type: llm\n    respond: {}\n'),
    )
    expect(matcher.explain(chat('x'))[0]?.reasons).toEqual([
      'type llm answers /v1/chat/completions',
      'no conditions: matches every request its type answers',
    ])
  })

  it('names the first failing condition with the value seen', () => {
    const verdicts = createMatcher(SCENARIO).explain(chat('Weather?', 'gpt-3.5-turbo'))
    expect(verdicts[0]).toMatchObject({
      matched: false,
      applies: true,
      passed: 1,
      reasons: ['model "gpt-3.5-turbo" does not match "gpt-4*"'],
    })
    expect(verdicts[2]?.reasons).toEqual([
      'type llm.anthropic does not answer /v1/chat/completions',
    ])
    expect(verdicts[2]?.applies).toBe(false)
  })

  it('shows the text a substring was looked for in, and hints at ignore_case', () => {
    const verdicts = createMatcher(SCENARIO).explain(chat('WEATHER please'))
    expect(verdicts[0]?.reasons).toEqual([
      'last user message "WEATHER please" does not contain "weather" (it does ignoring case; add ignore_case: true)',
    ])
    expect(createMatcher(SCENARIO).explain(chat('rain'))[0]?.reasons).toEqual([
      'last user message "rain" does not contain "weather"',
    ])
  })

  it('shows the joined messages a regex was tried on, shortened when long', () => {
    const long = `forecast ${'x'.repeat(200)}`
    const [reason] = createMatcher(SCENARIO).explain(chat(long))[1]?.reasons ?? []
    expect(reason).toBe(`messages "${long.slice(0, 79)}…" do not match /forecast (for|in) \\w+/`)
  })

  it('says when a rule is used up', () => {
    const matcher = createMatcher(SCENARIO)
    matcher.match(chat('limited'))
    expect(matcher.explain(chat('limited'))[3]).toMatchObject({
      matched: false,
      reasons: ['used up: times is 1, already selected 1 times'],
    })
    expect(matcher.explain(chat('other'))[3]?.reasons).toEqual([
      'last user message "other" does not contain "limited"',
      'used up: times is 1, already selected 1 times',
    ])
    matcher.reset()
    expect(matcher.explain(chat('limited'))[3]?.matched).toBe(true)
  })

  it('explains endpoint, conversation and input conditions', () => {
    const matcher = createMatcher(SCENARIO)
    const responses = (content: string): MatchRequest => ({
      ...chat(content),
      endpoint: '/v1/responses',
    })
    expect(matcher.explain(chat('hi'))[4]?.reasons).toEqual([
      'endpoint "/v1/chat/completions" does not match "/v1/responses"',
    ])
    expect(matcher.explain(responses('hello'))[4]?.reasons).toEqual([
      'conversation differs at message 1: expected user "hi", got user "hello"',
    ])
    expect(matcher.explain(responses('hi'))[4]?.reasons).toContain(
      'conversation is the recorded one',
    )
    const embed = (input: string[]): MatchRequest => ({ endpoint: '/v1/embeddings', input })
    expect(matcher.explain(embed(['a']))[5]?.reasons).toEqual([
      'input has 1 items, the rule expects 2',
    ])
    expect(matcher.explain(embed(['a', 'c']))[5]?.reasons).toEqual([
      'input differs at item 2: expected "b", got "c"',
    ])
    expect(matcher.explain(embed(['hay']))[6]?.reasons).toEqual([
      'no input contains "needle" (ignoring case)',
    ])
    expect(matcher.explain(embed(['NEEDLE']))[6]?.reasons).toContain(
      'an input contains "needle" (ignoring case)',
    )
  })

  it('shows a missing model as (none)', () => {
    const verdicts = createMatcher(SCENARIO).explain({ endpoint: '/v1/chat/completions' })
    expect(verdicts[0]?.reasons).toEqual(['model (none) does not match "gpt-4*"'])
  })
})

describe('describeNoMatch', () => {
  it('names the rule that came closest and why it failed, numbering rules from 1', () => {
    const matcher = createMatcher(SCENARIO)
    const request = chat('weather?', 'gpt-3.5-turbo')
    expect(describeNoMatch(matcher.explain(request), SCENARIO)).toBe(
      'no rule matched; rules[0] came closest: model "gpt-3.5-turbo" does not match "gpt-4*"',
    )
  })

  it('prefers the rule that passed the most conditions', () => {
    const matcher = createMatcher(SCENARIO)
    const request = chat('forecast for Paris', 'gpt-3.5-turbo')
    expect(describeNoMatch(matcher.explain(request), SCENARIO)).toBe(
      'no rule matched; rules[1] came closest: model "gpt-3.5-turbo" does not match "gpt-4*"',
    )
  })

  it('ignores rules whose type does not answer the endpoint', () => {
    const matcher = createMatcher(SCENARIO)
    const request: MatchRequest = { endpoint: '/v1/messages', model: 'gpt-4o', messages: [] }
    expect(describeNoMatch(matcher.explain(request), SCENARIO)).toBe(
      'no rule matched; rules[0] came closest: last user message "" does not contain "weather"',
    )
  })

  it('names a used-up rule that otherwise matches', () => {
    const matcher = createMatcher(SCENARIO)
    matcher.match(chat('limited'))
    expect(describeNoMatch(matcher.explain(chat('limited', 'o1')), SCENARIO)).toBe(
      'no rule matched; rules[3] came closest: used up: times is 1, already selected 1 times',
    )
  })

  it('says when no rule answers the endpoint at all', () => {
    const scenario = parseScenario(
      'version: 1\nrules:\n  - type: llm.openai\n    respond: {}\n  - type: llm.anthropic\n    respond: {}\n',
    )
    const verdicts = createMatcher(scenario).explain({ endpoint: '/v1/embeddings', input: ['x'] })
    expect(describeNoMatch(verdicts, scenario)).toBe(
      "no rule matched; no rule answers /v1/embeddings (the scenario's rules are of type llm.openai, llm.anthropic)",
    )
  })

  it('says when the scenario has no rules', () => {
    const scenario = parseScenario('version: 1\nrules: []\n')
    expect(describeNoMatch(createMatcher(scenario).explain(chat('x')), scenario)).toBe(
      'no rule matched; the scenario has no rules',
    )
  })
})
