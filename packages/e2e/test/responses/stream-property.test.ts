import {
  answerResponses,
  fixedClock,
  parseResponsesRequest,
  type ResponseStreamEvent,
} from '@mocktopus/responders'
import type { MatchResult, Respond } from '@mocktopus/scenario'
import fc from 'fast-check'
import { accumulateResponse } from 'openai/lib/responses/ResponseAccumulator'
import type { Response } from 'openai/resources/responses/responses'
import { describe, expect, it } from 'vitest'

// Whatever the rule and chunking, the openai SDK's own accumulator, fed the stream's events,
// must rebuild exactly the final response, and that is the non-streamed body but for its ids.
const clock = fixedClock(1700000000, { instant: true })

const respondArb: fc.Arbitrary<Respond> = fc.record(
  {
    content: fc.option(fc.string({ unit: 'grapheme', maxLength: 60 }), { nil: undefined }),
    tool_calls: fc.array(
      fc.record({
        type: fc.constant('function' as const),
        function: fc.record({
          name: fc.stringMatching(/^[a-z_]{1,12}$/),
          arguments: fc.json({ maxDepth: 2 }),
        }),
      }),
      { maxLength: 3 },
    ),
    chunk_size: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    finish_reason: fc.constantFrom(undefined, 'stop', 'length'),
  },
  { requiredKeys: [] },
)

function answer(respond: Respond, stream: boolean) {
  const parsed = parseResponsesRequest({ model: 'gpt-4.1', input: 'Hi', stream })
  if (!parsed.ok) throw new Error('unparsed')
  const match: MatchResult = {
    rule: { type: 'llm', when: {}, respond, times: null },
    index: 0,
    use: 1,
  }
  return answerResponses({ params: parsed.params, match, clock })
}

function withoutIds(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v) =>
    key === 'id' || key === 'call_id' ? '<id>' : v,
  )
}

describe('Responses stream', () => {
  it('rebuilds the non-streamed response in the openai SDK accumulator', async () => {
    await fc.assert(
      fc.asyncProperty(respondArb, async (respond) => {
        const body = answer(respond, false)
        const stream = answer(respond, true)
        if (body.kind !== 'json' || stream.kind !== 'stream') throw new Error('wrong kinds')
        let snapshot: Response | undefined
        let sequence = 0
        for await (const event of stream.chunks as AsyncIterable<ResponseStreamEvent>) {
          expect(event.sequence_number).toBe(sequence++)
          snapshot = accumulateResponse(event as never, snapshot)
        }
        const { output_text: _, ...rebuilt } = snapshot as Response
        expect(rebuilt).toEqual(stream.response)
        // Ids derive from the request body, which differs by `stream`; nothing else may.
        expect(withoutIds(rebuilt)).toEqual(withoutIds(body.body))
      }),
      { numRuns: 150 },
    )
  })
})
