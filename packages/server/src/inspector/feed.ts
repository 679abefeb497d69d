/**
 * The inspector's live feed: server-sent events of journal entries, first those already kept
 * after the reader's cursor, then each new one as it is recorded, until the reader leaves.
 */
import type { SSEFrame } from '@mocktopus/responders'

/** How long the feed may stay silent before it sends a `ping` (a reader behind a proxy). */
export const PING_MS = 15_000
/** Frames a slow reader may fall behind by before its feed ends (it resumes by cursor). */
export const FEED_BACKLOG = 5000

/** Where feeds subscribe: every frame published reaches every open feed. */
export interface FeedHub {
  /** Sends `frame` to every open feed. */
  publish(frame: SSEFrame): void
  /** A feed that starts with `first` and ends when `signal` aborts or its reader stops. */
  open(first: readonly SSEFrame[], signal: AbortSignal): AsyncIterable<SSEFrame>
  /** How many feeds are open. */
  readonly size: number
}

/**
 * A hub of live feeds.
 *
 * @example const hub = createFeedHub(); hub.publish({ event: 'entry', data: summary })
 */
export function createFeedHub(): FeedHub {
  const feeds = new Set<(frame: SSEFrame | null) => void>()
  return {
    get size() {
      return feeds.size
    },
    publish(frame) {
      for (const push of feeds) push(frame)
    },
    open(first, signal) {
      const queue: SSEFrame[] = [...first]
      const cap = first.length + FEED_BACKLOG
      let waiting: ((result: IteratorResult<SSEFrame>) => void) | undefined
      let over = false
      let timer: ReturnType<typeof setTimeout> | undefined
      const finish = () => {
        if (over) return
        over = true
        feeds.delete(push)
        signal.removeEventListener('abort', finish)
        if (timer !== undefined) clearTimeout(timer)
        queue.length = 0
        waiting?.({ done: true, value: undefined })
        waiting = undefined
      }
      // `null` ends the feed.
      function push(frame: SSEFrame | null): void {
        if (over) return
        if (frame === null || queue.length >= cap) {
          finish()
          return
        }
        if (waiting) {
          const resolve = waiting
          waiting = undefined
          resolve({ done: false, value: frame })
        } else queue.push(frame)
      }
      feeds.add(push)
      if (signal.aborted) finish()
      else signal.addEventListener('abort', finish)
      return {
        [Symbol.asyncIterator]() {
          return {
            next(): Promise<IteratorResult<SSEFrame>> {
              if (timer !== undefined) clearTimeout(timer)
              const frame = queue.shift()
              if (frame) return Promise.resolve({ done: false, value: frame })
              if (over) return Promise.resolve({ done: true, value: undefined })
              return new Promise((resolve) => {
                waiting = resolve
                timer = setTimeout(() => push({ event: 'ping', data: '{}' }), PING_MS)
              })
            },
            return(): Promise<IteratorResult<SSEFrame>> {
              finish()
              return Promise.resolve({ done: true, value: undefined })
            },
          }
        },
      }
    },
  }
}
