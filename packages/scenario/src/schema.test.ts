import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { scenarioSchema } from './schema.js'

const LINE_WIDTH = 100

// JSON laid out as Biome formats it (objects open, arrays of scalars on one line when they
// fit), so `schema.json` passes `biome ci` and stays byte-equal to this snapshot.
function formatJSON(value: unknown, indent: number, lineStart: number, trailing: number): string {
  const pad = ' '.repeat(indent)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (value.every((item) => item === null || typeof item !== 'object')) {
      const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`
      if (lineStart + inline.length + trailing <= LINE_WIDTH) return inline
    }
    const inner = ' '.repeat(indent + 2)
    const items = value.map(
      (item, i) => inner + formatJSON(item, indent + 2, inner.length, i < value.length - 1 ? 1 : 0),
    )
    return `[\n${items.join(',\n')}\n${pad}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 0) return '{}'
    const inner = ' '.repeat(indent + 2)
    const lines = entries.map(([key, item], i) => {
      const head = `${inner}${JSON.stringify(key)}: `
      return head + formatJSON(item, indent + 2, head.length, i < entries.length - 1 ? 1 : 0)
    })
    return `{\n${lines.join(',\n')}\n${pad}}`
  }
  return JSON.stringify(value)
}

describe('scenarioSchema', () => {
  it('is what schema.json in the package holds', async () => {
    await expect(`${formatJSON(scenarioSchema, 0, 0, 0)}\n`).toMatchFileSnapshot('../schema.json')
  })

  it('compiles under ajv strict mode', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, strictRequired: false })
    const validate = ajv.compile(scenarioSchema)
    expect(validate({ version: 1, rules: [] })).toBe(true)
    expect(
      validate({ version: 1, rules: [{ type: 'llm', when: { modle: 'x' }, respond: {} }] }),
    ).toBe(false)
  })

  it('lists every rule type, error type and when condition', () => {
    interface Node {
      readonly enum: unknown[]
      readonly properties: Record<string, Node>
      readonly items: Node
    }
    const rule = (scenarioSchema as unknown as Node).properties.rules?.items as Node
    expect(rule.properties.type?.enum).toEqual([
      'llm.openai',
      'llm.anthropic',
      'llm.gemini',
      'llm.ollama',
      'llm',
      'embeddings',
    ])
    expect(rule.properties.error?.properties.error_type?.enum).toHaveLength(6)
    expect(Object.keys(rule.properties.when?.properties ?? {})).toEqual([
      'model',
      'messages_contains',
      'input_contains',
      'messages_regex',
      'input_regex',
      'endpoint',
      'ignore_case',
      'times',
      'conversation',
      'input',
      'last_role',
      'has_tool_result',
      'tool_result_contains',
      'tool_call_id',
      'tools_offered',
      'system_contains',
      'turn',
      'tools',
      'params',
    ])
  })
})
