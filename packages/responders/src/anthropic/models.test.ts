import type { Rule, Scenario } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import {
  type AnthropicModelList,
  anthropicDisplayName,
  DEFAULT_ANTHROPIC_MODELS,
  listAnthropicModels,
  retrieveAnthropicModel,
} from './models.js'

function scenarioOf(...rules: Omit<Rule, 'times' | 'respond'>[]): Scenario {
  return {
    version: 1,
    meta: {},
    rules: rules.map((rule) => ({ times: null, respond: {}, ...rule })),
  }
}

function ids(scenario: Scenario | undefined, options = {}): string[] {
  return (listAnthropicModels(scenario, options).body as AnthropicModelList).data.map((m) => m.id)
}

const named = scenarioOf(
  { type: 'llm.anthropic', when: { model: 'claude-sonnet-5-5' } },
  { type: 'llm', when: { model: 'claude-haiku-5-5' } },
  { type: 'llm.anthropic', when: { model: 'my-gateway-model' } },
  { type: 'llm', when: { model: 'gpt-4o' } },
  { type: 'llm.openai', when: { model: 'claude-on-openai' } },
  { type: 'llm', when: { model: 'claude-chat-only', endpoint: '/v1/chat/completions' } },
  { type: 'embeddings', when: { model: 'claude-embed' } },
  { type: 'llm.anthropic', when: { model: 'claude-opus-*' } },
  { type: 'llm.anthropic', when: { model: 'claude-sonnet-5-5' } },
)

describe('listAnthropicModels', () => {
  it('answers in the API shape', () => {
    expect(
      listAnthropicModels(scenarioOf({ type: 'llm', when: { model: 'claude-haiku-5-5' } })),
    ).toMatchInlineSnapshot(`
        {
          "body": {
            "data": [
              {
                "created_at": "1970-01-01T00:00:00Z",
                "display_name": "Claude Haiku 5.5",
                "id": "claude-haiku-5-5",
                "type": "model",
              },
            ],
            "first_id": "claude-haiku-5-5",
            "has_more": false,
            "last_id": "claude-haiku-5-5",
          },
          "delayMs": 0,
          "headers": {},
          "kind": "json",
          "status": 200,
        }
      `)
  })

  it('lists the literal models of the rules that answer /v1/messages, in rule order, once each', () => {
    // `llm.openai` rules answer /v1/messages too, as the matcher has it.
    expect(ids(named)).toEqual([
      'claude-sonnet-5-5',
      'claude-haiku-5-5',
      'my-gateway-model',
      'claude-on-openai',
    ])
  })

  it('lists the current Claude models when the scenario names none', () => {
    const globsOnly = scenarioOf(
      { type: 'llm', when: { model: 'claude-*' } },
      { type: 'llm', when: { model: 'gpt-4o' } },
    )
    expect(ids(globsOnly)).toEqual(DEFAULT_ANTHROPIC_MODELS)
    expect(ids(undefined)).toEqual(DEFAULT_ANTHROPIC_MODELS)
    expect(DEFAULT_ANTHROPIC_MODELS.every((id) => id.startsWith('claude-'))).toBe(true)
  })

  it('pages with limit, after_id and before_id as the SDK asks', () => {
    const many = scenarioOf(
      ...['a', 'b', 'c', 'd', 'e'].map((x) => ({
        type: 'llm.anthropic' as const,
        when: { model: `claude-${x}` },
      })),
    )
    const first = listAnthropicModels(many, { limit: 2 }).body
    expect(first).toMatchObject({
      data: [{ id: 'claude-a' }, { id: 'claude-b' }],
      has_more: true,
      first_id: 'claude-a',
      last_id: 'claude-b',
    })
    expect(ids(many, { limit: 2, after_id: 'claude-b' })).toEqual(['claude-c', 'claude-d'])
    expect(listAnthropicModels(many, { limit: 2, after_id: 'claude-d' }).body).toMatchObject({
      data: [{ id: 'claude-e' }],
      has_more: false,
    })
    expect(listAnthropicModels(many, { limit: 2, before_id: 'claude-d' }).body).toMatchObject({
      data: [{ id: 'claude-b' }, { id: 'claude-c' }],
      has_more: true,
    })
    expect(listAnthropicModels(many, { before_id: 'claude-c' }).body).toMatchObject({
      data: [{ id: 'claude-a' }, { id: 'claude-b' }],
      has_more: false,
    })
    expect(listAnthropicModels(many, { after_id: 'claude-z' }).body).toEqual({
      data: [],
      has_more: false,
      first_id: null,
      last_id: null,
    })
    expect(ids(many)).toHaveLength(5)
  })

  it('refuses a limit outside 1..1000 with invalid_request_error', () => {
    for (const limit of [0, 1001, 1.5]) {
      expect(listAnthropicModels(undefined, { limit })).toMatchObject({
        kind: 'error',
        status: 400,
        body: { type: 'error', error: { type: 'invalid_request_error' } },
      })
    }
    expect(listAnthropicModels(undefined, { limit: 0 }).body).toMatchObject({
      error: { message: 'limit: Input should be greater than or equal to 1' },
    })
  })
})

describe('retrieveAnthropicModel', () => {
  it('answers a listed model', () => {
    expect(retrieveAnthropicModel(named, 'my-gateway-model').body).toEqual({
      type: 'model',
      id: 'my-gateway-model',
      display_name: 'My Gateway Model',
      created_at: '1970-01-01T00:00:00Z',
    })
    expect(retrieveAnthropicModel(undefined, 'claude-opus-5-5')).toMatchObject({ status: 200 })
  })

  it('answers an id a rule answering /v1/messages would accept', () => {
    expect(retrieveAnthropicModel(named, 'claude-opus-4-8')).toMatchObject({
      status: 200,
      body: { id: 'claude-opus-4-8', display_name: 'Claude Opus 4.8' },
    })
    const anyModel = scenarioOf({ type: 'llm', when: {} })
    expect(retrieveAnthropicModel(anyModel, 'claude-future-9')).toMatchObject({ status: 200 })
    expect(retrieveAnthropicModel(anyModel, 'gpt-4o')).toMatchObject({ status: 404 })
  })

  it('answers any other id with the 404 not_found_error envelope', () => {
    for (const id of ['gpt-4o-mini', 'claude-sonnet-4-5', 'claude-chat-only', 'claude-embed']) {
      expect(retrieveAnthropicModel(named, id).status).toBe(404)
    }
    expect(
      retrieveAnthropicModel(named, 'claude-nope', { requestId: 'req_1' }),
    ).toMatchInlineSnapshot(`
        {
          "body": {
            "error": {
              "message": "model: claude-nope",
              "type": "not_found_error",
            },
            "request_id": "req_1",
            "type": "error",
          },
          "delayMs": 0,
          "headers": {},
          "kind": "error",
          "status": 404,
        }
      `)
  })
})

describe('anthropicDisplayName', () => {
  it('names a model as the API does', () => {
    expect(
      [
        'claude-sonnet-5-5',
        'claude-opus-4-1',
        'claude-haiku-4-5-20251001',
        'claude-3-5-sonnet-20241022',
        'claude-mythos-preview',
      ].map(anthropicDisplayName),
    ).toEqual([
      'Claude Sonnet 5.5',
      'Claude Opus 4.1',
      'Claude Haiku 4.5',
      'Claude 3.5 Sonnet',
      'Claude Mythos Preview',
    ])
  })
})
