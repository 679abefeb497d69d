import type { RuleVerdict, Scenario } from './types.js'

const NOT_ANSWERED = /does not answer (\S+)$/

/**
 * The one-line reason no rule matched, from `matcher.explain(request)`: the rule that came
 * closest (of the rules whose type answers the endpoint, the one that passed the most
 * conditions; the earliest on a tie) and the first condition it failed. Rules are numbered as
 * a person counts them in the file: rule 1 is the first.
 *
 * @example describeNoMatch(matcher.explain(request), scenario)
 * // 'no rule matched; rule 2 came closest: model "gpt-3.5-turbo" does not match "gpt-4*"'
 */
export function describeNoMatch(verdicts: readonly RuleVerdict[], scenario: Scenario): string {
  if (scenario.rules.length === 0) return 'no rule matched; the scenario has no rules'
  let closest: RuleVerdict | undefined
  for (const verdict of verdicts) {
    if (verdict.applies === false) continue
    if (!closest || (verdict.passed ?? 0) > (closest.passed ?? 0)) closest = verdict
  }
  if (!closest) {
    const endpoint = verdicts[0]?.reasons[0]?.match(NOT_ANSWERED)?.[1]
    const types = [...new Set(scenario.rules.map((rule) => rule.type))].join(', ')
    const what = endpoint ? `answers ${endpoint}` : 'answers this endpoint'
    return `no rule matched; no rule ${what} (the scenario's rules are of type ${types})`
  }
  const reason = closest.reasons[0] ?? 'no reason given'
  return `no rule matched; rules[${closest.index}] came closest: ${reason}`
}
