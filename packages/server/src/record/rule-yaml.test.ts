import {
  parseAnthropicRequest,
  parseChatRequest,
  parseEmbeddingsRequest,
} from '@mocktopus/responders'
import { ENDPOINTS, type MatchRequest, readSimpleYaml } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ruleItemYAML, ruleItemYAMLByDocument } from './rule-yaml.js'
import { type RecordedExchange, type RecordedRule, recordedRule } from './to-rule.js'

// Deterministic random data (mulberry32): a failure names its seed and replays the same.
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Texts each of which changes how `yaml` writes a scalar somewhere.
const NASTY = [
  '',
  ' ',
  'plain text',
  "it's",
  'say "hi"',
  `both ' and "`,
  'key: value',
  'a:b',
  'trailing:',
  'trailing ',
  ' leading',
  'note # comment',
  'note#hash',
  '#start',
  '- item',
  '-',
  '-x',
  '? q',
  '?',
  '?x',
  ':',
  ': x',
  '[a]',
  '{a}',
  'a, b',
  'a]',
  "'quoted'",
  '"quoted"',
  '*alias',
  '&anchor',
  '!tag',
  '%directive',
  '@at',
  '`tick`',
  '|pipe',
  '>fold',
  '---',
  '--- doc',
  '...',
  '... end',
  '42',
  '-7',
  '+7',
  '0x1F',
  '0o17',
  '017',
  '1e3',
  '1.5',
  '.5',
  '1.',
  '.inf',
  '-.Inf',
  '.nan',
  'true',
  'True',
  'FALSE',
  'yes',
  'no',
  'on',
  'null',
  'Null',
  'NULL',
  '~',
  '2024-01-01',
  '12:30',
  'line\nbreak',
  'two\n\nbreaks',
  'space \nbefore',
  'after\n space',
  '\n',
  'end\n',
  'tab\there',
  '\t',
  'nul\u0000',
  'bell\u0007',
  'vt\u000b',
  'esc\u001b',
  'del\u007f',
  'nel\u0085',
  'nbsp\u00a0',
  'c1\u009f',
  'ls\u2028',
  'ps\u2029',
  'crlf\r\n',
  'bom\ufeff',
  '\ufeffbom first',
  'shy\u00ad',
  'lone \ud800 high',
  'lone \udc00 low',
  'emoji 🐙',
  'café',
  'back\\slash',
  '{"city":"Paris","unit":"c"}',
  '{{ template }}',
  'https://example.com/a?b=c#d',
  'gpt-4o-mini',
  'x'.repeat(300),
]

const KEYS = [
  'type',
  'when',
  'respond',
  'content',
  'usage',
  'model',
  'a',
  'input_tokens',
  'content-type',
  'x_1',
  'Key',
  '$schema',
  'a b',
  '0',
  '12',
  'true',
  'null',
  '',
  'x:',
  '#k',
  '-',
  'k\nl',
  'emoji🐙',
  '[k]',
  'k,',
  'k'.repeat(1100),
]

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  42,
  0.5,
  -0.25,
  1e21,
  1e-7,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  123456789.125,
  Number.NaN,
  Number.POSITIVE_INFINITY,
]

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T
}

function nastyString(next: () => number): string {
  const n = next()
  if (n < 0.6) return pick(next, NASTY)
  if (n < 0.9) return `${pick(next, NASTY)}${pick(next, NASTY)}`
  return `${pick(next, NASTY)} ${pick(next, NASTY)} ${pick(next, NASTY)}`
}

function key(next: () => number): string {
  return next() < 0.85 ? pick(next, KEYS.slice(0, 11)) : pick(next, KEYS)
}

function value(next: () => number, depth: number): unknown {
  const n = next()
  if (depth > 3 || n < 0.35) return nastyString(next)
  if (n < 0.45) return pick(next, NUMBERS)
  if (n < 0.5) return pick(next, [true, false, null, undefined])
  if (n < 0.6) {
    // A vector, sometimes with something else in it.
    const items: unknown[] = Array.from({ length: Math.floor(next() * 4) }, () =>
      pick(next, NUMBERS.slice(0, 12)),
    )
    if (next() < 0.2) items.push(value(next, depth + 1))
    return items
  }
  if (n < 0.75) {
    return Array.from({ length: Math.floor(next() * 4) }, () =>
      next() < 0.05 ? [1, 2] : value(next, depth + 1),
    )
  }
  if (n < 0.8) {
    const usage: Record<string, unknown> = {}
    for (let i = Math.floor(next() * 3); i > 0; i--) {
      usage[key(next)] = next() < 0.9 ? pick(next, NUMBERS) : value(next, depth + 1)
    }
    return { usage }
  }
  const out: Record<string, unknown> = next() < 0.05 ? Object.create(null) : {}
  for (let i = Math.floor(next() * 5); i > 0; i--) out[key(next)] = value(next, depth + 1)
  if (next() < 0.02) return new Date(0)
  return out
}

function randomRule(next: () => number): Record<string, unknown> {
  const rule: Record<string, unknown> = {
    type: 'llm.openai',
    when: {
      endpoint: '/v1/chat/completions',
      model: nastyString(next),
      conversation: [{ role: 'user', content: nastyString(next) }],
    },
  }
  for (let i = Math.floor(next() * 4); i > 0; i--) rule[key(next)] = value(next, 1)
  return rule
}

// The data as YAML holds it: no `undefined` values, `-0` as `0`.
function plain(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data))
}

function assertSame(rule: unknown, column: number): string | undefined {
  const fast = ruleItemYAML(rule, column)
  if (fast === undefined) return undefined
  expect(fast).toBe(ruleItemYAMLByDocument(rule, column))
  const file = `rules:\n${fast}`
  expect(plain(parse(file))).toEqual(plain({ rules: [rule] }))
  const read = readSimpleYaml(file)
  if (read) expect(plain(read.data)).toEqual(plain({ rules: [rule] }))
  return fast
}

describe('ruleItemYAML', () => {
  it('writes every text it takes exactly as yaml does, and reads back to the same data', () => {
    for (const text of NASTY) {
      for (const column of [0, 2, 4]) {
        const rule = { type: 'llm.openai', when: { model: text }, respond: { content: text } }
        expect(assertSame(rule, column), JSON.stringify(text)).toBeDefined()
      }
    }
  })

  it('writes keys exactly as yaml does, or leaves them to yaml', () => {
    let fast = 0
    for (const name of KEYS) {
      const rule = { type: 'x', respond: { [name]: 'v', nested: { [name]: [1] } } }
      if (assertSame(rule, 2) !== undefined) fast++
    }
    expect(fast).toBeGreaterThan(KEYS.length / 2)
  })

  it('matches yaml byte for byte on random rules whenever it writes one', () => {
    let fast = 0
    const total = 3000
    for (let seed = 1; seed <= total; seed++) {
      const next = random(seed)
      const rule = randomRule(next)
      const column = pick(next, [0, 2, 2, 4])
      try {
        if (assertSame(rule, column) !== undefined) fast++
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}`)
      }
    }
    // Most random rules take the direct path, so the comparison above is not vacuous.
    expect(fast).toBeGreaterThan(total / 3)
  })

  it('leaves to yaml what it cannot be sure of', () => {
    const cases: unknown[] = [
      { type: 'x', respond: { n: Number.NaN } },
      { type: 'x', respond: { n: Number.POSITIVE_INFINITY } },
      { type: 'x', respond: { vectors: [[1, 2]] } },
      { type: 'x', respond: { items: ['a', undefined] } },
      { type: 'x', respond: { usage: { a: 1, b: 'two' } } },
      { type: 'x', respond: { usage: { a: 1, details: { cached: 0 } } } },
      { type: 'x', respond: { at: new Date(0) } },
      { type: 'x', respond: { big: 1n } },
      { type: 'x', respond: { map: new Map([['a', 1]]) } },
      { type: 'x', respond: { '': 1 } },
      { type: 'x', respond: { ['k'.repeat(1100)]: 1 } },
      { type: 'x', respond: { f: () => 1 } },
      [1, 2],
      'text',
      null,
    ]
    for (const rule of cases) expect(ruleItemYAML(rule, 2)).toBeUndefined()
  })
})

function chatMatch(body: Record<string, unknown>): MatchRequest {
  const parsed = parseChatRequest(body)
  if (!parsed.ok) throw new Error('invalid chat request')
  return parsed.match
}

function recorded(exchange: RecordedExchange): RecordedRule {
  const result = recordedRule(exchange)
  if (!result.ok) throw new Error(result.reason)
  return result.rule
}

const TOOLS = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'The weather in a city: "now", or a forecast.',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
        required: ['city'],
      },
    },
  },
]

function typicalRules() {
  const chatBody = {
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'What is 2 + 2? Answer: briefly.' },
    ],
  }
  const completion = (message: Record<string, unknown>, finish = 'stop') => ({
    id: 'chatcmpl-abc',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish }],
    usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
  })
  const embeddingsMatch = parseEmbeddingsRequest({
    model: 'text-embedding-3-small',
    input: ['hello', 'world'],
  })
  if (!embeddingsMatch.ok) throw new Error('invalid embeddings request')
  return {
    chat: recorded({
      endpoint: ENDPOINTS.chatCompletions,
      match: chatMatch(chatBody),
      status: 200,
      body: completion({ content: '4', refusal: null }),
      timing: { delayMs: 312.4 },
      sent: { body: { ...chatBody, temperature: 0 } },
    }),
    multiLine: recorded({
      endpoint: ENDPOINTS.chatCompletions,
      match: chatMatch(chatBody),
      status: 200,
      body: completion({
        content: 'Here:\n\n- one\n- two: "quoted"\n\tindented \n---\nThe end.',
      }),
      timing: { delayMs: 900, ttftMs: 250, chunkDelayMs: 12.5 },
      shape: 'stream',
    }),
    toolCalls: recorded({
      endpoint: ENDPOINTS.chatCompletions,
      match: chatMatch({ ...chatBody, tools: TOOLS }),
      status: 200,
      body: completion(
        {
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"c"}' },
            },
          ],
        },
        'tool_calls',
      ),
      tools: ['get_weather'],
      params: { temperature: 0.2, max_tokens: 100, stream: false },
      sent: { body: { ...chatBody, tools: TOOLS } },
    }),
    embeddings: recorded({
      endpoint: ENDPOINTS.embeddings,
      match: embeddingsMatch.match,
      status: 200,
      body: {
        object: 'list',
        data: [
          { object: 'embedding', index: 0, embedding: [0.0123, -0.5, 1, 3.5e-7] },
          { object: 'embedding', index: 1, embedding: [-0.0123, 0.25, 0, -1] },
        ],
        model: 'text-embedding-3-small',
        usage: { prompt_tokens: 2, total_tokens: 2 },
      },
    }),
    anthropic: recorded({
      endpoint: ENDPOINTS.messages,
      match: anthropicMatch(),
      status: 200,
      body: {
        id: 'msg_01',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        content: [
          { type: 'text', text: "I'll check." },
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
        ],
        stop_reason: 'tool_use',
        stop_sequence: null,
        usage: { input_tokens: 20, output_tokens: 15 },
      },
    }),
    error: recorded({
      endpoint: ENDPOINTS.chatCompletions,
      match: chatMatch(chatBody),
      status: 429,
      body: {
        error: {
          message: 'Rate limit reached for gpt-4o-mini: try again in 20s.',
          type: 'requests',
          param: null,
          code: 'rate_limit_exceeded',
        },
      },
      headers: new Headers({ 'retry-after': '20' }),
    }),
  }
}

function anthropicMatch(): MatchRequest {
  const parsed = parseAnthropicRequest({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    system: 'Be brief.',
    messages: [
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: [{ type: 'text', text: 'Checking: "Paris"' }] },
      { role: 'user', content: [{ type: 'text', text: 'Thanks.\nAnd tomorrow?' }] },
    ],
  })
  if (!parsed.ok) throw new Error('invalid messages request')
  return parsed.match
}

describe('ruleItemYAML on recorded rules', () => {
  for (const [name, rule] of Object.entries(typicalRules())) {
    it(`writes the ${name} rule itself, byte for byte as yaml`, () => {
      for (const column of [2, 4]) {
        const fast = ruleItemYAML(rule, column)
        expect(fast).toBeDefined()
        expect(fast).toBe(ruleItemYAMLByDocument(rule, column))
        // The fast reader takes it, as replay reads it.
        const read = readSimpleYaml(`version: 1\nrules:\n${fast}`)
        expect(read).toBeDefined()
        expect(plain(read?.data)).toEqual(plain({ version: 1, rules: [rule] }))
      }
    })
  }

  it('covers what the typical rules are meant to', () => {
    const rules = typicalRules()
    const text = Object.values(rules)
      .map((rule) => ruleItemYAML(rule, 2))
      .join('')
    expect(text).toContain('usage: {')
    expect(text).toMatch(/embedding: \[ 0\.0123, -0\.5, 1, 3\.5e-7 \]/)
    expect(text).toContain('\\n')
    expect(rules.toolCalls.when.tools).toEqual(['get_weather'])
    expect(rules.toolCalls.when.params).toBeDefined()
    expect(rules.multiLine.recorded?.shape).toBe('stream')
    expect(rules.error.error).toBeDefined()
  })
})
