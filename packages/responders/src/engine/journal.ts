/**
 * The request journal: the last exchanges, oldest first, bounded by count and by the bytes of
 * what they hold, so neither a long soak run nor a few huge requests can grow memory without
 * limit. The server and the stub keep one each. Entries are numbered as they arrive, so a
 * reader can page through them with a cursor that survives older entries being dropped.
 */

/** How many exchanges the journal keeps unless told otherwise. */
export const DEFAULT_JOURNAL_SIZE = 1000
/** How many bytes of stored bodies the journal keeps unless told otherwise: 64 MiB. */
export const DEFAULT_JOURNAL_BYTES: number = 64 * 1024 * 1024

export interface JournalOptions {
  /** How many entries to keep; the oldest is dropped first. 0 records nothing. */
  readonly size?: number
  /** How many bytes (as `record` weighs them) to keep; the oldest is dropped first. */
  readonly bytes?: number
}

/** One page of entries, and the cursor of the next (`null` when there is none yet). */
export interface JournalPage<Entry> {
  readonly entries: Entry[]
  /** Pass as `after` for the entries that follow; the number of the last one returned. */
  readonly cursor: number | null
}

export interface Journal<Entry> {
  /** The capacity in entries. */
  readonly size: number
  /** The capacity in bytes. */
  readonly bytes: number
  /** How many entries were dropped to stay within the bounds, since the last clear. */
  readonly dropped: number
  /** The number of the last entry recorded (kept or not); 0 before the first. */
  readonly last: number
  /** Keeps `entry`, counting `weight` bytes against the byte bound. */
  record(entry: Entry, weight?: number): void
  /** A copy of the kept entries, oldest first; only those `filter` keeps, when given. */
  entries(filter?: (entry: Entry) => boolean): Entry[]
  /**
   * Up to `limit` entries numbered after `after` (default: from the oldest kept); with
   * `filter`, only the entries it keeps, and the cursor is the last entry looked at.
   */
  page(options?: {
    readonly after?: number
    readonly limit?: number
    readonly filter?: (entry: Entry) => boolean
  }): JournalPage<Entry>
  clear(): void
}

function bound(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`journal ${name} must be a whole number >= 0, got ${value}`)
  }
  return value
}

/**
 * A bounded journal.
 *
 * @example
 * const journal = createJournal<Exchange>({ size: 100, bytes: 1 << 20 })
 * mock.on('exchange', (exchange) => journal.record(exchange, 512))
 */
export function createJournal<Entry>(options: JournalOptions = {}): Journal<Entry> {
  const size = bound('size', options.size ?? DEFAULT_JOURNAL_SIZE)
  const bytes = bound('bytes', options.bytes ?? DEFAULT_JOURNAL_BYTES)
  // A queue as an array and the index of its head; compacted when half of it is dropped.
  let items: Entry[] = []
  let weights: number[] = []
  let head = 0
  let held = 0
  let dropped = 0
  // The number of the next entry; the oldest kept is `next - (items.length - head)`.
  let next = 1

  const dropOldest = () => {
    held -= weights[head] as number
    head++
    dropped++
    if (head > 1024 && head * 2 > items.length) {
      items = items.slice(head)
      weights = weights.slice(head)
      head = 0
    }
  }

  return {
    size,
    bytes,
    get dropped() {
      return dropped
    },
    get last() {
      return next - 1
    },
    record(entry, weight = 0) {
      next++
      if (size === 0 || weight > bytes) {
        dropped++
        return
      }
      items.push(entry)
      weights.push(weight)
      held += weight
      while (items.length - head > size || held > bytes) dropOldest()
    },
    entries(filter) {
      const kept = items.slice(head)
      return filter ? kept.filter(filter) : kept
    },
    page({ after, limit, filter } = {}) {
      const count = items.length - head
      const first = next - count
      const from = after === undefined ? 0 : Math.max(0, Math.min(count, after + 1 - first))
      if (filter) {
        const entries: Entry[] = []
        const wanted = limit === undefined ? count : Math.max(0, limit)
        let at = from
        while (at < count && entries.length < wanted) {
          const entry = items[head + at] as Entry
          at++
          if (filter(entry)) entries.push(entry)
        }
        return { entries, cursor: at > 0 ? first + at - 1 : (after ?? null) }
      }
      const to = limit === undefined ? count : Math.min(count, from + Math.max(0, limit))
      const entries = items.slice(head + from, head + to)
      const cursor = to > 0 ? first + to - 1 : after === undefined ? null : after
      return { entries, cursor }
    },
    clear() {
      items = []
      weights = []
      head = 0
      held = 0
      dropped = 0
    },
  }
}
