/**
 * How replay paces recorded answers: `none` (the default) answers as fast as it can, whatever
 * the recording says; `recorded` keeps the upstream's own timing that record mode wrote under
 * `respond` (`delay_ms` before the headers, `ttft_ms` before the first chunk, each gap after it
 * in turn, `chunk_delays_ms`, and their mean, `chunk_delay_ms`, past the list).
 */
import type { Respond, Rule, Scenario } from '@mocktopus/scenario'

export type ReplayTiming = 'none' | 'recorded'

export const REPLAY_TIMINGS: readonly ReplayTiming[] = ['none', 'recorded']

const TIMING_KEYS = ['delay_ms', 'ttft_ms', 'chunk_delay_ms', 'chunk_delays_ms'] as const

function hasTiming(respond: Respond | undefined): boolean {
  return respond !== undefined && TIMING_KEYS.some((key) => respond[key] !== undefined)
}

function untimed(respond: Respond): Respond {
  if (!hasTiming(respond)) return respond
  const {
    delay_ms: _delay,
    ttft_ms: _ttft,
    chunk_delay_ms: _gap,
    chunk_delays_ms: _gaps,
    ...rest
  } = respond
  return rest
}

/**
 * A rule without the timing of its answers (its `error`, and a timeout's wait, are kept); the
 * same rule when it has none.
 *
 * @example untimedRule(rule).respond?.ttft_ms // undefined
 */
export function untimedRule(rule: Rule): Rule {
  if (!hasTiming(rule.respond) && !(rule.sequence ?? []).some(hasTiming)) return rule
  return {
    ...rule,
    ...(rule.respond === undefined ? {} : { respond: untimed(rule.respond) }),
    ...(rule.sequence === undefined ? {} : { sequence: rule.sequence.map(untimed) }),
  }
}

/**
 * The scenario replay serves under `timing`: as it is for `recorded`; with no answer timing
 * for `none`.
 *
 * @example replayScenario(recordings.scenario, 'none')
 */
export function replayScenario(scenario: Scenario, timing: ReplayTiming): Scenario {
  if (timing === 'recorded') return scenario
  let changed = false
  const rules = scenario.rules.map((rule) => {
    const out = untimedRule(rule)
    if (out !== rule) changed = true
    return out
  })
  return changed ? { ...scenario, rules } : scenario
}
