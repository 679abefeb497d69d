/**
 * The responses a server instance has answered, kept so that `previous_response_id` and
 * `item_reference` inputs can be resolved and `GET /v1/responses/{id}` can answer. Bounded by
 * count and by bytes, first in first out: neither a long test run nor a few huge conversations
 * grow it past its limits.
 */
import type { ChatMessage } from '@mocktopus/scenario'
import type { ResponseItemResource } from './input-items.js'
import type { ResponseObject, ResponseOutputItem } from './types.js'

export interface StoredResponse {
  readonly response: ResponseObject
  /**
   * The conversation up to and including this response's output, without its `instructions`
   * (the API does not carry them over to a follow-up).
   */
  readonly history: readonly ChatMessage[]
  /** The request's own input items, for `GET /v1/responses/{id}/input_items`. */
  readonly inputItems?: readonly ResponseItemResource[]
}

export interface ResponseStore {
  get(id: string): StoredResponse | undefined
  /** An output item of any stored response, by item id (`msg_…`, `fc_…`). */
  item(id: string): ResponseOutputItem | undefined
  set(entry: StoredResponse): void
  /** Forgets one response; whether it was there. */
  delete(id: string): boolean
  readonly size: number
  clear(): void
}

export interface ResponseStoreOptions {
  /** How many responses to keep; the oldest goes first. Default 1000. */
  readonly limit?: number
  /** How many bytes (of their JSON) the kept responses may hold; default 64 MiB. */
  readonly bytes?: number
}

const DEFAULTS = { limit: 1000, bytes: 64 * 1024 * 1024 } satisfies ResponseStoreOptions

// A stored response's weight: its JSON, which holds the conversation it continues.
function weigh(entry: StoredResponse): number {
  return JSON.stringify(entry).length
}

/**
 * @example
 * const store = createResponseStore({ limit: 100 })
 * store.set({ response, history })
 * store.get(response.id)?.history
 */
export function createResponseStore(options: ResponseStoreOptions = {}): ResponseStore {
  const { limit, bytes } = { ...DEFAULTS, ...options }
  const weights = new Map<string, number>()
  let held = 0
  // A Map iterates in insertion order, which makes it the FIFO queue as well as the index.
  const responses = new Map<string, StoredResponse>()
  const items = new Map<string, ResponseOutputItem>()

  const forget = (id: string) => {
    const entry = responses.get(id)
    if (!entry) return
    responses.delete(id)
    held -= weights.get(id) ?? 0
    weights.delete(id)
    for (const item of entry.response.output) {
      if (items.get(item.id) === item) items.delete(item.id)
    }
  }

  return {
    get: (id) => responses.get(id),
    item: (id) => items.get(id),
    set(entry) {
      const { id } = entry.response
      forget(id)
      const weight = weigh(entry)
      // One response larger than the whole budget is not kept at all.
      if (weight > bytes) return
      responses.set(id, entry)
      weights.set(id, weight)
      held += weight
      for (const item of entry.response.output) items.set(item.id, item)
      while (responses.size > Math.max(0, limit) || held > bytes) {
        const oldest = responses.keys().next().value as string
        forget(oldest)
      }
    },
    delete(id) {
      const known = responses.has(id)
      forget(id)
      return known
    },
    get size() {
      return responses.size
    },
    clear() {
      responses.clear()
      items.clear()
      weights.clear()
      held = 0
    },
  }
}
