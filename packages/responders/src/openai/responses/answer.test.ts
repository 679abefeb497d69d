import type { MatchResult, Respond, Rule } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../shared/clock.js'
import { encodeSSE } from '../../shared/sse.js'
import { answerResponses } from './answer.js'
import { parseResponsesRequest } from './request.js'
import { createResponseStore, type ResponseStore } from './store.js'
import type { ResponseStreamEvent } from './types.js'

const clock = fixedClock(1700000000, { instant: true })

function rule(respond: Respond, extra: Partial<Rule> = {}): MatchResult {
  return { rule: { type: 'llm', when: {}, respond, times: null, ...extra }, index: 0, use: 1 }
}

function answer(body: Record<string, unknown>, match: MatchResult, store?: ResponseStore) {
  const parsed = parseResponsesRequest({ model: 'gpt-4.1', ...body }, { store })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.body))
  return answerResponses({ params: parsed.params, match, clock, store })
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

describe('parseResponsesRequest', () => {
  it('puts instructions first, then the input, for the matcher', () => {
    const parsed = parseResponsesRequest({
      model: 'gpt-4.1',
      instructions: 'Be terse.',
      input: 'Hi',
    })
    expect(parsed.ok && parsed.match).toEqual({
      endpoint: '/v1/responses',
      model: 'gpt-4.1',
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: 'Hi' },
      ],
    })
  })

  it('rejects a missing model and an input of the wrong type with the API wording', () => {
    const noModel = parseResponsesRequest({ input: 'Hi' })
    expect(!noModel.ok && noModel.error.status).toBe(400)
    const badInput = parseResponsesRequest({ model: 'gpt-4.1', input: 42 })
    expect(!badInput.ok && badInput.error.body).toEqual({
      error: {
        message:
          "Invalid type for 'input': expected one of a string or an array, but got an integer instead.",
        type: 'invalid_request_error',
        param: 'input',
        code: 'invalid_type',
      },
    })
  })

  it('answers 400 previous_response_not_found for an unknown previous_response_id', () => {
    const parsed = parseResponsesRequest(
      { model: 'gpt-4.1', input: 'Hi', previous_response_id: 'resp_nope' },
      { store: createResponseStore() },
    )
    expect(!parsed.ok && parsed.error.status).toBe(400)
    expect(!parsed.ok && parsed.error.body).toMatchObject({
      error: { param: 'previous_response_id', code: 'previous_response_not_found' },
    })
  })
})

describe('answerResponses', () => {
  it('answers a text rule with a completed response holding one output_text message', () => {
    const result = answer({ input: 'Hi', temperature: 0.2 }, rule({ content: 'Hello there' }))
    if (result.kind !== 'json') throw new Error(result.kind)
    const { body } = result
    expect(body).toMatchObject({
      object: 'response',
      status: 'completed',
      created_at: 1700000000,
      completed_at: 1700000000,
      model: 'gpt-4.1',
      temperature: 0.2,
      tool_choice: 'auto',
      tools: [],
      output: [
        {
          type: 'message',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text: 'Hello there', annotations: [], logprobs: [] }],
        },
      ],
      usage: { input_tokens: 1, output_tokens: 3, total_tokens: 4 },
    })
    expect(body.id).toMatch(/^resp_[A-Za-z0-9]{48}$/)
    expect(body.output[0]?.id).toMatch(/^msg_/)
  })

  it('gives the same ids for the same request and rule use', () => {
    const a = answer({ input: 'Hi' }, rule({ content: 'x' }))
    const b = answer({ input: 'Hi' }, rule({ content: 'x' }))
    const c = answer({ input: 'Hi!' }, rule({ content: 'x' }))
    if (a.kind !== 'json' || b.kind !== 'json' || c.kind !== 'json') throw new Error('not json')
    expect(a.body.id).toBe(b.body.id)
    expect(c.body.id).not.toBe(a.body.id)
  })

  it('answers tool calls as function_call items and echoes function tools filled in', () => {
    const tools = [{ type: 'function', name: 'weather', parameters: { type: 'object' } }]
    const result = answer(
      { input: 'Weather in Oslo?', tools },
      rule({
        tool_calls: [
          {
            id: 'call_abc',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Oslo"}' },
          },
        ],
      }),
    )
    if (result.kind !== 'json') throw new Error(result.kind)
    expect(result.body.output).toEqual([
      {
        type: 'function_call',
        id: expect.stringMatching(/^fc_/),
        call_id: 'call_abc',
        name: 'weather',
        arguments: '{"city":"Oslo"}',
        status: 'completed',
      },
    ])
    expect(result.body.tools).toEqual([
      {
        type: 'function',
        name: 'weather',
        description: null,
        parameters: { type: 'object' },
        strict: true,
      },
    ])
  })

  it('answers finish_reason length as an incomplete response', () => {
    const result = answer({ input: 'Hi' }, rule({ content: 'cut', finish_reason: 'length' }))
    if (result.kind !== 'json') throw new Error(result.kind)
    expect(result.body.status).toBe('incomplete')
    expect(result.body.incomplete_details).toEqual({ reason: 'max_output_tokens' })
  })

  it('answers an error rule with the OpenAI envelope, also for stream: true', () => {
    const result = answer(
      { input: 'Hi', stream: true },
      rule({}, { respond: undefined, error: { error_type: 'rate_limit' } }),
    )
    expect(result.kind).toBe('error')
    expect(result.status).toBe(429)
    expect(result.headers).toEqual({
      'retry-after': '1',
      'x-request-id': expect.stringMatching(/^req_[A-Za-z0-9]{32}$/),
    })
  })

  it('streams the typed events in order with increasing sequence numbers', async () => {
    const result = answer({ input: 'Hi', stream: true }, rule({ content: 'Hello big world' }))
    if (result.kind !== 'stream') throw new Error(result.kind)
    const events = await collect(result.chunks)
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ])
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i))
    const deltas = events.flatMap((e) => (e.type === 'response.output_text.delta' ? [e.delta] : []))
    expect(deltas.join('')).toBe('Hello big world')
    const created = events[0] as Extract<ResponseStreamEvent, { response: unknown }>
    expect(created.response).toMatchObject({
      status: 'in_progress',
      output: [],
      completed_at: null,
    })
    expect(created.response.usage).toBeUndefined()
    const last = events.at(-1) as Extract<ResponseStreamEvent, { response: unknown }>
    expect(last.response).toBe(result.response)
  })

  it('frames each event with its type as the event name and sends no [DONE]', async () => {
    const result = answer({ input: 'Hi', stream: true }, rule({ content: 'Hi' }))
    if (result.kind !== 'stream') throw new Error(result.kind)
    const text = (await collect(result.frames)).map(encodeSSE).join('')
    expect(text.split('\n\n')[0]?.split('\n')[0]).toBe('event: response.created')
    expect(text).not.toContain('[DONE]')
    expect(text.endsWith('\n\n')).toBe(true)
  })

  it('streams a tool call as argument deltas between output_item.added and .done', async () => {
    const result = answer(
      { input: 'Weather?', stream: true },
      rule({
        tool_calls: [
          { type: 'function', function: { name: 'weather', arguments: '{"city": "Oslo"}' } },
        ],
        chunk_size: 5,
      }),
    )
    if (result.kind !== 'stream') throw new Error(result.kind)
    const events = await collect(result.chunks)
    expect(events.map((e) => e.type).slice(2)).toEqual([
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ])
    expect(events[2]).toMatchObject({
      item: { type: 'function_call', arguments: '', status: 'in_progress' },
    })
    expect(events[7]).toMatchObject({ name: 'weather', arguments: '{"city": "Oslo"}' })
  })

  it('stores the response so a follow-up sees the whole conversation', () => {
    const store = createResponseStore()
    const first = answer(
      { instructions: 'Be terse.', input: 'My name is Ada.' },
      rule({ content: 'Hi Ada.' }),
      store,
    )
    if (first.kind !== 'json') throw new Error(first.kind)
    const parsed = parseResponsesRequest(
      { model: 'gpt-4.1', input: 'What is my name?', previous_response_id: first.body.id },
      { store },
    )
    expect(parsed.ok && parsed.match.messages).toEqual([
      { role: 'user', content: 'My name is Ada.' },
      { role: 'assistant', content: [{ type: 'text', text: 'Hi Ada.' }] },
      { role: 'user', content: 'What is my name?' },
    ])
  })

  it('does not store a response the request asks not to store', () => {
    const store = createResponseStore()
    answer({ input: 'Hi', store: false }, rule({ content: 'x' }), store)
    expect(store.size).toBe(0)
  })
})
