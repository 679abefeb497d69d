import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { lintScenario } from './lint.js'
import { createScenario } from './normalize.js'
import { parseScenario } from './parse.js'

function lint(rules: string) {
  return lintScenario(parseScenario(`version: 1\nrules:\n${rules}`))
}

const FALLBACK = `
  - type: llm
    respond: { content: fallback }
`

describe('lintScenario', () => {
  it('finds nothing in a tidy scenario', () => {
    expect(
      lint(`
  - type: llm.openai
    when: { model: "gpt-4*", messages_contains: weather }
    respond: { content: sunny, usage: { input_tokens: 3, output_tokens: 1, total_tokens: 4 } }
  - type: llm.openai
    when: { messages_contains: weather }
    respond: { content: cloudy, finish_reason: stop }
${FALLBACK}`),
    ).toEqual([])
  })

  it('warns about a rule shadowed by an earlier one with a subset of its conditions', () => {
    const warnings = lint(`
  - type: llm
    when: { messages_contains: weather }
    respond: { content: a }
  - type: llm.openai
    when: { model: gpt-4o, messages_contains: weather in Paris }
    respond: { content: b }
${FALLBACK}`)
    expect(warnings).toEqual([
      {
        ruleIndex: 1,
        line: 7,
        message:
          'never selected: rules[0] (line 4) comes first and matches every request this rule matches; move this rule above it or narrow rules[0]',
      },
    ])
  })

  it('treats model "*" as no condition and a glob that matches an exact model as covering it', () => {
    const warnings = lint(`
  - type: llm.openai
    when: { model: "*" }
    respond: { content: a }
  - type: llm.openai
    when: { model: "gpt-4*", messages_regex: x }
    respond: { content: b }
  - type: llm.openai
    when: { model: gpt-4o }
    respond: { content: c }
`)
    expect(warnings.map((warning) => warning.ruleIndex)).toEqual([1, 2])
  })

  it('does not call a rule shadowed when the earlier one has times or narrower endpoints', () => {
    expect(
      lint(`
  - type: llm
    when: { messages_contains: retry }
    times: 2
    error: { error_type: server_error }
  - type: llm
    when: { messages_contains: retry }
    respond: { content: ok }
  - type: llm.anthropic
    respond: { content: a }
  - type: llm
    when: { messages_contains: x }
    respond: { content: b }
${FALLBACK}`).map((warning) => warning.message),
    ).toEqual([])
  })

  it('does not guess on conditions it cannot compare', () => {
    expect(
      lint(`
  - type: llm
    when: { messages_regex: "a+" }
    respond: { content: a }
  - type: llm
    when: { messages_regex: "aa" }
    respond: { content: b }
  - type: llm
    when: { messages_contains: Hello, ignore_case: false }
    respond: { content: c }
  - type: llm
    when: { messages_contains: hello, ignore_case: true }
    respond: { content: d }
${FALLBACK}`),
    ).toEqual([])
  })

  it('warns about an empty when ahead of rules it hides', () => {
    const warnings = lint(`
  - type: llm.openai
    when: {}
    respond: { content: a }
  - type: llm.openai
    when: { messages_contains: x }
    respond: { content: b }
`)
    expect(warnings.map((warning) => [warning.ruleIndex, warning.message.split(':')[0]])).toEqual([
      [
        0,
        '"when" is empty, so this rule answers every llm.openai request and the rules after it that it covers never run; add conditions or move it last',
      ],
      [1, 'never selected'],
    ])
  })

  it('warns when a type has no fallback rule, on the last rule of that type', () => {
    const warnings = lint(`
  - type: llm.openai
    when: { messages_contains: a }
    respond: { content: a }
  - type: embeddings
    respond: { embeddings: [] }
  - type: llm.openai
    when: { messages_contains: b }
    respond: { content: b }
  - type: llm
    times: 1
    respond: { content: once }
`)
    expect(warnings).toEqual([
      {
        ruleIndex: 2,
        line: 9,
        message:
          'no fallback rule for llm.openai: a request no llm.openai rule matches gets a 404 no_matching_rule; end with a rule without conditions (or model: "*") if that is not meant',
      },
      {
        ruleIndex: 3,
        line: 12,
        message:
          'no fallback rule for llm: a request no llm rule matches gets a 404 no_matching_rule; end with a rule without conditions (or model: "*") if that is not meant',
      },
    ])
  })

  it('warns about zero usage and totals that do not add up', () => {
    const warnings = lint(`
  - type: llm
    when: { messages_contains: a }
    respond: { content: a, usage: { input_tokens: 0, output_tokens: 0 } }
  - type: llm
    when: { messages_contains: b }
    respond: { content: b, usage: { input_tokens: 2, output_tokens: 3, total_tokens: 6 } }
${FALLBACK}`)
    expect(warnings.map((warning) => warning.message)).toEqual([
      'usage reports 0 tokens; remove usage to have tokens estimated from the text, or give real figures',
      'usage.total_tokens is 6, not input_tokens + output_tokens (5)',
    ])
  })

  it('warns about a rule whose type never answers its endpoint, and odd values', () => {
    const warnings = lint(`
  - type: llm.anthropic
    when: { endpoint: /v1/chat/completions }
    respond: { content: a }
  - type: llm
    when: { messages_contains: "" }
    respond: { content: b, finish_reason: done }
${FALLBACK}`)
    expect(warnings.map((warning) => [warning.ruleIndex, warning.message.slice(0, 40)])).toEqual([
      [0, 'never matches: type llm.anthropic does n'],
      [1, 'messages_contains is empty, so it holds '],
      [1, 'finish_reason "done" is not one the APIs'],
    ])
  })

  it('leaves line out for rules built in code', () => {
    const scenario = createScenario({
      version: 1,
      rules: [{ type: 'llm', when: { messages_contains: 'x' }, respond: {} }],
    })
    expect(lintScenario(scenario)[0]).not.toHaveProperty('line')
  })

  it('expects no fallback after recordings, which match one request each', () => {
    const scenario = createScenario({
      version: 1,
      rules: [
        {
          type: 'llm.openai',
          when: { conversation: [{ role: 'user', content: 'hi' }] },
          respond: {},
        },
        { type: 'embeddings', when: { input: ['a'] }, respond: {} },
      ],
    })
    expect(lintScenario(scenario)).toEqual([])
  })

  it('flags only the missing fallback in the Python errors example', () => {
    const url = new URL('../test/fixtures/python-compat/errors.yaml', import.meta.url)
    const warnings = lintScenario(parseScenario(readFileSync(url, 'utf8')))
    expect(warnings.map((warning) => warning.ruleIndex)).toEqual([7])
  })
})

describe('lintScenario on agent-loop conditions', () => {
  it('warns about combinations no request satisfies', () => {
    const warnings = lint(`
  - type: llm
    when: { has_tool_result: false, tool_result_contains: sunny }
    respond: { content: a }
  - type: llm
    when: { has_tool_result: false, last_role: tool, tool_call_id: call_1 }
    respond: { content: b }
  - type: llm
    when: { turn: 0, last_role: assistant }
    respond: { content: c }
${FALLBACK}`)
    expect(warnings.map((warning) => [warning.ruleIndex, warning.message])).toEqual([
      [
        0,
        'never matches: has_tool_result: false wants no tool result, and tool_result_contains needs one; use has_tool_result: true or drop tool_result_contains',
      ],
      [
        1,
        'never matches: has_tool_result: false wants no tool result, and tool_call_id needs one; use has_tool_result: true or drop tool_call_id',
      ],
      [
        1,
        'never matches: has_tool_result: false wants no tool result, and last_role needs one; use has_tool_result: true or drop last_role',
      ],
      [
        2,
        'never matches: turn: 0 means no assistant message came before, and last_role: assistant needs one',
      ],
    ])
  })

  it('warns about empty substrings and conversation conditions on embeddings rules', () => {
    const warnings = lint(`
  - type: llm
    when: { tool_result_contains: "", system_contains: "" }
    respond: { content: a }
  - type: embeddings
    when: { last_role: user, turn: 0 }
    respond: { embeddings: [] }
  - type: embeddings
    respond: { embeddings: [] }
${FALLBACK}`)
    expect(warnings.map((warning) => [warning.ruleIndex, warning.message])).toEqual([
      [
        0,
        'tool_result_contains is empty, so it holds whenever there is a tool result; say has_tool_result: true instead',
      ],
      [0, 'system_contains is empty, so it holds for every request; remove it or fill it'],
      [1, 'last_role, turn read a conversation, and embeddings requests have none; remove them'],
    ])
  })

  it('does not call the second rule of a tool loop shadowed by the first', () => {
    expect(
      lint(`
  - type: llm
    when: { has_tool_result: false }
    respond: { tool_calls: [{ function: { name: get_weather, arguments: {} } }] }
  - type: llm
    when: { last_role: tool }
    respond: { content: done }
  - type: llm
    when: { last_role: tool }
    respond: { content: never }
${FALLBACK}`).map((warning) => [warning.ruleIndex, warning.message.split(':')[0]]),
    ).toEqual([[2, 'never selected']])
  })
})
