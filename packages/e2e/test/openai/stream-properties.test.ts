import {
  answerChat,
  type ChatCompletion,
  type ChatCompletionChunk,
  fixedClock,
  parseChatRequest,
} from '@mocktopus/responders'
import type { MatchResult, Respond } from '@mocktopus/scenario'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

// For any answer a rule can give, the chunks of the stream add up to the completion the same
// request gets without streaming: same content, tool calls and finish reason for every choice.
const clock = fixedClock(1_700_000_000, { instant: true })

const toolCall = fc.record({
  type: fc.constant('function' as const),
  function: fc.record({
    name: fc.stringMatching(/^[a-z_]{1,12}$/),
    arguments: fc.json(),
  }),
})

const respond: fc.Arbitrary<Respond> = fc.record(
  {
    content: fc.option(fc.string({ unit: 'grapheme', maxLength: 80 }), { nil: null }),
    tool_calls: fc.array(toolCall, { minLength: 1, maxLength: 3 }),
    chunk_size: fc.integer({ min: 1, max: 12 }),
    finish_reason: fc.constantFrom('stop', 'length', 'tool_calls', 'content_filter'),
  },
  { requiredKeys: [] },
)

interface Assembled {
  content: string | null
  tool_calls: { id: string; name: string; arguments: string }[]
  finish_reason: string | null
}

function assemble(chunks: readonly ChatCompletionChunk[], n: number): Assembled[] {
  const choices: Assembled[] = Array.from({ length: n }, () => ({
    content: null,
    tool_calls: [],
    finish_reason: null,
  }))
  for (const chunk of chunks) {
    for (const choice of chunk.choices) {
      const into = choices[choice.index] as Assembled
      const { content, tool_calls } = choice.delta
      if (typeof content === 'string') into.content = (into.content ?? '') + content
      for (const call of tool_calls ?? []) {
        into.tool_calls[call.index] ??= { id: '', name: '', arguments: '' }
        const slot = into.tool_calls[call.index] as (typeof into.tool_calls)[number]
        slot.id += call.id ?? ''
        slot.name += call.function.name ?? ''
        slot.arguments += call.function.arguments
      }
      if (choice.finish_reason) into.finish_reason = choice.finish_reason
    }
  }
  return choices
}

describe('chat streams', () => {
  it('add up to the non-streamed completion', async () => {
    await fc.assert(
      fc.asyncProperty(
        respond,
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        async (rule, n, usage) => {
          const match: MatchResult = {
            rule: { type: 'llm.openai', when: {}, times: null, respond: rule },
            index: 0,
            use: 1,
          }
          const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], n }
          const parse = (extra: object) => {
            const parsed = parseChatRequest({ ...body, ...extra })
            if (!parsed.ok) throw new Error('bad request')
            return parsed.params
          }
          const plain = answerChat({ params: parse({}), match, clock })
          const streamed = answerChat({
            params: parse({ stream: true, stream_options: { include_usage: usage } }),
            match,
            clock,
          })
          if (plain.kind !== 'json' || streamed.kind !== 'stream') throw new Error('wrong kinds')
          const completion = plain.body as ChatCompletion
          const chunks: ChatCompletionChunk[] = []
          for await (const chunk of streamed.chunks) chunks.push(chunk)

          const expected = completion.choices.map((choice) => ({
            content: choice.message.content,
            tool_calls: (choice.message.tool_calls ?? []).map((c) => ({
              // Ids derive from the request body, and `stream: true` is part of it.
              id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/),
              name: c.function.name,
              arguments: c.function.arguments,
            })),
            finish_reason: choice.finish_reason,
          }))
          expect(assemble(chunks, n)).toEqual(expected)
          expect(new Set(chunks.map((c) => `${c.id}|${c.created}|${c.model}`)).size).toBe(1)
          const last = chunks.at(-1)
          if (usage) expect(last).toMatchObject({ choices: [], usage: completion.usage })
          else expect(chunks.every((c) => !('usage' in c))).toBe(true)
        },
      ),
      { numRuns: 200 },
    )
  })
})
