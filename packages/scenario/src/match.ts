import { type ContainsIndex, createContainsIndex } from './contains-index.js'
import { ruleEndpoints } from './endpoints.js'
import { ScenarioError } from './errors.js'
import { createExactIndex, type ExactIndex } from './exact-index.js'
import { type ConversationFacts, conversationFacts } from './facts.js'
import { compileGlob, type GlobTest } from './glob.js'
import { isValidated } from './normalize.js'
import { paramsDiff, requestParams, toolsDiff } from './params.js'
import { compileRegex, compileValidatedRegex, type ScenarioRegex } from './regex.js'
import { conversationText, lastUserText, messageText } from './text.js'
import type {
  ConversationMessage,
  MatchCounters,
  Matcher,
  MatchRequest,
  MatchResult,
  Rule,
  RuleVerdict,
  Scenario,
  When,
} from './types.js'
import { formatPath } from './validate.js'

// Every field is always present (undefined when the rule lacks the condition) so all compiled
// rules share one object shape and the hot loop's property reads stay monomorphic.
interface CompiledRule {
  readonly index: number
  readonly rule: Rule
  readonly endpoints: ReadonlySet<string>
  readonly endpoint: GlobTest | undefined
  readonly model: GlobTest | undefined
  readonly contains: string | undefined
  readonly ignoreCase: boolean
  readonly regex: ScenarioRegex | undefined
  readonly conversation: readonly ConversationMessage[] | undefined
  readonly input: readonly string[] | undefined
  /** The agent-loop conditions, or undefined when the rule has none: one read on the hot path. */
  readonly facts: FactConditions | undefined
  readonly times: number | null
  readonly when: When
}

// The conditions read from the conversation's tool results and turns, the system prompt and the
// tools offered. Same rule as above: every field present, undefined when not given.
interface FactConditions {
  readonly lastRole: string | undefined
  readonly hasToolResult: boolean | undefined
  readonly turn: number | undefined
  readonly toolCallId: string | undefined
  readonly toolResultContains: string | undefined
  readonly toolsOffered: readonly string[] | undefined
  readonly systemContains: string | undefined
  /** `when.tools`: the tool names offered, exactly. */
  readonly tools: readonly string[] | undefined
  /** `when.params`: the request's matched parameters, exactly. */
  readonly params: Readonly<Record<string, unknown>> | undefined
}

function compileFacts(when: When): FactConditions | undefined {
  const {
    last_role,
    has_tool_result,
    turn,
    tool_call_id,
    tool_result_contains,
    tools_offered,
    system_contains,
    tools,
    params,
  } = when
  if (
    last_role === undefined &&
    has_tool_result === undefined &&
    turn === undefined &&
    tool_call_id === undefined &&
    tool_result_contains === undefined &&
    tools_offered === undefined &&
    system_contains === undefined &&
    tools === undefined &&
    params === undefined
  ) {
    return undefined
  }
  return {
    lastRole: last_role,
    hasToolResult: has_tool_result,
    turn,
    toolCallId: tool_call_id,
    toolResultContains: tool_result_contains,
    toolsOffered: typeof tools_offered === 'string' ? [tools_offered] : tools_offered,
    systemContains: system_contains,
    tools,
    params: params ?? undefined,
  }
}

// One set per endpoint list, shared by every rule of a type: the lists grow with each provider,
// and a scenario of 100k rules kept 100k copies of them.
const ENDPOINT_SETS = new WeakMap<readonly string[], ReadonlySet<string>>()
function endpointSet(endpoints: readonly string[]): ReadonlySet<string> {
  let set = ENDPOINT_SETS.get(endpoints)
  if (set === undefined) {
    set = new Set(endpoints)
    ENDPOINT_SETS.set(endpoints, set)
  }
  return set
}

/** What a rule's `when` compiles to, whatever the rule's place in the scenario. */
interface CompiledWhen {
  readonly type: Rule['type']
  /** Whether its regex was compiled lazily, trusting an earlier validation. */
  readonly validated: boolean
  readonly endpoints: ReadonlySet<string>
  readonly endpoint: GlobTest | undefined
  readonly model: GlobTest | undefined
  readonly contains: string | undefined
  readonly ignoreCase: boolean
  readonly regex: ScenarioRegex | undefined
  readonly facts: FactConditions | undefined
}

// By frozen `when`: a replay that records what it misses sets a scenario of every recording plus
// the new one, and compiling the thousands it had already compiled made each new recording cost
// in proportion to all of them. A frozen `when` (as createScenario and parseScenario give) cannot
// change, so what it compiled to can be used again.
const COMPILED_WHEN = new WeakMap<When, CompiledWhen>()

function compileWhen(type: Rule['type'], when: When, validated: boolean): CompiledWhen {
  const ignoreCase = when.ignore_case === true
  const contains = when.messages_contains
  return {
    type,
    validated,
    endpoints: endpointSet(ruleEndpoints(type, when.endpoint)),
    endpoint: when.endpoint === undefined ? undefined : compileGlob(when.endpoint),
    model: when.model === undefined ? undefined : compileGlob(when.model),
    contains: contains === undefined || !ignoreCase ? contains : contains.toLowerCase(),
    ignoreCase,
    regex:
      when.messages_regex === undefined
        ? undefined
        : (validated ? compileValidatedRegex : compileRegex)(when.messages_regex),
    facts: compileFacts(when),
  }
}

function compileRule(rule: Rule, index: number, validated: boolean): CompiledRule {
  // Rules written in code by hand (not through createScenario) may leave these out.
  const when = rule.when ?? {}
  const frozen = Object.isFrozen(when)
  let parts = frozen ? COMPILED_WHEN.get(when) : undefined
  // A regex compiled lazily was checked by an earlier validation; one that was not is checked now.
  if (parts === undefined || parts.type !== rule.type || (parts.validated && !validated)) {
    parts = compileWhen(rule.type, when, validated)
    if (frozen) COMPILED_WHEN.set(when, parts)
  }
  return {
    index,
    rule,
    endpoints: parts.endpoints,
    endpoint: parts.endpoint,
    model: parts.model,
    contains: parts.contains,
    ignoreCase: parts.ignoreCase,
    regex: parts.regex,
    conversation: when.conversation,
    input: when.input,
    facts: parts.facts,
    times: rule.times ?? null,
    when,
  }
}

// A scenario built in code skips validation; an invalid glob or regex is reported as the
// parser would, naming the rule.
function compileRules(scenario: Scenario): CompiledRule[] {
  const validated = isValidated(scenario)
  return scenario.rules.map((rule, index) => {
    try {
      return compileRule(rule, index, validated)
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error)
      throw new ScenarioError(
        [{ path: formatPath(['rules', index, 'when']), message: `cannot compile: ${text}` }],
        scenario.source === undefined
          ? { cause: error }
          : { source: scenario.source, cause: error },
      )
    }
  })
}

/**
 * The texts conditions look at, computed at most once per request whatever the number of
 * rules.
 */
class RequestView {
  readonly request: MatchRequest
  /** Embeddings-style requests carry `input` and are matched on it instead of messages. */
  readonly usesInput: boolean
  #lastUser?: string
  #lastUserLower?: string
  #allText?: string
  #inputsLower?: readonly string[]
  #facts?: ConversationFacts
  #params?: Readonly<Record<string, unknown>>

  constructor(request: MatchRequest) {
    this.request = request
    this.usesInput = request.input !== undefined && request.messages === undefined
  }

  get lastUser(): string {
    this.#lastUser ??= lastUserText(this.request.messages)
    return this.#lastUser
  }

  get lastUserLower(): string {
    this.#lastUserLower ??= this.lastUser.toLowerCase()
    return this.#lastUserLower
  }

  get allText(): string {
    this.#allText ??= conversationText(this.request.messages)
    return this.#allText
  }

  get inputs(): readonly string[] {
    return this.request.input ?? []
  }

  get inputsLower(): readonly string[] {
    this.#inputsLower ??= this.inputs.map((input) => input.toLowerCase())
    return this.#inputsLower
  }

  /** Tool results, turns and the system prompt: only rules with agent-loop conditions ask. */
  get facts(): ConversationFacts {
    this.#facts ??= conversationFacts(this.request.messages)
    return this.#facts
  }

  get tools(): readonly string[] {
    return this.request.tools ?? []
  }

  /** The matched parameters of the body (`when.params`); none when the body was not given. */
  get params(): Readonly<Record<string, unknown>> {
    this.#params ??= requestParams(this.request.body)
    return this.#params
  }
}

// `messages_contains` reads the last *user* message, and a tool result is not one (on every
// API: Anthropic's tool_result blocks become `tool` messages before matching). So in an agent
// loop the rule that asked for a tool matches again once the result comes back, the user's text
// being unchanged: that is by design, and `last_role`, `has_tool_result` and `turn` are the
// conditions that tell the two calls apart.

function containsHolds(compiled: CompiledRule, view: RequestView, needle: string): boolean {
  if (view.usesInput) {
    const inputs = compiled.ignoreCase ? view.inputsLower : view.inputs
    return inputs.some((input) => input.includes(needle))
  }
  return (compiled.ignoreCase ? view.lastUserLower : view.lastUser).includes(needle)
}

function regexHolds(regex: ScenarioRegex, view: RequestView): boolean {
  if (view.usesInput) return view.inputs.some((input) => regex.test(input))
  return regex.test(view.allText)
}

function factsHold(facts: FactConditions, view: RequestView): boolean {
  const seen = view.facts
  if (facts.lastRole !== undefined && seen.last_role !== facts.lastRole) return false
  if (facts.hasToolResult !== undefined && seen.has_tool_result !== facts.hasToolResult) {
    return false
  }
  if (facts.turn !== undefined && seen.turn !== facts.turn) return false
  if (facts.toolCallId !== undefined && seen.tool_result?.call_id !== facts.toolCallId) {
    return false
  }
  if (
    facts.toolResultContains !== undefined &&
    !seen.tool_result?.text.includes(facts.toolResultContains)
  ) {
    return false
  }
  if (facts.toolsOffered !== undefined && missingTools(facts.toolsOffered, view).length > 0) {
    return false
  }
  if (facts.systemContains !== undefined && !seen.system.includes(facts.systemContains)) {
    return false
  }
  if (facts.tools !== undefined && toolsDiff(facts.tools, view.tools) !== undefined) return false
  if (facts.params !== undefined && paramsDiff(facts.params, view.params) !== undefined) {
    return false
  }
  return true
}

function missingTools(wanted: readonly string[], view: RequestView): string[] {
  const offered = view.tools
  return wanted.filter((name) => !offered.includes(name))
}

function conversationDiff(
  expected: readonly ConversationMessage[],
  messages: MatchRequest['messages'],
): string | undefined {
  const actual = messages ?? []
  if (actual.length !== expected.length) {
    return `conversation has ${actual.length} messages, the rule expects ${expected.length}`
  }
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] as ConversationMessage
    const got = actual[i] as NonNullable<MatchRequest['messages']>[number]
    const text = messageText(got)
    if (got.role !== want.role || text !== want.content) {
      return `conversation differs at message ${i + 1}: expected ${want.role} ${quote(want.content)}, got ${got.role} ${quote(text)}`
    }
  }
  return undefined
}

function inputDiff(
  expected: readonly string[],
  actual: readonly string[] | undefined,
): string | undefined {
  const got = actual ?? []
  if (got.length !== expected.length) {
    return `input has ${got.length} items, the rule expects ${expected.length}`
  }
  for (let i = 0; i < expected.length; i++) {
    if (got[i] !== expected[i]) {
      return `input differs at item ${i + 1}: expected ${quote(expected[i] as string)}, got ${quote(got[i] as string)}`
    }
  }
  return undefined
}

// `conversationDiff` without its sentence: the hot path tries thousands of recordings whose
// conversations differ, and quoting each difference cost more than the comparison.
function conversationEquals(
  expected: readonly ConversationMessage[],
  messages: MatchRequest['messages'],
): boolean {
  const actual = messages ?? []
  if (actual.length !== expected.length) return false
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] as ConversationMessage
    const got = actual[i] as NonNullable<MatchRequest['messages']>[number]
    if (got.role !== want.role || messageText(got) !== want.content) return false
  }
  return true
}

function inputEquals(expected: readonly string[], actual: readonly string[] | undefined): boolean {
  const got = actual ?? []
  return got.length === expected.length && expected.every((item, i) => got[i] === item)
}

// The hot path, for a rule already known to answer the endpoint (see `candidates`): cheapest
// checks first, no allocation unless a text is needed.
function holds(compiled: CompiledRule, view: RequestView): boolean {
  const { request } = view
  if (compiled.model && !compiled.model(request.model)) return false
  if (compiled.contains !== undefined && !containsHolds(compiled, view, compiled.contains)) {
    return false
  }
  if (compiled.regex && !regexHolds(compiled.regex, view)) return false
  if (compiled.conversation && !conversationEquals(compiled.conversation, request.messages)) {
    return false
  }
  if (compiled.input && !inputEquals(compiled.input, request.input)) return false
  if (compiled.facts !== undefined && !factsHold(compiled.facts, view)) return false
  return true
}

const MAX_SHOWN = 80

function quote(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text
  return JSON.stringify(shown)
}

interface Check {
  readonly ok: boolean
  readonly reason: string
}

// Every condition of a rule, in the order `holds` tries them, each with a sentence that names
// the value seen.
function checks(compiled: CompiledRule, view: RequestView): Check[] {
  const { rule, ignoreCase, when } = compiled
  const { request } = view
  const list: Check[] = []
  const applies = compiled.endpoints.has(request.endpoint)
  list.push({
    ok: applies,
    reason: `type ${rule.type} ${applies ? 'answers' : 'does not answer'} ${request.endpoint}`,
  })
  if (compiled.endpoint && when.endpoint !== undefined) {
    const ok = compiled.endpoint(request.endpoint)
    list.push({
      ok,
      reason: `endpoint ${quote(request.endpoint)} ${ok ? 'matches' : 'does not match'} ${quote(when.endpoint)}`,
    })
  }
  if (compiled.model && when.model !== undefined) {
    const ok = compiled.model(request.model)
    const seen = request.model === undefined ? '(none)' : quote(request.model)
    list.push({
      ok,
      reason: `model ${seen} ${ok ? 'matches' : 'does not match'} ${quote(when.model)}`,
    })
  }
  if (compiled.contains !== undefined && when.messages_contains !== undefined) {
    const needle = quote(when.messages_contains)
    const ok = containsHolds(compiled, view, compiled.contains)
    const mode = ignoreCase ? ' (ignoring case)' : ''
    let reason: string
    if (view.usesInput) {
      reason = ok ? `an input contains ${needle}${mode}` : `no input contains ${needle}${mode}`
    } else if (ok) {
      reason = `last user message contains ${needle}${mode}`
    } else {
      const nearly =
        !ignoreCase && view.lastUserLower.includes(when.messages_contains.toLowerCase())
          ? ' (it does ignoring case; add ignore_case: true)'
          : ''
      reason = `last user message ${quote(view.lastUser)} does not contain ${needle}${nearly}`
    }
    list.push({ ok, reason })
  }
  if (compiled.regex && when.messages_regex !== undefined) {
    const ok = regexHolds(compiled.regex, view)
    const pattern = `/${when.messages_regex}/`
    const subject = view.usesInput ? 'no input' : `messages ${quote(view.allText)}`
    list.push({
      ok,
      reason: ok
        ? `${view.usesInput ? 'an input matches' : 'messages match'} ${pattern}`
        : `${subject} ${view.usesInput ? 'matches' : 'do not match'} ${pattern}`,
    })
  }
  if (compiled.conversation) {
    const diff = conversationDiff(compiled.conversation, request.messages)
    list.push({ ok: diff === undefined, reason: diff ?? 'conversation is the recorded one' })
  }
  if (compiled.input) {
    const diff = inputDiff(compiled.input, request.input)
    list.push({ ok: diff === undefined, reason: diff ?? 'input is the recorded one' })
  }
  if (compiled.facts) factChecks(compiled.facts, view, list)
  return list
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

function quoteList(names: readonly string[]): string {
  return names.map(quote).join(', ')
}

// The agent-loop conditions in the order `factsHold` tries them.
function factChecks(facts: FactConditions, view: RequestView, list: Check[]): void {
  const seen = view.facts
  const result = seen.tool_result
  if (facts.lastRole !== undefined) {
    const ok = seen.last_role === facts.lastRole
    let reason: string
    if (seen.last_role === undefined) {
      reason = `the request has no messages, so no last role (last_role: ${facts.lastRole})`
    } else if (ok) {
      reason = `last message is ${seen.last_role} (last_role: ${facts.lastRole})`
    } else {
      reason = `last message is ${seen.last_role}, not ${facts.lastRole} (last_role)`
    }
    list.push({ ok, reason })
  }
  if (facts.hasToolResult !== undefined) {
    const ok = seen.has_tool_result === facts.hasToolResult
    const held = result
      ? `conversation holds a tool result (the latest answers ${result.call_id === undefined ? 'no call id' : `call ${quote(result.call_id)}`})`
      : 'conversation holds no tool result'
    list.push({
      ok,
      reason: `${held}${ok ? '' : `, the rule wants has_tool_result: ${facts.hasToolResult}`}`,
    })
  }
  if (facts.turn !== undefined) {
    const ok = seen.turn === facts.turn
    const before = `${plural(seen.turn, 'assistant turn', 'assistant turns')} came before`
    list.push({
      ok,
      reason: ok
        ? `turn is ${seen.turn} (${before})`
        : `turn is ${seen.turn} (${before}), not ${facts.turn}`,
    })
  }
  if (facts.toolCallId !== undefined) {
    const want = quote(facts.toolCallId)
    const ok = result?.call_id === facts.toolCallId
    let reason: string
    if (!result) reason = `no tool result answers call ${want}: the conversation holds none`
    else if (ok) reason = `latest tool result answers call ${want}`
    else if (result.call_id === undefined)
      reason = `latest tool result names no call id, not ${want}`
    else reason = `latest tool result answers call ${quote(result.call_id)}, not ${want}`
    list.push({ ok, reason })
  }
  if (facts.toolResultContains !== undefined) {
    const needle = quote(facts.toolResultContains)
    const ok = result?.text.includes(facts.toolResultContains) === true
    let reason: string
    if (!result) reason = `no tool result to contain ${needle}: the conversation holds none`
    else if (ok) reason = `latest tool result contains ${needle}`
    else reason = `latest tool result ${quote(result.text)} does not contain ${needle}`
    list.push({ ok, reason })
  }
  if (facts.toolsOffered !== undefined) {
    const missing = missingTools(facts.toolsOffered, view)
    const ok = missing.length === 0
    const offered = view.tools
    let reason: string
    if (ok) reason = `request offers ${quoteList(facts.toolsOffered)}`
    else if (offered.length === 0) reason = `request offers no tools, not ${quoteList(missing)}`
    else reason = `request offers ${quoteList(offered)}, not ${quoteList(missing)}`
    list.push({ ok, reason: `${reason} (tools_offered)` })
  }
  if (facts.systemContains !== undefined) {
    const needle = quote(facts.systemContains)
    const ok = seen.system.includes(facts.systemContains)
    let reason: string
    if (ok) reason = `system prompt contains ${needle}`
    else if (seen.system === '') reason = `request has no system prompt to contain ${needle}`
    else reason = `system prompt ${quote(seen.system)} does not contain ${needle}`
    list.push({ ok, reason })
  }
  if (facts.tools !== undefined) {
    const diff = toolsDiff(facts.tools, view.tools)
    list.push({ ok: diff === undefined, reason: diff ?? 'tools are the recorded ones' })
  }
  if (facts.params !== undefined) {
    const diff = paramsDiff(facts.params, view.params)
    list.push({ ok: diff === undefined, reason: diff ?? 'params are the recorded ones' })
  }
}

// Below this many needles a substring search per rule costs no more than the index.
const INDEX_MIN_NEEDLES = 64

/**
 * For large scenarios, the rules whose `messages_contains` may hold for a request, in order;
 * `undefined` when every rule has to be tried.
 */
function containsFilter(
  compiled: readonly CompiledRule[],
): ((view: RequestView) => readonly number[]) | undefined {
  const needles = (ignoreCase: boolean) =>
    compiled.map((rule) => (rule.ignoreCase === ignoreCase ? rule.contains : undefined))
  const exact = needles(false)
  const folded = needles(true)
  const indexOf = (list: (string | undefined)[]): ContainsIndex | undefined =>
    list.filter((needle) => needle !== undefined).length >= INDEX_MIN_NEEDLES
      ? createContainsIndex(list)
      : undefined
  const exactIndex = indexOf(exact)
  const foldedIndex = indexOf(folded)
  if (!exactIndex && !foldedIndex) return undefined
  return (view) => {
    const exactLeft = exactIndex?.candidates(view.usesInput ? view.inputs : [view.lastUser])
    const foldedLeft = foldedIndex?.candidates(
      view.usesInput ? view.inputsLower : [view.lastUserLower],
    )
    if (!exactLeft || !foldedLeft) return (exactLeft ?? foldedLeft) as number[]
    // A rule outside an index's family is always a candidate there, so the two combine by AND.
    return intersectSorted(exactLeft, foldedLeft)
  }
}

// The indices in both ascending lists.
function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const both: number[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as number
    const y = b[j] as number
    if (x === y) both.push(x)
    if (x <= y) i++
    if (y <= x) j++
  }
  return both
}

/** The rules that answer one endpoint, as a list in order and as one byte per rule. */
interface EndpointRules {
  readonly list: readonly CompiledRule[]
  readonly member: Uint8Array
}

// Bounds the per-endpoint candidate cache: the server passes known paths, but a custom harness
// might pass anything.
const MAX_CACHED_ENDPOINTS = 64

class UseCounts implements MatchCounters {
  // By rule index, only for rules selected at least once: a session over a 100k-rule scenario
  // costs what it used, not an array per session.
  readonly #uses = new Map<number, number>()

  get(index: number): number {
    return this.#uses.get(index) ?? 0
  }

  count(index: number): number {
    const use = (this.#uses.get(index) ?? 0) + 1
    this.#uses.set(index, use)
    return use
  }

  reset(): void {
    this.#uses.clear()
  }
}

/**
 * Fresh `times` counters for one matcher, for a caller that keeps several sets of counters
 * over the same compiled rules (one per session); pass them to `match` and `explain`.
 *
 * @example
 * const counters = createCounters()
 * matcher.match(request, counters) // counts a use in `counters`, not in the matcher's own
 */
export function createCounters(): MatchCounters {
  return new UseCounts()
}

/**
 * Compiles a scenario's rules once (globs, regexes, endpoint sets) and keeps the live `times`
 * counters (its default set; `createCounters()` makes others). `match` selects the first rule that holds and has uses left, and counts the use;
 * `explain` gives a verdict per rule without counting; `reset` restores every counter.
 *
 * @example
 * const matcher = createMatcher(parseScenario(text))
 * matcher.match({ endpoint: ENDPOINTS.chatCompletions, model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] })
 * // { rule, index: 0, use: 1 }
 */
export function createMatcher(scenario: Scenario): Matcher {
  const compiled = compileRules(scenario)
  const defaults = createCounters()
  const byEndpoint = new Map<string, EndpointRules>()
  const possible = containsFilter(compiled)
  const readsBody = compiled.some((rule) => rule.facts?.params !== undefined)

  const candidates = (endpoint: string): EndpointRules => {
    let rules = byEndpoint.get(endpoint)
    if (!rules) {
      const list = compiled.filter(
        (rule) => rule.endpoints.has(endpoint) && (!rule.endpoint || rule.endpoint(endpoint)),
      )
      const member = new Uint8Array(compiled.length)
      for (const rule of list) member[rule.index] = 1
      rules = { list, member }
      if (byEndpoint.size >= MAX_CACHED_ENDPOINTS) byEndpoint.clear()
      byEndpoint.set(endpoint, rules)
    }
    return rules
  }

  // Built on the first request, not at start: a replay of 10,000 recordings starts sooner.
  let exact: ExactIndex | null | undefined
  const exactFilter = (): ExactIndex | null => {
    exact ??=
      compiled.filter((rule) => rule.conversation || rule.input).length >= INDEX_MIN_NEEDLES
        ? createExactIndex(
            compiled.map((rule) => rule.conversation),
            compiled.map((rule) => rule.input),
          )
        : null
    return exact
  }

  // With an index, only the rules it leaves are visited, in order: no substring search, and
  // no visit at all, for the rules it rules out.
  const ordered = (request: MatchRequest, view: RequestView): readonly CompiledRule[] => {
    const rules = candidates(request.endpoint)
    const containing = possible?.(view)
    const same = exactFilter()?.candidates(request)
    // A rule outside an index's family is always a candidate there, so the two combine by AND.
    const left = containing && same ? intersectSorted(containing, same) : (containing ?? same)
    if (!left) return rules.list
    const list: CompiledRule[] = []
    for (const index of left) {
      if (rules.member[index] === 1) list.push(compiled[index] as CompiledRule)
    }
    return list
  }

  return {
    scenario,
    readsBody,
    match(request: MatchRequest, counters: MatchCounters = defaults): MatchResult | undefined {
      const view = new RequestView(request)
      for (const rule of ordered(request, view)) {
        if (rule.times !== null && counters.get(rule.index) >= rule.times) continue
        if (!holds(rule, view)) continue
        return { rule: rule.rule, index: rule.index, use: counters.count(rule.index) }
      }
      return undefined
    },
    explain(request: MatchRequest, counters: MatchCounters = defaults): RuleVerdict[] {
      const view = new RequestView(request)
      return compiled.map((rule): RuleVerdict => {
        const list = checks(rule, view)
        const passed = list.filter((check) => check.ok).length
        const failed = list.find((check) => !check.ok)
        const used = counters.get(rule.index)
        const exhausted = rule.times !== null && used >= rule.times
        const usedUp = `used up: times is ${rule.times}, already selected ${used} times`
        const applies = (list[0] as Check).ok
        if (failed) {
          const reasons = exhausted ? [failed.reason, usedUp] : [failed.reason]
          return { index: rule.index, matched: false, reasons, applies, passed }
        }
        if (exhausted)
          return { index: rule.index, matched: false, reasons: [usedUp], applies, passed }
        const reasons = list.map((check) => check.reason)
        if (list.length === 1) reasons.push('no conditions: matches every request its type answers')
        return { index: rule.index, matched: true, reasons, applies, passed }
      })
    },
    reset(): void {
      defaults.reset()
    },
  }
}
