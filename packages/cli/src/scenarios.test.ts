import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createMatcher, lintScenario, parseScenario } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { defaultScenario } from './scenario-file.js'
import { EXAMPLE_FILES, TEMPLATE_FILES } from './scenarios.generated.js'
import {
  DEFAULT_SCENARIO_SOURCE,
  DEFAULT_SCENARIO_YAML,
  EXAMPLE_FILE_NAMES,
  EXAMPLE_TYPES,
  exampleText,
  TEMPLATE_NAMES,
  templateText,
} from './scenarios.js'

const cliRoot = join(import.meta.dirname, '..')
const examplesDir = join(cliRoot, '../../examples')
const regenerate = 'run `pnpm --filter @mocktopus/cli embed` after editing the YAML'

function chat(text: string, model = 'gpt-4o-mini') {
  return {
    endpoint: '/v1/chat/completions',
    model,
    messages: [{ role: 'user', content: text }],
  }
}

describe('embedded scenarios', () => {
  it('equal templates/*.yaml', () => {
    expect(DEFAULT_SCENARIO_YAML, regenerate).toBe(
      readFileSync(join(cliRoot, 'templates/default.yaml'), 'utf8'),
    )
    for (const name of TEMPLATE_NAMES) {
      expect(templateText(name), regenerate).toBe(
        readFileSync(join(cliRoot, `templates/${name}.yaml`), 'utf8'),
      )
    }
    expect(Object.keys(TEMPLATE_FILES).sort()).toEqual([...TEMPLATE_NAMES].sort())
  })

  it('ship the built-in scenario parsed exactly as parseScenario parses its YAML', () => {
    const parsed = parseScenario(DEFAULT_SCENARIO_YAML, { source: DEFAULT_SCENARIO_SOURCE })
    expect(defaultScenario(), regenerate).toEqual(parsed)
    expect(defaultScenario().source).toBe(DEFAULT_SCENARIO_SOURCE)
    // Frozen to the leaves, as every scenario is.
    expect(Object.isFrozen(defaultScenario())).toBe(true)
    expect(Object.isFrozen(defaultScenario().rules[0]?.respond)).toBe(true)
  })

  it('equal examples/*.yaml', () => {
    for (const [name, text] of Object.entries(EXAMPLE_FILES)) {
      expect(text, regenerate).toBe(readFileSync(join(examplesDir, `${name}.yaml`), 'utf8'))
    }
    for (const type of EXAMPLE_TYPES)
      expect(exampleText(type)).toBe(EXAMPLE_FILES[EXAMPLE_FILE_NAMES[type]])
  })
})

describe('the built-in default scenario', () => {
  const scenario = parseScenario(DEFAULT_SCENARIO_YAML)
  const matcher = createMatcher(scenario)

  it('is valid with no warnings', () => {
    expect(lintScenario(scenario)).toEqual([])
  })

  it('greets a greeting', () => {
    const result = matcher.match(chat('Hello there'))
    expect(result?.rule.respond?.content).toMatch(/^Hello from Mocktopus!/)
  })

  it('answers any other chat request with the fallback that explains scenarios', () => {
    for (const text of ['What is the capital of France?', 'this is high up', '']) {
      expect(matcher.match(chat(text))?.rule.respond?.content).toMatch(/mocktopus init/)
    }
  })

  it('answers the Anthropic and Responses endpoints too', () => {
    for (const endpoint of ['/v1/messages', '/v1/responses']) {
      expect(matcher.match({ ...chat('hi'), endpoint })?.index).toBe(0)
    }
  })

  it('answers embeddings with a generated vector, never with a chat rule', () => {
    const result = matcher.match({
      endpoint: '/v1/embeddings',
      model: 'text-embedding-3-small',
      input: ['hello'],
    })
    expect(result?.rule.type).toBe('embeddings')
    expect(result?.rule.respond?.embeddings).toBeUndefined()
  })
})

describe('init templates', () => {
  it.each(TEMPLATE_NAMES)('%s is a valid scenario with a fallback and no warnings', (name) => {
    const scenario = parseScenario(templateText(name), { source: `${name}.yaml` })
    expect(lintScenario(scenario)).toEqual([])
    const matcher = createMatcher(scenario)
    expect(matcher.match(chat('zzz unrelated'))).toBeDefined()
  })

  it('rag answers embeddings with its embeddings rule and chat with chat rules', () => {
    const matcher = createMatcher(parseScenario(templateText('rag')))
    const embedding = matcher.match({
      endpoint: '/v1/embeddings',
      model: 'text-embedding-3-small',
      input: ['refund policy'],
    })
    expect(embedding?.rule.type).toBe('embeddings')
    // A chat request that mentions the same words must not get the embeddings rule.
    const answer = matcher.match(
      chat('Context: our refund policy ... Question: can I get a refund?'),
    )
    expect(answer?.rule.type).toBe('llm')
    expect(answer?.rule.respond?.content).toMatch(/30 days/)
    expect(matcher.match(chat('what is the meaning of life'))?.rule.respond?.content).toMatch(
      /could not find/,
    )
  })

  it('agents calls the tool first, then answers from its result', () => {
    const matcher = createMatcher(parseScenario(templateText('agents')))
    const first = matcher.match(chat("What's the weather in Paris?"))
    expect(first?.rule.respond?.tool_calls?.[0]?.function.name).toBe('get_weather')
    expect(JSON.parse(first?.rule.respond?.tool_calls?.[0]?.function.arguments ?? '')).toEqual({
      city: 'Paris',
      unit: 'celsius',
    })
    const second = matcher.match({
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o',
      messages: [
        { role: 'user', content: "What's the weather in Paris?" },
        { role: 'assistant', content: null, tool_calls: [] },
        { role: 'tool', tool_call_id: 'call_weather_paris', content: '{"temperature_c":18}' },
      ],
    })
    expect(second?.rule.respond?.content).toMatch(/18°C/)
  })

  it('enterprise fails twice on an outage, then recovers', () => {
    const matcher = createMatcher(parseScenario(templateText('enterprise')))
    const statuses = [1, 2, 3].map(() => matcher.match(chat('simulate an outage'))?.rule)
    expect(statuses.map((rule) => rule?.error?.status_code ?? 200)).toEqual([503, 503, 200])
    expect(matcher.match(chat('hi', 'gpt-3.5-turbo'))?.rule.error?.code).toBe('model_not_found')
  })
})

describe('examples', () => {
  it.each(Object.keys(EXAMPLE_FILES))('%s.yaml is a valid scenario with no warnings', (name) => {
    const text = readFileSync(join(examplesDir, `${name}.yaml`), 'utf8')
    const scenario = parseScenario(text, { source: `examples/${name}.yaml` })
    expect(scenario.rules.length).toBeGreaterThan(0)
    expect(lintScenario(scenario)).toEqual([])
  })

  it('cover chat basics, errors, tool calling, embeddings and streaming', () => {
    expect(Object.keys(EXAMPLE_FILES)).toEqual(
      expect.arrayContaining(['chat-basics', 'errors', 'tool-calling', 'embeddings', 'streaming']),
    )
  })
})
