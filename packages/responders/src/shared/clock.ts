/**
 * Time as the responders see it. Injected so that tests are instant and bodies byte-identical:
 * `created` comes from `now()`, and every artificial delay goes through `sleep()`.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** Wall-clock time and real delays. */
export const systemClock: Clock = { now: () => Date.now(), sleep }

/**
 * A clock frozen at `unixSeconds`; delays still really wait unless `instant` is set.
 *
 * @example fixedClock(1700000000).now() // 1700000000000
 */
export function fixedClock(unixSeconds: number, options: { instant?: boolean } = {}): Clock {
  const ms = unixSeconds * 1000
  return { now: () => ms, sleep: options.instant ? () => Promise.resolve() : sleep }
}

/** Whole seconds since the epoch, as the wire's `created` fields carry them. */
export function unixSeconds(clock: Clock): number {
  return Math.floor(clock.now() / 1000)
}
