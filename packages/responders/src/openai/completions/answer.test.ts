import type { MatchResult, Respond, Rule } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../shared/clock.js'
import { encodeSSE } from '../../shared/sse.js'
import { answerCompletion } from './answer.js'
import { parseCompletionRequest } from './request.js'
import type { Completion } from './types.js'

const clock = fixedClock(1700000000, { instant: true })

function rule(respond: Respond, extra: Partial<Rule> = {}): MatchResult {
  return { rule: { type: 'llm', when: {}, respond, times: null, ...extra }, index: 0, use: 1 }
}

function answer(body: Record<string, unknown>, match: MatchResult) {
  const parsed = parseCompletionRequest({ model: 'gpt-3.5-turbo-instruct', ...body })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.body))
  return answerCompletion({ params: parsed.params, match, clock })
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

describe('parseCompletionRequest', () => {
  it('makes the prompt one user message for the matcher', () => {
    const parsed = parseCompletionRequest({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi' })
    expect(parsed.ok && parsed.match).toEqual({
      endpoint: '/v1/completions',
      model: 'gpt-3.5-turbo-instruct',
      messages: [{ role: 'user', content: 'Say hi' }],
    })
  })

  it('reads token-array prompts as their numbers', () => {
    const parsed = parseCompletionRequest({ model: 'm', prompt: [[1, 2], [3]] })
    expect(parsed.ok && parsed.params.prompts).toEqual(['1 2', '3'])
  })

  it('rejects a missing or mistyped prompt with the API wording', () => {
    const none = parseCompletionRequest({ model: 'm' })
    expect(!none.ok && none.error.body).toMatchObject({
      error: { message: "Missing required parameter: 'prompt'.", param: 'prompt' },
    })
    const wrong = parseCompletionRequest({ model: 'm', prompt: { text: 'x' } })
    expect(!wrong.ok && wrong.error.status).toBe(400)
  })
})

describe('answerCompletion', () => {
  it('answers choice N with respond.choices[N], prompt by prompt, and the rule past the list', async () => {
    const respond: Respond = {
      content: ' red',
      finish_reason: 'stop',
      choices: [
        { content: ' red', finish_reason: 'stop' },
        { content: ' blue', finish_reason: 'length' },
        { content: ' pear' },
      ],
    }
    const body = { prompt: ['Colour:', 'Fruit:'], n: 2, echo: true }
    const result = answer(body, rule(respond))
    const choices = result.kind === 'json' ? (result.body as Completion).choices : []
    expect(choices.map((choice) => [choice.index, choice.text, choice.finish_reason])).toEqual([
      [0, 'Colour: red', 'stop'],
      [1, 'Colour: blue', 'length'],
      [2, 'Fruit: pear', 'stop'],
      [3, 'Fruit: red', 'stop'],
    ])
    const streamed = answer({ ...body, stream: true }, rule(respond))
    if (streamed.kind !== 'stream') throw new Error(`not a stream: ${streamed.kind}`)
    const texts = ['', '', '', '']
    const finishes: unknown[] = []
    for (const chunk of await collect(streamed.chunks)) {
      for (const choice of chunk.choices) {
        texts[choice.index] += choice.text
        if (choice.finish_reason) finishes[choice.index] = choice.finish_reason
      }
    }
    expect(texts).toEqual(['Colour: red', 'Colour: blue', 'Fruit: pear', 'Fruit: red'])
    expect(finishes).toEqual(['stop', 'length', 'stop', 'stop'])
  })

  it('answers with a text_completion body and usage', () => {
    const result = answer({ prompt: 'Say hi' }, rule({ content: 'Hello there' }))
    expect(result.kind).toBe('json')
    expect(result.kind === 'json' && result.body).toMatchInlineSnapshot(`
      {
        "choices": [
          {
            "finish_reason": "stop",
            "index": 0,
            "logprobs": null,
            "text": "Hello there",
          },
        ],
        "created": 1700000000,
        "id": "cmpl-h1wVDKtHk2Ih8p7ylWnX2Rr9kHdGN",
        "model": "gpt-3.5-turbo-instruct",
        "object": "text_completion",
        "usage": {
          "completion_tokens": 3,
          "prompt_tokens": 2,
          "total_tokens": 5,
        },
      }
    `)
  })

  it('gives each prompt n choices and prepends the prompt with echo', () => {
    const result = answer({ prompt: ['A', 'B'], n: 2, echo: true }, rule({ content: '!' }))
    if (result.kind !== 'json') throw new Error(result.kind)
    const body = result.body as { choices: { index: number; text: string }[] }
    expect(body.choices.map((c) => [c.index, c.text])).toEqual([
      [0, 'A!'],
      [1, 'A!'],
      [2, 'B!'],
      [3, 'B!'],
    ])
  })

  it('streams text pieces, a finishing chunk, the usage chunk and [DONE]', async () => {
    const result = answer(
      { prompt: 'Say hi', stream: true, stream_options: { include_usage: true } },
      rule({ content: 'Hello there' }),
    )
    if (result.kind !== 'stream') throw new Error(result.kind)
    const text = (await collect(result.frames)).map(encodeSSE).join('')
    expect(text).toMatchInlineSnapshot(`
      "data: {"id":"cmpl-gqvY81NdyehdwZdrmgqbFN8c198oH","object":"text_completion","created":1700000000,"model":"gpt-3.5-turbo-instruct","choices":[{"text":"Hello","index":0,"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"cmpl-gqvY81NdyehdwZdrmgqbFN8c198oH","object":"text_completion","created":1700000000,"model":"gpt-3.5-turbo-instruct","choices":[{"text":" there","index":0,"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"cmpl-gqvY81NdyehdwZdrmgqbFN8c198oH","object":"text_completion","created":1700000000,"model":"gpt-3.5-turbo-instruct","choices":[{"text":"","index":0,"logprobs":null,"finish_reason":"stop"}],"usage":null}

      data: {"id":"cmpl-gqvY81NdyehdwZdrmgqbFN8c198oH","object":"text_completion","created":1700000000,"model":"gpt-3.5-turbo-instruct","choices":[],"usage":{"prompt_tokens":2,"completion_tokens":3,"total_tokens":5}}

      data: [DONE]

      "
    `)
  })

  it('answers an error rule with the OpenAI envelope', () => {
    const result = answer(
      { prompt: 'x', stream: true },
      rule({}, { respond: undefined, error: { error_type: 'server_error' } }),
    )
    expect(result.kind).toBe('error')
    expect(result.status).toBe(500)
  })
})
