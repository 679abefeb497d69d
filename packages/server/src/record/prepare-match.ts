/**
 * The request as a recordings directory sees it, on both sides: the recorder writes its rule
 * from it, and replay matches it against the rules. Values of the body fields the directory
 * redacts are blanked out of the conversation, then volatile text (ISO timestamps, UUIDs, the
 * directory's own patterns) is replaced by a placeholder, so a prompt that carries today's
 * date still matches the recording made yesterday. User patterns run on RE2, in linear time.
 */
import { compileReplacer, type MatchRequest, messageText } from '@mocktopus/scenario'
import { parseFieldPath, type RecordSettings } from './settings.js'
import { REDACTED } from './to-rule.js'

/** An ISO 8601 date, with a time and zone when there is one. */
const ISO_TIMESTAMP =
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?/g
const UUID = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g

export const TIMESTAMP_PLACEHOLDER = '<timestamp>'
export const UUID_PLACEHOLDER = '<uuid>'

export interface MatchPreparer {
  /** The request with redacted values and volatile text replaced, and its `body` attached. */
  prepare(match: MatchRequest, body: unknown): MatchRequest
  /** The values found at the redacted body paths of `body` (leaves of objects and lists). */
  redactedValues(body: unknown): string[]
  /** One text with `values` blanked out and volatile text replaced. */
  text(text: string, values: readonly string[]): string
}

type Data = Record<string, unknown>

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function leaves(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (value !== '') out.push(value)
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    out.push(String(value))
  } else if (Array.isArray(value)) {
    for (const item of value) leaves(item, out)
  } else if (isRecord(value)) {
    for (const item of Object.values(value)) leaves(item, out)
  }
}

function collect(
  value: unknown,
  path: readonly (string | number)[],
  at: number,
  out: string[],
): void {
  if (at === path.length) {
    leaves(value, out)
    return
  }
  const segment = path[at] as string | number
  if (segment === '*') {
    const items = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : []
    for (const item of items) collect(item, path, at + 1, out)
  } else if (typeof segment === 'number') {
    if (Array.isArray(value)) collect(value[segment], path, at + 1, out)
  } else if (isRecord(value) && segment in value) {
    collect(value[segment], path, at + 1, out)
  }
}

/**
 * The values at `paths` in each of `bodies` (every leaf under an object or list).
 *
 * @example valuesAt([{ metadata: { id: 'c-42' } }], ['metadata.id']) // ['c-42']
 */
export function valuesAt(bodies: readonly unknown[], paths: readonly string[]): string[] {
  const out: string[] = []
  for (const path of paths) {
    const segments = parseFieldPath(path)
    for (const body of bodies) collect(body, segments, 0, out)
  }
  return [...new Set(out)]
}

/**
 * A text with each value blanked out: wherever it occurs when it has 4 characters or more,
 * and where it is the whole text when shorter (a 2-character id is not hunted inside words).
 *
 * @example blankValues('for c-42', ['c-42']) // 'for [REDACTED]'
 */
export function blankValues(text: string, values: readonly string[]): string {
  let out = text
  for (const value of values) {
    if (out === value) return REDACTED
    if (value.length >= 4 && out.includes(value)) out = out.split(value).join(REDACTED)
  }
  return out
}

/**
 * The preparer for a directory's settings, or `undefined` when they change nothing in a
 * request (no normalize, no body redaction): then requests are matched as they come.
 *
 * @example createMatchPreparer({ ...DEFAULT_RECORD_SETTINGS, normalize: [{ builtin: 'timestamps' }] })?.text('at 2026-01-02T03:04:05Z', []) // 'at <timestamp>'
 */
export function createMatchPreparer(settings: RecordSettings): MatchPreparer | undefined {
  const paths = settings.redact.body
  if (settings.normalize.length === 0 && paths.length === 0) return undefined
  const steps = settings.normalize.map((entry): ((text: string) => string) => {
    if ('builtin' in entry) {
      return entry.builtin === 'timestamps'
        ? (text) => text.replace(ISO_TIMESTAMP, TIMESTAMP_PLACEHOLDER)
        : (text) => text.replace(UUID, UUID_PLACEHOLDER)
    }
    const replacer = compileReplacer(entry.pattern)
    return (text) => replacer.replaceAll(text, entry.replace)
  })
  const text = (value: string, values: readonly string[]): string => {
    let out = values.length > 0 ? blankValues(value, values) : value
    for (const step of steps) out = step(out)
    return out
  }
  const redactedValues = (body: unknown): string[] =>
    paths.length === 0 ? [] : valuesAt([body], paths)
  return {
    text,
    redactedValues,
    prepare(match, body) {
      const values = redactedValues(body)
      const messages = match.messages?.map((message) => {
        const original = messageText(message)
        const fixed = text(original, values)
        return fixed === original && typeof message.content === 'string'
          ? message
          : { ...message, content: fixed }
      })
      const input = match.input?.map((item) => text(item, values))
      return {
        ...match,
        ...(messages === undefined ? {} : { messages }),
        ...(input === undefined ? {} : { input }),
        body,
      }
    },
  }
}
