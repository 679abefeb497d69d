import { describe, expect, it } from 'vitest'
import { ScenarioError } from './errors.js'
import { lintScenario } from './lint.js'
import { createScenario } from './normalize.js'
import { parseScenario } from './parse.js'

const SEQUENCE = `version: 1
rules:
  - type: llm
    respond:
      - tool_calls:
          - function: { name: get_weather, arguments: { city: Paris } }
      - content: It is sunny in Paris.
`

function issuesOf(text: string): string[] {
  try {
    parseScenario(text, { source: 's.yaml' })
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n')
    throw error
  }
  return []
}

describe('a respond list (sequence)', () => {
  it('keeps every item in order, the first also as respond', () => {
    const rule = parseScenario(SEQUENCE).rules[0]
    expect(rule?.sequence).toEqual([
      {
        tool_calls: [
          { type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        ],
      },
      { content: 'It is sunny in Paris.' },
    ])
    expect(rule?.respond).toBe(rule?.sequence?.[0])
    expect(rule?.cycle).toBeUndefined()
  })

  it('reads the same through the YAML library as through the fast reader', () => {
    // A comment and a flow list send the text to the full YAML parser.
    const slow = parseScenario(`# comment\n${SEQUENCE.replace('rules:', 'rules: # here')}`)
    expect(slow.rules[0]?.sequence).toEqual(parseScenario(SEQUENCE).rules[0]?.sequence)
  })

  it('takes cycle beside respond', () => {
    const rule = parseScenario(`${SEQUENCE}    cycle: true\n`).rules[0]
    expect(rule?.cycle).toBe(true)
  })

  it('leaves a single respond without a sequence', () => {
    const rule = createScenario({ version: 1, rules: [{ type: 'llm', respond: { content: 'a' } }] })
      .rules[0]
    expect(rule?.sequence).toBeUndefined()
    expect(rule?.respond).toEqual({ content: 'a' })
  })

  it('refuses an empty list with its position', () => {
    expect(issuesOf('version: 1\nrules:\n  - type: llm\n    respond: []\n')).toEqual([
      's.yaml:4:14 rules[0].respond: is an empty list; give at least one response (a list answers with one item per use)',
    ])
  })

  it('checks each item as a single respond, naming its index', () => {
    const text = [
      'version: 1',
      'rules:',
      '  - type: llm',
      '    respond:',
      '      - content: fine',
      '      - content: 42',
      '      - contnt: typo',
      '        times: 2',
      '      - tool_calls:',
      `          - function: { name: f, arguments: "not json" }`,
      '  - type: llm',
      '    respond: "just text"',
      '',
    ].join('\n')
    expect(issuesOf(text)).toEqual([
      's.yaml:6:18 rules[0].respond[1].content: must be a string or null; got number 42',
      's.yaml:7:9 rules[0].respond[2].contnt: unknown key "contnt"; did you mean "content"?',
      's.yaml:8:9 rules[0].respond[2].times: unknown key "times"; "times" belongs to the rule, not to "respond" (check the indentation)',
      expect.stringMatching(
        /^s\.yaml:10:45 rules\[0\]\.respond\[3\]\.tool_calls\[0\]\.function\.arguments: must be a JSON object/,
      ),
      's.yaml:12:14 rules[1].respond: must be a mapping or a list; got the string "just text"',
    ])
  })

  it('keeps error single: a list under error is refused', () => {
    expect(
      issuesOf('version: 1\nrules:\n  - type: llm\n    error:\n      - error_type: rate_limit\n'),
    ).toEqual([
      expect.stringMatching(/^s\.yaml:5:7 rules\[0\]\.error: must be a mapping; got a list/),
    ])
  })

  it('refuses a cycle that is not true or false', () => {
    expect(issuesOf(`${SEQUENCE}    cycle: yes please\n`)).toEqual([
      's.yaml:8:12 rules[0].cycle: must be true or false; got the string "yes please"',
    ])
  })
})

describe('lintScenario on sequences', () => {
  it('warns when times leaves items of the sequence unused', () => {
    const scenario = parseScenario(`${SEQUENCE}    times: 1\n`)
    expect(lintScenario(scenario).map((w) => w.message)).toContain(
      'times is 1 but respond lists 2 responses: the last is never sent; raise times or shorten the list',
    )
  })

  it('warns about cycle without a list', () => {
    const scenario = parseScenario(
      'version: 1\nrules:\n  - type: llm\n    cycle: true\n    respond: { content: a }\n',
    )
    expect(lintScenario(scenario).map((w) => w.message)).toContain(
      'cycle has no effect: respond is a single response, not a list',
    )
  })

  it('checks usage and finish_reason in every item', () => {
    const scenario = parseScenario(
      `${SEQUENCE.replace('content: It is sunny in Paris.', 'content: x\n        finish_reason: done')}`,
    )
    expect(lintScenario(scenario).map((w) => w.message)).toContainEqual(
      expect.stringMatching(/^respond\[1\]: finish_reason "done" is not one the APIs send/),
    )
  })
})
