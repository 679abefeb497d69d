import OpenAI from 'openai'
import type { ResponseStreamEvent } from 'openai/resources/responses/responses'
import { describe, expect, it } from 'vitest'
import { useMocktopus } from '../openai/harness.js'
import { RESPONSES_SCENARIO, WEATHER_TOOL } from './scenario.js'

const h = useMocktopus(RESPONSES_SCENARIO)
const client = () => new OpenAI({ apiKey: 'sk-test', baseURL: h.baseURL, maxRetries: 0 })

describe('openai SDK: responses.create', () => {
  it('returns output_text and usage', async () => {
    const response = await client().responses.create({ model: 'gpt-4.1', input: 'Hi there' })
    expect(response.output_text).toBe('Hello from the Responses API!')
    expect(response.status).toBe('completed')
    expect(response.id).toMatch(/^resp_/)
    expect(response._request_id).toMatch(/^req_/)
    expect(response.usage).toEqual({
      input_tokens: 9,
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens: 6,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 15,
    })
    expect(h.exchanges).toMatchObject([{ endpoint: '/v1/responses', status: 200, ruleIndex: 8 }])
  })

  it('returns a tool call as a function_call item', async () => {
    const response = await client().responses.create({
      model: 'gpt-4.1',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'What is the weather?' }] }],
      tools: [WEATHER_TOOL],
    })
    expect(response.output_text).toBe('')
    expect(response.output).toEqual([
      {
        type: 'function_call',
        id: expect.stringMatching(/^fc_/),
        call_id: 'call_weather_1',
        name: 'get_weather',
        arguments: '{"location": "Paris"}',
        status: 'completed',
      },
    ])
    expect(response.tools).toEqual([{ ...WEATHER_TOOL }])
  })

  it('matches the tool result sent back as function_call_output', async () => {
    const response = await client().responses.create({
      model: 'gpt-4.1',
      input: [
        { role: 'user', content: 'What is the weather?' },
        { type: 'function_call', call_id: 'call_weather_1', name: 'get_weather', arguments: '{}' },
        { type: 'function_call_output', call_id: 'call_weather_1', output: 'Sunny in Paris' },
      ],
    })
    expect(response.output_text).toBe('It is sunny in Paris today.')
  })

  it('carries the conversation behind previous_response_id, and retrieves a response', async () => {
    const openai = client()
    const first = await openai.responses.create({
      model: 'gpt-4.1',
      instructions: 'Remember names.',
      input: 'My name is Ada.',
    })
    const second = await openai.responses.create({
      model: 'gpt-4.1',
      input: 'What is my name?',
      previous_response_id: first.id,
    })
    expect(second.output_text).toBe('Your name is Ada.')
    expect(second.previous_response_id).toBe(first.id)
    const retrieved = await openai.responses.retrieve(first.id)
    expect(retrieved.id).toBe(first.id)
    expect(retrieved.output_text).toBe(first.output_text)
    expect(retrieved.instructions).toBe('Remember names.')
  })

  it('lists the input items of a response, page by page', async () => {
    const openai = client()
    const response = await openai.responses.create({
      model: 'gpt-4.1',
      input: [
        { role: 'user', content: 'First' },
        { role: 'assistant', content: 'Second' },
        { role: 'user', content: 'Third' },
      ],
    })
    const texts: string[] = []
    for await (const item of openai.responses.inputItems.list(response.id, {
      limit: 1,
      order: 'asc',
    })) {
      if (item.type === 'message') {
        for (const part of item.content) if ('text' in part) texts.push(part.text)
      }
    }
    expect(texts).toEqual(['First', 'Second', 'Third'])
  })

  it('throws BadRequestError for an unknown previous_response_id and NotFoundError on retrieve', async () => {
    const openai = client()
    const create = openai.responses.create({
      model: 'gpt-4.1',
      input: 'x',
      previous_response_id: 'resp_nope',
    })
    await expect(create).rejects.toBeInstanceOf(OpenAI.BadRequestError)
    await expect(create).rejects.toMatchObject({ status: 400, code: 'previous_response_not_found' })
    await expect(openai.responses.retrieve('resp_nope')).rejects.toBeInstanceOf(
      OpenAI.NotFoundError,
    )
  })

  it('throws RateLimitError for an error rule, also when streaming', async () => {
    const openai = client()
    const plain = openai.responses.create({ model: 'gpt-4.1', input: 'rate limit me' })
    await expect(plain).rejects.toBeInstanceOf(OpenAI.RateLimitError)
    const streamed = openai.responses.create({
      model: 'gpt-4.1',
      input: 'rate limit me',
      stream: true,
    })
    await expect(streamed).rejects.toMatchObject({ status: 429, headers: expect.anything() })
  })

  it('parses JSON content for a json_schema text format with responses.parse', async () => {
    const response = await client().responses.parse({
      model: 'gpt-4.1',
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
    })
    expect(response.output_parsed).toEqual({ city: 'Paris' })
    expect(response.text?.format).toMatchObject({ type: 'json_schema', name: 'capital' })
  })

  it('reports a cut-short answer as incomplete', async () => {
    const response = await client().responses.create({
      model: 'gpt-4.1',
      input: 'cut short please',
    })
    expect(response.status).toBe('incomplete')
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' })
    expect(response.output_text).toBe('This answer was cut')
  })
})

describe('openai SDK: streaming responses', () => {
  it('yields the typed events in order and the deltas join into the text', async () => {
    const stream = await client().responses.create({ model: 'gpt-4.1', input: 'Hi', stream: true })
    const events: ResponseStreamEvent[] = []
    for await (const event of stream) events.push(event)
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      ...Array(5).fill('response.output_text.delta'),
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ])
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i))
    const text = events
      .map((e) => (e.type === 'response.output_text.delta' ? e.delta : ''))
      .join('')
    expect(text).toBe('Hello from the Responses API!')
  })

  it('builds the final response with responses.stream()', async () => {
    const stream = client().responses.stream({ model: 'gpt-4.1', input: 'Hi' })
    const deltas: string[] = []
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta))
    const final = await stream.finalResponse()
    expect(final.output_text).toBe('Hello from the Responses API!')
    expect(deltas.join('')).toBe(final.output_text)
    expect(final.usage?.total_tokens).toBe(15)
  })

  it('streams a tool call as function_call_arguments deltas', async () => {
    const stream = client().responses.stream({
      model: 'gpt-4.1',
      input: 'What is the weather?',
      tools: [WEATHER_TOOL],
    })
    const deltas: string[] = []
    stream.on('response.function_call_arguments.delta', (event) => deltas.push(event.delta))
    const final = await stream.finalResponse()
    expect(deltas.join('')).toBe('{"location": "Paris"}')
    expect(final.output).toMatchObject([
      {
        type: 'function_call',
        call_id: 'call_weather_1',
        name: 'get_weather',
        arguments: '{"location": "Paris"}',
      },
    ])
  })
})

describe('openai SDK: legacy completions', () => {
  it('returns a text_completion', async () => {
    const completion = await client().completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Hello',
    })
    expect(completion.object).toBe('text_completion')
    expect(completion.choices[0]?.text).toBe(' there, completion.')
    expect(completion.usage).toEqual({ prompt_tokens: 2, completion_tokens: 4, total_tokens: 6 })
  })

  it('streams text chunks that join into the completion', async () => {
    const stream = await client().completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Hello',
      stream: true,
    })
    let text = ''
    let finish: string | null = null
    for await (const chunk of stream) {
      text += chunk.choices[0]?.text ?? ''
      finish = chunk.choices[0]?.finish_reason ?? finish
    }
    expect(text).toBe(' there, completion.')
    expect(finish).toBe('stop')
  })
})
