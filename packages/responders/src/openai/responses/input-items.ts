/**
 * The input items of a response as `GET /v1/responses/{id}/input_items` lists them: each item
 * of the request's `input` with an id and a status, item references resolved, newest first by
 * default, paged with `limit` and `after` like every OpenAI list.
 */

import { invalidValue } from '../../internal/request-checks.js'
import { createPrefixedDigest } from '../../shared/ids.js'
import type { WireError } from '../../shared/wire.js'
import type { ResponseItemLookup } from './input.js'
import type { ResponseInputItem, ResponseInputTextPart } from './types.js'

/** One listed input item: the spec's `ItemResource` for the kinds Mocktopus reads. */
export interface ResponseItemResource {
  readonly id: string
  readonly type: string
  readonly status?: string
  readonly [key: string]: unknown
}

/** The spec's `ResponseItemList`. */
export interface ResponseItemList {
  readonly object: 'list'
  readonly data: readonly ResponseItemResource[]
  readonly first_id: string
  readonly last_id: string
  readonly has_more: boolean
}

export interface InputItemsOptions {
  /** Seeds the ids of items sent without one. */
  readonly seed: string
  /** Resolves `item_reference` inputs to the stored output items they name. */
  readonly lookup?: ResponseItemLookup
}

const ITEM_ID_LENGTH = 48

function inputParts(content: ResponseInputItem['content']): unknown[] {
  if (typeof content === 'string') return [{ type: 'input_text', text: content }]
  return Array.isArray(content) ? [...content] : []
}

function outputParts(content: ResponseInputItem['content']): unknown[] {
  const parts: readonly ResponseInputTextPart[] =
    typeof content === 'string' ? [{ type: 'output_text', text: content }] : (content ?? [])
  return parts.map((part) =>
    part.type === 'refusal'
      ? part
      : { type: 'output_text', text: part.text ?? '', annotations: [], logprobs: [] },
  )
}

function resource(
  item: ResponseInputItem,
  id: string,
  lookup: ResponseItemLookup | undefined,
): ResponseItemResource | undefined {
  const itemId = typeof item.id === 'string' ? item.id : id
  switch (item.type) {
    case undefined:
    case 'message':
      if (item.role === 'assistant') {
        const content = outputParts(item.content)
        return { id: itemId, type: 'message', role: 'assistant', status: 'completed', content }
      }
      if (typeof item.role !== 'string') return undefined
      return {
        id: itemId,
        type: 'message',
        role: item.role,
        status: 'completed',
        content: inputParts(item.content),
      }
    case 'function_call':
    case 'function_call_output':
      return { ...item, id: itemId, type: item.type, status: 'completed' }
    case 'item_reference': {
      const found = typeof item.id === 'string' ? lookup?.(item.id) : undefined
      return found ? { ...found } : undefined
    }
    default:
      // Reasoning and built-in tool items already carry their own ids and statuses.
      return typeof item.id === 'string' ? { ...item, id: item.id, type: item.type } : undefined
  }
}

/**
 * The request's `input` as listed input items, oldest first.
 *
 * @example inputItemResources('Hi', { seed })[0] // { id: 'msg_…', type: 'message', role: 'user', ... }
 */
export function inputItemResources(
  input: string | readonly ResponseInputItem[] | null | undefined,
  options: InputItemsOptions,
): ResponseItemResource[] {
  const items: readonly ResponseInputItem[] =
    typeof input === 'string' ? [{ role: 'user', content: input }] : (input ?? [])
  const out: ResponseItemResource[] = []
  const digest = createPrefixedDigest(`${options.seed}|input|`)
  for (const [i, item] of items.entries()) {
    if (!item || typeof item !== 'object') continue
    const prefix =
      item.type === 'function_call' ? 'fc_' : item.type === 'function_call_output' ? 'fco_' : 'msg_'
    const id = prefix + digest(String(i), ITEM_ID_LENGTH)
    const found = resource(item, id, options.lookup)
    if (found) out.push(found)
  }
  return out
}

export interface ListInputItemsOptions {
  /** 1 to 100; default 20. */
  readonly limit?: number
  /** Default `desc`: newest first. */
  readonly order?: 'asc' | 'desc'
  /** Start after the item with this id. */
  readonly after?: string
}

/**
 * One page of input items, as the list endpoint answers it.
 *
 * @example listInputItems(items, { limit: 2 }) // { object: 'list', data: [...], has_more: ... }
 */
export function listInputItems(
  items: readonly ResponseItemResource[],
  options: ListInputItemsOptions = {},
): ResponseItemList {
  const { limit = 20, order = 'desc', after } = options
  const ordered = order === 'asc' ? [...items] : [...items].reverse()
  const start = after === undefined ? 0 : ordered.findIndex((item) => item.id === after) + 1
  const data = ordered.slice(start, start + limit)
  return {
    object: 'list',
    data,
    first_id: data[0]?.id ?? '',
    last_id: data.at(-1)?.id ?? '',
    has_more: start + limit < ordered.length,
  }
}

/**
 * The list endpoint's query string (`limit`, `order`, `after`), checked as the API checks it.
 *
 * @example parseInputItemsQuery({ limit: '5', order: 'asc' }) // { ok: true, options: { limit: 5, order: 'asc' } }
 */
export function parseInputItemsQuery(
  query: Readonly<Record<string, string | undefined>>,
): { ok: true; options: ListInputItemsOptions } | { ok: false; error: WireError } {
  const { limit = '20', order = 'desc', after } = query
  const count = Number(limit)
  if (!/^\d+$/.test(limit) || count < 1 || count > 100) {
    const message = `expected an integer between 1 and 100, but got '${limit}' instead.`
    return { ok: false, error: invalidValue('limit', message) }
  }
  if (order !== 'asc' && order !== 'desc') {
    const message = `'${order}'. Supported values are: 'asc' and 'desc'.`
    return { ok: false, error: invalidValue('order', message) }
  }
  return {
    ok: true,
    options: after === undefined ? { limit: count, order } : { limit: count, order, after },
  }
}
