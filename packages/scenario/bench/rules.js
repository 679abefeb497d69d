// Times a generated 100k-rule scenario through parse + validate, lint, createMatcher and a
// match that reaches the last rule; also times `yaml`'s parseDocument on the same text, which
// parsing used alone before the fast reader. Build first, then
// `node packages/scenario/bench/rules.js [count]`.
import { parseDocument } from 'yaml'
import { createMatcher, lintScenario, parseScenario } from '../dist/index.js'

const count = Number(process.argv[2] ?? 100_000)

// The same four kinds of rule as src/scale.test.ts, then a last rule only its prompt reaches.
function generate(total) {
  const lines = ['version: 1', 'rules:']
  for (let i = 0; i < total - 1; i++) {
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
      lines.push('    times: 2', '    respond:', '      tool_calls:')
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

function time(label, run) {
  const start = performance.now()
  const result = run()
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`)
  return result
}

const text = generate(count)
console.log(`${count} rules, ${(text.length / 1e6).toFixed(1)} MB of YAML`)
const scenario = time('parseScenario (parse + validate)', () => parseScenario(text))
time('lintScenario', () => lintScenario(scenario))
const matcher = time('createMatcher', () => createMatcher(scenario))
const request = {
  endpoint: '/v1/chat/completions',
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'this is for the very last rule' }],
}
const first = time('first match (reaches the last rule)', () => matcher.match(request))
time('second match', () => matcher.match(request))
console.log(`matched rule index ${first?.index}`)
time('for comparison: yaml parseDocument alone', () => parseDocument(text, { uniqueKeys: true }))
