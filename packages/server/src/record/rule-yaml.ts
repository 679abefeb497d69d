/**
 * Writes one recorded rule as an item of `rules:` directly, without building a `yaml` Document:
 * a recording is appended for every request, and the Document, `layoutScenarioYAML` and
 * `toString` cost about 0.2 ms of CPU per recording, which the client waits for.
 *
 * The text is exactly what `yaml` (2.9.1, `lineWidth: 0`, no block scalars, the layout of
 * `layoutScenarioYAML`) writes for the same data: each decision below mirrors one in `yaml`'s
 * `stringify/` (plainString, quotedString, doubleQuotedString, stringifyNumber,
 * stringifyCollection, stringifyPair). Anything it is not sure to write the same way (a value
 * that is not plain data, a non-finite number, an array directly in an array, a flow
 * collection holding other than numbers, an unusual key) gives `undefined`, and the caller
 * writes through `yaml`. `rule-yaml.test.ts` compares the two on random data.
 */
import { Document, type Node, type ToStringOptions, type YAMLSeq } from 'yaml'
import { layoutScenarioYAML } from './layout.js'

// Every value on its own one line (no folding of long text, text with line breaks in double
// quotes with `\n`): the subset the scenario package's fast reader takes, so replay reads
// thousands of recordings at a fraction of what `yaml` takes. Vectors and usage go on one line
// each (see `layoutScenarioYAML`).
/** The `toString` options of the scenario YAML that recordings are written in. */
export const SCENARIO_TO_STRING: ToStringOptions = {
  lineWidth: 0,
  blockQuote: false,
  doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY,
}
// How `yaml` indents the items of `rules:` (`rules:\n  - type: ...`).
const ITEM_INDENT = 2

/**
 * `rule` as a node of `doc`, laid out as recordings are: plain nodes, never anchors and
 * aliases (replay refuses a file with too many of those).
 */
export function ruleNode(doc: Document, rule: unknown): Node {
  const node = doc.createNode(rule, { aliasDuplicateObjects: false }) as Node
  layoutScenarioYAML(node)
  return node
}

/**
 * The YAML of `rule` as an item of `rules:` at `column`, written through a `yaml` Document:
 * what `ruleItemYAML` writes directly, for any data.
 */
export function ruleItemYAMLByDocument(rule: unknown, column: number): string {
  const doc = new Document({ rules: [] })
  ;(doc.get('rules', true) as YAMLSeq).items.push(ruleNode(doc, rule))
  // `rules:\n  - type: ...`: the item as a rewrite of the whole file would write it.
  const text = doc.toString(SCENARIO_TO_STRING).slice('rules:\n'.length)
  if (column === ITEM_INDENT) return text
  const shift = ' '.repeat(column)
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${shift}${line.slice(ITEM_INDENT)}`))
    .join('\n')
}

/** A core-schema tag, as `yaml` describes it: what decides whether a plain text must be quoted. */
interface TagTest {
  readonly default?: boolean | string
  readonly tag: string
  readonly test?: RegExp
}

let nonStringTests: readonly RegExp[] | undefined

// The tests of the default tags other than `str` (null, bool, int, float ...): a plain text
// matching one would read back as that type, so `yaml` quotes it. Taken from `yaml` itself.
function nonStringTagTests(): readonly RegExp[] {
  if (!nonStringTests) {
    const tags = new Document().schema.tags as readonly TagTest[]
    nonStringTests = tags
      .filter((tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test)
      .map((tag) => tag.test as RegExp)
  }
  return nonStringTests
}

// `layoutScenarioYAML` double-quotes texts with C0 controls and DEL; `yaml` forces double
// quotes on C1 controls and unpaired surrogates too.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const FORCE_DOUBLE = /[\x00-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u
// What a plain text cannot be (plainString): an indicator first, `: ` or ` #` inside, a space
// or colon last, ...
const NOT_PLAIN =
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/
const FLOW_INDICATOR = /[[\]{},]/
// A key longer than this is written by `yaml` as an explicit key (`? key`).
const MAX_IMPLICIT_KEY = 1024

// doubleQuotedString with `doubleQuotedMinMultiLineLength: Infinity` and no folding: JSON's
// escapes, YAML's short forms for some controls, and a space before a line break escaped.
function doubleQuoted(value: string): string {
  const json = JSON.stringify(value)
  let str = ''
  let start = 0
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      str += `${json.slice(start, i)}\\ `
      i += 1
      start = i
      ch = '\\'
    }
    if (ch === '\\') {
      if (json[i + 1] === 'u') {
        str += json.slice(start, i)
        const code = json.substr(i + 2, 4)
        switch (code) {
          case '0000':
            str += '\\0'
            break
          case '0007':
            str += '\\a'
            break
          case '000b':
            str += '\\v'
            break
          case '001b':
            str += '\\e'
            break
          case '0085':
            str += '\\N'
            break
          case '00a0':
            str += '\\_'
            break
          case '2028':
            str += '\\L'
            break
          case '2029':
            str += '\\P'
            break
          default:
            str += code.startsWith('00') ? `\\x${code.slice(2)}` : json.substr(i, 6)
        }
        i += 5
        start = i + 1
      } else i += 1
    }
  }
  return start ? str + json.slice(start) : json
}

// quotedString with `singleQuote: null`: single quotes only for a text with `"` and no `'`
// (it has no line break here: those are double-quoted first).
function quoted(value: string): string {
  const hasDouble = value.includes('"')
  const hasSingle = value.includes("'")
  return hasDouble && !hasSingle ? `'${value}'` : doubleQuoted(value)
}

// A text as `yaml` writes it in a block (or, `inFlow`, in a flow collection), as a value or a
// key: the two differ only for texts with line breaks, which are double-quoted here anyway.
function text(value: string, inFlow: boolean): string {
  if (FORCE_DOUBLE.test(value)) return doubleQuoted(value)
  if ((inFlow && FLOW_INDICATOR.test(value)) || NOT_PLAIN.test(value)) return quoted(value)
  for (const test of nonStringTagTests()) if (test.test(value)) return quoted(value)
  return value
}

function keyText(key: string, inFlow: boolean): string | undefined {
  if (key === '') return undefined
  const out = text(key, inFlow)
  return out.length > MAX_IMPLICIT_KEY ? undefined : out
}

// stringifyNumber for the numbers `createNode` makes (no format, no minimum of fraction digits).
function numberText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined
  return Object.is(value, -0) ? '-0' : JSON.stringify(value)
}

function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return text(value, false)
    case 'number':
      return numberText(value)
    case 'boolean':
      return value ? 'true' : 'false'
    default:
      return value === null ? 'null' : undefined
  }
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function isPlainArray(value: object): value is unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype
}

// The keys `createNode` keeps: those whose value is not `undefined`.
function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined)
}

// `[ 1, 2 ]`: `layoutScenarioYAML` puts an array of numbers on one line.
function numberList(items: readonly unknown[]): string | undefined {
  let out = '[ '
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    if (typeof item !== 'number') return undefined
    const number = numberText(item)
    if (number === undefined) return undefined
    out += i === 0 ? number : `, ${number}`
  }
  return `${out} ]`
}

// `{ a: 1, b: 2 }`: `layoutScenarioYAML` puts a `usage` map on one line; only numbers in it.
function usageMap(value: Record<string, unknown>): string | undefined {
  const keys = definedKeys(value)
  if (keys.length === 0) return '{}'
  const parts: string[] = []
  for (const key of keys) {
    const item = value[key]
    const k = keyText(key, true)
    const v = typeof item === 'number' ? numberText(item) : undefined
    if (k === undefined || v === undefined) return undefined
    parts.push(`${k}: ${v}`)
  }
  return `{ ${parts.join(', ')} }`
}

interface Written {
  readonly text: string
  /** On one line (a scalar, `[]`, `{}`, a flow collection): after `key: ` on the key's line. */
  readonly inline: boolean
}

/**
 * `value` as `yaml` writes it in a block at `indent` (the indent of its own lines): its first
 * line without the indent, the others with it.
 */
function node(value: unknown, indent: string, usage: boolean): Written | undefined {
  if (typeof value !== 'object' || value === null) {
    const out = scalarText(value)
    return out === undefined ? undefined : { text: out, inline: true }
  }
  if (isPlainArray(value)) {
    if (value.length === 0) return { text: '[]', inline: true }
    if (typeof value[0] === 'number') {
      // Every item a number: flow. A number among other values: `yaml` writes a block list.
      if (value.every((item) => typeof item === 'number')) {
        const out = numberList(value)
        return out === undefined ? undefined : { text: out, inline: true }
      }
    }
    const itemIndent = `${indent}  `
    let out = ''
    for (let i = 0; i < value.length; i++) {
      const item = value[i]
      if (item === undefined || Array.isArray(item)) return undefined
      const written = node(item, itemIndent, false)
      if (!written) return undefined
      out += i === 0 ? `- ${written.text}` : `\n${indent}- ${written.text}`
    }
    return { text: out, inline: false }
  }
  if (!isPlainObject(value)) return undefined
  if (usage) {
    const out = usageMap(value)
    return out === undefined ? undefined : { text: out, inline: true }
  }
  const keys = definedKeys(value)
  if (keys.length === 0) return { text: '{}', inline: true }
  const valueIndent = `${indent}  `
  let out = ''
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    const k = keyText(key, false)
    if (k === undefined) return undefined
    const written = node(value[key], valueIndent, key === 'usage')
    if (!written) return undefined
    const pair = written.inline ? `${k}: ${written.text}` : `${k}:\n${valueIndent}${written.text}`
    out += i === 0 ? pair : `\n${indent}${pair}`
  }
  return { text: out, inline: false }
}

/**
 * The YAML of `rule` as an item of a `rules:` sequence whose dashes are at `column`, ending
 * with a newline; `undefined` when it cannot be sure to write what `yaml` would (write it
 * through `yaml` then).
 *
 * @example ruleItemYAML({ type: 'llm.openai', when: { model: 'gpt-4o' } }, 2)
 * // '  - type: llm.openai\n    when:\n      model: gpt-4o\n'
 */
export function ruleItemYAML(rule: unknown, column: number): string | undefined {
  if (!Number.isSafeInteger(column) || column < 0) return undefined
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return undefined
  const written = node(rule, ' '.repeat(column + 2), false)
  return written === undefined ? undefined : `${' '.repeat(column)}- ${written.text}\n`
}
