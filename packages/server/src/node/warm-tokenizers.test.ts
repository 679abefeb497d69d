import { parseScenario } from '@mocktopus/scenario'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMocktopus } from '../mocktopus.js'
import { serve } from './serve.js'
import { scenarioEncodings, WARM_IDLE_MS, warmWhenIdle } from './warm-tokenizers.js'

const loads = vi.hoisted(() => [] as string[])

vi.mock('@mocktopus/responders', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@mocktopus/responders')>()
  return {
    ...actual,
    loadEncoding: (name: Parameters<typeof actual.loadEncoding>[0]) => {
      loads.push(name)
      return actual.loadEncoding(name)
    },
  }
})

const NAMED = parseScenario(`
version: 1
rules:
  - { type: llm, when: { model: "gpt-4o*" }, respond: { content: "4o" } }
  - { type: embeddings, when: { model: "text-embedding-3-*" }, respond: {} }
  - { type: llm.anthropic, when: { model: "claude-*" }, respond: { content: "claude" } }
  - { type: llm.ollama, when: { model: "gpt-oss" }, respond: { content: "an Ollama model" } }
  - { type: llm, respond: { content: "anything" } }
`)

// First in the file, so no encoding has been loaded in this module graph yet.
describe('serve', () => {
  it('counts the first request exactly, sent before its warm-up started', async () => {
    const mock = await createMocktopus({ scenario: NAMED })
    const server = await serve(mock, { port: 0 })
    try {
      const response = await fetch(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'hello world' }],
        }),
      })
      const body = (await response.json()) as { usage: { prompt_tokens: number } }
      // o200k_base: "hello world" is 2 tokens, "user" 1, plus 3 for the message and 3 priming
      // the reply; the estimate would have been 3 + 1 + 3 + 3 = 10.
      expect(body.usage.prompt_tokens).toBe(9)
    } finally {
      await server.close()
    }
  })
})

describe('scenarioEncodings', () => {
  it('names the encodings of the OpenAI models that rules of OpenAI endpoints name', () => {
    expect(scenarioEncodings(NAMED)).toEqual(['o200k_base', 'cl100k_base'])
  })

  it('names none for rules without a model, of other providers, or starting with a wildcard', () => {
    const scenario = parseScenario(`
version: 1
rules:
  - { type: llm.anthropic, when: { model: "claude-*" }, respond: { content: "a" } }
  - { type: llm.gemini, when: { model: "gemini-2.5-*" }, respond: { content: "b" } }
  - { type: llm, when: { model: "{gpt-4o,gpt-5}*" }, respond: { content: "c" } }
  - { type: llm, respond: { content: "d" } }
`)
    expect(scenarioEncodings(scenario)).toEqual([])
  })
})

describe('warmWhenIdle', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    loads.length = 0
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('loads once a whole interval passes with no request arriving and none open', () => {
    let open = 0
    const warm = warmWhenIdle(NAMED, () => open)
    warm.touch()
    vi.advanceTimersByTime(WARM_IDLE_MS)
    expect(loads).toEqual([])
    open = 1
    vi.advanceTimersByTime(WARM_IDLE_MS)
    expect(loads).toEqual([])
    open = 0
    vi.advanceTimersByTime(WARM_IDLE_MS)
    expect(loads).toEqual(['o200k_base', 'cl100k_base'])
    vi.advanceTimersByTime(10 * WARM_IDLE_MS)
    expect(loads).toHaveLength(2)
  })

  it('loads nothing when stopped first, or when the scenario names no OpenAI model', () => {
    warmWhenIdle(NAMED, () => 0).stop()
    warmWhenIdle(parseScenario('version: 1\nrules: []\n'), () => 0)
    vi.advanceTimersByTime(10 * WARM_IDLE_MS)
    expect(loads).toEqual([])
  })
})
