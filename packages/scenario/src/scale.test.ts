import { describe, expect, it } from 'vitest'
import { lintScenario } from './lint.js'
import { createMatcher } from './match.js'
import { parseScenario } from './parse.js'

const RULES = 100_000

// Four kinds of rule in turn, all different, then one rule only its own prompt reaches.
function generate(count: number): string {
  const lines = ['version: 1', 'rules:']
  for (let i = 0; i < count - 1; i++) {
    const kind = i % 4
    if (kind === 0) {
      lines.push('  - type: llm', `    when: { messages_contains: "order ${i} status" }`)
      lines.push(`    respond: { content: "Order ${i} has shipped." }`)
    } else if (kind === 1) {
      lines.push(
        '  - type: llm',
        `    when: { model: "gpt-4o*", messages_regex: 'ticket ${i}\\b' }`,
      )
      lines.push(`    respond: { content: "Ticket ${i}", delay_ms: 5 }`)
    } else if (kind === 2) {
      lines.push(
        '  - type: llm.openai',
        `    when: { messages_contains: refund ${i}, ignore_case: true }`,
      )
      lines.push('    times: 2', `    respond:`, `      tool_calls:`)
      lines.push(`        - function: { name: refund, arguments: '{"order": ${i}}' }`)
    } else {
      lines.push('  - type: llm', '    when:', `      messages_regex: "invoice #${i}$"`)
      lines.push('    error: { error_type: rate_limit, retry_after: 2 }')
    }
  }
  lines.push('  - type: llm', '    when: { messages_contains: the very last rule }')
  lines.push('    respond: { content: last }')
  return `${lines.join('\n')}\n`
}

describe('a scenario of 100k rules', () => {
  it('parses, validates, lints and matches its last rule', { timeout: 120_000 }, () => {
    const text = generate(RULES)
    const scenario = parseScenario(text, { source: 'large.yaml' })
    expect(scenario.rules).toHaveLength(RULES)
    const last = scenario.rules[RULES - 1]
    expect(last?.line).toBe(text.slice(0, text.lastIndexOf('  - type: llm')).split('\n').length)

    const warnings = lintScenario(scenario)
    expect(warnings.filter((warning) => warning.message.startsWith('never'))).toEqual([])

    const matcher = createMatcher(scenario)
    const ask = (content: string, model = 'gpt-4o-mini') =>
      matcher.match({
        endpoint: '/v1/chat/completions',
        model,
        messages: [{ role: 'user', content }],
      })
    expect(ask('this is for the very last rule')?.index).toBe(RULES - 1)
    expect(ask('ticket 99997 please')?.index).toBe(99_997)
    expect(ask('REFUND 99998')?.index).toBe(99_998)
    expect(ask('paid invoice #99999')).toBeUndefined()
    expect(ask('paid invoice #99995')?.rule.error?.error_type).toBe('rate_limit')
  })
})
