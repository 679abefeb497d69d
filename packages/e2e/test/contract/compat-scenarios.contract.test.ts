import {
  createMatcher,
  describeNoMatch,
  type Matcher,
  type MatchRequest,
  parseScenario,
  validateScenario,
} from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { readCompatExample } from '../../src/contracts.js'

// The five example scenarios of the Python Mocktopus, read from ../shared: they parse with no
// issues and select the rules its README records for the original (request -> rule).
const EXAMPLES = [
  'chat-basic.yaml',
  'errors.yaml',
  'eval-deterministic.yaml',
  'haiku.yaml',
  'tool-calling.yaml',
]

function load(name: string): Matcher {
  return createMatcher(parseScenario(readCompatExample(name), { source: name }))
}

function chat(content: string, model = 'gpt-4o-mini'): MatchRequest {
  return { endpoint: '/v1/chat/completions', model, messages: [{ role: 'user', content }] }
}

describe('Python Mocktopus example scenarios', () => {
  it.each(EXAMPLES)('%s parses with no issues', (name) => {
    const text = readCompatExample(name)
    expect(validateScenario(parse(text))).toEqual([])
    expect(() => parseScenario(text, { source: name })).not.toThrow()
  })

  it('chat-basic: hello -> 1, a sum -> 2 (regex), else -> 3, Hello -> 3 (case-sensitive)', () => {
    const matcher = load('chat-basic.yaml')
    const rule = (text: string) => (matcher.match(chat(text))?.index ?? -1) + 1
    expect([rule('hello'), rule('what is 2 + 3'), rule('tell me more'), rule('Hello')]).toEqual([
      1, 2, 3, 3,
    ])
  })

  it('errors: statuses, Retry-After, delays, retry twice then success, else no match', () => {
    const matcher = load('errors.yaml')
    const error = (text: string) => matcher.match(chat(text))?.rule.error
    expect(error('rate limit test')).toMatchObject({
      status_code: 429,
      retry_after: 60,
      delay_ms: 100,
    })
    expect(error('auth test')?.status_code).toBe(401)
    expect(error('invalid request')?.status_code).toBe(400)
    expect(error('timeout test')).toMatchObject({ status_code: 504, delay_ms: 5000 })
    expect(error('server error')?.status_code).toBe(500)
    expect(error('custom error')).toMatchObject({ status_code: 422, delay_ms: 200 })
    const retries = [1, 2, 3].map(() => matcher.match(chat('retry test'))?.rule)
    expect(retries.map((rule) => rule?.error?.status_code ?? 200)).toEqual([503, 503, 200])
    expect(retries[2]?.respond?.content).toBe('Success after retries!')
    expect(matcher.match(chat('anything else'))).toBeUndefined()
  })

  it('tool-calling: gpt-4 weather -> tool call; gpt-3.5-turbo weather? -> none; Calculate -> calculator', () => {
    const matcher = load('tool-calling.yaml')
    const weather = matcher.match(chat('What is the weather in SF?', 'gpt-4'))?.rule.respond
    expect(weather?.content).toBeNull()
    expect(weather?.tool_calls?.map((call) => call.function.name)).toEqual(['get_current_weather'])
    const miss = chat('weather?', 'gpt-3.5-turbo')
    expect(matcher.match(miss)).toBeUndefined()
    expect(describeNoMatch(matcher.explain(miss), matcher.scenario)).toContain(
      'model "gpt-3.5-turbo" does not match "gpt-4*"',
    )
    const calc = matcher.match(chat('Calculate 2+2', 'gpt-4'))?.rule.respond
    expect(calc?.tool_calls?.[0]?.function.name).toBe('calculator')
  })

  it('eval-deterministic: limited answers three times, then no rule', () => {
    const matcher = load('eval-deterministic.yaml')
    const hits = [1, 2, 3, 4].map(() => matcher.match(chat('limited')) !== undefined)
    expect(hits).toEqual([true, true, true, false])
  })

  it('haiku: write a haiku -> the three-line haiku, usage 12/17', () => {
    const respond = load('haiku.yaml').match(chat('write a haiku'))?.rule.respond
    expect(respond?.content?.trim().split('\n')).toHaveLength(3)
    expect(respond?.usage).toEqual({ input_tokens: 12, output_tokens: 17 })
  })
})
