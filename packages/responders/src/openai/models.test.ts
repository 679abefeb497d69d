import type { Scenario } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MODELS, type ListModelsResponse, listModels, retrieveModel } from './models.js'

const scenario: Scenario = {
  version: 1,
  meta: {},
  rules: [
    { type: 'llm.openai', when: { model: 'gpt-4*' }, times: null, respond: {} },
    { type: 'llm.openai', when: { model: 'my-finetune' }, times: null, respond: {} },
    { type: 'embeddings', when: { model: 'gpt-4o' }, times: null, respond: {} },
  ],
}

describe('listModels', () => {
  it('lists literal model names from the rules, then the defaults, once each', () => {
    const ids = (listModels(scenario).body as ListModelsResponse).data.map((m) => m.id)
    expect(ids).toEqual(['my-finetune', 'gpt-4o', ...DEFAULT_MODELS.filter((m) => m !== 'gpt-4o')])
  })
})

describe('retrieveModel', () => {
  it('answers listed ids and ids a rule glob accepts, else 404 model_not_found', () => {
    expect(retrieveModel(scenario, 'my-finetune')).toMatchObject({
      status: 200,
      body: { id: 'my-finetune' },
    })
    expect(retrieveModel(scenario, 'gpt-4-turbo')).toMatchObject({ status: 200 })
    expect(retrieveModel(scenario, 'claude-3')).toMatchObject({
      status: 404,
      body: { error: { code: 'model_not_found' } },
    })
  })
})
