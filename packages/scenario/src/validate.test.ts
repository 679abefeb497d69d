import { describe, expect, it } from 'vitest'
import { ScenarioError } from './errors.js'
import { createScenario } from './normalize.js'
import { formatPath, validateScenario } from './validate.js'

describe('validateScenario', () => {
  it('returns no issues for a valid scenario', () => {
    expect(validateScenario({ version: 1, rules: [] })).toEqual([])
    expect(
      validateScenario({
        version: 1,
        meta: { anything: [1, { deep: true }] },
        pricing: { 'gpt-4o': { input: 2.5, output: 10 } },
        rules: [
          { type: 'llm.anthropic', when: null, respond: { content: null } },
          { type: 'embeddings', when: { input: ['a'] }, times: null, respond: { embeddings: [] } },
          { type: 'llm', error: { error_type: 'timeout', status_code: 504 } },
        ],
      }),
    ).toEqual([])
  })

  it('returns issues with paths and no positions', () => {
    expect(
      validateScenario({ version: 1, rules: [{ type: 'llm', when: { modle: 'x' }, respond: {} }] }),
    ).toEqual([
      { path: 'rules[0].when.modle', message: 'unknown key "modle"; did you mean "model"?' },
    ])
  })

  it('checks the agent-loop conditions', () => {
    const when = {
      last_role: 'tool',
      has_tool_result: true,
      tool_result_contains: '22C',
      tool_call_id: 'call_1',
      tools_offered: ['get_weather'],
      system_contains: 'bot',
      turn: 1,
    }
    const rule = (conditions: object) => ({ type: 'llm', when: conditions, respond: {} })
    expect(
      validateScenario({ version: 1, rules: [rule(when), rule({ tools_offered: 'a' })] }),
    ).toEqual([])
    const issues = validateScenario({
      version: 1,
      rules: [rule({ last_role: 'system', has_tool_result: 'yes', turn: -1, tools_offered: [1] })],
    })
    expect(issues.map((issue) => issue.path)).toEqual([
      'rules[0].when.last_role',
      'rules[0].when.has_tool_result',
      'rules[0].when.tools_offered[0]',
      'rules[0].when.turn',
    ])
    expect(issues[0]?.message).toBe(
      'must be one of "user", "assistant", "tool"; got the string "system"',
    )
  })

  it('accepts respond.stream (Python-era files) but no other unknown respond key', () => {
    expect(
      validateScenario({ version: 1, rules: [{ type: 'llm', respond: { stream: true } }] }),
    ).toEqual([])
    expect(
      validateScenario({ version: 1, rules: [{ type: 'llm', respond: { streem: true } }] }),
    ).toEqual([
      { path: 'rules[0].respond.streem', message: 'unknown key "streem"; did you mean "stream"?' },
    ])
  })

  it('checks pricing entries', () => {
    expect(
      validateScenario({ version: 1, rules: [], pricing: { 'openai/gpt-4o': { output: 1 } } }),
    ).toEqual([{ path: 'pricing["openai/gpt-4o"].input', message: 'is required' }])
    expect(
      validateScenario({ version: 1, rules: [], pricing: { m: { input: -1, cache: 1 } } }),
    ).toEqual([
      { path: 'pricing.m.cache', message: 'unknown key "cache"' },
      { path: 'pricing.m.input', message: 'must be >= 0; got -1' },
    ])
  })

  it('checks conversation and input shapes', () => {
    expect(
      validateScenario({
        version: 1,
        rules: [
          { type: 'llm', when: { conversation: [{ role: 'user' }] }, respond: {} },
          { type: 'embeddings', when: { input: 'a' }, respond: {} },
        ],
      }),
    ).toEqual([
      { path: 'rules[0].when.conversation[0].content', message: 'is required' },
      { path: 'rules[1].when.input', message: 'must be a list; got the string "a"' },
    ])
  })

  it('does not throw on any shape of input', () => {
    for (const data of [null, 1, 'text', [], { version: 1, rules: [null, 'x', [1]] }]) {
      expect(validateScenario(data).length).toBeGreaterThan(0)
    }
  })
})

describe('validateScenario on tool calls', () => {
  it('accepts arguments as a mapping or a JSON object string, and nothing else as a string', () => {
    const call = (args: unknown) => ({ function: { name: 'f', arguments: args } })
    const issues = validateScenario({
      version: 1,
      rules: [
        {
          type: 'llm',
          respond: {
            tool_calls: [call({ a: 1 }), call('{"a": 1}'), call(''), call('null'), call('"x"')],
          },
        },
      ],
    })
    expect(issues.map((issue) => issue.path)).toEqual([
      'rules[0].respond.tool_calls[2].function.arguments',
      'rules[0].respond.tool_calls[3].function.arguments',
      'rules[0].respond.tool_calls[4].function.arguments',
    ])
    expect(issues[1]?.message).toBe(
      'must be a JSON object, as a string or a mapping; the string "null" is not one (it is null)',
    )
  })
})

describe('createScenario', () => {
  it('builds a frozen scenario from plain data', () => {
    const scenario = createScenario(
      {
        version: 1,
        rules: [
          {
            type: 'llm',
            when: { input_contains: 'x' },
            respond: { tool_calls: [{ function: { name: 'f', arguments: { a: 1 } } }] },
          },
        ],
      },
      { source: 'inline' },
    )
    expect(scenario.rules[0]).toEqual({
      type: 'llm',
      when: { messages_contains: 'x' },
      times: null,
      respond: {
        tool_calls: [{ type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
      },
    })
    expect(scenario.source).toBe('inline')
    expect(Object.isFrozen(scenario.rules[0]?.respond?.tool_calls?.[0]?.function)).toBe(true)
  })

  it('does not share objects with its input', () => {
    const meta = { tags: ['a'] }
    const scenario = createScenario({ version: 1, meta, rules: [] })
    meta.tags.push('b')
    expect(scenario.meta).toEqual({ tags: ['a'] })
  })

  it('throws a ScenarioError listing every issue', () => {
    expect(() =>
      createScenario({ version: 1, rules: [{ type: 'x' }] }, { source: 'code' }),
    ).toThrow(ScenarioError)
    expect(() => createScenario({ rules: [] }, { source: 'code' })).toThrow(
      'code version: is required',
    )
  })
})

describe('formatPath', () => {
  it('writes indexes in brackets and quotes keys that are not identifiers', () => {
    expect(formatPath(['rules', 2, 'when', 'model'])).toBe('rules[2].when.model')
    expect(formatPath(['pricing', 'gpt-4o'])).toBe('pricing["gpt-4o"]')
    expect(formatPath([])).toBe('')
  })
})
