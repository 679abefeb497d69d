/**
 * A fast reader for the plain YAML most scenarios are written in: block mappings and
 * sequences, one-line flow collections, one-line plain and quoted scalars, comments. The
 * `yaml` package takes about a microsecond a byte (ten seconds for a 100k-rule scenario);
 * this reads the same data in a fraction of that. Anything else (anchors, tags, block or
 * multi-line scalars, tabs, duplicate keys, any error) returns `undefined`, and the caller
 * parses with `yaml`, which then gives the data, the errors and their positions as before.
 */
import { isScalar, Schema } from 'yaml'

/**
 * Names what {@link readSimpleYaml} gives for a text: a cache of its reads (the server's, for
 * recordings) keeps a read only under the same format. Raise it when a change to the reader
 * gives any text other data or lines.
 */
export const FAST_READ_FORMAT = 1

/** What a successful read gives: the data as `doc.toJS()` would, and where each rule starts. */
export interface FastRead {
  readonly data: Record<string, unknown>
  /** The 1-based line of each item of the top-level `rules` sequence, when there is one. */
  readonly ruleLines: readonly number[] | undefined
}

interface ScalarTag {
  readonly default?: boolean | 'key'
  readonly test?: RegExp
  resolve(value: string, onError: (message: string) => void, options: object): unknown
}

// The core schema's own tags, so a plain scalar resolves exactly as `yaml` resolves it.
const TAGS = (new Schema({ resolveKnownTags: false }).tags as unknown as ScalarTag[]).filter(
  (tag) => tag.default === true && tag.test !== undefined,
)
const RESOLVE_OPTIONS = { intAsBigInt: false }

// Indicators a plain scalar cannot start with here (anchors, aliases, tags, block scalars,
// directives, reserved), and `-`, `?`, `:` followed by a space or nothing.
const BAD_PLAIN_START = /^(?:[&*!|>%@`,\]}#]|[-?:](?: |$))/
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1B',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xA0',
  L: '\u2028',
  P: '\u2029',
}
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 }

class Unsupported extends Error {}
// One instance, thrown without building a stack each time.
const UNSUPPORTED = new Unsupported('unsupported YAML')

function bail(): never {
  throw UNSUPPORTED
}

/**
 * The significant lines of a text, as numbers rather than an object and a string each: a
 * 10,000-recording file has 170,000 lines, and objects that live until the end of the read are
 * what the garbage collector spends its time copying. A line's text is sliced when it is read.
 */
class Lines {
  /** Columns of the first character, and where each line's text starts and ends. */
  readonly indent: number[] = []
  readonly start: number[] = []
  readonly end: number[] = []
  /** 1-based line numbers in the text. */
  readonly number: number[] = []

  constructor(readonly source: string) {}

  get length(): number {
    return this.indent.length
  }

  text(i: number): string {
    return this.source.slice(this.start[i], this.end[i])
  }
}

// Characters this reader leaves to `yaml`: tabs, CR and other control characters, the BOM,
// and the Unicode line separators YAML 1.1 broke lines at.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const UNSUPPORTED_CHARACTER = /[\0-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/

// One search in native code: a scan in JavaScript cost more than the rest of reading a file of a
// few hundred recordings, the code being cold at start.
function hasUnsupportedCharacter(text: string): boolean {
  return UNSUPPORTED_CHARACTER.test(text)
}

// Where the main thread spends its start-up, loops over characters cost most: the reader looks
// for the characters that matter with indexOf and sticky regexes.
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y

// Every core-schema value other than a string (null, booleans, numbers, .inf, .nan) starts with
// one of these: any other plain scalar is a string, with no tag to try.
const NON_STRING_START = /^[-+.~0-9nNtTfF]/

function resolvePlain(text: string): unknown {
  if (!NON_STRING_START.test(text)) return text
  for (const tag of TAGS) {
    if (!tag.test?.test(text)) continue
    let failed = false
    const value = tag.resolve(text, () => (failed = true), RESOLVE_OPTIONS)
    if (failed) bail()
    // Some tags (float) give a node, to keep how the number was written.
    return isScalar(value) ? value.value : value
  }
  return text
}

// Only spaces: other Unicode white space (no-break space, ...) is content in YAML.
function trimEndSpaces(text: string): string {
  let end = text.length
  while (text[end - 1] === ' ') end--
  return text.slice(0, end)
}

function leadingSpaces(text: string): number {
  let count = 0
  while (text[count] === ' ') count++
  return count
}

function isDash(text: string): boolean {
  return text[0] === '-' && (text.length === 1 || text[1] === ' ')
}

/** A one-line scalar or flow collection at `text[start]`, and where it ends. */
class Inline {
  constructor(readonly text: string) {}

  skipSpaces(at: number): number {
    let i = at
    while (this.text[i] === ' ') i++
    return i
  }

  value(at: number, flow: boolean): [unknown, number] {
    const char = this.text[at]
    if (char === '{') return this.map(at)
    if (char === '[') return this.seq(at)
    if (char === '"') return this.doubleQuoted(at)
    if (char === "'") return this.singleQuoted(at)
    return this.plain(at, flow)
  }

  doubleQuoted(at: number): [string, number] {
    let out = ''
    const text = this.text
    for (let i = at + 1; i < text.length; i++) {
      // The run up to the next quote or backslash in one piece: recorded answers are long.
      const quote = text.indexOf('"', i)
      const backslash = text.indexOf('\\', i)
      const stop = backslash !== -1 && (quote === -1 || backslash < quote) ? backslash : quote
      if (stop === -1) break
      out += text.slice(i, stop)
      i = stop
      if (text[i] === '"') return [out, i + 1]
      const code = this.text[++i] ?? ''
      const length = HEX_LENGTH[code]
      if (length !== undefined) {
        const hex = this.text.slice(i + 1, i + 1 + length)
        if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== length) bail()
        const point = Number.parseInt(hex, 16)
        if (point > 0x10ffff) bail()
        out += String.fromCodePoint(point)
        i += length
        continue
      }
      const escaped = ESCAPES[code]
      if (escaped === undefined) bail()
      out += escaped
    }
    return bail()
  }

  singleQuoted(at: number): [string, number] {
    let out = ''
    for (let i = at + 1; i < this.text.length; i++) {
      const char = this.text[i] as string
      if (char !== "'") {
        out += char
      } else if (this.text[i + 1] === "'") {
        out += "'"
        i++
      } else {
        return [out, i + 1]
      }
    }
    return bail()
  }

  // A plain scalar ends at a comment, and in a flow also at `,` `]` `}` and at a `:` that
  // separates a key; one that would be a key or hold a `: ` is left to `yaml`.
  plain(at: number, flow: boolean): [unknown, number] {
    const text = this.text
    if (BAD_PLAIN_START.test(text.slice(at, at + 2))) bail()
    if (!flow) return this.blockPlain(at)
    let end = at
    for (; end < text.length; end++) {
      const char = text[end] as string
      if (char === '#' && text[end - 1] === ' ') break
      if (char === ':' && (end + 1 === text.length || text[end + 1] === ' ')) {
        if (flow) break
        bail()
      }
      if (flow && (char === ',' || char === ']' || char === '}')) break
      if (flow && (char === '[' || char === '{' || char === ':')) bail()
    }
    const raw = trimEndSpaces(text.slice(at, end))
    if (raw === '') bail()
    return [resolvePlain(raw), at + raw.length]
  }

  // A block scalar runs to a comment (` #`) or the end of the line; a `: ` in it is left to
  // `yaml`.
  blockPlain(at: number): [unknown, number] {
    const text = this.text
    const hash = text.indexOf(' #', at)
    const end = hash === -1 ? text.length : hash + 1
    for (let colon = text.indexOf(':', at); colon !== -1 && colon < end; ) {
      if (colon + 1 === text.length || text.charCodeAt(colon + 1) === 0x20) bail()
      colon = text.indexOf(':', colon + 1)
    }
    const raw = trimEndSpaces(text.slice(at, end))
    if (raw === '') bail()
    return [resolvePlain(raw), at + raw.length]
  }

  key(at: number): [string, number] {
    const char = this.text[at]
    const word = this.word(at)
    if (word !== undefined) return word
    const read =
      char === '"'
        ? this.doubleQuoted(at)
        : char === "'"
          ? this.singleQuoted(at)
          : this.plain(at, true)
    const key: unknown = read[0]
    const end = read[1]
    if (typeof key !== 'string' || key === '__proto__' || key === '<<') bail()
    if (this.text[end] !== ':') bail()
    const next = this.text[end + 1]
    if (next !== undefined && next !== ' ' && !(char === '"' || char === "'")) bail()
    return [key, end + 1]
  }

  // The common key, a word (`type`, `finish_reason`) then `:` and a space or the end, read in
  // one pass; anything else goes the general way.
  word(at: number): [string, number] | undefined {
    const text = this.text
    WORD.lastIndex = at
    const found = WORD.exec(text)
    if (!found) return undefined
    const end = at + found[0].length
    if (text.charCodeAt(end) !== 0x3a) return undefined
    const after = text.charCodeAt(end + 1)
    if (!(Number.isNaN(after) || after === 0x20)) return undefined
    const key = text.slice(at, end)
    // `true:`, `null:` and the like are not string keys; `__proto__` is refused below.
    if (NON_STRING_START.test(key) || key === '__proto__') return undefined
    return [key, end + 1]
  }

  map(at: number): [Record<string, unknown>, number] {
    const out: Record<string, unknown> = {}
    let i = this.skipSpaces(at + 1)
    while (this.text[i] !== '}') {
      const read = this.key(i)
      const key = read[0]
      const afterKey = read[1]
      if (Object.hasOwn(out, key)) bail()
      const start = this.skipSpaces(afterKey)
      if (start === this.text.length || ',}'.includes(this.text[start] as string)) bail()
      const got = this.value(start, true)
      const value = got[0]
      const end = got[1]
      out[key] = value
      i = this.skipSpaces(end)
      if (this.text[i] === ',') i = this.skipSpaces(i + 1)
      else if (this.text[i] !== '}') bail()
    }
    return [out, i + 1]
  }

  seq(at: number): [unknown[], number] {
    const out: unknown[] = []
    let i = this.skipSpaces(at + 1)
    while (this.text[i] !== ']') {
      if (i >= this.text.length || this.text[i] === ',') bail()
      const read = this.value(i, true)
      const value = read[0]
      const end = read[1]
      out.push(value)
      i = this.skipSpaces(end)
      // `[a: 1]` is a sequence of one mapping: left to `yaml`.
      if (this.text[i] === ':') bail()
      if (this.text[i] === ',') i = this.skipSpaces(i + 1)
      else if (this.text[i] !== ']') bail()
    }
    return [out, i + 1]
  }

  /** The whole rest of a line as one value, allowing only a comment after it. */
  rest(at: number): unknown {
    const read = this.value(at, false)
    const value = read[0]
    const end = read[1]
    const after = this.skipSpaces(end)
    if (after < this.text.length && !(this.text[after] === '#' && after > end)) bail()
    return value
  }
}

class BlockReader {
  index = 0
  readonly itemLines = new Map<unknown[], number[]>()

  constructor(readonly lines: Lines) {}

  node(indent: number): unknown {
    const { lines } = this
    const i = this.index
    if (i >= lines.length || (lines.indent[i] as number) < indent) return null
    const at = lines.indent[i] as number
    const text = lines.text(i)
    if (isDash(text)) return this.seq(at)
    if (this.isKey(text)) return this.map(at)
    // A scalar or flow collection alone on its line.
    const value = new Inline(text).rest(0)
    this.index++
    this.expectNoDeeper(at)
    return value
  }

  // Whether a line starts a mapping entry: a key, then `:` and a space or the end.
  isKey(text: string): boolean {
    try {
      new Inline(text).key(0)
      return true
    } catch (error) {
      if (error === UNSUPPORTED) return false
      throw error
    }
  }

  expectNoDeeper(indent: number): void {
    const i = this.index
    if (i < this.lines.length && (this.lines.indent[i] as number) > indent) bail()
  }

  seq(indent: number): unknown[] {
    const { lines } = this
    const items: unknown[] = []
    const starts: number[] = []
    for (let i = this.index; i < lines.length; i = this.index) {
      if (lines.indent[i] !== indent) break
      const text = lines.text(i)
      if (!isDash(text)) break
      const rest = text.slice(1)
      const content = rest.slice(leadingSpaces(rest))
      if (content === '' || content[0] === '#') {
        this.index++
        // The item starts where its content does, or at the dash when it has none.
        const next = this.index
        starts.push(
          (next < lines.length && (lines.indent[next] as number) > indent
            ? lines.number[next]
            : lines.number[i]) as number,
        )
        items.push(this.node(indent + 1))
      } else {
        // `- key: value` is a mapping at the column after the dash: read the line again there.
        const skipped = 1 + rest.length - content.length
        lines.indent[i] = indent + skipped
        lines.start[i] = (lines.start[i] as number) + skipped
        starts.push(lines.number[i] as number)
        items.push(this.node(indent + skipped))
      }
      this.expectNoDeeper(indent)
    }
    this.itemLines.set(items, starts)
    return items
  }

  map(indent: number): Record<string, unknown> {
    const { lines } = this
    const out: Record<string, unknown> = {}
    for (let i = this.index; i < lines.length; i = this.index) {
      if (lines.indent[i] !== indent) break
      const text = lines.text(i)
      if (isDash(text)) bail()
      const inline = new Inline(text)
      const read = inline.key(0)
      const key = read[0]
      const afterKey = read[1]
      if (Object.hasOwn(out, key)) bail()
      const start = inline.skipSpaces(afterKey)
      if (start < text.length && text[start] !== '#') {
        const value = inline.rest(start)
        // A flow sequence is on one line here: every item starts on it.
        if (Array.isArray(value)) {
          const number = lines.number[i] as number
          this.itemLines.set(
            value,
            value.map(() => number),
          )
        }
        out[key] = value
        this.index++
        this.expectNoDeeper(indent)
        continue
      }
      this.index++
      const next = this.index
      const nextIndent = next < lines.length ? (lines.indent[next] as number) : -1
      if (nextIndent > indent) out[key] = this.node(nextIndent)
      else if (nextIndent === indent && isDash(lines.text(next))) out[key] = this.seq(indent)
      else out[key] = null
    }
    return out
  }
}

// The significant lines (indentation and trailing spaces cut off), found with indexOf.
function splitLines(text: string): Lines | undefined {
  const lines = new Lines(text)
  let number = 0
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start)
    let end = newline === -1 ? text.length : newline
    number++
    let from = start
    while (text.charCodeAt(from) === 0x20 && from < end) from++
    while (end > from && text.charCodeAt(end - 1) === 0x20) end--
    const first = text[from]
    if (from < end && first !== '#') {
      const indent = from - start
      // Document markers and directives.
      if (
        indent === 0 &&
        (first === '%' || text.startsWith('---', from) || text.startsWith('...', from))
      ) {
        return undefined
      }
      lines.indent.push(indent)
      lines.start.push(from)
      lines.end.push(end)
      lines.number.push(number)
    }
    start = newline === -1 ? text.length : newline + 1
  }
  return lines
}

/**
 * Reads `text` if it is in the subset described above and valid, else returns `undefined`.
 *
 * @example readSimpleYaml('version: 1\nrules:\n  - type: llm\n')?.data // { version: 1, rules: [{ type: 'llm' }] }
 */
export function readSimpleYaml(text: string): FastRead | undefined {
  if (hasUnsupportedCharacter(text)) return undefined
  const lines = splitLines(text)
  if (!lines || lines.length === 0) return undefined
  const reader = new BlockReader(lines)
  try {
    const first = lines.text(0)
    if (isDash(first) || !reader.isKey(first)) return undefined
    const data = reader.map(lines.indent[0] as number)
    if (reader.index !== lines.length) return undefined
    const rules = data.rules
    const ruleLines = Array.isArray(rules) ? reader.itemLines.get(rules) : undefined
    return { data, ruleLines }
  } catch (error) {
    if (error === UNSUPPORTED) return undefined
    throw error
  }
}
