import { createMatcher, createScenario } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { aimockModelGlob, convertAimock } from './aimock.js'

describe('convertAimock', () => {
  it('carries over text, tool calls, errors and embeddings', () => {
    const { rules, notes } = convertAimock(
      {
        fixtures: [
          { match: { userMessage: 'hello' }, response: { content: 'Hi there!' } },
          {
            match: { toolName: 'get_weather', model: 'gpt-4o' },
            response: {
              toolCalls: [{ name: 'get_weather', arguments: { city: 'Lisbon' }, id: 'call_1' }],
              finishReason: 'tool_calls',
              usage: { prompt_tokens: 10, completion_tokens: 5 },
            },
          },
          { match: { toolCallId: 'call_1' }, response: { content: { ok: true } } },
          {
            match: { userMessage: 'slow down' },
            response: {
              error: { message: 'Too many', type: 'rate_limit_error', code: 'rate_limited' },
              status: 429,
              retryAfter: 3,
            },
          },
          { match: { inputText: 'hello world' }, response: { embedding: [0.5, -0.25] } },
        ],
      },
      'fixtures.json',
    )
    expect(notes).toEqual([])
    expect(rules).toEqual([
      { type: 'llm', when: { messages_contains: 'hello' }, respond: { content: 'Hi there!' } },
      {
        type: 'llm',
        when: { tools_offered: 'get_weather', model: '{gpt-4o,gpt-4o-[0-9]*}' },
        respond: {
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' },
            },
          ],
          finish_reason: 'tool_calls',
          usage: { input_tokens: 10, output_tokens: 5 },
        },
      },
      {
        type: 'llm',
        when: { tool_call_id: 'call_1', last_role: 'tool' },
        respond: { content: '{"ok":true}' },
      },
      {
        type: 'llm',
        when: { messages_contains: 'slow down' },
        error: {
          error_type: 'rate_limit',
          status_code: 429,
          message: 'Too many',
          code: 'rate_limited',
          retry_after: 3,
        },
      },
      {
        type: 'embeddings',
        when: { input_contains: 'hello world' },
        respond: { embeddings: [{ embedding: [0.5, -0.25] }] },
      },
    ])
    expect(() => createScenario({ version: 1, rules })).not.toThrow()
  })

  it('turns a sequence into one rule answering in order, used up after its last answer', () => {
    const { rules } = convertAimock(
      {
        fixtures: [
          { match: { userMessage: 'joke', sequenceIndex: 1 }, response: { content: 'second' } },
          { match: { userMessage: 'joke', sequenceIndex: 0 }, response: { content: 'first' } },
        ],
      },
      'seq.json',
    )
    expect(rules).toEqual([
      {
        type: 'llm',
        when: { messages_contains: 'joke' },
        respond: [{ content: 'first' }, { content: 'second' }],
        times: 2,
      },
    ])
  })

  it('names everything it leaves out, per fixture', () => {
    const { rules, notes } = convertAimock(
      {
        fixtures: [
          {
            match: {
              userMessage: 'think',
              systemMessage: ['a', 'b'],
              responseFormat: 'json_object',
            },
            response: { content: 'ok', reasoning: 'hmm', model: 'x' },
            streamingProfile: { ttft: 100, tps: 20, jitter: 0.1 },
            disconnectAfterMs: 50,
          },
          { match: { endpoint: 'image' }, response: { image: { url: 'u' } } },
          { match: { userMessage: 'pic' }, response: { image: { url: 'u' } } },
          {
            match: { userMessage: 'order' },
            response: {
              blocks: [
                { type: 'toolCall', name: 'f', arguments: '{}' },
                { type: 'text', text: 'after' },
              ],
            },
          },
          'not a fixture',
        ],
      },
      'mixed.json',
    )
    expect(notes).toEqual([
      'mixed.json: fixtures[0]: systemMessage: only the first substring is matched ("a"); "b" not carried over',
      'mixed.json: fixtures[0]: responseFormat "json_object" is not matched',
      'mixed.json: fixtures[0]: response.reasoning is not carried over (Mocktopus does not send reasoning)',
      'mixed.json: fixtures[0]: response.model is not carried over (the answer echoes the request model)',
      'mixed.json: fixtures[0]: streamingProfile.jitter (a fraction) is not carried over; see jitter_ms',
      'mixed.json: fixtures[0]: disconnectAfterMs is not carried over',
      'mixed.json: fixtures[1]: endpoint image is not served by Mocktopus; skipped',
      'mixed.json: fixtures[2]: a image response has no Mocktopus counterpart; skipped',
      'mixed.json: fixtures[3]: blocks: the text is sent before the tool calls, not in the blocks order',
      'mixed.json: fixtures[4]: not a fixture (no match object); skipped',
    ])
    expect(rules).toHaveLength(2)
    expect(rules[0]).toMatchObject({
      when: { messages_contains: 'think', system_contains: 'a' },
      respond: { content: 'ok', ttft_ms: 100, tokens_per_second: 20 },
    })
  })

  it('refuses a file that is not a fixture file', () => {
    expect(convertAimock({ rules: [] }, 'x.json')).toEqual({
      rules: [],
      notes: ['x.json: not an aimock fixture file (no "fixtures" array)'],
    })
  })
})

describe('aimockModelGlob', () => {
  it('matches the model and its dated snapshots, not a longer name', () => {
    const scenario = createScenario({
      version: 1,
      rules: [
        { type: 'llm', when: { model: aimockModelGlob('gpt-4') }, respond: { content: 'x' } },
      ],
    })
    const matcher = createMatcher(scenario)
    const hit = (model: string) =>
      matcher.match({
        endpoint: '/v1/chat/completions',
        model,
        messages: [{ role: 'user', content: 'q' }],
      }) !== undefined
    expect(hit('gpt-4')).toBe(true)
    expect(hit('gpt-4-0613')).toBe(true)
    expect(hit('gpt-4o')).toBe(false)
    expect(hit('gpt-4-turbo')).toBe(false)
  })
})
