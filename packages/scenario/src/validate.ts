import type { ErrorObject } from 'ajv'
import { DURATION_RANGES } from './durations.js'
import { ScenarioRegexError } from './errors.js'
import { compileGlob } from './glob.js'
import { compileRegex } from './regex.js'
import { scenarioSchema } from './schema.js'
// ajv's standalone output for scenarioSchema: no code generation at run time, so scenarios
// load where `new Function` is forbidden (Cloudflare Workers, other edge runtimes).
import { validate as schemaValidate } from './schema-validator.generated.js'
import { closestName } from './suggest.js'
import { parseTemplate, type Template } from './template.js'
import type { ScenarioIssue } from './types.js'

/** One step into the document: a mapping key or a list index. */
export type PathSegment = string | number

/**
 * An issue before it has a position: the parser turns `segments` into a line and column,
 * pointing at the key itself (`key`), its value (`value`) or the mapping that lacks it
 * (`parent`).
 */
export interface RawIssue {
  readonly segments: readonly PathSegment[]
  readonly message: string
  readonly at: 'key' | 'value' | 'parent'
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/**
 * `rules[2].when.model`: list indexes in brackets (0-based), keys after dots, odd keys quoted.
 *
 * @example formatPath(['rules', 2, 'when', 'model']) // 'rules[2].when.model'
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = ''
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (isRecord(value)) return 'a mapping'
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`
  return `${typeof value} ${String(value)}`
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
}

function segmentsOf(instancePath: string, data: unknown): PathSegment[] {
  const segments: PathSegment[] = []
  let node = data
  for (const raw of instancePath.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    if (Array.isArray(node)) {
      segments.push(Number(key))
      node = node[Number(key)]
    } else {
      segments.push(key)
      node = isRecord(node) ? node[key] : undefined
    }
  }
  return segments
}

function schemaProperties(schema: unknown): string[] {
  if (!isRecord(schema) || !isRecord(schema.properties)) return []
  return Object.keys(schema.properties)
}

const RULE_SCHEMA = (scenarioSchema.properties as { rules: { items: unknown } }).rules.items
const RULE_PARTS = RULE_SCHEMA as { properties: Record<string, unknown> }
const WHEN_KEYS = schemaProperties(RULE_PARTS.properties.when)
const RESPOND_KEYS = schemaProperties(RULE_PARTS.properties.respond)
const ERROR_KEYS = schemaProperties(RULE_PARTS.properties.error)
const RULE_KEYS = schemaProperties(RULE_SCHEMA)

// A key one level off is a likely indentation slip; say where it belongs.
function misplacedHint(key: string, segments: readonly PathSegment[]): string | undefined {
  const last = segments[segments.length - 1]
  // An item of a respond list is a respond too.
  const parent =
    typeof last === 'number' && segments[segments.length - 2] === 'respond' ? 'respond' : last
  const inRule = typeof parent === 'number' && segments[0] === 'rules' && segments.length === 2
  if (inRule) {
    if (WHEN_KEYS.includes(key)) return `conditions go under "when"`
    if (RESPOND_KEYS.includes(key)) return `response fields go under "respond"`
    if (ERROR_KEYS.includes(key)) return `error fields go under "error"`
  }
  if (
    (parent === 'when' || parent === 'respond' || parent === 'error') &&
    RULE_KEYS.includes(key)
  ) {
    return `"${key}" belongs to the rule, not to "${parent}" (check the indentation)`
  }
  return undefined
}

function fromAjv(error: ErrorObject, data: unknown): RawIssue | undefined {
  const segments = segmentsOf(error.instancePath, data)
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty)
      const hint =
        misplacedHint(key, segments) ??
        (() => {
          const near = closestName(key, schemaProperties(error.parentSchema))
          return near ? `did you mean "${near}"?` : undefined
        })()
      return {
        segments: [...segments, key],
        message: hint ? `unknown key "${key}"; ${hint}` : `unknown key "${key}"`,
        at: 'key',
      }
    }
    case 'required':
      return {
        segments: [...segments, String(params.missingProperty)],
        message: 'is required',
        at: 'parent',
      }
    case 'type': {
      const types = String(params.type).split(',')
      const expected = types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')
      if (segments.length === 0) {
        return {
          segments,
          message: `a scenario must be a mapping with "version" and "rules"; got ${kindOf(error.data)}`,
          at: 'value',
        }
      }
      return { segments, message: `must be ${expected}; got ${kindOf(error.data)}`, at: 'value' }
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v))
      const near =
        typeof error.data === 'string'
          ? closestName(error.data, params.allowedValues as string[])
          : undefined
      const hint = near ? `; did you mean "${near}"?` : ''
      return {
        segments,
        message: `must be one of ${allowed.join(', ')}; got ${kindOf(error.data)}${hint}`,
        at: 'value',
      }
    }
    case 'const':
      return {
        segments,
        message: `must be ${JSON.stringify(params.allowedValue)}; got ${kindOf(error.data)}`,
        at: 'value',
      }
    case 'minimum':
    case 'maximum': {
      // An item of a list of durations (`chunk_delays_ms/3`) has its list's range.
      const last = segments[segments.length - 1]
      const range = DURATION_RANGES[String(typeof last === 'number' ? segments.at(-2) : last)]
      if (range) {
        return {
          segments,
          message: `must be from 0 to ${range.max} ${range.unit} (${range.spoken}); got ${String(error.data)}`,
          at: 'value',
        }
      }
      return {
        segments,
        message: `must be ${params.comparison} ${params.limit}; got ${String(error.data)}`,
        at: 'value',
      }
    }
    case 'minItems':
      if (segments[segments.length - 1] === 'respond') {
        return {
          segments,
          message:
            'is an empty list; give at least one response (a list answers with one item per use)',
          at: 'value',
        }
      }
      return {
        segments,
        message: `must list at least ${String(params.limit)}; got ${Array.isArray(error.data) ? 'an empty list' : kindOf(error.data)}`,
        at: 'value',
      }
    case 'oneOf': {
      if (!isRecord(error.data)) return undefined
      const both = 'respond' in error.data && 'error' in error.data
      return {
        segments,
        message: both
          ? 'has both "respond" and "error"; a rule gives exactly one of them'
          : 'needs "respond" (a response) or "error" (an error to return)',
        at: 'value',
      }
    }
    default:
      return { segments, message: error.message ?? `fails ${error.keyword}`, at: 'value' }
  }
}

// Every placeholder in a text (`{{ ... }}`) names a value there is; checked here, not at the
// first request that selects the rule.
function templateIssue(text: unknown, segments: readonly PathSegment[]): RawIssue | undefined {
  if (typeof text !== 'string' || !text.includes('{{')) return undefined
  const parsed = parseTemplate(text)
  return parsed.ok ? undefined : { segments, message: parsed.message, at: 'value' }
}

// The strings of a mapping given as tool arguments, with their paths: it is sent as JSON text,
// placeholders and all.
// (`json` is sent as a value: only its strings are templates, not its keys.)
function mappingTemplateIssues(
  value: unknown,
  segments: PathSegment[],
  out: RawIssue[],
  keys: boolean,
): void {
  if (typeof value === 'string') {
    const issue = templateIssue(value, segments)
    if (issue) out.push(issue)
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      mappingTemplateIssues(item, [...segments, i], out, keys)
    })
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      const issue = keys ? templateIssue(key, [...segments, key]) : undefined
      if (issue) out.push({ ...issue, at: 'key' })
      mappingTemplateIssues(item, [...segments, key], out, keys)
    }
  }
}

// Arguments with every placeholder filled by a stand-in value, to check they still make a JSON
// object whatever a request inserts.
function sampleText(template: Template): string {
  let out = ''
  for (const part of template.parts) out += typeof part === 'string' ? part : 'x'
  return out
}

// The wire wants arguments as a JSON string, and Anthropic's tool_use block wants them as an
// object: a string that is not a JSON object would only fail when a request selects the rule.
function toolArgumentIssues(respond: unknown, prefix: readonly PathSegment[]): RawIssue[] {
  if (!isRecord(respond) || !Array.isArray(respond.tool_calls)) return []
  const issues: RawIssue[] = []
  respond.tool_calls.forEach((call: unknown, callIndex: number) => {
    const args = isRecord(call) && isRecord(call.function) ? call.function.arguments : undefined
    const segments = [...prefix, 'tool_calls', callIndex, 'function', 'arguments']
    if (isRecord(args)) mappingTemplateIssues(args, segments, issues, true)
    if (typeof args !== 'string') return
    let filled = args
    if (args.includes('{{')) {
      const parsed = parseTemplate(args)
      if (!parsed.ok) {
        issues.push({ segments, message: parsed.message, at: 'value' })
        return
      }
      if (parsed.template) filled = sampleText(parsed.template)
    }
    let reason: string | undefined
    try {
      const parsed: unknown = JSON.parse(filled)
      if (!isRecord(parsed)) reason = `it is ${kindOf(parsed)}`
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error)
    }
    if (reason === undefined) return
    const shown = args.length > 60 ? `${args.slice(0, 59)}…` : args
    const where =
      filled === args ? '' : '; a placeholder goes inside a JSON string, e.g. "{{ model }}"'
    issues.push({
      segments,
      message: `must be a JSON object, as a string or a mapping; the string ${JSON.stringify(shown)} is not one (${reason})${where}`,
      at: 'value',
    })
  })
  return issues
}

// One respond (the rule's, or an item of its list): tool arguments and templates.
function respondIssues(respond: unknown, prefix: readonly PathSegment[]): RawIssue[] {
  if (!isRecord(respond)) return []
  const issues = toolArgumentIssues(respond, prefix)
  const issue = templateIssue(respond.content, [...prefix, 'content'])
  if (issue) issues.push(issue)
  mappingTemplateIssues(respond.json, [...prefix, 'json'], issues, false)
  return issues
}

function semanticIssues(data: unknown): RawIssue[] {
  const issues: RawIssue[] = []
  if (!isRecord(data) || !Array.isArray(data.rules)) return issues
  data.rules.forEach((rule: unknown, index: number) => {
    if (!isRecord(rule)) return
    if (Array.isArray(rule.respond)) {
      rule.respond.forEach((item: unknown, itemIndex: number) => {
        issues.push(...respondIssues(item, ['rules', index, 'respond', itemIndex]))
      })
    } else {
      issues.push(...respondIssues(rule.respond, ['rules', index, 'respond']))
    }
    if (!isRecord(rule.when)) return
    const when = rule.when
    if ('times' in when && 'times' in rule) {
      issues.push({
        segments: ['rules', index, 'when', 'times'],
        message: `"times" is given twice (here and at ${formatPath(['rules', index, 'times'])}); keep one`,
        at: 'key',
      })
    }
    for (const [name, alias] of [
      ['messages_contains', 'input_contains'],
      ['messages_regex', 'input_regex'],
    ] as const) {
      if (name in when && alias in when) {
        issues.push({
          segments: ['rules', index, 'when', alias],
          message: `"${alias}" is an alias of "${name}"; give only one of them`,
          at: 'key',
        })
      }
    }
    for (const key of ['model', 'endpoint'] as const) {
      const glob = when[key]
      if (typeof glob !== 'string') continue
      try {
        compileGlob(glob)
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error)
        issues.push({
          segments: ['rules', index, 'when', key],
          message: `invalid glob ${JSON.stringify(glob)}: ${text.slice(text.lastIndexOf(': ') + 2)}`,
          at: 'value',
        })
      }
    }
    for (const key of ['messages_regex', 'input_regex'] as const) {
      const pattern = when[key]
      if (typeof pattern !== 'string') continue
      try {
        compileRegex(pattern)
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error)
        issues.push({
          segments: ['rules', index, 'when', key],
          message:
            error instanceof ScenarioRegexError
              ? text
              : `invalid regular expression ${JSON.stringify(pattern)}: ${text}`,
          at: 'value',
        })
      }
    }
  })
  return issues
}

/**
 * Every issue of a scenario as data, each with a path but no position (the parser adds those).
 * @internal
 */
export function collectIssues(data: unknown): RawIssue[] {
  const validate = schemaValidate
  const issues: RawIssue[] = []
  const seen = new Set<string>()
  const add = (issue: RawIssue | undefined) => {
    if (!issue) return
    const id = `${formatPath(issue.segments)}\u0000${issue.message}`
    if (seen.has(id)) return
    seen.add(id)
    issues.push(issue)
  }
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      // The branches of the respond-or-error `oneOf` report `required`; the `oneOf` error says it better.
      if (error.schemaPath.includes('/oneOf/')) continue
      add(fromAjv(error, data))
    }
  }
  for (const issue of semanticIssues(data)) add(issue)
  return issues
}

/**
 * Checks plain data (a scenario as YAML or JSON gives it) against the schema and the rules a
 * schema cannot express. Returns the issues, without positions; `[]` means valid.
 *
 * @example validateScenario({ version: 1, rules: [{ type: 'llm', when: { modle: 'x' }, respond: {} }] })
 * // [{ path: 'rules[0].when.modle', message: 'unknown key "modle"; did you mean "model"?' }]
 */
export function validateScenario(data: unknown): ScenarioIssue[] {
  return collectIssues(data).map((issue) => ({
    path: formatPath(issue.segments),
    message: issue.message,
  }))
}
