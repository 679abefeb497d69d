import { answerCompletion, fixedClock, parseCompletionRequest } from '@mocktopus/responders'
import type { MatchResult, Respond } from '@mocktopus/scenario'
import { beforeAll, describe, expect, it } from 'vitest'
import { openaiErrors, openaiSchema } from '../../src/contracts.js'

// Legacy completions checked against the spec's CreateCompletionResponse. The spec has no
// chunk schema: the API streams the same object, with `finish_reason: null` until a choice
// ends (which the spec's enum leaves out), so those chunks are checked with it filled in.
const clock = fixedClock(1700000000, { instant: true })

function run(body: Record<string, unknown>, respond: Respond) {
  const parsed = parseCompletionRequest({ model: 'gpt-3.5-turbo-instruct', ...body })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.body))
  const match: MatchResult = {
    rule: { type: 'llm', when: {}, respond, times: null },
    index: 0,
    use: 1,
  }
  return answerCompletion({ params: parsed.params, match, clock })
}

describe('Legacy completions against the OpenAI spec', () => {
  // Compiling the spec's schemas takes seconds on a busy machine; do it once, outside the tests.
  beforeAll(() => {
    openaiSchema('CreateCompletionResponse')
  }, 120_000)

  it('builds a valid CreateCompletionResponse', () => {
    const answer = run({ prompt: ['Say hi', 'Say bye'], n: 2 }, { content: 'Hello there' })
    if (answer.kind !== 'json') throw new Error(answer.kind)
    expect(openaiErrors('CreateCompletionResponse', answer.body)).toEqual([])
  })

  it('builds a valid body for finish_reason length', () => {
    const answer = run({ prompt: 'Say hi' }, { content: 'Hel', finish_reason: 'length' })
    if (answer.kind !== 'json') throw new Error(answer.kind)
    expect(openaiErrors('CreateCompletionResponse', answer.body)).toEqual([])
  })

  it('streams chunks that are valid CreateCompletionResponse objects', async () => {
    const answer = run(
      { prompt: 'Say hi', stream: true, stream_options: { include_usage: true } },
      { content: 'Hello big world' },
    )
    if (answer.kind !== 'stream') throw new Error(answer.kind)
    let count = 0
    for await (const chunk of answer.chunks) {
      const choices = chunk.choices.map((c) => ({ ...c, finish_reason: c.finish_reason ?? 'stop' }))
      const { usage, ...rest } = chunk
      const checked = usage ? { ...rest, usage, choices } : { ...rest, choices }
      expect(openaiErrors('CreateCompletionResponse', checked)).toEqual([])
      count++
    }
    expect(count).toBe(5)
  })

  it('rejects a body with a wrong object (the check can fail)', () => {
    const answer = run({ prompt: 'Say hi' }, { content: 'Hello' })
    if (answer.kind !== 'json') throw new Error(answer.kind)
    const wrong = { ...(answer.body as object), object: 'chat.completion' }
    expect(openaiErrors('CreateCompletionResponse', wrong)).not.toEqual([])
  })
})
