/**
 * Property: `parseScenario` given any text returns a Scenario or throws a ScenarioError, never
 * anything else (no TypeError from a value of an unexpected type, no stack overflow, no hang).
 */
import { parseScenario, type Scenario, ScenarioError } from '@mocktopus/scenario'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

const RUNS = 300

function outcome(text: string): 'scenario' | 'error' {
  try {
    const scenario: Scenario = parseScenario(text, { source: 'random.yaml' })
    expect(scenario.version).toBe(1)
    return 'scenario'
  } catch (error) {
    if (error instanceof ScenarioError) {
      expect(error.issues.length).toBeGreaterThan(0)
      return 'error'
    }
    throw error
  }
}

const anyValue = fc.jsonValue({ maxDepth: 3 })
const text = fc.string({ unit: 'grapheme', maxLength: 60 })

// Rules close to valid ones, with any field liable to hold any value.
const when = fc.record(
  {
    model: fc.oneof(fc.constantFrom('gpt-4*', 'claude-*', '*', '[', '**'), anyValue),
    messages_contains: fc.oneof(text, anyValue),
    messages_regex: fc.oneof(fc.constantFrom('^hi', '(', '(a+)+$', '[z-a]'), anyValue),
    endpoint: fc.oneof(fc.constantFrom('/v1/chat/completions', '/v1/embeddings'), anyValue),
  },
  { requiredKeys: [] },
)
const respond = fc.record(
  {
    content: fc.oneof(text, anyValue),
    delay_ms: fc.oneof(fc.integer({ min: -5, max: 1000 }), anyValue),
    chunk_size: fc.oneof(fc.integer({ min: -1, max: 10 }), anyValue),
    tool_calls: fc.oneof(fc.array(anyValue, { maxLength: 2 }), anyValue),
    usage: fc.oneof(
      fc.record({ input_tokens: fc.integer(), output_tokens: fc.integer() }),
      anyValue,
    ),
  },
  { requiredKeys: [] },
)
const rule = fc.record(
  {
    type: fc.oneof(fc.constantFrom('llm', 'llm.openai', 'llm.anthropic', 'embeddings'), anyValue),
    when,
    respond,
    error: fc.oneof(
      fc.record({
        error_type: fc.constantFrom('rate_limit', 'timeout', 'nope'),
        status_code: fc.integer(),
      }),
      anyValue,
    ),
    times: fc.oneof(fc.integer({ min: -1, max: 5 }), anyValue),
  },
  { requiredKeys: ['type'] },
)
const nearlyValid = fc
  .record(
    {
      version: fc.oneof(fc.constant(1), anyValue),
      rules: fc.oneof(fc.array(rule, { maxLength: 4 }), anyValue),
      meta: anyValue,
    },
    { requiredKeys: ['version', 'rules'] },
  )
  .map((doc) => stringify(doc))

// YAML features that have bitten parsers: anchors, merges, tags, directives, flow and block mixes.
const yamlish = fc
  .array(
    fc.constantFrom(
      'version: 1',
      'rules:',
      '  - type: llm',
      '    respond: &r { content: hi }',
      '    respond: *r',
      '  - *r',
      '<<: *r',
      '!!str',
      '!custom',
      '%YAML 1.1',
      '---',
      '...',
      '? complex key',
      ': value',
      '- [a, {b: c}]',
      '"unterminated',
      '\t- tab indented',
      'key: |',
      '  block',
      'key: >-',
      '&a [*a]',
      '*undefined_alias',
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'))

describe('parseScenario on any text', () => {
  it('returns a Scenario or throws a ScenarioError for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        outcome(input)
      }),
      { numRuns: RUNS },
    )
  })

  it('returns a Scenario or throws a ScenarioError for YAML of any shape', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        outcome(stringify(value))
      }),
      { numRuns: RUNS },
    )
  })

  it('returns a Scenario or throws a ScenarioError for nearly valid scenarios', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(nearlyValid, (input) => {
        seen.add(outcome(input))
      }),
      { numRuns: RUNS },
    )
    expect(seen).toEqual(new Set(['scenario', 'error']))
  })

  it('returns a Scenario or throws a ScenarioError for YAML syntax fragments', () => {
    fc.assert(
      fc.property(yamlish, (input) => {
        outcome(input)
      }),
      { numRuns: RUNS },
    )
  })

  it('refuses alias bombs of any width and depth with a ScenarioError', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 30 }),
        fc.integer({ min: 6, max: 12 }),
        (width, depth) => {
          const lines = ['version: 1', 'rules:', '  - type: llm', '    respond:', '      a0: &a0 x']
          for (let i = 1; i <= depth; i++) {
            const refs = Array.from({ length: width }, () => `*a${i - 1}`).join(', ')
            lines.push(`      a${i}: &a${i} [${refs}]`)
          }
          expect(() => parseScenario(lines.join('\n'))).toThrow(/too many alias expansions/)
        },
      ),
      { numRuns: 50 },
    )
  })
})
