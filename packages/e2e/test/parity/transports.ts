/**
 * The transports a parity case runs over, each answer reduced to what a client sees: the Hono
 * app in process (`mock.app.request`), the in-process `fetch`, and `serve(mock)` over real HTTP
 * on 127.0.0.1 (raw header lines through `node:http`); and the stub client's results reduced to
 * what the SDK would have made of the server's bytes.
 */
import { request as httpRequest, STATUS_CODES } from 'node:http'
import type { Exchange, Mocktopus } from '@mocktopus/server'
import { MockAPIError } from '@mocktopus/stub'

/** Unix seconds every instance is frozen at, so `created` fields line up. */
export const NOW = 1_700_000_000

/** A transport of the server; the stub is compared separately, where a case is an SDK call. */
export type Way = 'app' | 'fetch' | 'serve'

export const WAYS: readonly Way[] = ['app', 'fetch', 'serve']

/** One request as sent. */
export interface Sent {
  /** Default `POST`. */
  readonly method?: string
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string | Uint8Array<ArrayBuffer>
  /** The name the server is reached by: the URL's host in process, `Host` over HTTP. */
  readonly host?: string
}

/** One answer as a client sees it. */
export interface Answer {
  readonly status: number
  /** `name: value`, names lower-case and sorted, after the normalisations below. */
  readonly headers: readonly string[]
  /** The bytes, one character a byte (latin1), so a difference in encoding shows too. */
  readonly body: string
}

/** Where a way sends: the instance, and for `serve` the server's root URL. */
export interface Target {
  readonly way: Way
  readonly mock: Mocktopus
  readonly url?: string
}

// A string body in a Web `Request` without a content type would get `text/plain`; node:http
// adds none. Both get the same explicit one.
function headersOf(sent: Sent): Record<string, string> {
  const headers: Record<string, string> = {}
  if (sent.body !== undefined) headers['content-type'] = 'application/json'
  return { ...headers, ...sent.headers }
}

/** The `RequestInit` for `sent`, with an optional signal. */
export function initOf(sent: Sent, signal?: AbortSignal): RequestInit {
  return {
    method: sent.method ?? 'POST',
    headers: headersOf(sent),
    ...(sent.body === undefined ? {} : { body: sent.body }),
    ...(signal ? { signal } : {}),
  }
}

const NO_BODY_STATUSES = new Set([204, 304])

// Headers that are the connection's, not the answer's. Each is left out for one reason:
const CONNECTION_HEADERS = new Set([
  // Node's http server adds `Date` to every answer; a Web `Response` has none.
  'date',
  // Node's connection management (`close` with agent: false); in process there is no connection.
  'connection',
  'keep-alive',
  // Chunked framing of a stream over HTTP/1.1; a `Response` body is a stream without framing.
  'transfer-encoding',
])

function normalised(sent: Sent, status: number, headers: Headers, bytes: Buffer): string[] {
  const lines: string[] = []
  headers.forEach((value, name) => {
    if (CONNECTION_HEADERS.has(name)) return
    // Framing: Node gives a JSON answer's length, a `Response` leaves it to whoever sends it;
    // an answer to HEAD may give the length GET would have had (RFC 9110 9.3.2). Dropped only
    // there; a wrong length, or any length on a 204 (RFC 9110 8.6: a server MUST NOT send one),
    // stays in and fails the comparison.
    if (
      name === 'content-length' &&
      !NO_BODY_STATUSES.has(status) &&
      (Number(value) === bytes.length || sent.method === 'HEAD')
    )
      return
    lines.push(`${name}: ${value}`)
  })
  return lines.sort()
}

/** A Web `Response` as an answer. */
export async function answerOf(sent: Sent, response: Response): Promise<Answer> {
  const bytes = Buffer.from(await response.arrayBuffer())
  return {
    status: response.status,
    headers: normalised(sent, response.status, response.headers, bytes),
    body: bytes.toString('latin1'),
  }
}

// One request on a fresh connection; the answer as Node's HTTP client reads the raw lines.
function sendOverHTTP(url: string, sent: Sent): Promise<Answer & { statusMessage: string }> {
  return new Promise((resolve, reject) => {
    const body = sent.body ?? ''
    const headers = headersOf(sent)
    if (sent.host !== undefined) headers.host = sent.host
    if (sent.body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
    const request = httpRequest(
      `${url}${sent.path}`,
      { method: sent.method ?? 'POST', headers, agent: false },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          const bytes = Buffer.concat(chunks)
          // The raw lines joined by name as a Web `Headers` joins them (Fetch spec): both sides
          // then compare as lower-case names in one order, a repeated line as `a, b`.
          const joined = new Headers()
          for (let i = 0; i < response.rawHeaders.length; i += 2) {
            joined.append(response.rawHeaders[i] as string, response.rawHeaders[i + 1] as string)
          }
          const status = response.statusCode ?? 0
          resolve({
            status,
            statusMessage: response.statusMessage ?? '',
            headers: normalised(sent, status, joined, bytes),
            body: bytes.toString('latin1'),
          })
        })
      },
    )
    request.on('error', reject)
    request.end(sent.body === undefined ? undefined : body)
  })
}

function urlOf(sent: Sent, host: string): string {
  return `http://${sent.host ?? host}${sent.path}`
}

/**
 * Sends `sent` one way and reads the whole answer.
 *
 * @example const answer = await send({ way: 'app', mock }, { path: '/v1/models', method: 'GET' })
 */
export async function send(target: Target, sent: Sent): Promise<Answer> {
  switch (target.way) {
    case 'app':
      return answerOf(sent, await target.mock.app.request(urlOf(sent, 'localhost'), initOf(sent)))
    case 'fetch':
      return answerOf(sent, await target.mock.fetch(urlOf(sent, 'mocktopus.local'), initOf(sent)))
    case 'serve': {
      const answer = await sendOverHTTP(target.url ?? '', sent)
      // Node's status line carries the standard reason phrase; a `Response` here has none.
      if (answer.statusMessage !== STATUS_CODES[answer.status]) {
        throw new Error(`status line "${answer.status} ${answer.statusMessage}" is not standard`)
      }
      const { statusMessage: _, ...rest } = answer
      return rest
    }
  }
}

/** The bytes as UTF-8 text. */
export function textOf(answer: Answer): string {
  return Buffer.from(answer.body, 'latin1').toString('utf8')
}

/** The body as JSON. */
export function jsonOf(answer: Answer): unknown {
  return JSON.parse(textOf(answer))
}

/** A header's value, or `undefined`. */
export function headerOf(answer: Answer, name: string): string | undefined {
  const prefix = `${name}: `
  return answer.headers.find((line) => line.startsWith(prefix))?.slice(prefix.length)
}

/** The `data:` payloads of an SSE body, `[DONE]` left out, each parsed. */
export function sseData(text: string): unknown[] {
  const chunks: unknown[] = []
  for (const frame of text.split('\n\n')) {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice('data: '.length))
      .join('\n')
    if (data && data !== '[DONE]') chunks.push(JSON.parse(data))
  }
  return chunks
}

/** A journal as compared: the time an exchange took and when it began are left out. */
export function comparableJournal(entries: readonly Exchange[]): unknown[] {
  return entries.map(({ durationMs: _, time: __, ...entry }) => entry)
}

/** What an SDK call came to, from the stub or from the server's bytes. */
export type Outcome =
  | { readonly kind: 'json'; readonly body: unknown; readonly requestID: string | null }
  | { readonly kind: 'stream'; readonly chunks: unknown[] }
  | {
      readonly kind: 'error'
      readonly status: number
      readonly body: unknown
      readonly retryAfter: string | null
      readonly requestID: string | null
    }

// The SDK adds `output_text` to every Responses object it returns; the stub does too.
function withOutputText(body: unknown): unknown {
  const response = body as { object?: string; output?: { type: string; content?: unknown[] }[] }
  if (response?.object !== 'response' || !Array.isArray(response.output)) return body
  const texts: string[] = []
  for (const item of response.output) {
    if (item.type !== 'message') continue
    for (const part of (item.content ?? []) as { type: string; text: string }[]) {
      if (part.type === 'output_text') texts.push(part.text)
    }
  }
  return { ...response, output_text: texts.join('') }
}

/**
 * What the `openai` SDK makes of a server answer: a parsed body with `_request_id`, the chunks
 * of a stream, or an error with its status and body.
 */
export function sdkOutcomeOf(answer: Answer): Outcome {
  const requestID = headerOf(answer, 'x-request-id') ?? null
  if (answer.status >= 400) {
    return {
      kind: 'error',
      status: answer.status,
      body: jsonOf(answer),
      retryAfter: headerOf(answer, 'retry-after') ?? null,
      requestID,
    }
  }
  if (headerOf(answer, 'content-type')?.startsWith('text/event-stream')) {
    return { kind: 'stream', chunks: sseData(textOf(answer)) }
  }
  return { kind: 'json', body: withOutputText(jsonOf(answer)), requestID }
}

/** What one stub call came to. */
export async function stubOutcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await call()
    if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
      const chunks: unknown[] = []
      for await (const chunk of result as AsyncIterable<unknown>) chunks.push(chunk)
      return { kind: 'stream', chunks }
    }
    const requestID = (result as { _request_id?: string | null })._request_id ?? null
    return { kind: 'json', body: result, requestID }
  } catch (error) {
    if (!(error instanceof MockAPIError)) throw error
    return {
      kind: 'error',
      status: error.status,
      body: error.body,
      retryAfter: error.headers.get('retry-after'),
      requestID: error.requestID,
    }
  }
}
