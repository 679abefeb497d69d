import { ScenarioError } from './errors.js'
import { mayHaveTemplates, respondTemplate } from './template.js'
import type { Respond, Rule, Scenario, ToolCallSpec, When } from './types.js'
import { collectIssues, formatPath } from './validate.js'

/** Options of {@link createScenario}. */
export interface CreateScenarioOptions {
  /** File name or label used in messages. */
  readonly source?: string
  /** Start line of each rule in its file (1-based), by rule index. */
  readonly ruleLines?: readonly (number | undefined)[]
}

// Scenarios built here passed validation, so the matcher may compile their regexes lazily.
const VALIDATED = new WeakSet<Scenario>()

/**
 * Whether `scenario` came out of validation (parseScenario, createScenario) unchanged.
 * @internal
 */
export function isValidated(scenario: Scenario): boolean {
  return VALIDATED.has(scenario)
}

/**
 * Marks a scenario that passed validation before, in another process (such as the CLI's
 * built-in scenario, checked when the package was built), so the matcher builds its regex
 * engines on first use instead of at start. Only for scenarios that came out of
 * `parseScenario` or `createScenario`: an invalid pattern would then fail at its first request.
 *
 * @example createMatcher(assumeValidated(BUILT_IN_SCENARIO))
 */
export function assumeValidated(scenario: Scenario): Scenario {
  VALIDATED.add(scenario)
  return scenario
}

type Data = Record<string, unknown>

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    // for...in over own data: Object.values would build an array for each of a large
    // scenario's objects.
    for (const key in value) deepFreeze(value[key])
  }
  return value
}

function normalizeWhen(raw: Data | null | undefined): When {
  if (!raw) return {}
  const { input_contains, input_regex, times: _times, ...rest } = raw
  const when: Record<string, unknown> = { ...rest }
  if (input_contains !== undefined) when.messages_contains = input_contains
  if (input_regex !== undefined) when.messages_regex = input_regex
  return when as When
}

function normalizeRespond(raw: Data): Respond {
  // Each choice's tool arguments are serialised as the rule's own are.
  if (Array.isArray(raw.choices)) {
    raw = { ...raw, choices: (raw.choices as Data[]).map(normalizeRespond) }
  }
  if (!Array.isArray(raw.tool_calls)) return { ...raw } as Respond
  const tool_calls = (raw.tool_calls as Data[]).map((call): ToolCallSpec => {
    const fn = call.function as Data
    const args = fn.arguments
    return {
      ...call,
      type: 'function',
      function: {
        name: fn.name as string,
        // Absent arguments stay absent: the responder generates them from the tool's schema.
        ...(args === undefined || args === null
          ? {}
          : { arguments: typeof args === 'string' ? args : JSON.stringify(args) }),
      },
    } as ToolCallSpec
  })
  return { ...raw, tool_calls } as Respond
}

function normalizeRule(raw: Data, line: number | undefined): Rule {
  const when = (raw.when as Data | null | undefined) ?? undefined
  const times = (when && 'times' in when ? when.times : raw.times) as number | null | undefined
  const rule: {
    -readonly [K in keyof Rule]: Rule[K]
  } = { type: raw.type as Rule['type'], when: normalizeWhen(when), times: times ?? null }
  if (Array.isArray(raw.respond)) {
    const sequence = (raw.respond as Data[]).map(normalizeRespond)
    rule.respond = sequence[0] as Respond
    rule.sequence = sequence
  } else if (raw.respond !== undefined) {
    rule.respond = normalizeRespond(raw.respond as Data)
  }
  if (raw.cycle !== undefined) rule.cycle = raw.cycle as boolean
  if (raw.error !== undefined) rule.error = { ...(raw.error as Data) } as unknown as Rule['error']
  if (raw.chaos !== undefined) rule.chaos = { ...(raw.chaos as Data) } as Rule['chaos']
  if (line !== undefined) rule.line = line
  return rule
}

/**
 * Builds a Scenario from plain data shaped like a scenario file (e.g. rules written in code),
 * validating it first. Aliases are folded (`input_contains` -> `messages_contains`,
 * `when.times` -> `times`), object tool arguments become JSON strings, and the result is frozen.
 * Throws a {@link ScenarioError} listing every issue.
 *
 * @example createScenario({ version: 1, rules: [{ type: 'llm', respond: { content: 'hi' } }] })
 */
export function createScenario(data: unknown, options: CreateScenarioOptions = {}): Scenario {
  const issues = collectIssues(data)
  if (issues.length > 0) {
    throw new ScenarioError(
      issues.map((issue) => ({ path: formatPath(issue.segments), message: issue.message })),
      options.source === undefined ? {} : { source: options.source },
    )
  }
  return buildScenario(data, options)
}

/**
 * The normalisation of {@link createScenario} for data already validated; `fresh` data (just
 * parsed, referenced nowhere else) is frozen in place instead of copied.
 * @internal
 */
export function buildScenario(
  data: unknown,
  options: CreateScenarioOptions = {},
  fresh = false,
): Scenario {
  const raw = data as Data
  const scenario: { -readonly [K in keyof Scenario]: Scenario[K] } = {
    version: 1,
    rules: (raw.rules as Data[]).map((rule, index) =>
      normalizeRule(rule, options.ruleLines?.[index]),
    ),
    meta: { ...((raw.meta as Data | undefined) ?? {}) },
  }
  if (raw.strict !== undefined) scenario.strict = raw.strict === true
  if (raw.pricing !== undefined)
    scenario.pricing = structuredClone(raw.pricing) as Scenario['pricing']
  if (options.source !== undefined) scenario.source = options.source
  // Data the parser just made is shared with no one: freezing it in place is enough.
  const built = deepFreeze(fresh ? scenario : structuredClone(scenario))
  // Templates are parsed here, once, not when a request first uses them.
  for (const rule of built.rules) {
    for (const respond of rule.sequence ?? (rule.respond ? [rule.respond] : [])) {
      if (mayHaveTemplates(respond)) respondTemplate(respond)
    }
  }
  VALIDATED.add(built)
  return built
}
