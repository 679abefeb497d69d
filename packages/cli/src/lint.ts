import type { Scenario } from '@mocktopus/scenario'
import * as scenarioLibrary from '@mocktopus/scenario'

/** A logical problem in a valid scenario: it loads, but a rule will not behave as meant. */
export interface RuleWarning {
  /** 0-based, as in `rules[i]`; messages number rules from 1. */
  readonly ruleIndex: number
  readonly message: string
  readonly line?: number
}

type Lint = (scenario: Scenario) => readonly RuleWarning[]

/** The scenario package's logical checks (shadowed rules, empty `when`, no fallback, zero usage). */
export function lintRules(scenario: Scenario): readonly RuleWarning[] {
  const lint = (scenarioLibrary as { lintScenario?: Lint }).lintScenario
  return lint ? lint(scenario) : []
}
