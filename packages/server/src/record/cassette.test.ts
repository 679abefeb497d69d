import { createMatcher, createScenario } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { parseCassette } from './cassette.js'
import { RecordingsError } from './errors.js'

// Lines as the Python recorder (evalops/mocktopus 2610f99, RecordedInteraction.to_dict) wrote them.
function interaction(fields: Record<string, unknown>): string {
  return JSON.stringify({
    timestamp: 1718000000.5,
    request_method: 'POST',
    request_path: '/v1/chat/completions',
    request_headers: { 'Content-Type': 'application/json' },
    request_body: { model: 'gpt-4', messages: [{ role: 'user', content: 'Hello' }] },
    response_status: 200,
    response_headers: { 'content-type': 'application/json' },
    response_body: {
      id: 'chatcmpl-py',
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hi from 2024' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
    },
    response_time_ms: 812.4,
    model: 'gpt-4',
    provider: 'openai',
    interaction_id: 'abc123def456',
    ...fields,
  })
}

describe('parseCassette', () => {
  it('turns each interaction into the rule a recording would be', () => {
    const cassette = parseCassette(`${interaction({})}\n`, 'session_1718000000.jsonl')
    expect(cassette.skipped).toEqual([])
    expect(cassette.rules).toEqual([
      {
        line: 1,
        rule: {
          type: 'llm.openai',
          when: {
            endpoint: '/v1/chat/completions',
            model: 'gpt-4',
            conversation: [{ role: 'user', content: 'Hello' }],
          },
          respond: {
            content: 'Hi from 2024',
            finish_reason: 'stop',
            usage: { input_tokens: 3, output_tokens: 4, total_tokens: 7 },
            id: 'chatcmpl-py',
          },
        },
      },
    ])
  })

  it('orders rules by timestamp, reads embeddings, errors and whole URLs', () => {
    const lines = [
      interaction({
        timestamp: 3,
        response_status: 429,
        response_body: { error: { message: 'slow down', type: 'rate_limit_error' } },
      }),
      interaction({
        timestamp: 1,
        request_path: 'https://gateway.example/openai/v1/embeddings',
        request_body: { model: 'text-embedding-ada-002', input: 'cat' },
        response_body: {
          data: [{ index: 0, embedding: [0.5, 0.25] }],
          usage: { prompt_tokens: 1 },
        },
      }),
      '',
    ].join('\n')
    const { rules } = parseCassette(lines, 'session_2.jsonl')
    expect(rules.map(({ line, rule }) => [line, rule.type])).toEqual([
      [2, 'embeddings'],
      [1, 'llm.openai'],
    ])
    expect(rules[0]?.rule.respond).toEqual({
      embeddings: [{ embedding: [0.5, 0.25] }],
      usage: { input_tokens: 1 },
    })
    expect(rules[1]?.rule.error).toMatchObject({
      error_type: 'rate_limit',
      status_code: 429,
      message: 'slow down',
    })
    const scenario = createScenario({ version: 1, rules: rules.map(({ rule }) => rule) })
    const matcher = createMatcher(scenario)
    expect(
      matcher.match({ endpoint: '/v1/embeddings', model: 'text-embedding-ada-002', input: ['cat'] })
        ?.index,
    ).toBe(0)
  })

  it('skips what it cannot replay and says why', () => {
    const cassette = parseCassette(
      [
        interaction({ request_method: 'GET', request_path: '/v1/models' }),
        interaction({ request_body: { messages: 'not a list' } }),
      ].join('\n'),
      'session_3.jsonl',
    )
    expect(cassette.rules).toEqual([])
    expect(cassette.skipped).toEqual([
      { line: 1, reason: 'GET /v1/models is not replayed' },
      { line: 2, reason: 'the recorded request body is not a valid request' },
    ])
  })

  it('names the file and line of a line that is not JSON', () => {
    const parse = () => parseCassette(`${interaction({})}\n{oops\n`, 'session_4.jsonl')
    expect(parse).toThrow(RecordingsError)
    expect(parse).toThrow(/^session_4\.jsonl:2: not a JSON object/)
  })
})
