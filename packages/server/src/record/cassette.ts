/**
 * Python-era cassettes: the original Mocktopus recorded to `session_<unix time>.jsonl`, one
 * JSON object per line (`RecordedInteraction`: `request_method`, `request_path`,
 * `request_body`, `response_status`, `response_body`, `timestamp`, ...). Each line becomes the
 * rule a recording made today would be, so migrating teams replay their old cassettes as is.
 */
import { createEngineState, type ParseResult, RULE_ENDPOINTS } from '@mocktopus/responders'
import { RecordingsError } from './errors.js'
import { type RecordedRule, recordedRule } from './to-rule.js'

/** A cassette file name, e.g. `session_1718000000.jsonl`. */
export const CASSETTE_PATTERN: RegExp = /^session_.*\.jsonl$/

// Each endpoint's own parser, from the endpoint table; no stored responses to resolve against.
const STATE = createEngineState()

function parseFor(endpoint: string): ((body: unknown) => ParseResult<unknown>) | undefined {
  const row = RULE_ENDPOINTS.find((candidate) => candidate.path === endpoint)
  return row && ((body) => row.parse(body, STATE))
}

export interface CassetteRule {
  readonly rule: RecordedRule
  /** The cassette line it came from (1-based). */
  readonly line: number
}

export interface CassetteSkip {
  readonly line: number
  readonly reason: string
}

export interface Cassette {
  /** Rules in the order the Python replayer tried them: by `timestamp`. */
  readonly rules: readonly CassetteRule[]
  /** Lines that hold an interaction Mocktopus cannot replay, and why. */
  readonly skipped: readonly CassetteSkip[]
}

type Data = Record<string, unknown>

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// The Python recorder stripped only the official hosts, so a path may be a whole URL.
function endpointOf(path: string): string {
  const pathname = /^https?:\/\//.test(path) ? new URL(path).pathname : path
  const at = pathname.indexOf('/v1/')
  return at === -1 ? pathname : pathname.slice(at)
}

/**
 * The rules of one cassette. A line that is not JSON is an error naming the file and line;
 * an interaction on an endpoint Mocktopus does not serve is skipped and reported.
 *
 * @example parseCassette(readFileSync('recordings/session_1718000000.jsonl', 'utf8'), 'session_1718000000.jsonl')
 */
export function parseCassette(text: string, source: string): Cassette {
  const found: (CassetteRule & { time: number })[] = []
  const skipped: CassetteSkip[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1
    if (raw.trim() === '') return
    let entry: unknown
    try {
      entry = JSON.parse(raw)
    } catch (cause) {
      throw new RecordingsError(
        `${source}:${line}: not a JSON object (a cassette has one recorded interaction per line); fix or delete the line`,
        { cause },
      )
    }
    if (!isRecord(entry) || typeof entry.request_path !== 'string') {
      throw new RecordingsError(
        `${source}:${line}: expected a recorded interaction with request_path, request_body, response_status and response_body`,
      )
    }
    const endpoint = endpointOf(entry.request_path)
    const parse = parseFor(endpoint)
    if (!parse || (entry.request_method ?? 'POST') !== 'POST') {
      skipped.push({
        line,
        reason: `${String(entry.request_method ?? 'POST')} ${endpoint} is not replayed`,
      })
      return
    }
    const parsed = parse(entry.request_body)
    if (!parsed.ok) {
      skipped.push({ line, reason: 'the recorded request body is not a valid request' })
      return
    }
    const result = recordedRule({
      endpoint,
      match: parsed.match,
      status: Number(entry.response_status ?? 200),
      body: entry.response_body,
    })
    if (!result.ok) {
      skipped.push({ line, reason: result.reason })
      return
    }
    const time = typeof entry.timestamp === 'number' ? entry.timestamp : 0
    found.push({ rule: result.rule, line, time })
  })
  // A stable sort: interactions with the same timestamp keep their file order.
  found.sort((a, b) => a.time - b.time)
  return { rules: found.map(({ rule, line }) => ({ rule, line })), skipped }
}
