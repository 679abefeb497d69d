import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import { readSimpleYaml } from './yaml-fast.js'

// What parseScenario asks of `yaml`, to compare with.
function reference(text: string) {
  const counter = new LineCounter()
  const doc = parseDocument(text, {
    lineCounter: counter,
    prettyErrors: true,
    uniqueKeys: true,
    resolveKnownTags: false,
  })
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined
  const root = doc.contents
  const rules = isMap(root) ? root.get('rules', true) : undefined
  const ruleLines = isSeq(rules)
    ? rules.items.map((item) => counter.linePos((item as Node).range?.[0] ?? 0).line)
    : undefined
  try {
    return { data: doc.toJS({ maxAliasCount: 1000 }) as unknown, ruleLines }
  } catch {
    return undefined
  }
}

const SCALARS = [
  'hello',
  'hello world',
  'yes',
  'no',
  'true',
  'True',
  'FALSE',
  'null',
  'Null',
  '~',
  '1',
  '-1',
  '+12',
  '012',
  '0o17',
  '0x1F',
  '1.5',
  '.5',
  '-1.',
  '1e3',
  '1E-3',
  '.inf',
  '-.Inf',
  '.nan',
  '1_000',
  'a:b',
  'a: b',
  'ends:',
  'C#',
  'a #b',
  'x]',
  'a,b',
  'f(x)',
  '-',
  '- a',
  '-a',
  '?',
  '? a',
  ': x',
  '&a',
  '*a',
  '!x',
  '!!str x',
  '|',
  '>',
  '%x',
  '@x',
  '`x',
  'é',
  'a\u00a0',
  "it's",
  'say "hi"',
  '#',
  'gpt-4o*',
  '\\d+',
  '[',
  '{',
  ']',
  '}',
  ',x',
  '"unclosed',
  "'unclosed",
  '"a\\tb"',
  '"\\x41\\u00e9\\U0001F600"',
  '"\\q"',
  '"\\"q\\""',
  '"a run \\"quoted\\" \\\\ then \\u00e9 and more"',
  "'it''s'",
  '""',
  "''",
  '"a" b',
  '"k": v',
  '[a, b]',
  '[a, [b, c]]',
  '[a: 1]',
  '[]',
  '{}',
  '{a: 1}',
  '{a: 1, b: [x, y]}',
  '{"a":1}',
  '{a:1}',
  '{ a: b: c }',
  '{a: 1, a: 2}',
  '[a,]',
  '{a: }',
  'a\tb',
]
// Mostly what the reader takes, so that its answers are compared often.
const COMMON_SCALARS = [
  'hello',
  'hello world',
  '1',
  'true',
  'null',
  '"q"',
  "'s'",
  '[a, 1]',
  '{a: b}',
]
const COMMON_KEYS = ['a', 'b', 'type', 'rules']
const scalarText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...COMMON_SCALARS) },
  { weight: 2, arbitrary: fc.constantFrom(...SCALARS) },
)
const KEYS = [
  'a',
  'b',
  'type',
  'rules',
  'x y',
  '"q k"',
  "'s k'",
  '1',
  'true',
  'null',
  'a:b',
  'a b:c',
  '__proto__',
  '<<',
  '-k',
  '"a"',
  '? k',
  'k ',
]

const keyText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...COMMON_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...KEYS) },
)

type Tree =
  | { readonly kind: 'scalar'; readonly text: string; readonly comment: boolean }
  | { readonly kind: 'map'; readonly entries: readonly [string, Tree][]; readonly step: number }
  | {
      readonly kind: 'seq'
      readonly items: readonly Tree[]
      readonly step: number
      readonly compact: boolean
      readonly same: boolean
    }

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('scalar' as const),
      text: scalarText,
      comment: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('map' as const),
      entries: fc.array(fc.tuple(keyText, tie('tree')), {
        minLength: 1,
        maxLength: 3,
      }),
      step: fc.integer({ min: 1, max: 3 }),
    }),
    fc.record({
      kind: fc.constant('seq' as const),
      items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
      step: fc.integer({ min: 1, max: 3 }),
      compact: fc.boolean(),
      same: fc.boolean(),
    }),
  ),
})).tree

const pad = (n: number) => ' '.repeat(n)

function render(node: Tree, indent: number): string[] {
  if (node.kind === 'scalar') return [`${pad(indent)}${node.text}${node.comment ? ' # c' : ''}`]
  if (node.kind === 'map') {
    return node.entries.flatMap(([key, value]) => {
      if (value.kind === 'scalar') {
        return [`${pad(indent)}${key}: ${value.text}${value.comment ? ' # c' : ''}`]
      }
      const deeper = value.kind === 'seq' && value.same ? indent : indent + node.step
      return [
        `${pad(indent)}${key}:`,
        ...(node.step === 2 ? ['', '  # note'] : []),
        ...render(value, deeper),
      ]
    })
  }
  return node.items.flatMap((item) => {
    if (item.kind === 'scalar')
      return render(item, indent).map((line) => line.replace(/^( *)/, '$1- '))
    const inner = render(item, indent + 2)
    if (node.compact)
      return [`${pad(indent)}- ${(inner[0] as string).slice(indent + 2)}`, ...inner.slice(1)]
    return [`${pad(indent)}-`, ...inner]
  })
}

describe('readSimpleYaml', () => {
  it('reads what yaml reads, or leaves the text to yaml', () => {
    let read = 0
    fc.assert(
      fc.property(fc.array(fc.tuple(keyText, tree), { minLength: 1, maxLength: 4 }), (entries) => {
        const text = `${render({ kind: 'map', entries, step: 2 }, 0).join('\n')}\n`
        const fast = readSimpleYaml(text)
        if (fast === undefined) return
        const expected = reference(text)
        read++
        expect(expected, text).toBeDefined()
        expect(fast.data, text).toEqual(expected?.data)
        if (expected?.ruleLines) expect(fast.ruleLines, text).toEqual(expected.ruleLines)
      }),
      { numRuns: 3000 },
    )
    // The comparison means something only if the fast path reads a good share of the texts.
    expect(read).toBeGreaterThan(300)
  })

  it('reads a typical scenario, with the line of each rule', () => {
    const text = `# a scenario
version: 1
meta: { description: "Weather \\u2603", tags: [a, b] }
rules:
  - type: llm.openai
    when:
      model: "gpt-4*"
      messages_regex: '\\d+\\s*\\+\\s*\\d+'   # single quotes keep backslashes
    respond:
      content: null
      tool_calls:
        - function: { name: get_weather, arguments: '{"city": "Paris"}' }

  -
    type: llm
    times: 3
    respond: { content: It's fine, delay_ms: 100 }
`
    expect(readSimpleYaml(text)).toEqual({
      data: {
        version: 1,
        meta: { description: 'Weather \u2603', tags: ['a', 'b'] },
        rules: [
          {
            type: 'llm.openai',
            when: { model: 'gpt-4*', messages_regex: '\\d+\\s*\\+\\s*\\d+' },
            respond: {
              content: null,
              tool_calls: [{ function: { name: 'get_weather', arguments: '{"city": "Paris"}' } }],
            },
          },
          { type: 'llm', times: 3, respond: { content: "It's fine", delay_ms: 100 } },
        ],
      },
      ruleLines: [5, 15],
    })
    expect(reference(text)?.ruleLines).toEqual([5, 15])
  })

  it('leaves anchors, tags, block scalars, tabs, CRLF and duplicate keys to yaml', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  text\n',
      'a:\n\tb: 1\n',
      'a: 1\r\nb: 2\r\n',
      'a: 1\na: 2\n',
      '---\na: 1\n',
      'a: multi\n  line\n',
      '- a\n',
    ]) {
      expect(readSimpleYaml(text), JSON.stringify(text)).toBeUndefined()
    }
  })
})
