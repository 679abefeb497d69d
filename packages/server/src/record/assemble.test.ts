import { parseChatRequest } from '@mocktopus/responders'
import { ENDPOINTS } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { createMocktopus } from '../mocktopus.js'
import { createStreamAssembler } from './assemble.js'
import { createSSEParser } from './sse-parse.js'
import { recordedRule } from './to-rule.js'

const SCENARIO = `
version: 1
rules:
  - type: llm
    when: { messages_contains: weather }
    respond:
      id: fixed-id
      content: Let me check the weather for you in Lisbon today.
      tool_calls:
        - id: call_1
          type: function
          function: { name: get_weather, arguments: '{"city":"Lisbon"}' }
        - id: call_2
          type: function
          function: { name: get_time, arguments: '{"zone":"WET"}' }
      usage: { input_tokens: 11, output_tokens: 22, total_tokens: 33 }
      chunk_size: 3
  - type: llm
    respond:
      id: fixed-id
      content: A long answer that the model cut short
      finish_reason: length
      usage: { input_tokens: 5, output_tokens: 7, total_tokens: 12 }
`

async function exchange(
  path: string,
  body: Record<string, unknown>,
): Promise<{ json: unknown; streamed: unknown }> {
  const mock = await createMocktopus({ scenario: SCENARIO, fixedTime: 1_700_000_000 })
  const post = (extra: Record<string, unknown>) =>
    mock.fetch(`http://mock${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, ...extra }),
    })
  const json = await (await post({})).json()
  const text = await (await post({ stream: true })).text()
  const parser = createSSEParser()
  const assembler = createStreamAssembler(path)
  // Cut the bytes at odd places, as a network would.
  for (let i = 0; i < text.length; i += 7) {
    for (const event of parser.push(text.slice(i, i + 7))) assembler?.add(event)
  }
  for (const event of parser.end()) assembler?.add(event)
  const result = assembler?.result()
  if (!result?.ok) throw new Error(`not assembled: ${JSON.stringify(result)}`)
  return { json, streamed: result.body }
}

function respondOf(path: string, body: unknown): unknown {
  const match = parseChatRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }] })
  if (!match.ok) throw new Error('bad request')
  const result = recordedRule({ endpoint: path, match: match.match, status: 200, body })
  if (!result.ok) throw new Error(result.reason)
  return result.rule.respond
}

describe('createStreamAssembler', () => {
  it('rebuilds a chat completion with content, parallel tool calls, usage and finish reason', async () => {
    const path = '/v1/chat/completions'
    const { json, streamed } = await exchange(path, {
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'weather?' }],
      stream_options: { include_usage: true },
    })
    expect(respondOf(path, streamed)).toEqual(respondOf(path, json))
    expect(respondOf(path, streamed)).toMatchObject({
      content: 'Let me check the weather for you in Lisbon today.',
      tool_calls: [
        { id: 'call_1', function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' } },
        { id: 'call_2', function: { name: 'get_time', arguments: '{"zone":"WET"}' } },
      ],
      finish_reason: 'tool_calls',
      usage: { input_tokens: 11, output_tokens: 22, total_tokens: 33 },
    })
  })

  it('rebuilds a legacy completion', async () => {
    const path = '/v1/completions'
    const { json, streamed } = await exchange(path, {
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'tell me',
      stream_options: { include_usage: true },
    })
    expect(respondOf(path, streamed)).toEqual(respondOf(path, json))
    expect(respondOf(path, streamed)).toMatchObject({
      content: 'A long answer that the model cut short',
      finish_reason: 'length',
    })
  })

  it('takes the finished response from a Responses stream', async () => {
    const path = '/v1/responses'
    const { json, streamed } = await exchange(path, { model: 'gpt-4.1', input: 'weather?' })
    expect(respondOf(path, streamed)).toEqual(respondOf(path, json))
    expect(respondOf(path, streamed)).toMatchObject({
      content: 'Let me check the weather for you in Lisbon today.',
      finish_reason: 'tool_calls',
      usage: { input_tokens: 11, output_tokens: 22, total_tokens: 33 },
    })
  })

  it('rebuilds an Anthropic message with text and tool_use blocks', async () => {
    const path = '/v1/messages'
    const { json, streamed } = await exchange(path, {
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'weather?' }],
    })
    expect(respondOf(path, streamed)).toEqual(respondOf(path, json))
    expect(respondOf(path, streamed)).toMatchObject({
      content: 'Let me check the weather for you in Lisbon today.',
      tool_calls: [
        { id: 'call_1', function: { name: 'get_weather', arguments: { city: 'Lisbon' } } },
        { id: 'call_2', function: { name: 'get_time', arguments: { zone: 'WET' } } },
      ],
      finish_reason: 'tool_use',
      usage: { input_tokens: 11, output_tokens: 22 },
    })
  })

  it('reports a stream that carried an error or stopped early', () => {
    const chat = createStreamAssembler('/v1/chat/completions')
    chat?.add({ data: '{"error":{"message":"overloaded","type":"server_error"}}' })
    expect(chat?.result()).toEqual({
      ok: false,
      reason: 'the stream carried an error: overloaded',
    })
    const messages = createStreamAssembler('/v1/messages')
    messages?.add({
      event: 'message_start',
      data: '{"type":"message_start","message":{"id":"msg_1","content":[],"usage":{"input_tokens":1}}}',
    })
    expect(messages?.result()).toEqual({
      ok: false,
      reason: 'the stream ended before message_stop',
    })
    expect(createStreamAssembler('/v1/embeddings')).toBeUndefined()
  })
})

describe('createStreamAssembler with n choices', () => {
  it('rebuilds each choice from its own deltas', () => {
    const assembler = createStreamAssembler(ENDPOINTS.chatCompletions)
    const chunk = (index: number, delta: unknown, finish: string | null = null) => ({
      data: JSON.stringify({ id: 'c', choices: [{ index, delta, finish_reason: finish }] }),
    })
    for (const event of [
      chunk(0, { role: 'assistant', content: 'A' }),
      chunk(1, { role: 'assistant', content: 'B' }),
      chunk(1, { content: 'b' }),
      chunk(0, { content: 'a' }, 'stop'),
      chunk(1, {}, 'length'),
    ]) {
      assembler?.add(event)
    }
    const result = assembler?.result()
    if (!result?.ok) throw new Error('expected a body')
    expect(result.body.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: 'Aa' }, finish_reason: 'stop' },
      { index: 1, message: { role: 'assistant', content: 'Bb' }, finish_reason: 'length' },
    ])
  })
})

describe('which events a stream assembler paces', () => {
  // Replay waits before each chunk it paces (`ttft_ms`, then `chunk_delays_ms` in turn): the
  // recorder must time the same events, or a recorded gap lands on another chunk.
  const cases: [string, Record<string, unknown>][] = [
    ['/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }],
    ['/v1/completions', { model: 'gpt-3.5-turbo-instruct', prompt: 'x' }],
    ['/v1/responses', { model: 'gpt-4.1', input: 'x' }],
    [
      '/v1/messages',
      { model: 'claude-sonnet-4-5', max_tokens: 9, messages: [{ role: 'user', content: 'x' }] },
    ],
  ]
  it.each(cases)('%s: as many as replay paces', async (path, body) => {
    const waits: number[] = []
    const mock = await createMocktopus({
      scenario: `
version: 1
rules:
  - type: llm
    respond:
      content: one two three four five
      ttft_ms: 1
      chunk_delays_ms: [${Array.from({ length: 40 }, (_, i) => i + 2).join(', ')}]
`,
      clock: { now: () => 1_700_000_000_000, sleep: async (ms) => void waits.push(ms) },
    })
    const response = await mock.fetch(`http://mock${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, stream: true }),
    })
    const parser = createSSEParser()
    const assembler = createStreamAssembler(path)
    const events = [...parser.push(await response.text()), ...parser.end()]
    const paced = events.filter((event) => assembler?.paces?.(event) ?? true)
    expect(waits.length).toBeGreaterThan(3)
    expect(paced).toHaveLength(waits.length)
  })
})
