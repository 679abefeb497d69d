/**
 * The replay 404 message: which recording came closest to the request and why it does not
 * match, named by file and line so the user can open it.
 */
import type { RuleVerdict, Scenario } from '@mocktopus/scenario'

/** Where a replayed rule was recorded. */
export interface RecordingOrigin {
  /** The file, relative to the recordings directory. */
  readonly file: string
  readonly line?: number
}

const NOT_ANSWERED = /does not answer (\S+)$/

/**
 * A `describeMiss` for replay: `origins[i]` says where rule `i` came from.
 *
 * @example
 * describeRecordingMiss(origins)(matcher.explain(request), scenario)
 * // 'no recording matches this request; closest: recordings.yaml:12: conversation differs at message 1: ...'
 */
export function describeRecordingMiss(
  origins: readonly RecordingOrigin[],
): (verdicts: readonly RuleVerdict[], scenario: Scenario) => string {
  return (verdicts, scenario) => {
    const advice = 'record it with --mode record, or replay with --record-missing'
    if (scenario.rules.length === 0) {
      return `no recording matches this request: the recordings directory holds none; ${advice}`
    }
    let closest: RuleVerdict | undefined
    for (const verdict of verdicts) {
      if (verdict.applies === false) continue
      if (!closest || (verdict.passed ?? 0) > (closest.passed ?? 0)) closest = verdict
    }
    if (!closest) {
      const endpoint = verdicts[0]?.reasons[0]?.match(NOT_ANSWERED)?.[1] ?? 'this endpoint'
      return `no recording matches this request: none was recorded for ${endpoint}; ${advice}`
    }
    const origin = origins[closest.index]
    const where = origin
      ? `${origin.file}${origin.line === undefined ? '' : `:${origin.line}`}`
      : `rules[${closest.index}]`
    const reason = closest.reasons[0] ?? 'no reason given'
    return `no recording matches this request; the closest is ${where}: ${reason}; ${advice}`
  }
}
