/**
 * What the inspector keeps of an exchange beyond the journal's record: the request headers it
 * shows (credentials masked), the answer's headers and text, and a stream's frames with the
 * milliseconds at which each was handed on. Each answer is kept up to a byte limit and all of
 * them within a byte bound, oldest out first, beside the journal's own bounds.
 */
import type { ExchangeDraft, HeaderLookup, SSEFrame } from '@mocktopus/responders'
import { monotonicMs } from '@mocktopus/responders'

/** How many bytes of one answer (text or stream frames) are kept: 64 KiB. */
export const ANSWER_BYTES: number = 64 * 1024
/** How many bytes of kept answers all entries may hold together: 16 MiB. */
export const DETAIL_BYTES: number = 16 * 1024 * 1024
/**
 * A JSON answer longer than this is kept as its body value, not its text: the text is written
 * again from the value when the detail is asked for. The value mostly shares its parts with the
 * responders' caches (an embedding's vector), where a kept 30 KB text is one more string for the
 * young generation to copy and promote: keeping the texts of embeddings answers more than
 * doubled the CPU a request cost, nearly all of it in the garbage collector.
 */
export const INLINE_TEXT_CHARS: number = 2048

/**
 * The request headers the detail view shows, when the request carried them. Few: each is one
 * lookup on every request (a Web `Headers` lookup costs about half a microsecond).
 */
export const SHOWN_HEADERS: readonly string[] = [
  'content-type',
  'user-agent',
  'anthropic-version',
  'anthropic-beta',
  'x-mocktopus-session',
]

/** One frame of a streamed answer and when it was handed to the client. */
export interface CapturedFrame {
  /** Milliseconds since the request arrived. */
  readonly ms: number
  readonly event?: string
  readonly data: string
}

/** The answer as the client got it. */
export type CapturedAnswer =
  | { readonly kind: 'json'; readonly text: string; readonly truncated?: number }
  | { readonly kind: 'stream'; readonly frames: CapturedFrame[]; truncated?: boolean }
  | { readonly kind: 'none' }

/** A long JSON answer as kept: its body value, written out again when it is shown. */
interface KeptValue {
  readonly kind: 'value'
  readonly body: unknown
}

/** The answer of a detail as shown: a kept value written out (and cut to `limit`) again. */
export function shownAnswer(
  answer: CapturedAnswer | KeptValue,
  limit: number = ANSWER_BYTES,
): CapturedAnswer {
  if (answer.kind !== 'value') return answer
  const text = JSON.stringify(answer.body)
  return text.length <= limit
    ? { kind: 'json', text }
    : { kind: 'json', text: text.slice(0, limit), truncated: text.length }
}

/** What the inspector keeps of one exchange. */
export interface Detail {
  readonly requestHeaders: Readonly<Record<string, string>>
  readonly responseHeaders: Readonly<Record<string, string>>
  /** The answer; `shownAnswer` gives it as the page reads it. */
  readonly answer: CapturedAnswer | KeptValue
  /** The bytes counted against the bound. */
  readonly bytes: number
}

// A credential is shown by its kind only: `Bearer ***`.
function masked(value: string): string {
  const space = value.indexOf(' ')
  return space === -1 ? '***' : `${value.slice(0, space)} ***`
}

/**
 * The shown request headers of a request, credentials masked.
 *
 * @example requestHeaders({ header: (name) => headers.get(name) ?? undefined })
 */
export function requestHeaders(request: HeaderLookup): Record<string, string> {
  const shown: Record<string, string> = {}
  for (const name of SHOWN_HEADERS) {
    const value = request.header(name)
    if (value !== undefined) shown[name] = value
  }
  const authorization = request.header('authorization')
  if (authorization !== undefined) shown.authorization = masked(authorization)
  const apiKey = request.header('x-api-key')
  if (apiKey !== undefined) shown['x-api-key'] = masked(apiKey)
  return shown
}

/** An exchange being captured: the request (read once it is complete), the answer so far. */
interface Pending {
  readonly request: HeaderLookup
  headers: Readonly<Record<string, string>>
  answer: CapturedAnswer | KeptValue
  bytes: number
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({})
const NO_ANSWER: CapturedAnswer = Object.freeze({ kind: 'none' })

/** The side of the inspector the handler calls while it answers. */
export interface AnswerCapture {
  /** Notes the request behind `draft`; its headers are read when the exchange completes. */
  request(draft: ExchangeDraft, request: HeaderLookup): void
  /**
   * A JSON answer, as written; `body` is the value `text` was written from (`JSON.stringify`
   * gives `text` again), kept instead of a long text.
   */
  json(
    draft: ExchangeDraft,
    headers: Readonly<Record<string, string>>,
    text: string,
    body?: unknown,
  ): void
  /** A stream answer: the same frames, each kept with its time as it passes. */
  stream(
    draft: ExchangeDraft,
    headers: Readonly<Record<string, string>>,
    frames: AsyncIterable<SSEFrame>,
  ): AsyncIterable<SSEFrame>
  /** The capture of a completed exchange, and forgets it. */
  take(draft: ExchangeDraft): Detail | undefined
}

/**
 * Captures answers for the inspector; one per instance.
 *
 * @example const capture = createAnswerCapture(); capture.request(draft, http)
 */
export function createAnswerCapture(limit: number = ANSWER_BYTES): AnswerCapture {
  // The draft's own `capture` slot holds the pending entry: no side table to look up.
  const pending = {
    get: (draft: ExchangeDraft) => draft.capture as Pending | undefined,
    delete: (draft: ExchangeDraft) => {
      draft.capture = undefined
    },
  }
  return {
    request(draft, request) {
      const entry: Pending = { request, headers: NO_HEADERS, answer: NO_ANSWER, bytes: 0 }
      draft.capture = entry
    },
    json(draft, headers, text, body) {
      const entry = pending.get(draft)
      if (!entry) return
      entry.headers = headers
      if (body !== undefined && text.length > INLINE_TEXT_CHARS) {
        entry.answer = { kind: 'value', body }
        entry.bytes = Math.min(text.length, limit)
        return
      }
      // Fewer characters than a third of the limit are within it in UTF-8 too.
      if (text.length <= limit) {
        entry.answer = { kind: 'json', text }
        entry.bytes = text.length
      } else {
        entry.answer = { kind: 'json', text: text.slice(0, limit), truncated: text.length }
        entry.bytes = limit
      }
    },
    stream(draft, headers, frames) {
      const entry = pending.get(draft)
      if (!entry) return frames
      const kept: CapturedFrame[] = []
      const answer: CapturedAnswer = { kind: 'stream', frames: kept }
      entry.headers = headers
      entry.answer = answer
      return {
        [Symbol.asyncIterator]() {
          const source = frames[Symbol.asyncIterator]()
          return {
            next: () =>
              source.next().then((result) => {
                if (result.done) return result
                const frame = result.value
                if (entry.bytes < limit) {
                  const data =
                    typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data)
                  const ms = Math.round((monotonicMs() - draft.started) * 10) / 10
                  kept.push(frame.event ? { ms, event: frame.event, data } : { ms, data })
                  entry.bytes += data.length + 32
                } else answer.truncated = true
                return result
              }),
            return: (value?: unknown) =>
              source.return?.(value) ?? Promise.resolve({ done: true as const, value: undefined }),
          }
        },
      }
    },
    take(draft) {
      const entry = pending.get(draft)
      if (!entry) return undefined
      pending.delete(draft)
      return {
        requestHeaders: requestHeaders(entry.request),
        responseHeaders: entry.headers,
        answer: entry.answer,
        bytes: entry.bytes + 256,
      }
    },
  }
}
