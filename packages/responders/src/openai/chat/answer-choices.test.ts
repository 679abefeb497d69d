import type { MatchResult, Respond } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../shared/clock.js'
import { answerChat } from './answer.js'
import { type ChatParams, parseChatRequest } from './request.js'
import type { ChatCompletion, ChatCompletionChunk } from './types.js'

const clock = fixedClock(1_700_000_000, { instant: true })

function params(extra: Record<string, unknown> = {}): ChatParams {
  const parsed = parseChatRequest({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Name a colour' }],
    ...extra,
  })
  if (!parsed.ok) throw new Error('bad test body')
  return parsed.params
}

function match(respond: Respond): MatchResult {
  return { rule: { type: 'llm.openai', when: {}, times: null, respond }, index: 0, use: 1 }
}

// As record mode writes an `n: 2` answer: every choice, the first one repeated above.
const RECORDED: Respond = {
  content: 'Red',
  finish_reason: 'stop',
  choices: [
    { content: 'Red', finish_reason: 'stop' },
    {
      content: null,
      tool_calls: [
        { id: 'call_b', type: 'function', function: { name: 'pick', arguments: '{"c":1}' } },
      ],
      finish_reason: 'tool_calls',
    },
  ],
}

describe('answerChat with respond.choices', () => {
  it('answers each choice of an n > 1 request as recorded', () => {
    const answer = answerChat({ params: params({ n: 2 }), match: match(RECORDED), clock })
    if (answer.kind !== 'json') throw new Error(answer.kind)
    const body = JSON.parse(answer.bodyText as string) as ChatCompletion
    expect(body.choices.map((choice) => [choice.index, choice.message.content])).toEqual([
      [0, 'Red'],
      [1, null],
    ])
    expect(body.choices[1]?.message.tool_calls?.[0]?.id).toBe('call_b')
    expect(body.choices.map((choice) => choice.finish_reason)).toEqual(['stop', 'tool_calls'])
    expect(answer.body).toEqual(body)
  })

  it('answers a choice past the list with the rule’s own answer', () => {
    const answer = answerChat({ params: params({ n: 3 }), match: match(RECORDED), clock })
    if (answer.kind !== 'json') throw new Error(answer.kind)
    const body = answer.body as ChatCompletion
    expect(body.choices[2]?.message.content).toBe('Red')
  })

  it('streams each choice’s own deltas and finish reason', async () => {
    const answer = answerChat({
      params: params({ n: 2, stream: true }),
      match: match(RECORDED),
      clock,
    })
    if (answer.kind !== 'stream') throw new Error(answer.kind)
    const chunks: ChatCompletionChunk[] = []
    for await (const chunk of answer.chunks) chunks.push(chunk)
    const text = ['', '']
    const finish: (string | null)[] = [null, null]
    const calls: string[] = []
    for (const chunk of chunks) {
      for (const choice of chunk.choices) {
        text[choice.index] += choice.delta.content ?? ''
        for (const call of choice.delta.tool_calls ?? []) {
          if (call.id) calls.push(`${choice.index}:${call.id}`)
        }
        if (choice.finish_reason) finish[choice.index] = choice.finish_reason
      }
    }
    expect(text).toEqual(['Red', ''])
    expect(calls).toEqual(['1:call_b'])
    expect(finish).toEqual(['stop', 'tool_calls'])
  })

  it('answers n copies when the rule has no choices', () => {
    const answer = answerChat({
      params: params({ n: 2 }),
      match: match({ content: 'Blue' }),
      clock,
    })
    if (answer.kind !== 'json') throw new Error(answer.kind)
    const body = answer.body as ChatCompletion
    expect(body.choices.map((choice) => choice.message.content)).toEqual(['Blue', 'Blue'])
  })
})
