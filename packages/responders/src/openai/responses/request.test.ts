import {
  conversationFacts,
  createMatcher,
  type MatchResult,
  parseScenario,
} from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../shared/clock.js'
import { answerResponses } from './answer.js'
import { parseResponsesRequest } from './request.js'
import { createResponseStore, type ResponseStore } from './store.js'

function matchOf(body: Record<string, unknown>, store?: ResponseStore) {
  const parsed = parseResponsesRequest({ model: 'gpt-4.1', ...body }, { store })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.body))
  return parsed.match
}

const clock = fixedClock(1_700_000_000, { instant: true })

const CALL = { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{}' }
const OUTPUT = { type: 'function_call_output', call_id: 'call_1', output: '22C' }

describe('parseResponsesRequest for the agent-loop conditions', () => {
  it('names the tools offered: functions by name, MCP servers by label, built-ins by type', () => {
    const match = matchOf({
      input: 'Hi',
      tools: [
        { type: 'function', name: 'get_weather', parameters: {} },
        { type: 'web_search_preview' },
        { type: 'mcp', server_label: 'deepwiki', server_url: 'https://example.test' },
        { type: 'custom', name: 'grammar_tool' },
      ],
    })
    expect(match.tools).toEqual(['get_weather', 'web_search_preview', 'deepwiki', 'grammar_tool'])
    expect(matchOf({ input: 'Hi' })).not.toHaveProperty('tools')
    expect(matchOf({ input: 'Hi', tools: [] })).not.toHaveProperty('tools')
  })

  it('counts a function_call_output as a tool result, and one answer of several items as one turn', () => {
    const match = matchOf({
      instructions: 'You are a weather bot.',
      input: [
        { role: 'developer', content: 'Use Celsius.' },
        { role: 'user', content: 'Weather in Paris?' },
        { type: 'reasoning', id: 'rs_1', summary: [] },
        {
          type: 'message',
          role: 'assistant',
          content: [{ type: 'output_text', text: 'Let me look.' }],
        },
        CALL,
        { ...CALL, call_id: 'call_2' },
        OUTPUT,
        { ...OUTPUT, call_id: 'call_2', output: [{ type: 'input_text', text: 'sunny' }] },
      ],
    })
    expect(conversationFacts(match.messages)).toEqual({
      last_role: 'tool',
      has_tool_result: true,
      tool_result: { text: 'sunny', call_id: 'call_2' },
      turn: 1,
      system: 'You are a weather bot.\nUse Celsius.',
    })
  })

  it('reads the turns behind previous_response_id', () => {
    const store = createResponseStore()
    const parsed = parseResponsesRequest({ model: 'gpt-4.1', input: 'Weather?' }, { store })
    if (!parsed.ok) throw new Error('expected the body to parse')
    const call = {
      id: 'call_1',
      type: 'function' as const,
      function: { name: 'f', arguments: '{}' },
    }
    const match: MatchResult = {
      rule: { type: 'llm', when: {}, respond: { tool_calls: [call] }, times: null },
      index: 0,
      use: 1,
    }
    const first = answerResponses({ params: parsed.params, match, clock, store })
    if (first.kind !== 'json') throw new Error(first.kind)
    const followUp = matchOf({ previous_response_id: first.body.id, input: [OUTPUT] }, store)
    expect(conversationFacts(followUp.messages)).toMatchObject({
      last_role: 'tool',
      tool_result: { text: '22C', call_id: 'call_1' },
      turn: 1,
    })
  })

  it('lets a rule answer the call after the tool result, and not the first', () => {
    const matcher = createMatcher(
      parseScenario(`version: 1
rules:
  - type: llm
    when: { last_role: tool, tool_call_id: call_1, tools_offered: get_weather }
    respond: { content: done }
`),
    )
    const tools = [{ type: 'function', name: 'get_weather' }]
    expect(matcher.match(matchOf({ input: 'Weather?', tools }))).toBeUndefined()
    const input = [{ role: 'user', content: 'Weather?' }, CALL, OUTPUT]
    expect(matcher.match(matchOf({ input, tools }))?.index).toBe(0)
  })
})
