import { ENDPOINTS } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { checkDrift, type DriftRecording } from './drift.js'
import { answerShape, createShapeCollector } from './shape.js'

const COMPLETION = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
}

function recording(line: number, extra: Partial<DriftRecording> = {}): DriftRecording {
  return {
    file: 'recordings.yaml',
    line,
    type: 'llm.openai',
    when: {
      endpoint: ENDPOINTS.chatCompletions,
      model: 'gpt-4o-mini',
      conversation: [{ role: 'user', content: 'Hello' }],
    },
    recorded: { request: { max_tokens: 5 }, shape: answerShape(COMPLETION) },
    ...extra,
  }
}

function upstream(answer: (request: Request, body: Record<string, unknown>) => Response) {
  const seen: { url: string; headers: Headers; body: Record<string, unknown> }[] = []
  const fetch = async (request: Request) => {
    const body = (await request.json()) as Record<string, unknown>
    seen.push({ url: request.url, headers: request.headers, body })
    return answer(request, body)
  }
  return { fetch, seen }
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('checkDrift', () => {
  it('sends the recorded request again, with the configured key, and names a field added', async () => {
    const fake = upstream(() => json({ ...COMPLETION, id: 'other', created: 5 }))
    const report = await checkDrift({
      recordings: [recording(4)],
      upstream: 'http://upstream.test/v1',
      openaiKey: 'sk-test-key',
      fetch: fake.fetch,
    })
    // `created` is new: a field added is drift too.
    expect(report.results[0]?.changes.map((change) => change.path)).toEqual(['created'])
    expect(fake.seen[0]?.url).toBe('http://upstream.test/v1/chat/completions')
    expect(fake.seen[0]?.headers.get('authorization')).toBe('Bearer sk-test-key')
    expect(fake.seen[0]?.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello' }],
      max_tokens: 5,
    })
  })

  it('reports an unchanged shape as same, whatever the text', async () => {
    const fake = upstream(() =>
      json({
        ...COMPLETION,
        choices: [
          { ...COMPLETION.choices[0], message: { role: 'assistant', content: 'Other words' } },
        ],
      }),
    )
    const report = await checkDrift({ recordings: [recording(4)], fetch: fake.fetch })
    expect(report.counts).toEqual({ same: 1, drift: 0, unchecked: 0, failed: 0 })
    expect(report.unreachable).toBe(false)
    // No key configured: none is sent.
    expect(fake.seen[0]?.headers.get('authorization')).toBeNull()
  })

  it('names a dropped usage and a new finish_reason', async () => {
    const { usage: _, ...rest } = COMPLETION
    const fake = upstream(() =>
      json({ ...rest, choices: [{ ...COMPLETION.choices[0], finish_reason: 'end_turn' }] }),
    )
    const report = await checkDrift({ recordings: [recording(9)], fetch: fake.fetch })
    expect(report.results[0]).toMatchObject({ file: 'recordings.yaml', line: 9, status: 'drift' })
    expect(report.results[0]?.changes).toEqual([
      {
        kind: 'new-enum-value',
        path: 'choices[].finish_reason',
        recorded: ['"stop"'],
        now: ['"end_turn"'],
      },
      { kind: 'removed', path: 'usage', recorded: ['object'], now: [] },
    ])
  })

  it('compares a stream by its chunks, sent as a stream again', async () => {
    const chunks = [
      {
        object: 'chat.completion.chunk',
        choices: [{ delta: { role: 'assistant' }, finish_reason: null }],
      },
      {
        object: 'chat.completion.chunk',
        choices: [{ delta: { content: 'Hi' }, finish_reason: 'stop' }],
      },
    ]
    const shape = createShapeCollector()
    for (const chunk of chunks) shape.addEvent({ data: JSON.stringify(chunk) })
    const sse = `${chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join('')}data: [DONE]\n\n`
    const fake = upstream(
      () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } }),
    )
    const report = await checkDrift({
      recordings: [
        recording(2, { recorded: { request: { stream: true }, shape: shape.result() } }),
      ],
      fetch: fake.fetch,
    })
    expect(fake.seen[0]?.body.stream).toBe(true)
    expect(report.counts.same).toBe(1)
  })

  it('stops sending to an upstream it cannot reach, and says so', async () => {
    let calls = 0
    const report = await checkDrift({
      recordings: [recording(1), recording(2)],
      upstream: 'http://127.0.0.1:9/v1',
      fetch: async () => {
        calls++
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })
      },
    })
    expect(calls).toBe(1)
    expect(report.unreachable).toBe(true)
    expect(report.counts.failed).toBe(2)
    expect(report.results[0]?.reason).toMatch(
      /could not reach the upstream http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/,
    )
  })

  it('calls a refusal drift, but not a rate limit, and skips what keeps no shape', async () => {
    const fake = upstream((_, body) =>
      body.max_tokens === 5
        ? json(
            { error: { message: 'The model gpt-4o-mini does not exist', code: 'model_not_found' } },
            404,
          )
        : json({ error: { message: 'Slow down, sk-abcdefghijkl' } }, 429),
    )
    const report = await checkDrift({
      recordings: [
        recording(1),
        recording(2, { recorded: { request: { max_tokens: 6 }, shape: 'id:string' } }),
        recording(3, { recorded: {} }),
        recording(4, { error: { error_type: 'rate_limit' } }),
      ],
      fetch: fake.fetch,
    })
    expect(report.results.map((result) => result.status)).toEqual([
      'drift',
      'failed',
      'unchecked',
      'unchecked',
    ])
    expect(report.results[0]?.reason).toBe(
      'the upstream answered 404 (model_not_found): The model gpt-4o-mini does not exist',
    )
    expect(report.results[1]?.reason).not.toContain('abcdefghijkl')
  })

  it('sends Anthropic requests with their version header and key', async () => {
    const fake = upstream(() =>
      json({
        type: 'message',
        role: 'assistant',
        content: [{ type: 'text', text: 'x' }],
        stop_reason: 'end_turn',
      }),
    )
    const report = await checkDrift({
      recordings: [
        recording(1, {
          type: 'llm.anthropic',
          when: {
            endpoint: ENDPOINTS.messages,
            model: 'claude-x',
            conversation: [{ role: 'user', content: 'Hi' }],
          },
          recorded: {
            request: { max_tokens: 10 },
            shape: answerShape({
              type: 'message',
              role: 'assistant',
              content: [{ type: 'text', text: 'y' }],
              stop_reason: 'end_turn',
            }),
          },
        }),
      ],
      anthropicUpstream: 'http://anthropic.test',
      anthropicKey: 'ak-secret',
      fetch: fake.fetch,
    })
    expect(report.counts.same).toBe(1)
    expect(fake.seen[0]?.url).toBe('http://anthropic.test/v1/messages')
    expect(fake.seen[0]?.headers.get('anthropic-version')).toBe('2023-06-01')
    expect(fake.seen[0]?.headers.get('x-api-key')).toBe('ak-secret')
  })

  it('sends a Gemini stream to the model path with alt=sse and the Gemini key', async () => {
    const chunk = {
      candidates: [{ content: { role: 'model', parts: [{ text: 'Hi' }] }, finishReason: 'STOP' }],
    }
    const shape = createShapeCollector()
    shape.addEvent({ data: JSON.stringify(chunk) })
    const fake = upstream(
      () =>
        new Response(`data: ${JSON.stringify(chunk)}\r\n\r\n`, {
          headers: { 'content-type': 'text/event-stream' },
        }),
    )
    const report = await checkDrift({
      recordings: [
        recording(1, {
          type: 'llm.gemini',
          when: {
            endpoint: ENDPOINTS.geminiStreamGenerateContent,
            model: 'gemini-2.5-flash',
            conversation: [{ role: 'user', content: 'Hi' }],
          },
          recorded: { query: 'alt=sse', shape: shape.result() },
        }),
      ],
      geminiUpstream: 'http://gemini.test',
      geminiKey: 'AIzaTestKey123456',
      fetch: fake.fetch,
    })
    expect(report.counts.same).toBe(1)
    expect(fake.seen[0]?.url).toBe(
      'http://gemini.test/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    )
    expect(fake.seen[0]?.headers.get('x-goog-api-key')).toBe('AIzaTestKey123456')
    expect(fake.seen[0]?.body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] })
  })
})
