import type { MatchResult, Respond } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../shared/clock.js'
import { checkSchema } from '../../shared/json-schema/validate.js'
import { answerResponses } from './answer.js'
import { parseResponsesRequest } from './request.js'
import type { ResponseObject, ResponseStreamEvent } from './types.js'

const clock = fixedClock(1_700_000_000, { instant: true })
const PLAN = {
  type: 'object',
  properties: {
    steps: { type: 'array', items: { type: 'string' }, minItems: 1 },
    done: { type: 'boolean' },
  },
  required: ['steps', 'done'],
  additionalProperties: false,
}

function answer(body: Record<string, unknown>, respond: Respond) {
  const parsed = parseResponsesRequest({ model: 'gpt-4.1', input: 'Plan it.', ...body })
  if (!parsed.ok) throw new Error('bad test body')
  const match: MatchResult = {
    rule: { type: 'llm', when: {}, times: null, respond },
    index: 0,
    use: 1,
  }
  return answerResponses({ params: parsed.params, match, clock })
}

function response(result: ReturnType<typeof answerResponses>): ResponseObject {
  if (result.kind !== 'json') throw new Error(`expected json, got ${result.kind}`)
  return result.body
}

describe('answerResponses, structured', () => {
  it('generates output_text valid against text.format json_schema', () => {
    const body = {
      text: { format: { type: 'json_schema', name: 'plan', schema: PLAN, strict: true } },
    }
    const out = response(answer(body, {})).output[0]
    const part = out?.type === 'message' ? out.content[0] : undefined
    const text = part?.type === 'output_text' ? part.text : ''
    expect(checkSchema(PLAN, JSON.parse(text))).toEqual({ valid: true })
    expect(JSON.stringify(response(answer(body, {})))).toBe(
      JSON.stringify(response(answer(body, {}))),
    )
  })

  it('answers a forced function tool with generated arguments', () => {
    const body = {
      tools: [{ type: 'function', name: 'make_plan', parameters: PLAN, strict: true }],
      tool_choice: { type: 'function', name: 'make_plan' },
    }
    const [call] = response(answer(body, {})).output
    expect(call?.type).toBe('function_call')
    const args = call?.type === 'function_call' ? JSON.parse(call.arguments) : undefined
    expect(checkSchema(PLAN, args)).toEqual({ valid: true })
  })

  it('sends a refusal part, streamed as response.refusal events', async () => {
    const [message] = response(answer({}, { refusal: 'No.' })).output
    expect(message?.type === 'message' && message.content).toEqual([
      { type: 'refusal', refusal: 'No.' },
    ])
    const streamed = answer({ stream: true }, { refusal: 'No.' })
    if (streamed.kind !== 'stream') throw new Error('expected a stream')
    const events: ResponseStreamEvent[] = []
    for await (const event of streamed.chunks) events.push(event)
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.refusal.delta',
      'response.refusal.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ])
  })
})
