/**
 * Anthropic's `GET /v1/models` and `GET /v1/models/{model_id}`: the Claude models a scenario
 * names, or today's Claude line-up when it names none, in the API's shape (`ModelInfo` and its
 * cursor `Page` in the SDK).
 */
import {
  compileGlob,
  ENDPOINTS,
  type Rule,
  ruleEndpoints,
  type Scenario,
} from '@mocktopus/scenario'
import type { WireError, WireJSON } from '../shared/wire.js'
import { anthropicError } from './errors.js'

/** One model (`ModelInfo` in the SDK). */
export interface AnthropicModel {
  readonly type: 'model'
  readonly id: string
  readonly display_name: string
  /** RFC 3339; the API sends the Unix epoch when it does not know the release date. */
  readonly created_at: string
}

/** A page of models (`Page<ModelInfo>` in the SDK). */
export interface AnthropicModelList {
  readonly data: readonly AnthropicModel[]
  readonly has_more: boolean
  readonly first_id: string | null
  readonly last_id: string | null
}

/** The list's query parameters, as the API names them. */
export interface ListAnthropicModelsOptions {
  /** Models a page, 1 to 1000; 20 unless given. */
  readonly limit?: number
  /** The page right after this model id. */
  readonly after_id?: string
  /** The page right before this model id; wins over `after_id`, as the SDK pages backwards. */
  readonly before_id?: string
}

export interface RetrieveAnthropicModelOptions {
  /** Echoed as the error body's `request_id`. */
  readonly requestId?: string
}

/**
 * Listed when the scenario names no Claude model: the current models of each line, newest
 * first, none of them on the SDK's deprecated list (which warns on every request naming one).
 */
export const DEFAULT_ANTHROPIC_MODELS: readonly string[] = [
  'claude-fable-5-2',
  'claude-haiku-5-5',
  'claude-sonnet-5-5',
  'claude-opus-5-5',
]

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 1000
// A mock knows no release dates; the epoch is what the API itself sends for an unknown one, and
// keeps the list byte-identical between runs.
const UNKNOWN_RELEASE = '1970-01-01T00:00:00Z'
const GLOB_CHARS = /[*?[\]{}\\]/
const SNAPSHOT_DATE = /-\d{8}$/

/**
 * The API's display name for a model id: `claude-sonnet-5-5` is "Claude Sonnet 5.5",
 * `claude-3-5-haiku-20241022` "Claude 3.5 Haiku" (a snapshot date is left out).
 *
 * @example anthropicDisplayName('claude-opus-5-5') // 'Claude Opus 5.5'
 */
export function anthropicDisplayName(id: string): string {
  const words: string[] = []
  for (const part of id.replace(SNAPSHOT_DATE, '').split('-')) {
    const last = words.length - 1
    if (/^\d+$/.test(part) && last >= 0 && /\d$/.test(words[last] as string)) {
      words[last] += `.${part}`
    } else {
      words.push(part.charAt(0).toUpperCase() + part.slice(1))
    }
  }
  return words.join(' ')
}

function model(id: string): AnthropicModel {
  return { type: 'model', id, display_name: anthropicDisplayName(id), created_at: UNKNOWN_RELEASE }
}

function answersMessages(rule: Rule): boolean {
  const endpoint = rule.when.endpoint
  if (!ruleEndpoints(rule.type, endpoint).includes(ENDPOINTS.messages)) return false
  return endpoint === undefined || globAccepts(endpoint, ENDPOINTS.messages)
}

function globAccepts(glob: string, value: string): boolean {
  try {
    return compileGlob(glob)(value)
  } catch {
    // A pattern that compiles to no expression matches nothing, as in the matcher.
    return false
  }
}

/**
 * The ids listed: literal model names of the rules that answer `/v1/messages` (any name on an
 * `llm.anthropic` rule, `claude-*` names on an `llm` rule), in rule order; the defaults when
 * there are none.
 */
function listedIds(scenario: Scenario | undefined): string[] {
  const ids = new Set<string>()
  for (const rule of scenario?.rules ?? []) {
    const name = rule.when.model
    if (name === undefined || GLOB_CHARS.test(name) || !answersMessages(rule)) continue
    if (rule.type === 'llm.anthropic' || name.startsWith('claude-')) ids.add(name)
  }
  return ids.size > 0 ? [...ids] : [...DEFAULT_ANTHROPIC_MODELS]
}

function json(body: unknown): WireJSON {
  return { kind: 'json', status: 200, headers: {}, body, delayMs: 0 }
}

function page(ids: readonly string[], hasMore: boolean): WireJSON {
  const body: AnthropicModelList = {
    data: ids.map(model),
    has_more: hasMore,
    first_id: ids[0] ?? null,
    last_id: ids.at(-1) ?? null,
  }
  return json(body)
}

/**
 * `GET /v1/models`: one page of the models the scenario names (see {@link DEFAULT_ANTHROPIC_MODELS}
 * for a scenario that names none). The SDK follows `has_more` and `last_id` (or `first_id` with
 * `before_id`) to the next page. A cursor that names no listed model gives an empty page.
 *
 * @example listAnthropicModels(scenario).body.data.map((m) => m.id) // ['claude-sonnet-5-5', ...]
 */
export function listAnthropicModels(
  scenario: Scenario | undefined,
  options: ListAnthropicModelsOptions = {},
): WireJSON | WireError {
  const limit = options.limit ?? DEFAULT_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    const bound = limit < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_LIMIT}`
    const message = Number.isInteger(limit)
      ? `limit: Input should be ${bound}`
      : 'limit: Input should be a valid integer'
    return anthropicError({ status: 400, message })
  }
  const ids = listedIds(scenario)
  if (options.before_id !== undefined) {
    const end = ids.indexOf(options.before_id)
    if (end === -1) return page([], false)
    const start = Math.max(0, end - limit)
    return page(ids.slice(start, end), start > 0)
  }
  let start = 0
  if (options.after_id !== undefined) {
    const at = ids.indexOf(options.after_id)
    if (at === -1) return page([], false)
    start = at + 1
  }
  return page(ids.slice(start, start + limit), start + limit < ids.length)
}

/**
 * `GET /v1/models/{model_id}`: a listed model, or a Claude id that a rule answering
 * `/v1/messages` would accept (by its model glob, or any `claude-*` id for a rule without one);
 * otherwise the API's 404 `not_found_error`.
 *
 * @example retrieveAnthropicModel(scenario, 'claude-sonnet-5-5').status // 200
 */
export function retrieveAnthropicModel(
  scenario: Scenario | undefined,
  id: string,
  options: RetrieveAnthropicModelOptions = {},
): WireJSON | WireError {
  const accepted = (scenario?.rules ?? []).some((rule) => {
    if (!answersMessages(rule)) return false
    const glob = rule.when.model
    return glob === undefined ? id.startsWith('claude-') : globAccepts(glob, id)
  })
  if (accepted || listedIds(scenario).includes(id)) return json(model(id))
  return anthropicError({ status: 404, message: `model: ${id}`, requestId: options.requestId })
}
