/**
 * Which earlier rule matches every request a later rule matches, for the lint's "never
 * selected" warning. Comparing every pair is quadratic (a 100k-rule scenario took minutes), so
 * earlier rules are filed under what must be equal (endpoints, regex, conversation, input) and
 * what can be looked up (model, substring), and a later rule visits only the few slots that
 * can cover it.
 */
import { compileGlob, type GlobTest, isMatchAll } from './glob.js'
import { canonicalJSON } from './params.js'
import type { Rule } from './types.js'

const GLOB_CHARS = /[*?[\]{}\\]/

function sameJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The agent-loop conditions of a `when` as one key (`undefined` without any): a rule that has
 * them covers only rules with the very same ones.
 */
function factsKey(when: Rule['when']): string | undefined {
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
  const values = [
    last_role,
    has_tool_result,
    turn,
    tool_call_id,
    tool_result_contains,
    typeof tools_offered === 'string' ? [tools_offered] : tools_offered,
    system_contains,
    tools === undefined ? undefined : [...tools].sort(),
    params === undefined ? undefined : canonicalJSON(params),
  ]
  return values.every((value) => value === undefined) ? undefined : JSON.stringify(values)
}

/**
 * Whether every request `later` matches is also matched by `earlier`, judged on the clear
 * cases only: each condition of `earlier` is absent, match-all, or implied by an equal (or, for
 * substrings, containing) condition of `later`. Unsure means no. `endpoints` are each rule's
 * effective endpoints. This is the definition {@link createCoverIndex} computes faster.
 *
 * @example covers(anyLlmRule, helloRule, [[...llm], [...llm]]) // true
 */
export function covers(
  earlier: Rule,
  later: Rule,
  [mine, theirs]: readonly [readonly string[], readonly string[]],
): boolean {
  if (theirs.length === 0 || !theirs.every((path) => mine.includes(path))) return false
  const a = earlier.when
  const b = later.when
  if (a.model !== undefined && !isMatchAll(a.model)) {
    const exact = b.model !== undefined && !GLOB_CHARS.test(b.model)
    if (b.model !== a.model && !(exact && compileGlob(a.model)(b.model))) return false
  }
  if (a.messages_contains !== undefined) {
    if (b.messages_contains === undefined) return false
    const loose = a.ignore_case === true
    if (!loose && b.ignore_case === true) return false
    const needle = loose ? a.messages_contains.toLowerCase() : a.messages_contains
    const hay = loose ? b.messages_contains.toLowerCase() : b.messages_contains
    if (!hay.includes(needle)) return false
  }
  if (a.messages_regex !== undefined && a.messages_regex !== b.messages_regex) return false
  if (a.conversation !== undefined && !sameJSON(a.conversation, b.conversation)) return false
  if (a.input !== undefined && !sameJSON(a.input, b.input)) return false
  const facts = factsKey(a)
  if (facts !== undefined && facts !== factsKey(b)) return false
  return true
}

/** Needles by text (the first rule that has each) and the lengths that occur. */
interface NeedleTable {
  readonly first: Map<string, number>
  readonly lengths: Set<number>
}

/** Rules with one model condition: without a substring, or by substring. */
interface ModelSlot {
  unconditional: number
  readonly exact: NeedleTable
  readonly folded: NeedleTable
}

interface Bucket {
  readonly any: ModelSlot
  readonly byModel: Map<string, ModelSlot>
  readonly globs: Map<string, { readonly test: GlobTest; readonly slot: ModelSlot }>
}

const NONE = Number.POSITIVE_INFINITY

function newSlot(): ModelSlot {
  const table = (): NeedleTable => ({ first: new Map(), lengths: new Set() })
  return { unconditional: NONE, exact: table(), folded: table() }
}

function file(table: NeedleTable, needle: string, index: number): void {
  if (table.first.has(needle)) return
  table.first.set(needle, index)
  table.lengths.add(needle.length)
}

// The first rule whose needle occurs in `hay`: one window per needle length, so the cost is
// the text's length times the number of distinct lengths, not the number of needles.
function firstNeedleIn(table: NeedleTable, hay: string): number {
  let best = NONE
  for (const length of table.lengths) {
    for (let i = 0; i + length <= hay.length; i++) {
      const index = table.first.get(hay.slice(i, i + length))
      if (index !== undefined && index < best) best = index
    }
  }
  return best
}

function slotCovering(slot: ModelSlot, later: Rule): number {
  const hay = later.when.messages_contains
  if (hay === undefined) return slot.unconditional
  let best = Math.min(slot.unconditional, firstNeedleIn(slot.folded, hay.toLowerCase()))
  // A case-sensitive substring cannot cover one that ignores case.
  if (later.when.ignore_case !== true) best = Math.min(best, firstNeedleIn(slot.exact, hay))
  return best
}

/** Earlier rules, added in order, and the question asked of each later rule. */
export interface CoverIndex {
  /** Files a rule without `times` that later rules may be covered by. */
  add(rule: Rule, index: number, endpoints: readonly string[]): void
  /** The first rule added so far that {@link covers} `rule`, or -1. */
  find(rule: Rule, endpoints: readonly string[]): number
}

/**
 * An empty index. Each `find` costs the number of distinct endpoint sets times eight bucket
 * keys, plus the later rule's substring length per distinct needle length and one test per
 * distinct model glob: independent of the number of rules in the usual scenario.
 *
 * @example
 * const index = createCoverIndex()
 * rules.forEach((rule, i) => { index.find(rule, paths[i]); if (rule.times === null) index.add(rule, i, paths[i]) })
 */
export function createCoverIndex(): CoverIndex {
  const buckets = new Map<string, Bucket>()
  // Distinct endpoint sets, and which contain which (cached per pair).
  const endpointSets = new Map<string, ReadonlySet<string>>()
  const contains = new Map<string, boolean>()

  // Two orders of one set file under two keys; `find` visits every key whose set contains the
  // rule's, so that costs nothing but a key.
  const keyOf = (endpoints: readonly string[]) => endpoints.join(' ')
  const bucketKey = (
    endpoints: string,
    regex: unknown,
    conversation: unknown,
    input: unknown,
    facts: unknown,
  ) =>
    JSON.stringify([endpoints, regex ?? null, conversation ?? null, input ?? null, facts ?? null])

  const superset = (outer: string, inner: string, paths: readonly string[]): boolean => {
    const pair = `${outer}\u0000${inner}`
    let holds = contains.get(pair)
    if (holds === undefined) {
      const set = endpointSets.get(outer) as ReadonlySet<string>
      holds = paths.every((path) => set.has(path))
      contains.set(pair, holds)
    }
    return holds
  }

  return {
    add(rule, index, endpoints) {
      if (endpoints.length === 0) return
      const when = rule.when
      const endpointKey = keyOf(endpoints)
      if (!endpointSets.has(endpointKey)) endpointSets.set(endpointKey, new Set(endpoints))
      const key = bucketKey(
        endpointKey,
        when.messages_regex,
        when.conversation && JSON.stringify(when.conversation),
        when.input && JSON.stringify(when.input),
        factsKey(when),
      )
      let bucket = buckets.get(key)
      if (!bucket) {
        bucket = { any: newSlot(), byModel: new Map(), globs: new Map() }
        buckets.set(key, bucket)
      }
      let slot = bucket.any
      const model = when.model
      if (model !== undefined && !isMatchAll(model)) {
        slot = bucket.byModel.get(model) ?? newSlot()
        bucket.byModel.set(model, slot)
        if (GLOB_CHARS.test(model) && !bucket.globs.has(model)) {
          bucket.globs.set(model, { test: compileGlob(model), slot })
        }
      }
      const needle = when.messages_contains
      if (needle === undefined) slot.unconditional = Math.min(slot.unconditional, index)
      else if (when.ignore_case === true) file(slot.folded, needle.toLowerCase(), index)
      else file(slot.exact, needle, index)
    },

    find(rule, endpoints) {
      if (endpoints.length === 0) return -1
      const when = rule.when
      const endpointKey = keyOf(endpoints)
      const conversation = when.conversation && JSON.stringify(when.conversation)
      const input = when.input && JSON.stringify(when.input)
      const facts = factsKey(when)
      const model = when.model
      const exactModel = model !== undefined && !GLOB_CHARS.test(model)
      let best = NONE
      for (const outer of endpointSets.keys()) {
        if (!superset(outer, endpointKey, endpoints)) continue
        // An earlier rule's regex, conversation, input and agent-loop conditions are absent or
        // equal to this rule's.
        for (const regex of when.messages_regex === undefined
          ? [null]
          : [null, when.messages_regex]) {
          for (const conv of conversation === undefined ? [null] : [null, conversation]) {
            for (const inp of input === undefined ? [null] : [null, input]) {
              for (const fact of facts === undefined ? [null] : [null, facts]) {
                const bucket = buckets.get(bucketKey(outer, regex, conv, inp, fact))
                if (!bucket) continue
                best = Math.min(best, slotCovering(bucket.any, rule))
                if (model === undefined) continue
                const same = bucket.byModel.get(model)
                if (same) best = Math.min(best, slotCovering(same, rule))
                if (!exactModel) continue
                for (const { test, slot } of bucket.globs.values()) {
                  if (test(model)) best = Math.min(best, slotCovering(slot, rule))
                }
              }
            }
          }
        }
      }
      return best === NONE ? -1 : best
    },
  }
}
