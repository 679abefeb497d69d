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
  /** Takes the next bytes of the body, which arrived at `arrived`. */
  push(piece: Uint8Array, arrived: number): void
  /** The body ended at `ended`: when each line arrived (a last one without a line break: then). */
  end(ended: number): number[]
}

const LF = 0x0a

/**
 * When each line of an NDJSON body arrived, from the pieces it came in: a line arrives with the
 * piece that holds its line break. Blank lines are not lines.
 *
 * @example
 * const lines = createLineClock()
 * lines.push(bytes('{"a":1}\n{"b"'), 10); lines.push(bytes(':2}\n'), 40)
 * lines.end(45) // [10, 40]
 */
export function createLineClock(): LineClock {
  const times: number[] = []
  // Whether the current line has any byte yet.
  let open = false
  return {
    push(piece, arrived) {
      for (let i = 0; i < piece.length; i++) {
        if (piece[i] !== LF) open = true
        else if (open) {
          times.push(arrived)
          open = false
        }
      }
    },
    end(ended) {
      if (open) times.push(ended)
      open = false
      return times
    },
  }
}
