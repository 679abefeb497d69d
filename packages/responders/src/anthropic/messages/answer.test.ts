import type { MatchResult, Rule } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../shared/clock.js'
import { answerAnthropicMessage } from './answer.js'
import { parseAnthropicRequest } from './request.js'
import type { AnthropicStreamEvent } from './stream.js'

const clock = fixedClock(1_700_000_000, { instant: true })

function params(body: Record<string, unknown>) {
  const parsed = parseAnthropicRequest({
    model: 'claude-sonnet-4-5',
    max_tokens: 256,
    messages: [{ role: 'user', content: 'Hello' }],
    ...body,
  })
  if (!parsed.ok) throw new Error('invalid test body')
  return parsed.params
}

function match(rule: Partial<Rule>, index = 0, use = 1): MatchResult {
  return { rule: { type: 'llm', when: {}, times: null, ...rule }, index, use }
}

describe('answerAnthropicMessage', () => {
  it('answers a message as JSON with the usage the client sees', () => {
    const answer = answerAnthropicMessage({
      params: params({}),
      match: match({ respond: { content: 'Hi!', delay_ms: 5, usage: { output_tokens: 9 } } }),
      clock,
    })
    expect(answer.kind).toBe('json')
    if (answer.kind !== 'json') return
    expect(answer.delayMs).toBe(5)
    expect(answer.headers).toEqual({ 'request-id': expect.stringMatching(/^req_[A-Za-z0-9]{24}$/) })
    expect(answer.usage).toEqual({ input_tokens: 2, output_tokens: 9 })
    expect(answer.body).toMatchObject({ type: 'message', content: [{ type: 'text', text: 'Hi!' }] })
  })

  it('streams the same message that create would return', async () => {
    const rule = { respond: { content: 'One two three' } }
    const json = answerAnthropicMessage({ params: params({}), match: match(rule), clock })
    const stream = answerAnthropicMessage({
      params: params({ stream: true }),
      match: match(rule),
      clock,
    })
    if (json.kind !== 'json' || stream.kind !== 'stream') throw new Error('unexpected kinds')
    const events: AnthropicStreamEvent[] = []
    for await (const event of stream.chunks) events.push(event as AnthropicStreamEvent)
    const start = events[0]
    if (start?.type !== 'message_start') throw new Error('no message_start')
    const text = events
      .flatMap((event) =>
        event.type === 'content_block_delta' && event.delta.type === 'text_delta'
          ? [event.delta.text]
          : [],
      )
      .join('')
    expect(text).toBe('One two three')
    expect(start.message.model).toBe('claude-sonnet-4-5')
    expect(stream.usage).toEqual(json.usage)
    const frames = []
    for await (const frame of stream.frames) frames.push(frame.event)
    expect(frames).toEqual(events.map((event) => event.type))
  })

  it('answers an error rule in the Anthropic envelope even when streaming', () => {
    const answer = answerAnthropicMessage({
      params: params({ stream: true }),
      match: match({ error: { error_type: 'authentication' } }),
      clock,
      requestId: 'req_1',
    })
    expect(answer).toMatchObject({
      kind: 'error',
      status: 401,
      headers: { 'request-id': 'req_1' },
      body: { type: 'error', error: { type: 'authentication_error' }, request_id: 'req_1' },
    })
  })

  it('turns a tool call with non-object arguments into a 500 that names the rule', () => {
    const answer = answerAnthropicMessage({
      params: params({}),
      match: match(
        {
          line: 12,
          respond: {
            tool_calls: [{ type: 'function', function: { name: 'f', arguments: '"x"' } }],
          },
        },
        3,
      ),
      clock,
    })
    if (answer.kind !== 'error') throw new Error(`expected an error, got ${answer.kind}`)
    expect(answer.status).toBe(500)
    expect(JSON.stringify(answer.body)).toContain(
      'rules[3] (line 12): respond.tool_calls[0].function.arguments',
    )
  })

  it('gives each use of a rule its own id', () => {
    const rule: Partial<Rule> = { respond: { content: 'x' } }
    const first = answerAnthropicMessage({ params: params({}), match: match(rule), clock })
    const second = answerAnthropicMessage({
      params: params({}),
      match: match(rule, 0, 2),
      clock,
    })
    const id = (answer: unknown) => (answer as { body: { id: string } }).body.id
    expect(id(first)).toMatch(/^msg_/)
    expect(id(first)).not.toBe(id(second))
  })
})
