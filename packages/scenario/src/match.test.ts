import { describe, expect, it } from 'vitest'
import { ScenarioError } from './errors.js'
import { createMatcher } from './match.js'
import { createScenario } from './normalize.js'
import { parseScenario } from './parse.js'
import type { ChatMessage, MatchRequest, Rule, Scenario } from './types.js'

const CHAT = '/v1/chat/completions'

function chat(content: string, model = 'gpt-4o', extra: ChatMessage[] = []): MatchRequest {
  return { endpoint: CHAT, model, messages: [...extra, { role: 'user', content }] }
}

function matcherFor(rules: string) {
  return createMatcher(parseScenario(`version: 1\nrules:\n${rules}`))
}

describe('createMatcher', () => {
  it('selects the first rule whose conditions hold', () => {
    const matcher = matcherFor(`
  - type: llm.openai
    when: { messages_contains: hello }
    respond: { content: greeting }
  - type: llm.openai
    respond: { content: fallback }
`)
    expect(matcher.match(chat('oh hello there'))?.index).toBe(0)
    expect(matcher.match(chat('bye'))?.index).toBe(1)
  })

  it('returns the rule and a 1-based use count that grows per selection', () => {
    const matcher = matcherFor(`
  - type: llm
    respond: { content: x }
`)
    const first = matcher.match(chat('a'))
    const second = matcher.match(chat('b'))
    expect(first?.rule.respond?.content).toBe('x')
    expect([first?.use, second?.use]).toEqual([1, 2])
  })

  it('returns undefined when nothing matches', () => {
    const matcher = matcherFor(`
  - type: llm
    when: { messages_contains: hello }
    respond: { content: x }
`)
    expect(matcher.match(chat('bye'))).toBeUndefined()
  })

  describe('type', () => {
    const matcher = matcherFor(`
  - type: llm.anthropic
    respond: { content: anthropic }
  - type: embeddings
    respond: { embeddings: [{ embedding: [0.1] }] }
  - type: llm.openai
    respond: { content: openai }
`)

    it.each([
      ['/v1/messages', 0],
      ['/v1/embeddings', 1],
      ['/v1/chat/completions', 2],
      ['/v1/responses', 2],
      ['/v1/completions', 2],
    ])('answers %s with rule %i', (endpoint, index) => {
      expect(matcher.match({ endpoint, model: 'm', messages: [] })?.index).toBe(index)
    })

    it('does not answer an unknown endpoint', () => {
      expect(matcher.match({ endpoint: '/v1/images/generations', model: 'm' })).toBeUndefined()
    })

    it('lets llm answer all three chat APIs but not embeddings', () => {
      const llm = matcherFor(`
  - type: llm
    respond: { content: x }
`)
      for (const endpoint of ['/v1/chat/completions', '/v1/responses', '/v1/messages']) {
        expect(llm.match({ endpoint })?.index).toBe(0)
      }
      expect(llm.match({ endpoint: '/v1/embeddings', input: ['x'] })).toBeUndefined()
    })

    it('lets an llm.openai rule with when.endpoint /v1/embeddings answer embeddings', () => {
      const legacy = matcherFor(`
  - type: llm.openai
    when: { endpoint: /v1/embeddings }
    respond: { embeddings: [{ embedding: [1, 2] }] }
`)
      expect(legacy.match({ endpoint: '/v1/embeddings', model: 'e', input: ['a'] })?.index).toBe(0)
      expect(legacy.match(chat('a'))).toBeUndefined()
    })

    it('does not let an llm.openai rule without that endpoint answer embeddings', () => {
      const plain = matcherFor(`
  - type: llm.openai
    when: { model: "*" }
    respond: { content: x }
`)
      expect(plain.match({ endpoint: '/v1/embeddings', model: 'e', input: ['a'] })).toBeUndefined()
    })
  })

  describe('when.model', () => {
    const cases: [string, string | undefined, boolean][] = [
      ['*', 'gpt-4o', true],
      ['*', 'meta-llama/Llama-3-8B', true],
      ['*', undefined, true],
      ['meta-llama/*', 'meta-llama/Llama-3-8B', true],
      ['meta-llama/*', 'mistral/Llama-3-8B', false],
      ['gpt-4*', 'gpt-4o-mini', true],
      ['gpt-4*', 'gpt-3.5-turbo', false],
      ['gpt-4*', 'GPT-4o', false],
      ['gpt-4*', undefined, false],
      ['gpt-?', 'gpt-4', true],
      ['gpt-?', 'gpt-4o', false],
      ['gpt-[34]*', 'gpt-3.5', true],
      ['gpt-[34]*', 'gpt-5', false],
      ['gpt-{4o,4.1}', 'gpt-4.1', true],
      ['gpt-4o', 'gpt-4o', true],
      ['gpt-4o', 'gpt-4o-mini', false],
      ['gpt-4.1', 'gpt-401', false],
      ['*/*', 'org/model', true],
      ['*/*', 'model', false],
    ]
    it.each(cases)('glob %j against %j is %j', (glob, model, expected) => {
      const matcher = matcherFor(`
  - type: llm
    when: { model: ${JSON.stringify(glob)} }
    respond: { content: x }
`)
      const request: MatchRequest =
        model === undefined ? { endpoint: CHAT } : { endpoint: CHAT, model }
      expect(matcher.match(request) !== undefined).toBe(expected)
    })
  })

  describe('when.messages_contains', () => {
    const matcher = matcherFor(`
  - type: llm
    when: { messages_contains: hello }
    respond: { content: x }
`)

    it('is a case-sensitive substring of the last user message', () => {
      expect(matcher.match(chat('say hello!'))).toBeDefined()
      expect(matcher.match(chat('Hello'))).toBeUndefined()
    })

    it('ignores earlier user messages and other roles', () => {
      const request: MatchRequest = {
        endpoint: CHAT,
        messages: [
          { role: 'system', content: 'hello' },
          { role: 'user', content: 'hello' },
          { role: 'assistant', content: 'hi' },
          { role: 'user', content: 'bye' },
        ],
      }
      expect(matcher.match(request)).toBeUndefined()
    })

    it('reads the last user message even when an assistant message follows it', () => {
      const request: MatchRequest = {
        endpoint: CHAT,
        messages: [
          { role: 'user', content: 'hello' },
          { role: 'assistant', content: 'hi' },
        ],
      }
      expect(matcher.match(request)).toBeDefined()
    })

    it('joins the text parts of a content array with a newline', () => {
      const newline = matcherFor(`
  - type: llm
    when: { messages_contains: "a\\nb" }
    respond: { content: x }
`)
      const request: MatchRequest = {
        endpoint: CHAT,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'a' },
              { type: 'image_url', image_url: { url: 'x' } },
              { type: 'text', text: 'b' },
            ],
          },
        ],
      }
      expect(newline.match(request)).toBeDefined()
    })

    it('is case-insensitive with ignore_case: true', () => {
      const loose = matcherFor(`
  - type: llm
    when: { messages_contains: HeLLo, ignore_case: true }
    respond: { content: x }
`)
      expect(loose.match(chat('say hello'))).toBeDefined()
      expect(loose.match(chat('SAY HELLO'))).toBeDefined()
      expect(loose.match(chat('bye'))).toBeUndefined()
    })

    it('tests every input of an embeddings request; input_contains is an alias', () => {
      const embeddings = matcherFor(`
  - type: embeddings
    when: { input_contains: cat }
    respond: { embeddings: [{ embedding: [1] }] }
  - type: embeddings
    when: { messages_contains: dog }
    respond: { embeddings: [{ embedding: [2] }] }
`)
      const request = (input: string[]): MatchRequest => ({ endpoint: '/v1/embeddings', input })
      expect(embeddings.match(request(['a', 'the cat']))?.index).toBe(0)
      expect(embeddings.match(request(['hot dog']))?.index).toBe(1)
      expect(embeddings.match(request(['Cat']))).toBeUndefined()
    })
  })

  describe('when.messages_regex', () => {
    it('searches all messages joined by a space, ignoring case', () => {
      const matcher = matcherFor(`
  - type: llm
    when: { messages_regex: "be brief user: WEATHER" }
    respond: { content: x }
`)
      const request = chat('user: weather', 'm', [{ role: 'system', content: 'Be brief' }])
      expect(matcher.match(request)).toBeDefined()
    })

    it('is multiline and dot-all', () => {
      const matcher = matcherFor(`
  - type: llm
    when: { messages_regex: "^second$" }
    respond: { content: x }
  - type: llm
    when: { messages_regex: "start.end" }
    respond: { content: y }
`)
      expect(matcher.match(chat('first\nsecond\nthird'))?.index).toBe(0)
      expect(matcher.match(chat('start\nend'))?.index).toBe(1)
    })

    it('accepts Python named groups, \\A and \\Z', () => {
      const matcher = matcherFor(`
  - type: llm
    when: { messages_regex: '\\A(?P<city>paris|rome)\\Z' }
    respond: { content: x }
`)
      expect(matcher.match(chat('Rome'))).toBeDefined()
      expect(matcher.match(chat('rome paris'))).toBeUndefined()
      expect(matcher.match(chat('Arome'))).toBeUndefined()
    })

    it('refuses a back-reference in a scenario built in code, naming the rule', () => {
      const scenario = {
        version: 1 as const,
        meta: {},
        rules: [{ type: 'llm' as const, when: { messages_regex: '(a)\\1' }, times: null }],
      }
      expect(() => createMatcher(scenario)).toThrow(
        'rules[0].when: cannot compile: unsupported regular expression "(a)\\\\1": the back-reference \\1 is not supported',
      )
    })

    it('answers at once for a pattern that backtracks exponentially in V8', () => {
      const matcher = matcherFor(`
  - type: llm
    when: { messages_regex: "^(a+)+$" }
    respond: { content: x }
`)
      expect(matcher.match(chat(`${'a'.repeat(33)}!`))).toBeUndefined()
      expect(matcher.match(chat('aaaa'))).toBeDefined()
    })

    it('tests any input of an embeddings request; input_regex is an alias', () => {
      const matcher = matcherFor(`
  - type: embeddings
    when: { input_regex: "^q\\\\d+$" }
    respond: { embeddings: [] }
`)
      expect(matcher.match({ endpoint: '/v1/embeddings', input: ['x', 'Q12'] })).toBeDefined()
      expect(matcher.match({ endpoint: '/v1/embeddings', input: ['q1 x'] })).toBeUndefined()
    })
  })

  describe('when.endpoint', () => {
    it('narrows a type to one path, exactly or by glob', () => {
      const matcher = matcherFor(`
  - type: llm
    when: { endpoint: /v1/responses }
    respond: { content: responses }
  - type: llm
    when: { endpoint: "/v1/chat/*" }
    respond: { content: chat }
`)
      expect(matcher.match({ endpoint: '/v1/responses' })?.index).toBe(0)
      expect(matcher.match({ endpoint: '/v1/chat/completions' })?.index).toBe(1)
      expect(matcher.match({ endpoint: '/v1/messages' })).toBeUndefined()
    })
  })

  describe('when.conversation', () => {
    const matcher = matcherFor(`
  - type: llm
    when:
      conversation:
        - { role: system, content: Be brief. }
        - { role: user, content: Hi }
    respond: { content: x }
`)

    it('matches exactly the recorded roles and texts', () => {
      expect(
        matcher.match(chat('Hi', 'm', [{ role: 'system', content: 'Be brief.' }])),
      ).toBeDefined()
      const parts: MatchRequest = {
        endpoint: CHAT,
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
          { role: 'user', content: 'Hi' },
        ],
      }
      expect(matcher.match(parts)).toBeDefined()
    })

    it('does not match a longer, shorter or different conversation', () => {
      expect(matcher.match(chat('Hi'))).toBeUndefined()
      expect(
        matcher.match(chat('Hi!', 'm', [{ role: 'system', content: 'Be brief.' }])),
      ).toBeUndefined()
      expect(
        matcher.match(
          chat('Hi', 'm', [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'x' },
          ]),
        ),
      ).toBeUndefined()
      expect(
        matcher.match(chat('Hi', 'm', [{ role: 'developer', content: 'Be brief.' }])),
      ).toBeUndefined()
    })
  })

  describe('when.input', () => {
    it('matches exactly the recorded inputs, in order', () => {
      const matcher = matcherFor(`
  - type: embeddings
    when: { input: [a, b] }
    respond: { embeddings: [] }
`)
      const request = (input: string[]): MatchRequest => ({ endpoint: '/v1/embeddings', input })
      expect(matcher.match(request(['a', 'b']))).toBeDefined()
      expect(matcher.match(request(['b', 'a']))).toBeUndefined()
      expect(matcher.match(request(['a']))).toBeUndefined()
      expect(matcher.match(request(['a', 'b', 'c']))).toBeUndefined()
    })
  })

  it('ANDs every condition', () => {
    const matcher = matcherFor(`
  - type: llm
    when: { model: "gpt-4*", messages_contains: weather, messages_regex: "paris", endpoint: /v1/chat/completions }
    respond: { content: x }
`)
    expect(matcher.match(chat('weather in paris', 'gpt-4o'))).toBeDefined()
    expect(matcher.match(chat('weather in paris', 'gpt-3.5'))).toBeUndefined()
    expect(matcher.match(chat('weather in rome', 'gpt-4o'))).toBeUndefined()
    expect(matcher.match(chat('rain in paris', 'gpt-4o'))).toBeUndefined()
    expect(
      matcher.match({ ...chat('weather in paris', 'gpt-4o'), endpoint: '/v1/responses' }),
    ).toBeUndefined()
  })

  describe('times', () => {
    const rules = `
  - type: llm
    when: { messages_contains: retry }
    times: 2
    error: { error_type: server_error, status_code: 503 }
  - type: llm
    when: { messages_contains: retry }
    respond: { content: ok }
`

    it('skips a rule whose times are used up and goes on to the next', () => {
      const matcher = matcherFor(rules)
      const picks = [1, 2, 3, 4].map(() => matcher.match(chat('retry'))?.index)
      expect(picks).toEqual([0, 0, 1, 1])
    })

    it('counts selections on every endpoint', () => {
      const matcher = matcherFor(rules)
      matcher.match({ ...chat('retry'), endpoint: '/v1/messages' })
      matcher.match({ ...chat('retry'), endpoint: '/v1/responses' })
      expect(matcher.match(chat('retry'))?.index).toBe(1)
    })

    it('does not count requests the rule did not match', () => {
      const matcher = matcherFor(rules)
      matcher.match(chat('other'))
      matcher.match(chat('other'))
      expect(matcher.match(chat('retry'))).toMatchObject({ index: 0, use: 1 })
    })

    it('restores every counter on reset', () => {
      const matcher = matcherFor(rules)
      matcher.match(chat('retry'))
      matcher.match(chat('retry'))
      matcher.reset()
      expect(matcher.match(chat('retry'))).toMatchObject({ index: 0, use: 1 })
    })

    it('reads when.times as times', () => {
      const matcher = matcherFor(`
  - type: llm
    when: { times: 1 }
    respond: { content: once }
`)
      expect(matcher.match(chat('a'))).toBeDefined()
      expect(matcher.match(chat('a'))).toBeUndefined()
    })

    it('keeps counters per matcher, never in the scenario', () => {
      const scenario = parseScenario(`version: 1\nrules:\n${rules}`)
      const a = createMatcher(scenario)
      a.match(chat('retry'))
      a.match(chat('retry'))
      expect(createMatcher(scenario).match(chat('retry'))?.index).toBe(0)
      expect(Object.isFrozen(scenario.rules[0])).toBe(true)
    })
  })

  it('matches the last of 10,000 compiled rules', () => {
    const rules = Array.from({ length: 10_000 }, (_, i) => ({
      type: 'llm.openai',
      when: { model: `gpt-${i}*`, messages_contains: `case ${i}:`, messages_regex: `n${i}$` },
      respond: { content: `${i}` },
    }))
    const matcher = createMatcher(createScenario({ version: 1, rules }))
    const hit = matcher.match(chat('case 9999: n9999', 'gpt-9999-x'))
    expect(hit?.index).toBe(9999)
    expect(matcher.match(chat('case 9999: n9999', 'claude'))).toBeUndefined()
  })
})

describe('createMatcher on a scenario built in code', () => {
  it('names the rule whose regex cannot compile', () => {
    const scenario: Scenario = {
      version: 1,
      meta: {},
      source: 'code',
      rules: [
        { type: 'llm', when: {}, times: null, respond: {} },
        { type: 'llm', when: { messages_regex: '(' }, times: null, respond: {} },
      ],
    }
    expect(() => createMatcher(scenario)).toThrow(ScenarioError)
    expect(() => createMatcher(scenario)).toThrow(/^code rules\[1\]\.when: cannot compile: /)
  })

  it('treats a missing when and times as none', () => {
    const rule = { type: 'llm', respond: { content: 'x' } } as unknown as Rule
    const matcher = createMatcher({ version: 1, meta: {}, rules: [rule] })
    expect(matcher.match(chat('a'))?.use).toBe(1)
    expect(matcher.match(chat('a'))?.use).toBe(2)
    expect(matcher.explain(chat('a'))[0]?.matched).toBe(true)
  })
})
