import {
  answerResponses,
  createResponseStore,
  fixedClock,
  parseResponsesRequest,
} from '@mocktopus/responders'
import type { MatchResult, Respond } from '@mocktopus/scenario'
import { beforeAll, describe, expect, it } from 'vitest'
import { openaiErrors, openaiSchema } from '../../src/contracts.js'

// The responders' output checked against the official spec without a server in between, over
// the variations a rule can produce; the HTTP tests beside this one check the wire.
const clock = fixedClock(1700000000, { instant: true })
const TOOLS = [
  {
    type: 'function',
    name: 'weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
]
const CALL = {
  type: 'function' as const,
  function: { name: 'weather', arguments: '{"city":"Oslo"}' },
}

const CASES: Record<string, { body: Record<string, unknown>; respond: Respond }> = {
  text: { body: { input: 'Hi' }, respond: { content: 'Hello there, friend.' } },
  'empty text': { body: { input: 'Hi' }, respond: {} },
  'tool call': { body: { input: 'Weather?', tools: TOOLS }, respond: { tool_calls: [CALL] } },
  'text and two tool calls': {
    body: { input: 'Weather?', tools: TOOLS, tool_choice: 'required', parallel_tool_calls: true },
    respond: { content: 'Checking.', tool_calls: [CALL, { ...CALL, id: 'call_2' }] },
  },
  'incomplete at max_output_tokens': {
    body: { input: 'Hi', max_output_tokens: 16 },
    respond: { content: 'Cut short', finish_reason: 'length' },
  },
  'structured output': {
    body: {
      input: 'Capital of France as JSON',
      text: {
        format: {
          type: 'json_schema',
          name: 'capital',
          strict: true,
          schema: {
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
            additionalProperties: false,
          },
        },
      },
    },
    respond: { content: '{"city":"Paris"}' },
  },
  refusal: { body: { input: 'Hi' }, respond: { refusal: "I can't help with that." } },
  'generated structured output': {
    body: {
      input: 'A person as JSON',
      text: {
        format: {
          type: 'json_schema',
          name: 'person',
          strict: true,
          schema: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              tags: { type: 'array', items: { type: 'string' } },
            },
            required: ['name', 'tags'],
            additionalProperties: false,
          },
        },
      },
    },
    respond: {},
  },
  'generated json_object': {
    body: { input: 'JSON', text: { format: { type: 'json_object' } } },
    respond: {},
  },
  'forced tool with generated arguments': {
    body: { input: 'Weather?', tools: TOOLS, tool_choice: { type: 'function', name: 'weather' } },
    respond: {},
  },
  'every setting echoed': {
    body: {
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'Hi' }] }],
      instructions: 'Be terse.',
      temperature: 0.3,
      top_p: 0.9,
      metadata: { run: '1' },
      user: 'user-1',
      store: true,
      text: { format: { type: 'text' } },
      reasoning: { effort: 'low' },
      truncation: 'auto',
      tool_choice: { type: 'function', name: 'weather' },
      tools: TOOLS,
    },
    respond: { content: 'Hi.', usage: { input_tokens: 10, output_tokens: 2 } },
  },
}

function run(name: string, stream: boolean) {
  const { body, respond } = CASES[name] as (typeof CASES)[string]
  const parsed = parseResponsesRequest({ model: 'gpt-4.1', stream, ...body })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.body))
  const match: MatchResult = {
    rule: { type: 'llm', when: {}, respond, times: null },
    index: 0,
    use: 1,
  }
  return answerResponses({ params: parsed.params, match, clock, store: createResponseStore() })
}

describe('Responses bodies against the OpenAI spec', () => {
  // Compiling the spec's schemas takes seconds on a busy machine; do it once, outside the tests.
  beforeAll(() => {
    openaiSchema('Response')
    openaiSchema('ResponseStreamEvent')
  }, 120_000)

  for (const name of Object.keys(CASES)) {
    it(`builds a valid Response: ${name}`, () => {
      const answer = run(name, false)
      if (answer.kind !== 'json') throw new Error(answer.kind)
      expect(openaiErrors('Response', answer.body)).toEqual([])
    })

    it(`streams valid ResponseStreamEvents: ${name}`, async () => {
      const answer = run(name, true)
      if (answer.kind !== 'stream') throw new Error(answer.kind)
      for await (const event of answer.chunks) {
        expect([event.type, openaiErrors('ResponseStreamEvent', event)]).toEqual([event.type, []])
      }
    })
  }

  it('rejects a response missing a required field (the check can fail)', () => {
    const answer = run('text', false)
    if (answer.kind !== 'json') throw new Error(answer.kind)
    const { tool_choice: _, ...missing } = answer.body
    expect(openaiErrors('Response', missing)).not.toEqual([])
  })

  it('rejects a text delta without logprobs (the event check can fail)', () => {
    const delta = {
      type: 'response.output_text.delta',
      sequence_number: 4,
      item_id: 'msg_1',
      output_index: 0,
      content_index: 0,
      delta: 'Hi',
    }
    expect(openaiErrors('ResponseStreamEvent', { ...delta, logprobs: [] })).toEqual([])
    expect(openaiErrors('ResponseStreamEvent', delta)).not.toEqual([])
  })
})
