/**
 * The ranges of a scenario's durations. Timers take at most 2^31 - 1 ms (about 24.8 days) and
 * fire after 1 ms past that, so an unchecked `delay_ms: 3000000000` would answer at once; the
 * bounds below sit far under that limit and far above any delay a test means.
 */

/** One duration field: its largest value, its unit and that value said in words. */
export interface DurationRange {
  readonly max: number
  readonly unit: 'milliseconds' | 'seconds'
  readonly spoken: string
}

/**
 * `delay_ms`, `chunk_delay_ms` (and each of `chunk_delays_ms`), `ttft_ms`, `jitter_ms` and
 * `stall_ms`: ten minutes.
 */
export const MAX_DELAY_MS = 600_000

/** The most waits `chunk_delays_ms` lists: a recording keeps a longer stream's first ones. */
export const MAX_CHUNK_DELAYS = 10_000

/** `retry_after`: one day, the longest wait a rate limit plausibly asks for. */
export const MAX_RETRY_AFTER_SECONDS = 86_400

/**
 * Every duration field of the schema, by key (the same key has the same range in `respond`
 * and in `error`; a list's items, as `chunk_delays_ms`, by the list's key).
 *
 * @example DURATION_RANGES.delay_ms // { max: 600000, unit: 'milliseconds', spoken: '10 minutes' }
 */
export const DURATION_RANGES: Readonly<Record<string, DurationRange>> = {
  delay_ms: { max: MAX_DELAY_MS, unit: 'milliseconds', spoken: '10 minutes' },
  chunk_delay_ms: { max: MAX_DELAY_MS, unit: 'milliseconds', spoken: '10 minutes' },
  chunk_delays_ms: { max: MAX_DELAY_MS, unit: 'milliseconds', spoken: '10 minutes' },
  ttft_ms: { max: MAX_DELAY_MS, unit: 'milliseconds', spoken: '10 minutes' },
  jitter_ms: { max: MAX_DELAY_MS, unit: 'milliseconds', spoken: '10 minutes' },
  stall_ms: { max: MAX_DELAY_MS, unit: 'milliseconds', spoken: '10 minutes' },
  retry_after: { max: MAX_RETRY_AFTER_SECONDS, unit: 'seconds', spoken: '1 day' },
}
