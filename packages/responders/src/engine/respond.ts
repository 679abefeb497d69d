/**
 * What a matched rule answers this time: the item of its `respond` list for this use, with the
 * placeholders of its texts filled in from the request. Every rule endpoint reads the answer
 * from `match.rule.respond`, so the engine hands it a match whose rule carries the chosen one.
 */
import {
  conversationFacts,
  lastUserText,
  type MatchRequest,
  type MatchResult,
  type Respond,
  type Rule,
  respondTemplate,
  type TemplateValues,
} from '@mocktopus/scenario'

/**
 * The 0-based item of a sequence of `length` items for the rule's 1-based `use`: item N for use
 * N, then the last one again, or with `cycle` the first again.
 *
 * @example sequenceIndex(3, 5, true) // 1
 */
export function sequenceIndex(length: number, use: number, cycle: boolean): number {
  const zeroBased = Math.max(0, use - 1)
  return cycle ? zeroBased % length : Math.min(zeroBased, length - 1)
}

// A template reads only what it names: each value is worked out when first asked for.
class RequestValues implements TemplateValues {
  readonly body: unknown
  readonly #request: MatchRequest

  constructor(request: MatchRequest, body: unknown) {
    this.#request = request
    this.body = body
  }

  lastUserMessage(): string {
    return lastUserText(this.#request.messages)
  }

  toolResult(): string {
    return conversationFacts(this.#request.messages).tool_result?.text ?? ''
  }

  model(): string {
    return this.#request.model ?? ''
  }
}

// One rule per item of a sequence, made once: answers cache what they serialise by rule, so a
// static item must come with the same rule object every time.
const ITEM_RULES = new WeakMap<Rule, Rule[]>()

function itemRule(rule: Rule, index: number, respond: Respond): Rule {
  let rules = ITEM_RULES.get(rule)
  if (!rules) {
    rules = []
    ITEM_RULES.set(rule, rules)
  }
  let item = rules[index]
  if (!item) {
    item = { ...rule, respond }
    rules[index] = item
  }
  return item
}

/**
 * The match to answer from: `match` itself for a rule with one `respond` and no placeholders
 * (or an `error:` rule), else a match whose rule's `respond` is this use's item, rendered with
 * the request's values. `request` is the request as the matcher saw it, `body` the parsed JSON
 * body (for `{{ request.<path> }}`).
 *
 * @example const answering = respondFor(match, parsed.match, body)
 */
export function respondFor(match: MatchResult, request: MatchRequest, body: unknown): MatchResult {
  const { rule } = match
  const { sequence } = rule
  let index = 0
  let respond = rule.respond
  if (sequence !== undefined && sequence.length > 1) {
    index = sequenceIndex(sequence.length, match.use, rule.cycle === true)
    respond = sequence[index]
  }
  if (respond === undefined) return match
  const template = respondTemplate(respond)
  if (template) {
    const rendered = template.render(new RequestValues(request, body))
    return { ...match, rule: { ...rule, respond: rendered } }
  }
  if (index === 0) return match
  return { ...match, rule: itemRule(rule, index, respond) }
}
