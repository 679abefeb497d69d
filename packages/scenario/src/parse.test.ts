import { describe, expect, it } from 'vitest'
import { MocktopusError, ScenarioError } from './errors.js'
import { parseScenario } from './parse.js'
import type { ScenarioIssue } from './types.js'

function issuesOf(text: string): ScenarioIssue[] {
  try {
    parseScenario(text, { source: 'test.yaml' })
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.issues]
    throw error
  }
  throw new Error('expected the scenario to be invalid')
}

function jsonError(text: string): string {
  try {
    JSON.parse(text)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`expected ${text} not to parse`)
}

function errorOf(text: string, source = 'test.yaml'): ScenarioError {
  try {
    parseScenario(text, { source })
  } catch (error) {
    if (error instanceof ScenarioError) return error
    throw error
  }
  throw new Error('expected the scenario to be invalid')
}

describe('parseScenario', () => {
  it('parses a scenario and fills the defaults', () => {
    const scenario = parseScenario(
      'version: 1\nrules:\n  - type: llm.openai\n    respond:\n      content: hi\n',
      { source: 'a.yaml' },
    )
    expect(scenario).toEqual({
      version: 1,
      meta: {},
      source: 'a.yaml',
      rules: [{ type: 'llm.openai', when: {}, times: null, respond: { content: 'hi' }, line: 3 }],
    })
  })

  it('accepts an empty rules list and a free-form meta', () => {
    const scenario = parseScenario('version: 1\nmeta: { author: me, tags: [a] }\nrules: []\n')
    expect(scenario.rules).toEqual([])
    expect(scenario.meta).toEqual({ author: 'me', tags: ['a'] })
  })

  it('gives each rule its 1-based start line', () => {
    const scenario = parseScenario(`version: 1
rules:
  # first
  - type: llm
    respond: { content: a }

  - when:
      model: x
    type: llm
    error: { error_type: timeout }
`)
    expect(scenario.rules.map((rule) => rule.line)).toEqual([4, 7])
  })

  it('returns a deeply frozen scenario', () => {
    const scenario = parseScenario(
      'version: 1\nrules:\n  - type: llm\n    when: { model: x }\n    respond: { content: a }\n',
    )
    expect(Object.isFrozen(scenario)).toBe(true)
    expect(Object.isFrozen(scenario.rules)).toBe(true)
    expect(Object.isFrozen(scenario.rules[0]?.when)).toBe(true)
    expect(Object.isFrozen(scenario.rules[0]?.respond)).toBe(true)
  })

  it('serialises object tool arguments to a JSON string, leaves absent ones absent and defaults type to function', () => {
    const scenario = parseScenario(`version: 1
rules:
  - type: llm
    respond:
      content: null
      tool_calls:
        - function: { name: get_weather, arguments: { city: Paris, days: [1, 2] } }
        - id: call_2
          type: function
          function: { name: search, arguments: '{"q": "x"}' }
        - function: { name: now }
`)
    expect(scenario.rules[0]?.respond?.tool_calls).toEqual([
      {
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Paris","days":[1,2]}' },
      },
      { id: 'call_2', type: 'function', function: { name: 'search', arguments: '{"q": "x"}' } },
      { type: 'function', function: { name: 'now' } },
    ])
    expect(scenario.rules[0]?.respond?.content).toBeNull()
  })

  it('folds the aliases: input_contains, input_regex and when.times', () => {
    const scenario = parseScenario(`version: 1
rules:
  - type: embeddings
    when: { input_contains: cat, input_regex: "^c", times: 2 }
    respond: { embeddings: [{ embedding: [0.5, -1] }] }
`)
    expect(scenario.rules[0]).toMatchObject({
      when: { messages_contains: 'cat', messages_regex: '^c' },
      times: 2,
    })
    expect(scenario.rules[0]?.when).not.toHaveProperty('times')
  })

  it('reads times: null as unlimited', () => {
    const scenario = parseScenario(
      'version: 1\nrules:\n  - type: llm\n    times: null\n    respond: {}\n',
    )
    expect(scenario.rules[0]?.times).toBeNull()
  })

  it('accepts an empty or null when', () => {
    const scenario = parseScenario(
      'version: 1\nrules:\n  - type: llm\n    when:\n    respond: {}\n  - type: llm\n    when: {}\n    respond: {}\n',
    )
    expect(scenario.rules.map((rule) => rule.when)).toEqual([{}, {}])
  })

  it('keeps every respond and error field', () => {
    const scenario = parseScenario(`version: 1
rules:
  - type: llm
    respond:
      content: hi
      usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3 }
      finish_reason: length
      delay_ms: 5
      chunk_size: 3
      chunk_delay_ms: 1
      id: chatcmpl-fixed
      images: [{ url: http://x }]
      audio_url: http://a
      metadata: { k: v }
      stream: false
  - type: llm
    error:
      error_type: rate_limit
      message: slow down
      status_code: 429
      code: rate_limit_exceeded
      param: model
      retry_after: 1.5
      delay_ms: 10
`)
    expect(scenario.rules[0]?.respond).toMatchObject({
      usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3 },
      finish_reason: 'length',
      chunk_size: 3,
      id: 'chatcmpl-fixed',
      stream: false,
    })
    expect(scenario.rules[1]?.error).toEqual({
      error_type: 'rate_limit',
      message: 'slow down',
      status_code: 429,
      code: 'rate_limit_exceeded',
      param: 'model',
      retry_after: 1.5,
      delay_ms: 10,
    })
  })

  it('keeps conversation, input and pricing', () => {
    const scenario = parseScenario(`version: 1
pricing:
  gpt-4o: { input: 2.5, output: 10, cached_input: 1.25 }
  my-embedder: { input: 0.02 }
rules:
  - type: llm
    when:
      conversation:
        - { role: user, content: hi }
    respond: { content: hello }
  - type: embeddings
    when: { input: [a, b] }
    respond: { embeddings: [] }
`)
    expect(scenario.pricing).toEqual({
      'gpt-4o': { input: 2.5, output: 10, cached_input: 1.25 },
      'my-embedder': { input: 0.02 },
    })
    expect(scenario.rules[0]?.when.conversation).toEqual([{ role: 'user', content: 'hi' }])
    expect(scenario.rules[1]?.when.input).toEqual(['a', 'b'])
  })

  it('uses anchors and aliases within the limit', () => {
    const scenario = parseScenario(`version: 1
rules:
  - type: llm
    when: { messages_contains: a }
    respond: &answer { content: same }
  - type: llm
    respond: *answer
`)
    expect(scenario.rules[1]?.respond).toEqual({ content: 'same' })
  })
})

describe('parseScenario errors', () => {
  it('throws a ScenarioError with the code SCENARIO_INVALID', () => {
    const error = errorOf('version: 1\n')
    expect(error).toBeInstanceOf(MocktopusError)
    expect(error.code).toBe('SCENARIO_INVALID')
    expect(error.name).toBe('ScenarioError')
    expect(error.source).toBe('test.yaml')
  })

  it('formats each issue as source:line:column path: message', () => {
    const error = errorOf(
      'version: 1\nrules:\n  - type: llm\n    when:\n      modle: gpt-4\n    respond: {}\n',
      'scenarios/chat.yaml',
    )
    expect(error.message).toBe(
      'scenarios/chat.yaml:5:7 rules[0].when.modle: unknown key "modle"; did you mean "model"?',
    )
    expect(error.issues).toEqual([
      {
        path: 'rules[0].when.modle',
        message: 'unknown key "modle"; did you mean "model"?',
        line: 5,
        column: 7,
      },
    ])
  })

  it('lists every issue, in file order, one per line', () => {
    const error = errorOf(`version: 2
rules:
  - type: llm.opnai
    when:
      messages_contain: x
    respond: {}
    error: { error_type: timeout }
  - type: llm
extra: 1
`)
    expect(error.message.split('\n')).toEqual([
      'test.yaml:1:10 version: must be 1; got number 2',
      'test.yaml:3:5 rules[0]: has both "respond" and "error"; a rule gives exactly one of them',
      'test.yaml:3:11 rules[0].type: must be one of "llm.openai", "llm.anthropic", "llm.gemini", "llm.ollama", "llm", "embeddings"; got the string "llm.opnai"; did you mean "llm.openai"?',
      'test.yaml:5:7 rules[0].when.messages_contain: unknown key "messages_contain"; did you mean "messages_contains"?',
      'test.yaml:8:5 rules[1]: needs "respond" (a response) or "error" (an error to return)',
      'test.yaml:9:1 extra: unknown key "extra"',
    ])
  })

  it('suggests where a key one level off belongs', () => {
    expect(issuesOf('version: 1\nrules:\n  - type: llm\n    model: x\n    respond: {}\n')).toEqual([
      {
        path: 'rules[0].model',
        message: 'unknown key "model"; conditions go under "when"',
        line: 4,
        column: 5,
      },
    ])
    expect(
      issuesOf('version: 1\nrules:\n  - type: llm\n    content: x\n    respond: {}\n')[0]?.message,
    ).toBe('unknown key "content"; response fields go under "respond"')
    expect(
      issuesOf('version: 1\nrules:\n  - type: llm\n    when:\n      respond: {}\n').find(
        (issue) => issue.path === 'rules[0].when.respond',
      )?.message,
    ).toBe(
      'unknown key "respond"; "respond" belongs to the rule, not to "when" (check the indentation)',
    )
  })

  it('reports missing required keys at the mapping that lacks them', () => {
    expect(issuesOf('meta: {}\n')).toEqual([
      { path: 'version', message: 'is required', line: 1, column: 1 },
      { path: 'rules', message: 'is required', line: 1, column: 1 },
    ])
    expect(issuesOf('version: 1\nrules:\n  - respond: {}\n')).toEqual([
      { path: 'rules[0].type', message: 'is required', line: 3, column: 5 },
    ])
    expect(issuesOf('version: 1\nrules:\n  - type: llm\n    error: { message: x }\n')).toEqual([
      { path: 'rules[0].error.error_type', message: 'is required', line: 4, column: 12 },
    ])
  })

  it('reports wrong types and ranges at the value', () => {
    const issues = issuesOf(`version: 1
rules:
  - type: llm
    times: 0
    when: { model: 4, ignore_case: "yes" }
    respond:
      content: [a]
      usage: { input_tokens: -1 }
      chunk_size: 0
  - type: llm
    error: { error_type: rate_limit, status_code: 200 }
  - type: llm
    times: 1.5
    respond: { tool_calls: [{ function: { name: f, arguments: 3 } }] }
`)
    expect(
      issues.map((issue) => `${issue.line}:${issue.column} ${issue.path}: ${issue.message}`),
    ).toEqual([
      '4:12 rules[0].times: must be >= 1; got 0',
      '5:20 rules[0].when.model: must be a string; got number 4',
      '5:36 rules[0].when.ignore_case: must be true or false; got the string "yes"',
      '7:16 rules[0].respond.content: must be a string or null; got a list',
      '8:30 rules[0].respond.usage.input_tokens: must be >= 0; got -1',
      '9:19 rules[0].respond.chunk_size: must be >= 1; got 0',
      '11:51 rules[1].error.status_code: must be >= 400; got 200',
      '13:12 rules[2].times: must be an integer or null; got number 1.5',
      '14:63 rules[2].respond.tool_calls[0].function.arguments: must be a string or a mapping; got number 3',
    ])
  })

  it('rejects tool-call arguments given as a string that is not a JSON object', () => {
    const issues = issuesOf(`version: 1
rules:
  - type: llm.anthropic
    respond:
      tool_calls:
        - function: { name: ok, arguments: '{"city": "Paris"}' }
        - function: { name: ok_too, arguments: { city: Paris } }
        - function:
            name: weather
            arguments: "{city: Paris}"
        - function: { name: listed, arguments: '[1, 2]' }
`)
    expect(
      issues.map((issue) => `${issue.line}:${issue.column} ${issue.path}: ${issue.message}`),
    ).toEqual([
      `10:24 rules[0].respond.tool_calls[2].function.arguments: must be a JSON object, as a string or a mapping; the string "{city: Paris}" is not one (${jsonError('{city: Paris}')})`,
      '11:48 rules[0].respond.tool_calls[3].function.arguments: must be a JSON object, as a string or a mapping; the string "[1, 2]" is not one (it is a list)',
    ])
  })

  it('checks every duration against its documented range', () => {
    const issues = issuesOf(`version: 1
rules:
  - type: llm
    when: { messages_contains: a }
    respond: { delay_ms: 3000000000, chunk_delay_ms: 600001 }
  - type: llm
    when: { messages_contains: b }
    error: { error_type: rate_limit, retry_after: 86401, delay_ms: -5 }
  - type: llm
    respond: { delay_ms: 600000, chunk_delay_ms: 0, chunk_delays_ms: [0, 600000] }
  - type: llm
    error: { error_type: rate_limit, retry_after: 86400, delay_ms: 600000 }
  - type: llm
    respond: { chunk_delays_ms: [30, 600001, -1] }
`)
    expect(
      issues.map((issue) => `${issue.line}:${issue.column} ${issue.path}: ${issue.message}`),
    ).toEqual([
      '5:26 rules[0].respond.delay_ms: must be from 0 to 600000 milliseconds (10 minutes); got 3000000000',
      '5:54 rules[0].respond.chunk_delay_ms: must be from 0 to 600000 milliseconds (10 minutes); got 600001',
      '8:51 rules[1].error.retry_after: must be from 0 to 86400 seconds (1 day); got 86401',
      '8:68 rules[1].error.delay_ms: must be from 0 to 600000 milliseconds (10 minutes); got -5',
      '14:38 rules[4].respond.chunk_delays_ms[1]: must be from 0 to 600000 milliseconds (10 minutes); got 600001',
      '14:46 rules[4].respond.chunk_delays_ms[2]: must be from 0 to 600000 milliseconds (10 minutes); got -1',
    ])
  })

  it('rejects an unknown error_type with a suggestion', () => {
    const [issue] = issuesOf(
      'version: 1\nrules:\n  - type: llm\n    error: { error_type: ratelimit }\n',
    )
    expect(issue?.message).toBe(
      'must be one of "rate_limit", "authentication", "invalid_request", "timeout", "content_filter", "server_error"; got the string "ratelimit"; did you mean "rate_limit"?',
    )
  })

  it('rejects times given both on the rule and in when', () => {
    expect(
      issuesOf(
        'version: 1\nrules:\n  - type: llm\n    times: 1\n    when: { times: 2 }\n    respond: {}\n',
      ),
    ).toEqual([
      {
        path: 'rules[0].when.times',
        message: '"times" is given twice (here and at rules[0].times); keep one',
        line: 5,
        column: 13,
      },
    ])
  })

  it('rejects a condition given together with its alias', () => {
    expect(
      issuesOf(
        'version: 1\nrules:\n  - type: embeddings\n    when: { messages_contains: a, input_contains: b }\n    respond: {}\n',
      )[0]?.message,
    ).toBe('"input_contains" is an alias of "messages_contains"; give only one of them')
  })

  it('names the rule and position of an invalid regex', () => {
    expect(
      issuesOf(
        'version: 1\nrules:\n  - type: llm\n    when:\n      messages_regex: "(?P<city>paris"\n    respond: {}\n',
      ),
    ).toEqual([
      {
        path: 'rules[0].when.messages_regex',
        message: 'invalid regular expression "(?P<city>paris": Unterminated group',
        line: 5,
        column: 23,
      },
    ])
  })

  it('refuses a pattern the linear-time engine cannot run, with the rule, pattern and reason', () => {
    const error = errorOf(
      'version: 1\nrules:\n  - type: llm\n    respond: {}\n  - type: llm\n    when:\n      messages_regex: "(?<=total: )\\\\d+"\n    respond: {}\n',
      'regex.yaml',
    )
    expect(error.issues).toEqual([
      {
        path: 'rules[1].when.messages_regex',
        message:
          'unsupported regular expression "(?<=total: )\\\\d+": lookbehind (?<=...) is not supported: matching runs in linear time, which cannot express it; rewrite the pattern without it',
        line: 7,
        column: 23,
      },
    ])
    expect(error.message).toMatch(/^regex\.yaml:7:23 rules\[1\]\.when\.messages_regex: unsupported/)
  })

  it('names the rule and position of an invalid glob', () => {
    expect(
      issuesOf(
        'version: 1\nrules:\n  - type: llm\n    when: { model: "gpt-[z-a]" }\n    respond: {}\n',
      ),
    ).toEqual([
      {
        path: 'rules[0].when.model',
        message: 'invalid glob "gpt-[z-a]": Range out of order in character class',
        line: 4,
        column: 20,
      },
    ])
  })

  it('gives YAML syntax errors a line and column', () => {
    expect(issuesOf('version: 1\nrules:\n  - type: llm\n   respond: {}\n')).toEqual([
      { path: '', message: 'YAML: Sequence item without - indicator', line: 4, column: 1 },
    ])
    expect(issuesOf('version: 1\nrules:\n  - type: llm\n    respond:\n\tcontent: a\n')).toEqual([
      { path: '', message: 'YAML: Tabs are not allowed as indentation', line: 5, column: 1 },
    ])
  })

  it('rejects duplicate keys', () => {
    const [issue] = issuesOf('version: 1\nversion: 1\nrules: []\n')
    expect(issue).toMatchObject({ line: 2, column: 1 })
    expect(issue?.message).toMatch(/unique/i)
  })

  it('rejects custom tags', () => {
    const [issue] = issuesOf('version: 1\nrules: !include other.yaml\n')
    expect(issue).toMatchObject({ line: 2 })
    expect(issue?.message).toMatch(/tag/i)
  })

  it('stops an alias bomb with a clear issue', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]',
    ].join('\n')
    expect(issuesOf(bomb)).toEqual([
      {
        path: '',
        message: 'YAML: too many alias expansions (limit 1000); is this an alias bomb?',
        line: 1,
        column: 1,
      },
    ])
  })

  it('rejects an empty file and a document that is not a mapping', () => {
    expect(issuesOf('')[0]?.message).toBe(
      'the file is empty; a scenario needs "version: 1" and "rules"',
    )
    expect(issuesOf('# only a comment\n')[0]?.line).toBe(1)
    expect(issuesOf('- a\n- b\n')).toEqual([
      {
        path: '',
        message: 'a scenario must be a mapping with "version" and "rules"; got a list',
        line: 1,
        column: 1,
      },
    ])
  })

  it('uses <scenario> as the source when none is given', () => {
    expect(() => parseScenario('version: 1\n')).toThrow('<scenario>:1:1 rules: is required')
  })
})
