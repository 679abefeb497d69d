/**
 * The request journal: the last N exchanges, oldest first, in a fixed-size ring buffer so a long
 * soak run cannot grow memory without limit. The server and the stub keep one each.
 */

/** How many exchanges the journal keeps unless told otherwise. */
export const DEFAULT_JOURNAL_SIZE = 1000

export interface JournalOptions {
  /** How many entries to keep; the oldest is dropped first. 0 records nothing. */
  readonly size?: number
}

export interface Journal<Entry> {
  /** The capacity. */
  readonly size: number
  /** How many entries were dropped because the journal was full, since the last clear. */
  readonly dropped: number
  record(entry: Entry): void
  /** A copy of the kept entries, oldest first. */
  entries(): Entry[]
  clear(): void
}

/**
 * A bounded journal.
 *
 * @example
 * const journal = createJournal<Exchange>({ size: 100 })
 * mock.on('exchange', (exchange) => journal.record(exchange))
 */
export function createJournal<Entry>(options: JournalOptions = {}): Journal<Entry> {
  const size = options.size ?? DEFAULT_JOURNAL_SIZE
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError(`journal size must be a whole number >= 0, got ${size}`)
  }
  let buffer: Entry[] = []
  // Index of the oldest entry once the buffer is full; before that, entries are in order.
  let start = 0
  let dropped = 0

  return {
    size,
    get dropped() {
      return dropped
    },
    record(entry) {
      if (size === 0) {
        dropped++
        return
      }
      if (buffer.length < size) {
        buffer.push(entry)
        return
      }
      buffer[start] = entry
      start = (start + 1) % size
      dropped++
    },
    entries() {
      return start === 0 ? buffer.slice() : [...buffer.slice(start), ...buffer.slice(0, start)]
    },
    clear() {
      buffer = []
      start = 0
      dropped = 0
    },
  }
}
