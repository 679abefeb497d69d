import type { MatchResult, Respond, Rule } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { type Clock, fixedClock } from '../../shared/clock.js'
import { deterministicId } from '../../shared/ids.js'
import { encodeSSE } from '../../shared/sse.js'
import { answerChat } from './answer.js'
import { type ChatParams, parseChatRequest } from './request.js'
import type { ChatCompletion, ChatCompletionChunk } from './types.js'

const clock = fixedClock(1_700_000_000, { instant: true })

function params(extra: Record<string, unknown> = {}): ChatParams {
  const parsed = parseChatRequest({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'What is the weather?' },
    ],
    ...extra,
  })
  if (!parsed.ok) throw new Error('bad test body')
  return parsed.params
}

function match(respond: Respond | undefined, extra: Partial<Rule> = {}, use = 1): MatchResult {
  return { rule: { type: 'llm.openai', when: {}, times: null, respond, ...extra }, index: 3, use }
}

const weather = {
  type: 'function',
  function: { name: 'get_weather', arguments: '{"city": "Paris"}' },
} as const

async function collect(answer: ReturnType<typeof answerChat>): Promise<ChatCompletionChunk[]> {
  if (answer.kind !== 'stream') throw new Error(`expected a stream, got ${answer.kind}`)
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of answer.chunks) chunks.push(chunk)
  return chunks
}

function body(answer: ReturnType<typeof answerChat>): ChatCompletion {
  if (answer.kind !== 'json') throw new Error(`expected json, got ${answer.kind}`)
  return answer.body as ChatCompletion
}

describe('answerChat', () => {
  it('builds a chat.completion with estimated usage', () => {
    const answer = answerChat({
      params: params(),
      match: match({ content: 'Sunny, 21 °C.' }),
      clock,
    })
    expect(body(answer)).toEqual({
      id: expect.stringMatching(/^chatcmpl-[A-Za-z0-9]{29}$/),
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Sunny, 21 °C.', refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        // "Be brief. What is the weather?" is 30 characters; "Sunny, 21 °C." 13.
        prompt_tokens: 8,
        completion_tokens: 4,
        total_tokens: 12,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: 0,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
      service_tier: 'default',
      system_fingerprint: 'fp_mocktopus',
    })
  })

  it('gives tool calls with finish_reason tool_calls and null content', () => {
    const answer = body(
      answerChat({ params: params(), match: match({ tool_calls: [weather] }), clock }),
    )
    const choice = answer.choices[0]
    expect(choice?.finish_reason).toBe('tool_calls')
    expect(choice?.message.content).toBeNull()
    expect(choice?.message.tool_calls).toEqual([
      { id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/), ...weather },
    ])
  })

  it('keeps content beside tool calls and honours finish_reason and usage overrides', () => {
    const answer = body(
      answerChat({
        params: params({ n: 3 }),
        match: match({
          content: 'Checking.',
          tool_calls: [{ id: 'call_x', ...weather }],
          finish_reason: 'length',
          usage: { input_tokens: 10, output_tokens: 5, total_tokens: 99 },
        }),
        clock,
      }),
    )
    expect(answer.choices).toHaveLength(3)
    expect(answer.choices.map((c) => c.index)).toEqual([0, 1, 2])
    expect(answer.choices[2]?.message).toMatchObject({
      content: 'Checking.',
      tool_calls: [{ id: 'call_x' }],
    })
    expect(answer.choices[0]?.finish_reason).toBe('length')
    expect(answer.usage).toMatchObject({
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 99,
    })
  })

  it('keeps its ids: the request body, the rule index and the use count, hashed', () => {
    const answer = answerChat({ params: params(), match: match({ content: 'a' }, {}, 5), clock })
    const seed = `${JSON.stringify(params().body)}|3|5`
    expect(answer.headers['x-request-id']).toBe(deterministicId('req_', seed, 32))
    expect(body(answer).id).toBe(deterministicId('chatcmpl-', seed, 29))
  })

  it('derives ids from the request and the use count, or takes respond.id', () => {
    const first = body(answerChat({ params: params(), match: match({ content: 'a' }), clock }))
    const again = body(answerChat({ params: params(), match: match({ content: 'a' }), clock }))
    const second = body(
      answerChat({ params: params(), match: match({ content: 'a' }, {}, 2), clock }),
    )
    const other = body(
      answerChat({ params: params({ n: 1 }), match: match({ content: 'a' }), clock }),
    )
    expect(again.id).toBe(first.id)
    const headers = (use: number) =>
      answerChat({ params: params(), match: match({ content: 'a' }, {}, use), clock }).headers
    expect(headers(1)).toEqual(headers(1))
    expect(headers(1)['x-request-id']).not.toBe(headers(2)['x-request-id'])
    expect(second.id).not.toBe(first.id)
    expect(other.id).not.toBe(first.id)
    expect(
      body(answerChat({ params: params(), match: match({ id: 'chatcmpl-fixed' }), clock })).id,
    ).toBe('chatcmpl-fixed')
  })

  it('answers an error rule with the error even for stream: true, with its delay', () => {
    const answer = answerChat({
      params: params({ stream: true }),
      match: match(undefined, {
        error: { error_type: 'server_error', status_code: 503, delay_ms: 20 },
      }),
      clock,
    })
    expect(answer).toMatchObject({ kind: 'error', status: 503, delayMs: 20 })
    const limited = answerChat({
      params: params(),
      match: match(undefined, { error: { error_type: 'rate_limit' } }),
      clock,
    })
    expect(limited.headers).toEqual({
      'retry-after': '1',
      'x-request-id': expect.stringMatching(/^req_[A-Za-z0-9]{32}$/),
    })
  })

  it('streams role, content pieces, finish and usage chunks as SSE', async () => {
    const answer = answerChat({
      params: params({ stream: true, stream_options: { include_usage: true } }),
      match: match({ content: 'Sunny today.', usage: { input_tokens: 3, output_tokens: 2 } }),
      clock,
    })
    if (answer.kind !== 'stream') throw new Error('expected a stream')
    let text = ''
    for await (const frame of answer.frames) text += encodeSSE(frame)
    const id = (await collect(answer))[0]?.id
    expect(text.replaceAll(id ?? '', 'ID')).toMatchInlineSnapshot(`
      "data: {"id":"ID","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","service_tier":"default","system_fingerprint":"fp_mocktopus","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"ID","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","service_tier":"default","system_fingerprint":"fp_mocktopus","choices":[{"index":0,"delta":{"content":"Sunny"},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"ID","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","service_tier":"default","system_fingerprint":"fp_mocktopus","choices":[{"index":0,"delta":{"content":" today."},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"ID","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","service_tier":"default","system_fingerprint":"fp_mocktopus","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

      data: {"id":"ID","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","service_tier":"default","system_fingerprint":"fp_mocktopus","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}

      data: [DONE]

      "
    `)
  })

  it.each([
    ['plain', {}, { content: 'Sunny today, 20°C.' }],
    ['with usage', { stream_options: { include_usage: true } }, { content: 'Sunny.' }],
    ['n = 2, odd model name', { n: 2, model: 'ft:gpt-4o:"acme"\u2028' }, { content: 'a b' }],
    ['tool calls', { stream_options: { include_usage: true } }, { tool_calls: [weather] }],
  ] as const)(
    'sends each chunk as the bytes JSON.stringify gives it (%s)',
    async (_, extra, respond) => {
      const answer = answerChat({
        params: params({ stream: true, ...extra }),
        match: match(respond),
        clock,
      })
      if (answer.kind !== 'stream') throw new Error('expected a stream')
      const data: unknown[] = []
      for await (const frame of answer.frames) data.push(frame.data)
      const chunks = await collect(answer)
      expect(data).toEqual([...chunks.map((chunk) => JSON.stringify(chunk)), '[DONE]'])
    },
  )

  it('streams tool calls as deltas: id, type and name first, then argument fragments', async () => {
    const chunks = await collect(
      answerChat({
        params: params({ stream: true }),
        match: match({
          tool_calls: [
            { id: 'call_a', ...weather },
            { id: 'call_b', ...weather },
          ],
          chunk_size: 8,
        }),
        clock,
      }),
    )
    expect(chunks.every((c) => !('usage' in c))).toBe(true)
    const deltas = chunks.map((c) => c.choices[0]?.delta)
    expect(deltas[0]).toEqual({ role: 'assistant', content: null, refusal: null })
    expect(deltas.slice(1, 5)).toEqual([
      {
        tool_calls: [
          {
            index: 0,
            id: 'call_a',
            type: 'function',
            function: { name: 'get_weather', arguments: '' },
          },
        ],
      },
      { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] },
      { tool_calls: [{ index: 0, function: { arguments: ' "Paris"' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '}' } }] },
    ])
    expect(deltas[5]).toMatchObject({ tool_calls: [{ index: 1, id: 'call_b' }] })
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls')
  })

  it('streams every choice when n > 1, with one id and one created', async () => {
    const chunks = await collect(
      answerChat({
        params: params({ stream: true, n: 2 }),
        match: match({ content: 'a b' }),
        clock,
      }),
    )
    for (const index of [0, 1]) {
      const mine = chunks.filter((c) => c.choices[0]?.index === index)
      expect(mine.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('a b')
      expect(mine.at(-1)?.choices[0]?.finish_reason).toBe('stop')
    }
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1)
    expect(new Set(chunks.map((c) => c.created)).size).toBe(1)
  })

  it('spaces chunks by chunk_delay_ms through the clock and stops when the signal aborts', async () => {
    const waits: number[] = []
    const controller = new AbortController()
    const counting: Clock = {
      now: () => 0,
      sleep: async (ms) => {
        waits.push(ms)
        if (waits.length === 2) controller.abort()
      },
    }
    const answer = answerChat({
      params: params({ stream: true }),
      match: match({ content: 'one two three four', chunk_delay_ms: 50 }),
      clock: counting,
      signal: controller.signal,
    })
    const chunks = await collect(answer)
    expect(waits).toEqual([50, 50])
    // The role chunk, then one content chunk; the second wait saw the abort.
    expect(chunks).toHaveLength(2)
  })
})

describe('answerChat body text', () => {
  const variants: [string, Respond | undefined, Record<string, unknown>][] = [
    ['plain content', { content: 'It is sunny.' }, {}],
    ['no respond at all', undefined, {}],
    [
      'quotes, unicode and a model to escape',
      { content: 'Ça "marche" \n\u2028 😀' },
      { model: 'my "model"\u00e9' },
    ],
    ['n = 3', { content: 'x' }, { n: 3 }],
    ['given tool call ids', { tool_calls: [{ id: 'call_1', ...weather }] }, {}],
    ['made-up tool call ids', { content: 'and', tool_calls: [weather, weather] }, {}],
    [
      'usage, id and finish_reason given',
      {
        content: 'y',
        id: 'chatcmpl-fixed',
        finish_reason: 'length',
        usage: { input_tokens: 7, output_tokens: 9, total_tokens: 99 },
      },
      {},
    ],
  ]

  it.each(variants)('is JSON.stringify of the body: %s', (_name, respond, extra) => {
    const m = match(respond as Respond)
    for (const use of [1, 2]) {
      const answer = answerChat({ params: params(extra), match: { ...m, use }, clock })
      if (answer.kind !== 'json') throw new Error(`expected json, got ${answer.kind}`)
      expect(answer.bodyText).toBe(JSON.stringify(answer.body))
    }
  })

  it('serialises a rule with made-up tool call ids afresh for every request', () => {
    const m = match({ tool_calls: [weather] })
    const texts = [1, 2].map((use) => {
      const answer = answerChat({ params: params(), match: { ...m, use }, clock })
      return answer.kind === 'json' ? answer.bodyText : undefined
    })
    expect(texts[0]).not.toBe(texts[1])
    const ids = texts.map((text) => JSON.parse(text ?? '{}').choices[0].message.tool_calls[0].id)
    expect(ids[0]).not.toBe(ids[1])
  })
})
