/**
 * The inspector behind `GET /_mocktopus/ui`: the page itself (built into ./page.generated.ts
 * and served from memory), a live feed of journal entries, one entry's detail with every
 * rule's verdict recomputed on demand against the current matcher (without counting a use),
 * the rule to add for a request no rule answered, and the scenario's rules with their hits.
 */
import {
  createRouter,
  type EngineContext,
  type Exchange,
  type ExchangeDraft,
  type HeaderLookup,
  type Journal,
  type SSEFrame,
} from '@mocktopus/responders'
import type { MatchRequest, Rule, RuleVerdict, Scenario } from '@mocktopus/scenario'
import { jsonOutput, type Output } from '../output.js'
import {
  type AnswerCapture,
  createAnswerCapture,
  DETAIL_BYTES,
  type Detail,
  shownAnswer,
} from './capture.js'
import { createFeedHub } from './feed.js'
import { PAGE_HTML, PAGE_SCRIPT, PAGE_STYLE } from './page.generated.js'
import { requestText, suggestRule } from './suggest.js'

/** The routes the inspector answers. */
export type InspectorRouteName =
  | 'ui'
  | 'ui-script'
  | 'ui-style'
  | 'inspector-events'
  | 'inspector-entry'
  | 'inspector-scenario'

/** How many characters of the request's text a list entry carries (the search reads them). */
export const SUMMARY_TEXT_LENGTH = 300
/** The most entries a feed starts with. */
export const FEED_START_LIMIT = 5000
/** The most rules the scenario view and an entry's verdicts list. */
export const LISTED_RULES = 2000

/** One entry of the live list. */
export interface EntrySummary {
  /** The journal's number for the entry: a cursor for `?after=`. */
  readonly n: number
  readonly time: string
  readonly method: string
  readonly path: string
  readonly endpoint: string
  readonly provider: string | null
  readonly model?: string
  /** The last user message (or first embedding input), cut to 300 characters. */
  readonly text: string
  readonly status: number
  readonly ruleIndex: number | null
  /** `file:line` of the rule that answered. */
  readonly rule?: string
  readonly durationMs: number
  /** What the answer would have cost, in USD. */
  readonly cost?: number
  readonly session?: string
  readonly fault?: unknown
  readonly stream: boolean
  readonly error?: string
  readonly aborted?: boolean
}

/** A rule's verdict for one request, as `mocktopus explain` prints it. */
export interface ShownVerdict extends RuleVerdict {
  /** `rules[2] (line 14)`. */
  readonly name: string
  readonly answered: boolean
}

export interface InspectorOptions {
  readonly journal: Journal<Exchange>
  /** The engine's context: its matcher is the current scenario's. */
  readonly engine: EngineContext
  readonly scenario: () => Scenario
  /**
   * A live session's engine and scenario (docs/sessions.md): its requests are explained against
   * them. Absent, or for a session that has ended, the server's are used.
   */
  readonly session?: (id: string) => { engine: EngineContext; scenario: Scenario } | undefined
  /** The bytes all kept answers may hold together; default 16 MiB. */
  readonly bytes?: number
}

export interface Inspector {
  /** What the handler calls while it answers. */
  readonly capture: AnswerCapture
  /** Called once the journal has recorded `exchange`, with its cost in USD when counted. */
  recorded(exchange: Exchange, draft: ExchangeDraft | undefined, cost: number | undefined): void
  /** The journal was cleared (`reset()`). */
  cleared(): void
  /** The scenario was replaced: hit counts start afresh. */
  scenarioChanged(): void
  /** The answer of one inspector route. */
  answer(name: InspectorRouteName, query: string, request: { readonly signal: AbortSignal }): Output
}

// Everything the page loads comes from this server; a page of another site may not frame it.
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
}

function asset(type: string, text: string): Output {
  return { kind: 'json', status: 200, headers: { ...PAGE_HEADERS, 'content-type': type }, text }
}

function headerLookup(headers: Readonly<Record<string, string>> | undefined): HeaderLookup {
  return { header: (name) => headers?.[name] }
}

function ruleName(index: number, rule: Rule | undefined): string {
  return rule?.line === undefined ? `rules[${index}]` : `rules[${index}] (line ${rule.line})`
}

function ruleWhere(scenario: Scenario, index: number): string | undefined {
  const rule = scenario.rules[index]
  if (!rule) return undefined
  // The file's name, not its path: the list has little room, the scenario view shows the path.
  const file = scenario.source?.split(/[\\/]/).pop() || 'scenario'
  return rule.line === undefined ? `${file} rules[${index}]` : `${file}:${rule.line}`
}

function numberParam(query: string, name: string): number | undefined {
  const raw = new URLSearchParams(query).get(name)
  if (raw === null || raw === '') return undefined
  const value = Number(raw)
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined
}

/**
 * The inspector of one instance.
 *
 * @example const inspector = createInspector({ journal, engine, scenario: () => scenario })
 */
export function createInspector(options: InspectorOptions): Inspector {
  const { journal, engine } = options
  const bound = options.bytes ?? DETAIL_BYTES
  const capture = createAnswerCapture()
  const router = createRouter()
  const hub = createFeedHub()
  // Kept beside the journal, by its entry numbers, oldest first (a Map keeps insertion order).
  const details = new Map<number, Detail>()
  const costs = new Map<number, number>()
  let held = 0
  // The lowest entry number each map may still hold. Entries leave in number order, so the
  // eviction walks these forward instead of iterating a Map: a Map used as a queue keeps its
  // deleted slots until it is rehashed, and iterating from the front skipped them all on every
  // request (a fifth of the server's time per chat request at a full journal).
  let lowestDetail = 1
  let lowestCost = 1
  let hits = new Map<number, number>()

  // The engine and scenario that answered `exchange`: its session's, else the server's.
  const contextOf = (exchange: Exchange) => {
    const own = exchange.session === undefined ? undefined : options.session?.(exchange.session)
    return own ?? { engine, scenario: options.scenario() }
  }

  const forget = (n: number) => {
    const detail = details.get(n)
    if (detail) {
      held -= detail.bytes
      details.delete(n)
    }
  }

  // The request as the matcher saw it, when its body can still be parsed.
  const matchRequest = (exchange: Exchange, n: number): MatchRequest | undefined => {
    if (exchange.truncated || exchange.body === null || typeof exchange.body !== 'object') return
    const headers = details.get(n)?.requestHeaders
    const route = router.find(exchange.method, exchange.endpoint, headerLookup(headers))
    if (route?.endpoint.kind !== 'rules') return
    try {
      const parsed = route.endpoint.parse(exchange.body, contextOf(exchange).engine.state)
      return parsed.ok ? parsed.match : undefined
    } catch {
      return undefined
    }
  }

  const summarize = (n: number, exchange: Exchange): EntrySummary => {
    const headers = details.get(n)?.requestHeaders
    const route = router.find(exchange.method, exchange.endpoint, headerLookup(headers))
    const match = matchRequest(exchange, n)
    const cost = costs.get(n)
    const where =
      exchange.ruleIndex === null
        ? undefined
        : ruleWhere(contextOf(exchange).scenario, exchange.ruleIndex)
    const extra = exchange as { readonly session?: unknown; readonly fault?: unknown }
    return {
      n,
      time: exchange.time,
      method: exchange.method,
      path: exchange.path,
      endpoint: exchange.endpoint,
      provider: route?.endpoint.provider.name ?? null,
      ...(exchange.model === undefined ? {} : { model: exchange.model }),
      text: match ? requestText(match).slice(0, SUMMARY_TEXT_LENGTH) : '',
      status: exchange.status,
      ruleIndex: exchange.ruleIndex,
      ...(where === undefined ? {} : { rule: where }),
      durationMs: Math.round(exchange.durationMs * 10) / 10,
      ...(cost === undefined ? {} : { cost }),
      ...(typeof extra.session === 'string' ? { session: extra.session } : {}),
      ...(extra.fault === undefined ? {} : { fault: extra.fault }),
      stream: exchange.stream,
      ...(exchange.error === undefined ? {} : { error: exchange.error }),
      ...(exchange.aborted ? { aborted: true } : {}),
    }
  }

  const entryAt = (n: number): Exchange | undefined => {
    const { entries, cursor } = journal.page({ after: n - 1, limit: 1 })
    return cursor === n ? entries[0] : undefined
  }

  const verdictsFor = (exchange: Exchange, match: MatchRequest) => {
    const context = contextOf(exchange)
    const { scenario } = context
    // As the engine matched it: prepared (replay's normalising), with its body for `when.params`.
    const { engine } = context
    const seen = engine.prepareMatch
      ? engine.prepareMatch(match, exchange.body)
      : engine.matcher.readsBody
        ? { ...match, body: exchange.body }
        : match
    const all: RuleVerdict[] = engine.matcher.explain(seen)
    // The rules before the one that answered and it; for a miss, those of the endpoint's type.
    const upTo = exchange.ruleIndex ?? all.length - 1
    const shown: ShownVerdict[] = []
    let more = 0
    for (const verdict of all) {
      if (verdict.index > upTo) break
      if (exchange.ruleIndex === null && verdict.applies === false) continue
      if (shown.length >= LISTED_RULES) {
        more++
        continue
      }
      const name = ruleName(verdict.index, scenario.rules[verdict.index])
      shown.push({ ...verdict, name, answered: verdict.index === exchange.ruleIndex })
    }
    return { verdicts: shown, more }
  }

  const detailOutput = (query: string): Output => {
    const n = numberParam(query, 'n')
    const exchange = n === undefined ? undefined : entryAt(n)
    if (n === undefined || !exchange) {
      return jsonOutput(
        404,
        {
          error: {
            message: `No journal entry ${n ?? '(n=)'}: it was never recorded or has been dropped.`,
            code: 'entry_not_found',
          },
        },
        { 'cache-control': 'no-store' },
      )
    }
    const detail = details.get(n)
    const match = matchRequest(exchange, n)
    const explained = match ? verdictsFor(exchange, match) : undefined
    const suggestion = match && exchange.ruleIndex === null ? suggestRule(match) : undefined
    return jsonOutput(
      200,
      {
        entry: summarize(n, exchange),
        exchange,
        requestHeaders: detail?.requestHeaders ?? null,
        responseHeaders: detail?.responseHeaders ?? null,
        answer: detail ? shownAnswer(detail.answer) : null,
        ...(match ? { match } : {}),
        ...(explained ? explained : {}),
        ...(suggestion === undefined ? {} : { suggestion }),
      },
      { 'cache-control': 'no-store' },
    )
  }

  const scenarioOutput = (): Output => {
    const scenario = options.scenario()
    const rules = scenario.rules.slice(0, LISTED_RULES).map((rule, index) => ({
      index,
      name: ruleName(index, rule),
      where: ruleWhere(scenario, index),
      type: rule.type,
      when: rule.when ?? {},
      times: rule.times ?? null,
      kind: rule.error ? 'error' : 'respond',
      hits: hits.get(index) ?? 0,
    }))
    let unused = 0
    for (let index = 0; index < scenario.rules.length; index++) if (!hits.has(index)) unused++
    return jsonOutput(
      200,
      { source: scenario.source ?? null, total: scenario.rules.length, unused, rules },
      { 'cache-control': 'no-store' },
    )
  }

  const eventsOutput = (query: string, signal: AbortSignal): Output => {
    const after = numberParam(query, 'after')
    const { entries, cursor } = journal.page(after === undefined ? {} : { after })
    const start = Math.max(0, entries.length - FEED_START_LIMIT)
    const first: SSEFrame[] = []
    const firstNumber = (cursor ?? 0) - entries.length + 1
    for (let i = start; i < entries.length; i++) {
      first.push({ event: 'entry', data: summarize(firstNumber + i, entries[i] as Exchange) })
    }
    first.push({ event: 'ready', data: { cursor: journal.last } })
    let settle = () => {}
    const settled = new Promise<void>((resolve) => {
      settle = resolve
    })
    const feed = hub.open(first, signal)
    const frames: AsyncIterable<SSEFrame> = {
      [Symbol.asyncIterator]() {
        const source = feed[Symbol.asyncIterator]()
        return {
          next: () =>
            (source.next() as Promise<IteratorResult<SSEFrame>>).then((result) => {
              if (result.done) settle()
              return result
            }),
          return: () => {
            settle()
            return source.return?.() ?? Promise.resolve({ done: true, value: undefined })
          },
        }
      },
    }
    const headers = {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    }
    return { kind: 'stream', status: 200, headers, frames, settled, live: true }
  }

  return {
    capture,
    recorded(exchange, draft, cost) {
      const detail = draft ? capture.take(draft) : undefined
      // The scenario view shows the server's scenario: hits on a session's own do not count.
      if (exchange.ruleIndex !== null && contextOf(exchange).scenario === options.scenario()) {
        hits.set(exchange.ruleIndex, (hits.get(exchange.ruleIndex) ?? 0) + 1)
      }
      if (journal.size === 0) return
      const n = journal.last
      if (detail) {
        details.set(n, detail)
        held += detail.bytes
      }
      if (cost !== undefined) costs.set(n, cost)
      // Within the journal's count and the bytes bound, oldest first.
      const oldest = n - journal.size
      while (lowestDetail <= n && (lowestDetail <= oldest || held > bound)) forget(lowestDetail++)
      while (lowestCost <= oldest) costs.delete(lowestCost++)
      if (hub.size > 0) hub.publish({ event: 'entry', data: summarize(n, exchange) })
    },
    cleared() {
      details.clear()
      costs.clear()
      held = 0
      // The journal numbers on after a clear: everything up to its last number is gone.
      lowestDetail = journal.last + 1
      lowestCost = journal.last + 1
      hits = new Map()
      hub.publish({ event: 'reset', data: { cursor: journal.last } })
    },
    scenarioChanged() {
      hits = new Map()
    },
    answer(name, query, request) {
      switch (name) {
        case 'ui':
          return asset('text/html; charset=utf-8', PAGE_HTML)
        case 'ui-script':
          return asset('text/javascript; charset=utf-8', PAGE_SCRIPT)
        case 'ui-style':
          return asset('text/css; charset=utf-8', PAGE_STYLE)
        case 'inspector-events':
          return eventsOutput(query, request.signal)
        case 'inspector-entry':
          return detailOutput(query)
        case 'inspector-scenario':
          return scenarioOutput()
      }
    },
  }
}
