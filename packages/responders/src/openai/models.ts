/**
 * `GET /v1/models` and `GET /v1/models/{id}`: the models a scenario mentions, plus a few common
 * ones so clients that list models before calling one find what they expect.
 */
import type { Scenario } from '@mocktopus/scenario'
import type { WireError, WireJSON } from '../shared/wire.js'
import { openaiError } from './errors.js'

export interface Model {
  readonly id: string
  readonly object: 'model'
  readonly created: number
  readonly owned_by: string
}

export interface ListModelsResponse {
  readonly object: 'list'
  readonly data: readonly Model[]
}

/** Listed whatever the scenario says. */
export const DEFAULT_MODELS: readonly string[] = [
  'gpt-4o',
  'gpt-4o-mini',
  'gpt-4.1',
  'gpt-4.1-mini',
  'text-embedding-3-small',
  'text-embedding-3-large',
]

// A fixed date keeps the list byte-identical between runs.
const MODEL_CREATED = 1_700_000_000
const GLOB_CHARS = /[*?[\]{}!]/

function model(id: string): Model {
  return { id, object: 'model', created: MODEL_CREATED, owned_by: 'mocktopus' }
}

function globToRegExp(glob: string): RegExp {
  let source = ''
  for (const char of glob) {
    if (char === '*') source += '.*'
    else if (char === '?') source += '.'
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

/**
 * Every literal model name the scenario's rules mention (in rule order), then the defaults.
 *
 * @example listModels(scenario).body.data.map((m) => m.id)
 */
export function listModels(scenario: Scenario | undefined): WireJSON {
  const ids = new Set<string>()
  for (const rule of scenario?.rules ?? []) {
    const name = rule.when.model
    if (name && !GLOB_CHARS.test(name)) ids.add(name)
  }
  for (const id of DEFAULT_MODELS) ids.add(id)
  const body: ListModelsResponse = { object: 'list', data: [...ids].map(model) }
  return { kind: 'json', status: 200, headers: {}, body, delayMs: 0 }
}

/**
 * One model: any listed model, or any id a rule's model glob (or a rule without one) would
 * accept; otherwise the API's 404 `model_not_found`.
 *
 * @example retrieveModel(scenario, 'gpt-4o').status // 200
 */
export function retrieveModel(scenario: Scenario | undefined, id: string): WireJSON | WireError {
  const listed = (listModels(scenario).body as ListModelsResponse).data.some((m) => m.id === id)
  const accepted = (scenario?.rules ?? []).some((rule) => {
    const glob = rule.when.model
    return glob === undefined || globToRegExp(glob).test(id)
  })
  if (listed || accepted)
    return { kind: 'json', status: 200, headers: {}, body: model(id), delayMs: 0 }
  return openaiError({
    status: 404,
    message: `The model '${id}' does not exist or you do not have access to it.`,
    type: 'invalid_request_error',
    param: null,
    code: 'model_not_found',
  })
}
