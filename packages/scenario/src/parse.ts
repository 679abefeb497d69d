import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml'
import { ScenarioError } from './errors.js'
import { buildScenario } from './normalize.js'
import type { Scenario, ScenarioIssue } from './types.js'
import { collectIssues, formatPath, type RawIssue } from './validate.js'
import { type FastRead, readSimpleYaml } from './yaml-fast.js'

/** Options of {@link parseScenario}. */
export interface ParseScenarioOptions {
  /** File name or label for messages, e.g. `scenarios/chat.yaml`. */
  readonly source?: string
  /** The longest text accepted, in characters; default {@link MAX_SCENARIO_SIZE}. */
  readonly maxSize?: number
  /**
   * Reads the text with the fast reader: default {@link readSimpleYaml}. A cache of earlier
   * reads of the same file can stand in (the server's replay does, for large recordings);
   * what it gives is validated as any read is, and `undefined` sends the text to `yaml`.
   */
  readonly read?: (text: string) => FastRead | undefined
}

/**
 * The longest scenario text `parseScenario` reads: 16 MiB of characters, far above any
 * hand-written or recorded scenario, so a wrong file or a hostile one fails at once.
 */
export const MAX_SCENARIO_SIZE: number = 16 * 1024 * 1024

// Far above what a hand-written scenario uses, far below what an alias bomb needs.
const MAX_ALIAS_COUNT = 1000

interface Position {
  readonly line: number
  readonly column: number
}

function keyText(node: unknown): unknown {
  return isScalar(node) ? node.value : node
}

function resolveNode(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node
}

// Walks the document along the issue's path to the node it names (or the nearest ancestor
// that exists), and returns where that node starts.
function locate(doc: Document, counter: LineCounter, issue: RawIssue): Position | undefined {
  const segments = issue.at === 'parent' ? issue.segments.slice(0, -1) : issue.segments
  let node: unknown = doc.contents
  let offset = (node as Node | null)?.range?.[0]
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    node = resolveNode(doc, node)
    let next: unknown
    if (isMap(node)) {
      const pair = node.items.find((item) => String(keyText(item.key)) === String(segment))
      if (!pair) break
      const last = i === segments.length - 1
      next = last && issue.at === 'key' ? pair.key : (pair.value ?? pair.key)
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment]
    }
    const start = (next as Node | null | undefined)?.range?.[0]
    if (start === undefined) break
    node = next
    offset = start
  }
  if (offset === undefined) return undefined
  const { line, col } = counter.linePos(offset)
  return { line, column: col }
}

function ruleLines(doc: Document, counter: LineCounter): (number | undefined)[] {
  const root = resolveNode(doc, doc.contents)
  if (!isMap(root)) return []
  const rules = resolveNode(doc, root.get('rules', true))
  if (!isSeq(rules)) return []
  return rules.items.map((item) => {
    const start = (item as Node | null)?.range?.[0]
    return start === undefined ? undefined : counter.linePos(start).line
  })
}

function withPosition(issue: ScenarioIssue, position: Position | undefined): ScenarioIssue {
  return position ? { ...issue, line: position.line, column: position.column } : issue
}

/**
 * Parses and validates a scenario from YAML text. Throws a {@link ScenarioError} whose issues
 * carry the line and column of each problem (YAML syntax, schema, invalid regex, ...).
 *
 * @example parseScenario('version: 1\nrules: []\n', { source: 'empty.yaml' })
 */
export function parseScenario(text: string, options: ParseScenarioOptions = {}): Scenario {
  const errorOptions = options.source === undefined ? {} : { source: options.source }
  const maxSize = options.maxSize ?? MAX_SCENARIO_SIZE
  if (text.length > maxSize) {
    const message = `the scenario is ${text.length} characters long, over the limit of ${maxSize} (option maxSize); is this the right file?`
    throw new ScenarioError([{ path: '', message, line: 1, column: 1 }], errorOptions)
  }
  // Most scenarios are plain YAML that a fast reader takes at a fraction of `yaml`'s cost; any
  // other text, and any scenario with issues, goes through `yaml` for its errors and positions.
  const fast = (options.read ?? readSimpleYaml)(text)
  if (fast && collectIssues(fast.data).length === 0) {
    return buildScenario(fast.data, { ...errorOptions, ruleLines: fast.ruleLines ?? [] }, true)
  }

  const counter = new LineCounter()
  // Core schema only: an explicit tag it does not define (!!set, !!binary, !!js/function, !foo)
  // is an unresolved-tag warning, reported below as an issue, never a constructed value.
  const doc = parseDocument(text, {
    lineCounter: counter,
    prettyErrors: true,
    uniqueKeys: true,
    resolveKnownTags: false,
  })

  const syntax: ScenarioIssue[] = [...doc.errors, ...doc.warnings].map((problem) => {
    const pos = problem.linePos?.[0]
    const message = problem.message.split('\n')[0] ?? problem.message
    const issue = {
      path: '',
      message: `YAML: ${message.replace(/ at line \d+, column \d+:?$/, '')}`,
    }
    return pos ? { ...issue, line: pos.line, column: pos.col } : issue
  })
  if (syntax.length > 0) throw new ScenarioError(syntax, errorOptions)

  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    const message = /alias/i.test(text)
      ? `YAML: too many alias expansions (limit ${MAX_ALIAS_COUNT}); is this an alias bomb?`
      : `YAML: ${text}`
    throw new ScenarioError([{ path: '', message, line: 1, column: 1 }], {
      ...errorOptions,
      cause: error,
    })
  }
  if (data === null || data === undefined) {
    throw new ScenarioError(
      [
        {
          path: '',
          message: 'the file is empty; a scenario needs "version: 1" and "rules"',
          line: 1,
          column: 1,
        },
      ],
      errorOptions,
    )
  }

  const issues = collectIssues(data)
  if (issues.length > 0) {
    const located = issues.map((issue) =>
      withPosition(
        { path: formatPath(issue.segments), message: issue.message },
        locate(doc, counter, issue),
      ),
    )
    located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    throw new ScenarioError(located, errorOptions)
  }
  return buildScenario(data, { ...errorOptions, ruleLines: ruleLines(doc, counter) }, true)
}
