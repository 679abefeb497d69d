/**
 * `GET /v1beta/models` and `/v1beta/models/{model}` (and under `/v1/`): the Gemini models a
 * scenario names, or today's line-up when it names none, in the API's `Model` shape.
 */
import { ENDPOINTS, type Rule, ruleEndpoints, type Scenario } from '@mocktopus/scenario'
import type { WireError, WireJSON } from '../shared/wire.js'
import { geminiError } from './errors.js'

/** One model (`Model` in the API reference). */
export interface GeminiModel {
  readonly name: string
  readonly version: string
  readonly displayName: string
  readonly description: string
  readonly inputTokenLimit: number
  readonly outputTokenLimit: number
  readonly supportedGenerationMethods: readonly string[]
  readonly temperature?: number
  readonly topP?: number
  readonly topK?: number
  readonly maxTemperature?: number
}

/** Listed when the scenario names no Gemini model. */
export const DEFAULT_GEMINI_MODELS: readonly string[] = [
  'gemini-2.5-pro',
  'gemini-2.5-flash',
  'gemini-2.5-flash-lite',
  'gemini-2.0-flash',
  'gemini-embedding-001',
  'text-embedding-004',
]

const GLOB_CHARS = /[*?[\]{}\\]/
const GEMINI_PATHS = new Set<string>([
  ENDPOINTS.geminiGenerateContent,
  ENDPOINTS.geminiEmbedContent,
])

const isEmbedding = (id: string) => id.includes('embedding')

/**
 * The display name the API gives an id: `gemini-2.5-flash` is "Gemini 2.5 Flash".
 *
 * @example geminiDisplayName('gemini-2.5-flash-lite') // 'Gemini 2.5 Flash-Lite'
 */
export function geminiDisplayName(id: string): string {
  const words = id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1))
  const text = words.join(' ')
  return text.endsWith(' Lite') ? `${text.slice(0, -5)}-Lite` : text
}

function model(id: string): GeminiModel {
  if (isEmbedding(id)) {
    return {
      name: `models/${id}`,
      version: '001',
      displayName: geminiDisplayName(id),
      description: `Obtain a distributed representation of a text (${id}).`,
      inputTokenLimit: 2048,
      outputTokenLimit: 1,
      supportedGenerationMethods: ['embedContent', 'countTextTokens', 'countTokens'],
    }
  }
  return {
    name: `models/${id}`,
    version: '001',
    displayName: geminiDisplayName(id),
    description: `${geminiDisplayName(id)} (answered by Mocktopus)`,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    supportedGenerationMethods: [
      'generateContent',
      'countTokens',
      'createCachedContent',
      'batchGenerateContent',
    ],
    temperature: 1,
    topP: 0.95,
    topK: 64,
    maxTemperature: 2,
  }
}

function answersGemini(rule: Rule): boolean {
  const endpoints = ruleEndpoints(rule.type, rule.when.endpoint)
  return endpoints.some((endpoint) => GEMINI_PATHS.has(endpoint))
}

function listedIds(scenario: Scenario | undefined): string[] {
  const ids = new Set<string>()
  for (const rule of scenario?.rules ?? []) {
    const name = rule.when.model
    if (name === undefined || GLOB_CHARS.test(name) || !answersGemini(rule)) continue
    if (rule.type === 'llm.gemini' || name.startsWith('gemini-') || isEmbedding(name)) {
      ids.add(name.startsWith('models/') ? name.slice('models/'.length) : name)
    }
  }
  return ids.size > 0 ? [...ids] : [...DEFAULT_GEMINI_MODELS]
}

const json = (body: unknown): WireJSON => ({
  kind: 'json',
  status: 200,
  headers: {},
  body,
  delayMs: 0,
})

/**
 * The list (`ListModelsResponse`), one page: `pageSize` (default 50, at most 1000) and the
 * `pageToken` a previous page gave as `nextPageToken`.
 *
 * @example listGeminiModels(scenario, {}).body // { models: [{ name: 'models/gemini-2.5-pro', ... }] }
 */
export function listGeminiModels(
  scenario: Scenario | undefined,
  query: URLSearchParams,
): WireJSON | WireError {
  const ids = listedIds(scenario)
  const size = Number(query.get('pageSize') ?? 50)
  const start = Number(query.get('pageToken') ?? 0)
  if (!Number.isInteger(size) || size < 0 || !Number.isInteger(start) || start < 0) {
    return geminiError({ status: 400, message: 'Invalid page token or page size.' })
  }
  const count = Math.min(size === 0 ? 50 : size, 1000)
  const page = ids.slice(start, start + count)
  const next = start + count < ids.length ? { nextPageToken: String(start + count) } : {}
  return json({ models: page.map(model), ...next })
}

/**
 * One model; a 404 `NOT_FOUND` for a model the scenario does not name (nor the defaults).
 *
 * @example retrieveGeminiModel(scenario, 'gemini-2.5-flash', 'v1beta')
 */
export function retrieveGeminiModel(
  scenario: Scenario | undefined,
  id: string,
  version: string,
): WireJSON | WireError {
  const bare = id.startsWith('models/') ? id.slice('models/'.length) : id
  if (!listedIds(scenario).includes(bare)) {
    return geminiError({
      status: 404,
      message: `models/${bare} is not found for API version ${version}, or is not supported for GET. Call ListModels to see the list of available models and their supported methods.`,
    })
  }
  return json(model(bare))
}
