/**
 * Milliseconds on a monotonic clock, for durations and uptime. On Node, from `process.uptime()`:
 * the first read of the global `performance` loads `perf_hooks` and the modules behind it, which
 * start-up does without. Elsewhere, `performance.now()`.
 *
 * @example const started = monotonicMs(); ...; const durationMs = monotonicMs() - started
 */
export const monotonicMs: () => number =
  typeof process !== 'undefined' && typeof process.uptime === 'function'
    ? () => process.uptime() * 1000
    : () => performance.now()
