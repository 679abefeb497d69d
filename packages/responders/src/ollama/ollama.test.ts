import { createScenario, ENDPOINTS, type Rule } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { applyChaos, ChaosControl, FAULT_HEADER, planChaos } from '../engine/chaos.js'
import { OLLAMA_PROVIDER } from '../engine/providers.js'
import { fixedClock } from '../shared/clock.js'
import { encodeSSE } from '../shared/sse.js'
import type { WireStream } from '../shared/wire.js'
import { answerOllama, ollamaDoneReason, ollamaFrame } from './answer.js'
import {
  modelNotFound,
  OLLAMA_STREAM_FAILURE,
  ollamaErrorLine,
  ollamaNoMatch,
  ollamaRuleError,
} from './errors.js'
import { assembleOllamaStream, ollamaRecordedRespond } from './record.js'
import { ollamaStructured, parseOllamaChat, parseOllamaGenerate } from './request.js'

describe('parseOllamaChat', () => {
  it('gives the matcher system, assistant calls and tool results named by their function', () => {
    const parsed = parseOllamaChat(
      {
        model: 'qwen3',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'weather?' },
          {
            role: 'assistant',
            content: '',
            tool_calls: [{ function: { name: 'get_weather', arguments: { city: 'Paris' } } }],
          },
          { role: 'tool', content: '18C', tool_name: 'get_weather' },
        ],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: {} } }],
      },
      ENDPOINTS.ollamaChat,
    )
    expect(parsed.ok && parsed.match).toEqual({
      endpoint: '/api/chat',
      model: 'qwen3',
      tools: ['get_weather'],
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'weather?' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [
            {
              id: 'get_weather',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: 'tool', content: '18C', tool_call_id: 'get_weather' },
      ],
    })
    expect(parsed.ok && parsed.params.stream).toBe(true)
  })

  it("refuses a body without a model in Ollama's words", () => {
    const parsed = parseOllamaChat({ messages: [] }, ENDPOINTS.ollamaChat)
    expect(!parsed.ok && parsed.error).toMatchObject({
      status: 400,
      body: { error: 'model is required' },
    })
  })
})

describe('parseOllamaGenerate', () => {
  it('reads the prompt as the user message and system as a system message', () => {
    const parsed = parseOllamaGenerate(
      { model: 'llama3.2', prompt: 'Hi', system: 'Be brief.', stream: false },
      ENDPOINTS.ollamaGenerate,
    )
    expect(parsed.ok && parsed.match.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ])
    expect(parsed.ok && parsed.params.stream).toBe(false)
  })
})

describe('ollamaStructured', () => {
  it('reads format json, a format schema and the tools parameters', () => {
    expect(ollamaStructured({ format: 'json' }).format).toEqual({})
    const schema = { type: 'object' }
    expect(ollamaStructured({ format: schema }).format).toEqual({ schema })
    expect(
      ollamaStructured({ tools: [{ function: { name: 'f', parameters: schema } }] }).tools,
    ).toEqual(new Map([['f', schema]]))
  })
})

describe('Ollama wire details', () => {
  it('frames a line as its JSON and a newline', () => {
    expect(
      encodeSSE(ollamaFrame({ model: 'm', created_at: 't', response: 'a', done: false })),
    ).toBe('{"model":"m","created_at":"t","response":"a","done":false}\n')
  })

  it('maps finish reasons to done_reason', () => {
    expect(ollamaDoneReason({})).toBe('stop')
    expect(ollamaDoneReason({ finish_reason: 'max_tokens' })).toBe('length')
    expect(ollamaDoneReason({ finish_reason: 'tool_calls' })).toBe('stop')
  })

  it('answers errors as { error } with the status', () => {
    expect(modelNotFound('x').body).toEqual({ error: 'model "x" not found, try pulling it first' })
    const limited = ollamaRuleError({ error_type: 'rate_limit' })
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('1')
  })
})

describe('a stream that fails midway', () => {
  const clock = fixedClock(1_700_000_000, { instant: true })

  async function chaosLines(chaos: Rule['chaos']): Promise<{ text: string; fault?: string }> {
    const rule: Rule = {
      type: 'llm.ollama',
      when: {},
      respond: { content: 'one two three four' },
      times: null,
      ...(chaos ? { chaos } : {}),
    }
    const parsed = parseOllamaChat(
      { model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }] },
      ENDPOINTS.ollamaChat,
    )
    if (!parsed.ok) throw new Error('the request did not parse')
    const answer = answerOllama({ params: parsed.params, match: { rule, index: 0, use: 1 }, clock })
    const plan = planChaos(new ChaosControl(), rule, OLLAMA_PROVIDER, clock)
    const wire = applyChaos(plan, answer, clock, () => new AbortController().signal)
    let text = ''
    for await (const frame of (wire as WireStream).frames) text += encodeSSE(frame)
    return { text, ...(wire.headers[FAULT_HEADER] ? { fault: wire.headers[FAULT_HEADER] } : {}) }
  }

  it("ends with Ollama's error line after the lines sent, not a dropped connection", async () => {
    const { text, fault } = await chaosLines({ disconnect_after_chunks: 2 })
    expect(fault).toBe('disconnect')
    const lines = text.split('\n')
    expect(lines.slice(0, 2).map((line) => JSON.parse(line).message.content)).toEqual([
      'one',
      ' two',
    ])
    expect(lines.slice(2)).toEqual([`{"error":"${OLLAMA_STREAM_FAILURE}"}`, ''])
  })

  it('sends every line with its done line when no fault is planned', async () => {
    const { text, fault } = await chaosLines(undefined)
    expect(fault).toBeUndefined()
    expect(text).not.toContain('"error"')
    expect(JSON.parse(text.trim().split('\n').at(-1) ?? '')).toMatchObject({ done: true })
  })

  it('frames the error line as Ollama writes it', () => {
    expect(encodeSSE(ollamaErrorLine('boom'))).toBe('{"error":"boom"}\n')
  })
})

describe('record mode', () => {
  it('folds an NDJSON chat stream into the stream: false object', () => {
    const lines = [
      { model: 'm', message: { role: 'assistant', content: 'Hel' }, done: false },
      { model: 'm', message: { role: 'assistant', content: 'lo' }, done: false },
      {
        model: 'm',
        message: { role: 'assistant', content: '' },
        done: true,
        done_reason: 'stop',
        eval_count: 2,
      },
    ]
    const text = `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`
    expect(assembleOllamaStream(text)).toEqual({
      ok: true,
      body: { ...lines[2], message: { role: 'assistant', content: 'Hello' } },
    })
    expect(assembleOllamaStream('{"error":"boom"}\n')).toEqual({
      ok: false,
      reason: 'the stream carried an error: boom',
    })
  })

  it('turns answers into respond: content, object arguments, usage, embeddings', () => {
    expect(
      ollamaRecordedRespond({
        message: {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: 'f', arguments: { a: 1 } } }],
        },
        done_reason: 'stop',
        prompt_eval_count: 3,
        eval_count: 4,
      }),
    ).toEqual({
      tool_calls: [{ type: 'function', function: { name: 'f', arguments: { a: 1 } } }],
      finish_reason: 'stop',
      usage: { input_tokens: 3, output_tokens: 4 },
    })
    expect(ollamaRecordedRespond({ embedding: [1, 2] })).toEqual({
      embeddings: [{ embedding: [1, 2] }],
    })
  })
})

describe('ollamaNoMatch', () => {
  const scenario = createScenario({
    version: 1,
    rules: [
      { type: 'llm.ollama', when: { model: 'llama3.*' }, respond: { content: 'hi' } },
      { type: 'llm.openai', respond: { content: 'hi' } },
    ],
  })

  it("is Ollama's unknown-model 404 for a model no rule of the endpoint accepts", () => {
    const request = { endpoint: '/api/chat', model: 'mistral' }
    expect(ollamaNoMatch({ request, scenario })).toMatchObject({
      status: 404,
      body: { error: 'model "mistral" not found, try pulling it first' },
    })
  })

  it('leaves the closest-rule message when a rule accepts the model', () => {
    const request = { endpoint: '/api/chat', model: 'llama3.2' }
    expect(ollamaNoMatch({ request, scenario })).toBeUndefined()
  })
})
