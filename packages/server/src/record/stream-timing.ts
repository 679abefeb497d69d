/**
 * What record mode keeps of a stream's timing, for `--replay-timing recorded`: measured on
 * the events replay paces (an NDJSON stream's lines), so that a replay waits each gap where
 * the upstream took it.
 */
import { MAX_CHUNK_DELAYS } from '@mocktopus/scenario'
import type { RecordedTiming } from './to-rule.js'

/**
 * A stream's timing from when its paced events arrived (the ones replay paces: every event, or
 * the text deltas where a stream frames them in others): the wait for the headers, then for
 * the first event, then each gap between events and their mean.
 *
 * @example streamTiming(0, 120, [400, 431, 460]) // { delayMs: 120, ttftMs: 280, chunkDelayMs: 30, gapsMs: [31, 29] }
 */
export function streamTiming(
  started: number,
  headersAt: number,
  eventTimes: readonly number[],
): RecordedTiming {
  const first = eventTimes[0]
  const last = eventTimes[eventTimes.length - 1]
  return {
    delayMs: headersAt - started,
    ...(first === undefined ? {} : { ttftMs: first - headersAt }),
    ...(first === undefined || last === undefined || eventTimes.length < 2
      ? {}
      : {
          chunkDelayMs: (last - first) / (eventTimes.length - 1),
          gapsMs: eventGaps(eventTimes),
        }),
  }
}

/**
 * The gaps between events in whole ms, rounded on the running time so that they add up to the
 * whole stream's (within a millisecond) however many there are; at most `MAX_CHUNK_DELAYS`.
 *
 * @example eventGaps([0, 0.4, 0.8, 1.2, 31.2]) // [0, 1, 0, 30]
 */
export function eventGaps(eventTimes: readonly number[]): number[] {
  const first = eventTimes[0] ?? 0
  const gaps: number[] = []
  let previous = 0
  for (let i = 1; i < eventTimes.length && gaps.length < MAX_CHUNK_DELAYS; i++) {
    const at = Math.round((eventTimes[i] ?? first) - first)
    gaps.push(at - previous)
    previous = at
  }
  return gaps
}

export interface LineClock {
  /** Takes the next bytes of the body. */
  push(piece: Uint8Array): void
  /** When each line arrived (a last one without a line break: now), in order. */
  end(): number[]
}

const LF = 0x0a

/**
 * When each line of an NDJSON body arrived, from the pieces it came in: a line arrives with the
 * piece that holds its line break. Blank lines are not lines.
 *
 * @example
 * const lines = createLineClock(() => performance.now())
 * lines.push(bytes('{"a":1}\n{"b"')); lines.push(bytes(':2}\n'))
 * lines.end() // [t1, t2]
 */
export function createLineClock(now: () => number): LineClock {
  const times: number[] = []
  // Whether the current line has any byte yet.
  let open = false
  return {
    push(piece) {
      let at: number | undefined
      for (let i = 0; i < piece.length; i++) {
        if (piece[i] !== LF) {
          open = true
          continue
        }
        if (!open) continue
        at ??= now()
        times.push(at)
        open = false
      }
    },
    end() {
      if (open) times.push(now())
      open = false
      return times
    },
  }
}
