import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  createMatcher,
  describeNoMatch,
  type Matcher,
  type MatchRequest,
  parseScenario,
} from '../src/index.js'

// The five example scenarios of the Python Mocktopus, copied into fixtures; the behaviour
// checked is the one its README records for the original (request -> rule).
function load(name: string): Matcher {
  const url = new URL(`./fixtures/python-compat/${name}`, import.meta.url)
  return createMatcher(parseScenario(readFileSync(url, 'utf8'), { source: name }))
}

function chat(content: string, model = 'gpt-4o-mini'): MatchRequest {
  return { endpoint: '/v1/chat/completions', model, messages: [{ role: 'user', content }] }
}

describe('Python-era example scenarios', () => {
  it('chat-basic: substring, regex, fallback, case-sensitive substring', () => {
    const matcher = load('chat-basic.yaml')
    expect(matcher.match(chat('hello'))?.index).toBe(0)
    expect(matcher.match(chat('what is 2 + 3'))?.index).toBe(1)
    expect(matcher.match(chat('tell me a story'))?.index).toBe(2)
    expect(matcher.match(chat('Hello'))?.index).toBe(2)
    expect(matcher.match(chat('hello'))?.rule.respond).toEqual({
      content: 'Hello! How can I assist you today?',
      usage: { input_tokens: 5, output_tokens: 8 },
    })
  })

  it('errors: each phrase selects its error, retry test fails twice then succeeds', () => {
    const matcher = load('errors.yaml')
    expect(matcher.match(chat('rate limit test'))?.rule.error).toEqual({
      error_type: 'rate_limit',
      message: 'Rate limit exceeded. Please retry after some time.',
      status_code: 429,
      retry_after: 60,
      delay_ms: 100,
    })
    const status = (text: string) => matcher.match(chat(text))?.rule.error?.status_code
    expect(status('auth test')).toBe(401)
    expect(status('invalid request')).toBe(400)
    expect(matcher.match(chat('timeout test'))?.rule.error).toMatchObject({
      status_code: 504,
      delay_ms: 5000,
    })
    expect(status('server error')).toBe(500)
    expect(matcher.match(chat('custom error'))?.rule.error).toMatchObject({
      error_type: 'content_filter',
      code: 'content_filtered',
      status_code: 422,
      delay_ms: 200,
    })
    const retries = [1, 2, 3].map(() => matcher.match(chat('retry test')))
    expect(retries.map((hit) => hit?.rule.error?.status_code ?? 200)).toEqual([503, 503, 200])
    expect(retries[2]?.rule.respond?.content).toBe('Success after retries!')
    expect(matcher.match(chat('anything else'))).toBeUndefined()
  })

  it('tool-calling: model glob, tool calls, case-insensitive regex', () => {
    const matcher = load('tool-calling.yaml')
    const weather = matcher.match(chat('What is the weather in SF?', 'gpt-4'))
    expect(weather?.index).toBe(0)
    expect(weather?.rule.respond?.content).toBeNull()
    expect(weather?.rule.respond?.tool_calls).toEqual([
      {
        id: 'call_weather_123',
        type: 'function',
        function: {
          name: 'get_current_weather',
          arguments: '{"location": "San Francisco, CA", "unit": "fahrenheit"}',
        },
      },
    ])
    const miss = chat('weather?', 'gpt-3.5-turbo')
    expect(matcher.match(miss)).toBeUndefined()
    expect(describeNoMatch(matcher.explain(miss), matcher.scenario)).toBe(
      'no rule matched; rules[0] came closest: model "gpt-3.5-turbo" does not match "gpt-4*"',
    )
    expect(
      matcher.match(chat('Calculate 2+2', 'gpt-4'))?.rule.respond?.tool_calls?.[0]?.function.name,
    ).toBe('calculator')
  })

  it('eval-deterministic: times 3 answers three times, then nothing', () => {
    const matcher = load('eval-deterministic.yaml')
    const hits = [1, 2, 3, 4].map(() => matcher.match(chat('limited'))?.index)
    expect(hits).toEqual([5, 5, 5, undefined])
    expect(matcher.match(chat('please classify this'))?.index).toBe(0)
  })

  it('haiku: accepts respond.stream and answers the haiku', () => {
    const matcher = load('haiku.yaml')
    expect(matcher.match(chat('write a haiku'))?.rule.respond).toMatchObject({
      content: 'Silent bay at dusk\nEight arms fold into the deep\nTides keep time for stars.\n',
      usage: { input_tokens: 12, output_tokens: 17 },
    })
  })
})
