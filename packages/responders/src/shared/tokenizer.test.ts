import { createMatcher, ENDPOINTS, parseScenario } from '@mocktopus/scenario'
import { beforeAll, describe, expect, it } from 'vitest'
import { answerChat } from '../openai/chat/answer.js'
import { parseChatRequest } from '../openai/chat/request.js'
import { fixedClock } from './clock.js'
import {
  COUNT_MEMO_CHARS,
  chatPromptTokens,
  countMemoSize,
  countTokens,
  encodingFor,
  loadTokenizers,
  MAX_WORD_LENGTH,
} from './tokenizer.js'
import { estimateTokens } from './tokens.js'

beforeAll(async () => {
  await loadTokenizers()
})

// The OpenAI cookbook's example conversation ("How to count tokens with tiktoken"): 129 prompt
// tokens for gpt-3.5-turbo and gpt-4, 124 for gpt-4o and gpt-4o-mini, as the API reports.
const COOKBOOK = [
  {
    role: 'system',
    content:
      'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.',
  },
  {
    role: 'system',
    name: 'example_user',
    content: 'New synergies will help drive top-line growth.',
  },
  {
    role: 'system',
    name: 'example_assistant',
    content: 'Things working well together will increase revenue.',
  },
  {
    role: 'system',
    name: 'example_user',
    content:
      "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
  },
  {
    role: 'system',
    name: 'example_assistant',
    content: "Let's talk later when we're less busy about how to do better.",
  },
  {
    role: 'user',
    content:
      "This late pivot means we don't have time to boil the ocean for the client deliverable.",
  },
]

describe('encodingFor', () => {
  it('maps OpenAI model families to their encodings and leaves the rest out', () => {
    expect(encodingFor('gpt-4o-mini')).toBe('o200k_base')
    expect(encodingFor('gpt-4.1')).toBe('o200k_base')
    expect(encodingFor('o3-mini')).toBe('o200k_base')
    expect(encodingFor('ft:gpt-4o-mini:acme::abc')).toBe('o200k_base')
    expect(encodingFor('gpt-4')).toBe('cl100k_base')
    expect(encodingFor('gpt-3.5-turbo')).toBe('cl100k_base')
    expect(encodingFor('text-embedding-3-small')).toBe('cl100k_base')
    expect(encodingFor('claude-sonnet-4-5')).toBeUndefined()
    expect(encodingFor('my-gpt')).toBeUndefined()
  })
})

describe('countTokens', () => {
  it("counts as tiktoken does: 'hello world' is 2 tokens in both encodings", () => {
    expect(countTokens('gpt-4o', 'hello world')).toBe(2)
    expect(countTokens('gpt-4', 'hello world')).toBe(2)
    // The cookbook's `encoding.encode("tiktoken is great!")`: 6 tokens in cl100k_base.
    expect(countTokens('gpt-3.5-turbo', 'tiktoken is great!')).toBe(6)
  })

  it('counts special-token text as plain text instead of throwing', () => {
    expect(countTokens('gpt-4o', 'a <|endoftext|> b')).toBeGreaterThan(3)
  })

  it('estimates for a model without a public tokenizer', () => {
    expect(countTokens('claude-sonnet-4-5', 'hello world')).toBe(estimateTokens('hello world'))
  })

  it('falls back to the estimate past the word bound, so one long word stays linear', () => {
    const word = 'x'.repeat(20_000)
    expect(countTokens('gpt-4o', word)).toBe(estimateTokens(word))
    const atBound = 'x'.repeat(MAX_WORD_LENGTH)
    expect(countTokens('gpt-4o', atBound)).not.toBe(estimateTokens(atBound))
  })
})

describe('the count memo', () => {
  it('gives a repeated text the same count, and holds no more text than its bound', () => {
    const text = 'The same prompt, sent again on every turn of an agent loop.'
    const first = countTokens('gpt-4o', text)
    expect(countTokens('gpt-4o', text)).toBe(first)
    // The same text counts apart per encoding.
    expect(countTokens('gpt-4', text)).toBe(countTokens('gpt-4', text))

    const size = 64 * 1024
    for (let i = 0; i < (2 * COUNT_MEMO_CHARS) / size; i++) {
      countTokens('gpt-4o', `${i} ${'word '.repeat(size / 5)}`)
    }
    expect(countMemoSize().chars).toBeLessThanOrEqual(COUNT_MEMO_CHARS)
    expect(countMemoSize().texts).toBeGreaterThan(0)
    // An evicted text is counted again, to the same number.
    expect(countTokens('gpt-4o', text)).toBe(first)
  })
})

describe('chatPromptTokens', () => {
  it("gives the cookbook's counts for its example conversation", () => {
    expect(chatPromptTokens('gpt-4o', COOKBOOK)).toBe(124)
    expect(chatPromptTokens('gpt-4o-mini', COOKBOOK)).toBe(124)
    expect(chatPromptTokens('gpt-3.5-turbo', COOKBOOK)).toBe(129)
    expect(chatPromptTokens('gpt-4', COOKBOOK)).toBe(129)
  })

  it('adds 3 per message, the role, 1 more per name, and 3 priming the reply', () => {
    const one = [{ role: 'user', content: 'hello world' }]
    expect(chatPromptTokens('gpt-4o', one)).toBe(3 + 1 + 2 + 3)
    const named = [{ role: 'user', name: 'bob', content: 'hello world' }]
    expect(chatPromptTokens('gpt-4o', named)).toBe(3 + 1 + 2 + 1 + 1 + 3)
    const two = [...one, { role: 'assistant', content: 'hello world' }]
    expect(chatPromptTokens('gpt-4o', two)).toBe(2 * (3 + 1 + 2) + 3)
  })

  it('adds the tools offered as the cookbook counts function definitions', () => {
    const messages = [{ role: 'user', content: 'hello world' }]
    const tools = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Get the weather.',
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
        },
      },
    ]
    const plain = chatPromptTokens('gpt-4o', messages) ?? 0
    const fn = countTokens('gpt-4o', 'get_weather:Get the weather')
    const property = countTokens('gpt-4o', 'city:string:')
    expect(chatPromptTokens('gpt-4o', messages, tools)).toBe(plain + 7 + fn + 3 + 3 + property + 12)
  })

  it('leaves a model without a public tokenizer to the estimate', () => {
    expect(chatPromptTokens('claude-sonnet-4-5', COOKBOOK)).toBeUndefined()
  })
})

describe('chat usage', () => {
  const scenario = parseScenario(`
version: 1
rules:
  - type: llm
    when: { messages_contains: "given" }
    respond: { content: "hello world", usage: { input_tokens: 40, output_tokens: 2 } }
  - type: llm
    respond: { content: "hello world" }
`)
  const answer = (content: string) => {
    const parsed = parseChatRequest({ model: 'gpt-4o', messages: [{ role: 'user', content }] })
    if (!parsed.ok) throw new Error('unparsed')
    const match = createMatcher(scenario).match({
      ...parsed.match,
      endpoint: ENDPOINTS.chatCompletions,
    })
    if (!match) throw new Error('unmatched')
    const wire = answerChat({ params: parsed.params, match, clock: fixedClock(0) })
    return (wire as { body: { usage: { prompt_tokens: number; completion_tokens: number } } }).body
      .usage
  }

  it('counts with the model encoding when the rule gives no usage', () => {
    expect(answer('hello world')).toMatchObject({ prompt_tokens: 9, completion_tokens: 2 })
  })

  it("keeps the rule's usage", () => {
    expect(answer('given hello world')).toMatchObject({ prompt_tokens: 40, completion_tokens: 2 })
  })
})
