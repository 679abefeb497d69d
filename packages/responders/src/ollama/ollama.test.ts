import { createScenario, ENDPOINTS } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { encodeSSE } from '../shared/sse.js'
import { ollamaDoneReason, ollamaFrame } from './answer.js'
import { modelNotFound, ollamaNoMatch, ollamaRuleError } from './errors.js'
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
