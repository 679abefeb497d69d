import { createCoverIndex } from './cover-index.js'
import { ruleEndpoints } from './endpoints.js'
import { compileGlob, isMatchAll } from './glob.js'
import type { Rule, Scenario, ScenarioWarning, When } from './types.js'

// Values `finish_reason` takes on the wire across the three chat APIs.
const FINISH_REASONS = new Set([
  'stop',
  'length',
  'tool_calls',
  'content_filter',
  'function_call',
  'end_turn',
  'max_tokens',
  'stop_sequence',
  'tool_use',
  'pause_turn',
  'refusal',
])

function effectiveEndpoints(rule: Rule): string[] {
  const endpoint = rule.when.endpoint
  const all = ruleEndpoints(rule.type, endpoint)
  if (endpoint === undefined) return [...all]
  const test = compileGlob(endpoint)
  return all.filter((path) => test(path))
}

/** The conditions of a `when` that narrow anything (`model: "*"` narrows nothing). */
function conditionKeys(when: When): string[] {
  return Object.keys(when).filter(
    (key) =>
      key !== 'ignore_case' &&
      !(key === 'model' && isMatchAll(when.model as string)) &&
      key !== 'endpoint',
  )
}

// The conditions that read a conversation; embeddings requests have none.
const CONVERSATION_KEYS = [
  'last_role',
  'has_tool_result',
  'tool_result_contains',
  'tool_call_id',
  'tools_offered',
  'system_contains',
  'turn',
] as const

// Combinations of the agent-loop conditions that no request satisfies, and empty substrings.
function factWarnings(rule: Rule): string[] {
  const when = rule.when
  const warnings: string[] = []
  if (rule.type === 'embeddings') {
    const used = CONVERSATION_KEYS.filter((key) => when[key] !== undefined)
    if (used.length > 0) {
      warnings.push(
        `${used.join(', ')} read${used.length === 1 ? 's' : ''} a conversation, and embeddings requests have none; remove ${used.length === 1 ? 'it' : 'them'}`,
      )
    }
    return warnings
  }
  if (when.has_tool_result === false) {
    for (const key of ['tool_result_contains', 'tool_call_id', 'last_role'] as const) {
      if (when[key] === undefined || (key === 'last_role' && when.last_role !== 'tool')) continue
      warnings.push(
        `never matches: has_tool_result: false wants no tool result, and ${key} needs one; use has_tool_result: true or drop ${key}`,
      )
    }
  }
  if (when.turn === 0 && when.last_role === 'assistant') {
    warnings.push(
      'never matches: turn: 0 means no assistant message came before, and last_role: assistant needs one',
    )
  }
  if (when.tool_result_contains === '') {
    warnings.push(
      'tool_result_contains is empty, so it holds whenever there is a tool result; say has_tool_result: true instead',
    )
  }
  if (when.system_contains === '') {
    warnings.push('system_contains is empty, so it holds for every request; remove it or fill it')
  }
  return warnings
}

function isFallback(rule: Rule): boolean {
  return rule.times === null && conditionKeys(rule.when).length === 0
}

/**
 * Finds what is legal but probably a mistake, for `mocktopus validate`: rules that can never be
 * selected (shadowed by an earlier rule without `times`, or whose type never answers their
 * `when.endpoint`), an empty `when` ahead of other rules, no fallback rule for a type, usage
 * figures of zero or that do not add up, unknown `finish_reason` values.
 *
 * @example lintScenario(parseScenario(text)).map((w) => `rules[${w.ruleIndex}]: ${w.message}`)
 */
export function lintScenario(scenario: Scenario): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = []
  const { rules } = scenario
  const warn = (ruleIndex: number, message: string) => {
    const line = rules[ruleIndex]?.line
    warnings.push(line === undefined ? { ruleIndex, message } : { ruleIndex, message, line })
  }
  const endpoints = new Map(rules.map((rule) => [rule, effectiveEndpoints(rule)]))

  // Rules in order: each is checked against the rules without `times` before it, then filed.
  const earlier = createCoverIndex()
  rules.forEach((rule, index) => {
    const paths = endpoints.get(rule) as string[]
    if (paths.length === 0) {
      warn(
        index,
        `never matches: type ${rule.type} does not answer endpoint ${JSON.stringify(rule.when.endpoint)}`,
      )
      return
    }
    const shadow = earlier.find(rule, paths)
    if (rule.times === null) earlier.add(rule, index, paths)
    if (shadow !== -1) {
      const where = rules[shadow]?.line === undefined ? '' : ` (line ${rules[shadow]?.line})`
      warn(
        index,
        `never selected: rules[${shadow}]${where} comes first and matches every request this rule matches; move this rule above it or narrow rules[${shadow}]`,
      )
    }
    if (rule.when.messages_contains === '') {
      warn(index, 'messages_contains is empty, so it holds for every request; remove it or fill it')
    }
    for (const message of factWarnings(rule)) warn(index, message)
  })

  // An empty \`when\` covers exactly the later rules whose endpoints it answers: walk backwards
  // keeping the endpoint sets seen, so each rule costs the number of distinct sets.
  const later = new Map<string, readonly string[]>()
  for (let index = rules.length - 1; index >= 0; index--) {
    const rule = rules[index] as Rule
    const paths = endpoints.get(rule) as string[]
    if (Object.keys(rule.when).length === 0 && rule.times === null) {
      const mine = new Set(paths)
      const hidden = [...later.values()].some((theirs) => theirs.every((path) => mine.has(path)))
      if (hidden) {
        warn(
          index,
          `"when" is empty, so this rule answers every ${rule.type} request and the rules after it that it covers never run; add conditions or move it last`,
        )
      }
    }
    if (paths.length > 0) later.set([...paths].sort().join(' '), paths)
  }

  for (const type of new Set(rules.map((rule) => rule.type))) {
    const own = rules.filter((rule) => rule.type === type)
    // Recordings answer only the request they recorded: a 404 for anything else is the point.
    if (own.every((rule) => rule.when.conversation || rule.when.input)) continue
    const needed = new Set(own.flatMap((rule) => endpoints.get(rule) as string[]))
    const served = new Set(
      rules.filter(isFallback).flatMap((rule) => endpoints.get(rule) as string[]),
    )
    if ([...needed].every((path) => served.has(path))) continue
    const last = rules.lastIndexOf(own[own.length - 1] as Rule)
    warn(
      last,
      `no fallback rule for ${type}: a request no ${type} rule matches gets a 404 no_matching_rule; end with a rule without conditions (or model: "*") if that is not meant`,
    )
  }

  rules.forEach((rule, index) => {
    const { sequence } = rule
    if (sequence && rule.times !== null && rule.times < sequence.length) {
      const unused = sequence.length - rule.times
      warn(
        index,
        `times is ${rule.times} but respond lists ${sequence.length} responses: ${unused === 1 ? 'the last is' : `the last ${unused} are`} never sent; raise times or shorten the list`,
      )
    }
    if (rule.cycle && !sequence) {
      warn(index, 'cycle has no effect: respond is a single response, not a list')
    }
    const items = sequence ?? (rule.respond ? [rule.respond] : [])
    items.forEach((respond, item) => {
      // Items of a list are named, so the warning says which one.
      const where = sequence ? `respond[${item}]: ` : ''
      const usage = respond.usage
      if (usage) {
        const { input_tokens, output_tokens, total_tokens } = usage
        const counts = [input_tokens, output_tokens, total_tokens].filter((n) => n !== undefined)
        if (counts.length > 0 && counts.every((n) => n === 0)) {
          warn(
            index,
            `${where}usage reports 0 tokens; remove usage to have tokens estimated from the text, or give real figures`,
          )
        } else if (
          input_tokens !== undefined &&
          output_tokens !== undefined &&
          total_tokens !== undefined &&
          input_tokens + output_tokens !== total_tokens
        ) {
          warn(
            index,
            `${where}usage.total_tokens is ${total_tokens}, not input_tokens + output_tokens (${input_tokens + output_tokens})`,
          )
        }
      }
      const reason = respond.finish_reason
      if (reason !== undefined && !FINISH_REASONS.has(reason)) {
        warn(
          index,
          `${where}finish_reason ${JSON.stringify(reason)} is not one the APIs send (${[...FINISH_REASONS].join(', ')})`,
        )
      }
    })
  })

  return warnings.sort((a, b) => a.ruleIndex - b.ruleIndex)
}
