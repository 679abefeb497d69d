import { describe, expect, it } from 'vitest'
import type { StoredResponse } from '../../openai/responses/store.js'
import { createEngineState } from '../state.js'
import { strictChat, strictCompletions, strictEmbeddings, strictResponses } from './openai.js'

const user = { role: 'user', content: 'Hi' }
const chat = (extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4o-mini',
  messages: [user],
  ...extra,
})

const refusal = (message: string, param: string | null = null, code: string | null = null) => ({
  kind: 'error',
  status: 400,
  headers: {},
  body: { error: { message, type: 'invalid_request_error', param, code } },
  delayMs: 0,
})

describe('strictChat', () => {
  it('lets a request with only known fields through, SDK extras included', () => {
    const body = chat({
      stream: true,
      stream_options: { include_usage: true },
      parallel_tool_calls: false,
      user: 'u1',
      metadata: { run: '1' },
      store: false,
      max_completion_tokens: 10,
      tools: [
        {
          type: 'function',
          function: { name: 'f', description: 'd', parameters: {}, strict: true },
        },
      ],
    })
    expect(strictChat(body)).toBeUndefined()
  })

  it('refuses an unknown top-level field, naming it', () => {
    expect(strictChat(chat({ foo: 1 }))).toEqual(
      refusal('Unrecognized request argument supplied: foo'),
    )
  })

  it('refuses a field a message of that role does not have', () => {
    const body = chat({ messages: [user, { role: 'user', content: 'x', tool_call_id: 'c' }] })
    expect(strictChat(body)).toEqual(
      refusal(
        "Additional properties are not allowed ('tool_call_id' was unexpected) - 'messages.1'",
      ),
    )
  })

  it('refuses an unknown field of a function tool and of its function', () => {
    const tool = { type: 'function', function: { name: 'f' }, extra: true }
    expect(strictChat(chat({ tools: [tool] }))).toEqual(
      refusal("Additional properties are not allowed ('extra' was unexpected) - 'tools.0'"),
    )
    const fn = { type: 'function', function: { name: 'f', returns: {} } }
    expect(strictChat(chat({ tools: [fn] }))).toEqual(
      refusal(
        "Additional properties are not allowed ('returns' was unexpected) - 'tools.0.function'",
      ),
    )
  })

  it('refuses a tool message that follows no tool call', () => {
    const body = chat({ messages: [user, { role: 'tool', tool_call_id: 'call_1', content: '1' }] })
    expect(strictChat(body)).toEqual(
      refusal(
        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
        'messages.[1].role',
      ),
    )
  })

  it('refuses a tool message whose call id the preceding tool_calls lack', () => {
    const call = { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }
    const body = chat({
      messages: [
        user,
        { role: 'assistant', content: null, tool_calls: [call] },
        { role: 'tool', tool_call_id: 'call_1', content: '1' },
        { role: 'tool', tool_call_id: 'call_2', content: '2' },
      ],
    })
    expect(strictChat(body)).toEqual(
      refusal(
        "Invalid parameter: 'tool_call_id' of 'call_2' not found in 'tool_calls' of previous message.",
        'messages.[3].tool_call_id',
      ),
    )
  })

  it('lets tool messages answering the calls before them through', () => {
    const calls = ['call_1', 'call_2'].map((id) => ({
      id,
      type: 'function',
      function: { name: 'f', arguments: '{}' },
    }))
    const body = chat({
      messages: [
        user,
        { role: 'assistant', content: null, tool_calls: calls },
        { role: 'tool', tool_call_id: 'call_1', content: '1' },
        { role: 'tool', tool_call_id: 'call_2', content: '2' },
        { role: 'assistant', content: 'done' },
      ],
    })
    expect(strictChat(body)).toBeUndefined()
  })
})

describe('strictCompletions and strictEmbeddings', () => {
  it('refuse an unknown top-level field and take the known ones', () => {
    const completion = { model: 'gpt-3.5-turbo-instruct', prompt: 'x', suffix: '', echo: false }
    expect(strictCompletions(completion)).toBeUndefined()
    expect(strictCompletions({ ...completion, messages: [] })).toEqual(
      refusal('Unrecognized request argument supplied: messages'),
    )
    const embedding = { model: 'text-embedding-3-small', input: 'x', encoding_format: 'base64' }
    expect(strictEmbeddings(embedding)).toBeUndefined()
    expect(strictEmbeddings({ ...embedding, dimension: 3 })).toEqual(
      refusal('Unrecognized request argument supplied: dimension'),
    )
  })
})

describe('strictResponses', () => {
  const state = createEngineState()
  const base = { model: 'gpt-4o-mini', input: 'Hi' }

  it('lets known fields through', () => {
    const body = {
      ...base,
      instructions: 'Be brief',
      store: false,
      parallel_tool_calls: true,
      include: [],
      tools: [{ type: 'function', name: 'f', parameters: {}, strict: false }],
    }
    expect(strictResponses(body, state)).toBeUndefined()
  })

  it('refuses an unknown field with its name as param and code unknown_parameter', () => {
    expect(strictResponses({ ...base, foo: 1 }, state)).toEqual(
      refusal("Unknown parameter: 'foo'.", 'foo', 'unknown_parameter'),
    )
  })

  it('refuses an unknown field of a tool, by the tool type', () => {
    const tools = [{ type: 'web_search' }, { type: 'function', name: 'f', function: {} }]
    expect(strictResponses({ ...base, tools }, state)).toEqual(
      refusal("Unknown parameter: 'tools[1].function'.", 'tools[1].function', 'unknown_parameter'),
    )
  })

  it('refuses a function call output whose call is not in the input', () => {
    const input = [
      { role: 'user', content: 'Hi' },
      { type: 'function_call', call_id: 'call_1', name: 'f', arguments: '{}' },
      { type: 'function_call_output', call_id: 'call_1', output: '1' },
      { type: 'function_call_output', call_id: 'call_9', output: '9' },
    ]
    expect(strictResponses({ ...base, input }, state)).toEqual(
      refusal('No tool call found for function call output with call_id call_9.', 'input'),
    )
    expect(strictResponses({ ...base, input: input.slice(0, 3) }, state)).toBeUndefined()
  })

  it('finds the call in the response previous_response_id names', () => {
    const withStore = createEngineState()
    const call = {
      type: 'function_call',
      id: 'fc_1',
      call_id: 'call_1',
      name: 'f',
      arguments: '{}',
    }
    withStore.responses.set({
      response: { id: 'resp_1', output: [call] } as unknown as StoredResponse['response'],
      history: [],
    })
    const answer = (call_id: string) => ({
      ...base,
      previous_response_id: 'resp_1',
      input: [{ type: 'function_call_output', call_id, output: '1' }],
    })
    expect(strictResponses(answer('call_1'), withStore)).toBeUndefined()
    expect(strictResponses(answer('call_2'), withStore)).toEqual(
      refusal('No tool call found for function call output with call_id call_2.', 'input'),
    )
  })
})
