/**
 * The settings of one recordings directory (`DIR/mocktopus.record.yaml`): what a recording
 * matches on beyond the conversation (`match_on`), the volatile text normalised out of prompts
 * (`normalize`), and the request fields blanked out of recordings (`redact`). Record mode writes
 * by them and replay reads them, so the same directory always matches the same way. Parsing and
 * merging only; reading and writing the file is the Node side's (`node/record/settings-file.ts`).
 */
import { compileReplacer } from '@mocktopus/scenario'
import { parse } from 'yaml'
import { RecordingsError } from './errors.js'

/** The settings file's name in a recordings directory; replay never loads it as recordings. */
export const RECORD_SETTINGS_FILE = 'mocktopus.record.yaml'

/** What a recording matches on beyond endpoint, model and conversation. */
export type MatchOn = 'tools' | 'params'

export const MATCH_ON: readonly MatchOn[] = ['tools', 'params']

/** One kind of volatile text replaced in prompts before recording and before matching. */
export type NormalizeEntry =
  | { readonly builtin: 'timestamps' | 'uuids' }
  | { readonly pattern: string; readonly replace: string }

export interface RedactSettings {
  /** Request header names (any case) whose values never reach a recording. */
  readonly headers: readonly string[]
  /** JSON paths into the request and response bodies (`user`, `metadata.id`, `messages[*].name`). */
  readonly body: readonly string[]
}

export interface RecordSettings {
  readonly matchOn: readonly MatchOn[]
  readonly normalize: readonly NormalizeEntry[]
  readonly redact: RedactSettings
}

/** A directory with no settings file: match on the conversation, normalise and redact nothing more. */
export const DEFAULT_RECORD_SETTINGS: RecordSettings = {
  matchOn: [],
  normalize: [],
  redact: { headers: [], body: [] },
}

/** What an unnamed pattern's matches become. */
export const DEFAULT_NORMALIZED = '<normalized>'

const BUILTINS = ['timestamps', 'uuids'] as const
const KEYS = ['match_on', 'normalize', 'redact']

type Data = Record<string, unknown>

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fail(source: string, message: string): never {
  throw new RecordingsError(`${source}: ${message}`)
}

function stringList(value: unknown, where: string, source: string): string[] {
  if (value === undefined || value === null) return []
  const list = Array.isArray(value) ? value : [value]
  for (const item of list) {
    if (typeof item !== 'string' || item === '')
      fail(source, `${where} must list names, got ${JSON.stringify(item)}`)
  }
  return list as string[]
}

/**
 * A `match_on` list from the flag's comma-separated words or the file's list; throws naming
 * the word that is not `tools` or `params`.
 *
 * @example parseMatchOn('tools,params', '--match-on') // ['tools', 'params']
 */
export function parseMatchOn(value: unknown, source: string): MatchOn[] {
  const words =
    typeof value === 'string'
      ? value
          .split(',')
          .map((word) => word.trim())
          .filter((word) => word !== '')
      : stringList(value, 'match_on', source)
  for (const word of words) {
    if (!(MATCH_ON as readonly string[]).includes(word)) {
      fail(source, `match_on takes ${MATCH_ON.join(', ')}, got ${JSON.stringify(word)}`)
    }
  }
  return [...new Set(words as MatchOn[])]
}

function parseNormalize(value: unknown, source: string): NormalizeEntry[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) fail(source, 'normalize must be a list')
  return value.map((item, i): NormalizeEntry => {
    if (typeof item === 'string') {
      if ((BUILTINS as readonly string[]).includes(item)) {
        return { builtin: item as 'timestamps' | 'uuids' }
      }
      fail(
        source,
        `normalize[${i}]: ${JSON.stringify(item)} is not ${BUILTINS.join(' or ')}; write a pattern as { pattern: '...', replace: '...' }`,
      )
    }
    if (!isRecord(item) || typeof item.pattern !== 'string' || item.pattern === '') {
      fail(source, `normalize[${i}] must be timestamps, uuids or { pattern, replace }`)
    }
    if (item.replace !== undefined && typeof item.replace !== 'string') {
      fail(source, `normalize[${i}].replace must be a string`)
    }
    try {
      compileReplacer(item.pattern)
    } catch (error) {
      fail(source, `normalize[${i}].pattern: ${(error as Error).message}`)
    }
    return {
      pattern: item.pattern,
      replace: (item.replace as string | undefined) ?? DEFAULT_NORMALIZED,
    }
  })
}

/**
 * A JSON path as the settings write it, in segments: names, list indices and `*` (every item
 * or key). Throws on an empty segment or an unclosed bracket.
 *
 * @example parseFieldPath('messages[*].name') // ['messages', '*', 'name']
 */
export function parseFieldPath(path: string): (string | number)[] {
  const segments: (string | number)[] = []
  const text = path.startsWith('$.') ? path.slice(2) : path
  for (const part of text.split('.')) {
    const found = /^([^[\]]*)((?:\[(?:\d+|\*)\])*)$/.exec(part)
    if (!found) throw new Error(`cannot read the JSON path ${JSON.stringify(path)}`)
    const [, name, brackets] = found
    if (name === '' && brackets === '')
      throw new Error(`the JSON path ${JSON.stringify(path)} has an empty part`)
    if (name !== '') segments.push(name as string)
    for (const index of (brackets as string).match(/\[(\d+|\*)\]/g) ?? []) {
      const inner = index.slice(1, -1)
      segments.push(inner === '*' ? '*' : Number(inner))
    }
  }
  return segments
}

function parseRedact(value: unknown, source: string): RedactSettings {
  if (value === undefined || value === null) return { headers: [], body: [] }
  if (!isRecord(value)) fail(source, 'redact must be a mapping of headers and body')
  for (const key of Object.keys(value)) {
    if (key !== 'headers' && key !== 'body')
      fail(source, `redact.${key} is not a setting; use headers or body`)
  }
  const headers = stringList(value.headers, 'redact.headers', source).map((name) =>
    name.toLowerCase(),
  )
  const body = stringList(value.body, 'redact.body', source)
  for (const path of body) {
    try {
      parseFieldPath(path)
    } catch (error) {
      fail(source, `redact.body: ${(error as Error).message}`)
    }
  }
  return { headers, body }
}

/**
 * Reads a settings file's text; throws a `RecordingsError` naming the file and the setting
 * at fault. An empty file is the defaults.
 *
 * @example parseRecordSettings('match_on: [params]\n', 'recordings/mocktopus.record.yaml').matchOn // ['params']
 */
export function parseRecordSettings(text: string, source: string): RecordSettings {
  let data: unknown
  try {
    data = parse(text)
  } catch (error) {
    fail(source, `not YAML (${(error as Error).message.split('\n')[0]})`)
  }
  if (data === undefined || data === null) return DEFAULT_RECORD_SETTINGS
  if (!isRecord(data)) fail(source, 'the settings must be a mapping (match_on, normalize, redact)')
  for (const key of Object.keys(data)) {
    if (!KEYS.includes(key))
      fail(source, `${key} is not a setting; the settings are ${KEYS.join(', ')}`)
  }
  return {
    matchOn: parseMatchOn(data.match_on, source),
    normalize: parseNormalize(data.normalize, source),
    redact: parseRedact(data.redact, source),
  }
}

/**
 * Redactions from `--redact` words: `header:NAME` or `body:PATH`, comma-separated.
 *
 * @example parseRedactFlag('header:x-user,body:metadata.id') // { headers: ['x-user'], body: ['metadata.id'] }
 */
export function parseRedactFlag(value: string): RedactSettings {
  const headers: string[] = []
  const body: string[] = []
  for (const word of value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const colon = word.indexOf(':')
    const kind = colon === -1 ? '' : word.slice(0, colon)
    const name = word.slice(colon + 1)
    if ((kind !== 'header' && kind !== 'body') || name === '') {
      fail('--redact', `${JSON.stringify(word)} is not header:NAME or body:PATH`)
    }
    if (kind === 'header') headers.push(name.toLowerCase())
    else {
      try {
        parseFieldPath(name)
      } catch (error) {
        fail('--redact', (error as Error).message)
      }
      body.push(name)
    }
  }
  return { headers, body }
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])]
}

/**
 * The directory's settings with what flags add: `match_on` and redactions are unions (a flag
 * never takes away what the directory matches on or hides).
 *
 * @example mergeRecordSettings(settings, { matchOn: ['params'] })
 */
export function mergeRecordSettings(
  settings: RecordSettings,
  extra: { readonly matchOn?: readonly MatchOn[]; readonly redact?: RedactSettings },
): RecordSettings {
  return {
    matchOn: union(settings.matchOn, extra.matchOn ?? []),
    normalize: settings.normalize,
    redact: {
      headers: union(settings.redact.headers, extra.redact?.headers ?? []),
      body: union(settings.redact.body, extra.redact?.body ?? []),
    },
  }
}

/**
 * What the record banner says is kept out of recordings and normalised, one line each; none
 * for a setting left empty.
 *
 * @example describeRecordSettings({ ...DEFAULT_RECORD_SETTINGS, matchOn: ['params'] }) // ['match on: conversation, params']
 */
export function describeRecordSettings(settings: RecordSettings): string[] {
  const lines: string[] = []
  if (settings.matchOn.length > 0) {
    lines.push(`match on: endpoint, model, conversation, ${settings.matchOn.join(', ')}`)
  }
  const redacted = [
    'credentials (authorization, x-api-key, x-goog-api-key, ?key=, keys in error messages)',
    ...settings.redact.headers.map((name) => `header ${name}`),
    ...settings.redact.body.map((path) => `body ${path}`),
  ]
  lines.push(`redacted: ${redacted.join(', ')}`)
  if (settings.normalize.length > 0) {
    const names = settings.normalize.map((entry) =>
      'builtin' in entry ? entry.builtin : `/${entry.pattern}/ -> ${entry.replace}`,
    )
    lines.push(`normalized in prompts: ${names.join(', ')}`)
  }
  return lines
}
