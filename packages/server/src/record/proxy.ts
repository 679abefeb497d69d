/**
 * The record side of the server: sends a request to the real API, hands the client the
 * upstream's status, headers and body unchanged (a stream chunk by chunk as it arrives), and
 * turns the exchange into a rule. Web standard only (`fetch`, streams), so it runs wherever
 * the app runs: each call upstream is plain data handed to `send` (./upstream.ts), which
 * Node's recorder sends on `node:http`; where the rules go is the caller's business
 * (`onRecord`). An upstream that cannot be reached, stays silent, cuts its answer short or
 * answers what is not JSON gets the client a 502 or 504 in its provider's envelope (or, once a
 * stream has started, an error event that ends it), and one `onSkip` report.
 */
import {
  ABORTED_STATUS,
  ANTHROPIC_PROVIDER,
  createRouter,
  ENDPOINT_TABLE,
  type Endpoint,
  OPENAI_PROVIDER,
  type ProviderRecord,
} from '@mocktopus/responders'
import { MocktopusError, requestParams } from '@mocktopus/scenario'
import { textResponse } from '../text-response.js'
import {
  type ForwardedRequest,
  type ForwardInfo,
  type ForwardOutcome,
  forwardedRequest,
} from './hooks.js'
import { createMatchPreparer, valuesAt } from './prepare-match.js'
import type { SentRequest } from './recorded-request.js'
import { createDeadline, type UpstreamDeadline } from './relay.js'
import { DEFAULT_RECORD_SETTINGS, type RecordSettings } from './settings.js'
import { ndjsonFold, type StreamFold, sseFold } from './stream-fold.js'
import { streamTiming } from './stream-timing.js'
import { type RecordedRule, type RecordedTiming, recordedRule, redactText } from './to-rule.js'
import { fetchSender, type SendUpstream, type UpstreamResponse } from './upstream.js'

// Each provider's upstream, key and stream folding are its `record` trait (`<provider>/record.ts`
// in the responders); a path of no provider's row is sent where OpenAI's are.
const OPENAI_RECORD = OPENAI_PROVIDER.record as ProviderRecord
/** The OpenAI API root requests go to unless `upstream` says otherwise. */
export const DEFAULT_OPENAI_UPSTREAM: string = OPENAI_RECORD.defaultUpstream as string
/** The Anthropic API root (without `/v1`, as the SDK's `baseURL`). */
export const DEFAULT_ANTHROPIC_UPSTREAM: string = (ANTHROPIC_PROVIDER.record as ProviderRecord)
  .defaultUpstream as string
/** How long the upstream may stay silent: 10 minutes, the OpenAI and Anthropic SDKs' own timeout. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 600_000
// The longest delay a timer takes; a longer one would fire at once.
const MAX_TIMEOUT_MS = 2_147_483_647

export interface UpstreamProxyOptions {
  /** An OpenAI-compatible API root, `/v1` included. Default `https://api.openai.com/v1`. */
  readonly upstream?: string
  /** The Anthropic API root for `/v1/messages`. Default `https://api.anthropic.com`. */
  readonly anthropicUpstream?: string
  /** The Ollama root for `/api/chat` and the rest. Default `http://127.0.0.1:11434`. */
  readonly ollamaUpstream?: string
  /**
   * The Gemini API root for `/v1beta/models/...` and `/v1/models/...`. Default
   * `https://generativelanguage.googleapis.com`.
   */
  readonly geminiUpstream?: string
  /** Replaces the client's `x-goog-api-key` (and `?key=`) on Gemini requests. */
  readonly geminiKey?: string
  /**
   * The Azure OpenAI resource for `/openai/...` paths, e.g. `https://NAME.openai.azure.com`.
   * No default: an Azure request recorded without one gets 502 naming the option.
   */
  readonly azureUpstream?: string
  /** Replaces the client's `api-key` (and an Entra ID `Authorization`) on Azure requests. */
  readonly azureKey?: string
  /** Replaces the client's `Authorization` on OpenAI requests. */
  readonly openaiKey?: string
  /** Replaces the client's `x-api-key` (and `Authorization`) on Anthropic requests. */
  readonly anthropicKey?: string
  /**
   * The token that guards Mocktopus itself (`authToken`): a client credential equal to it
   * belongs to Mocktopus and is not forwarded.
   */
  readonly localToken?: string
  /** The `fetch` that reaches the upstream; default the global one. */
  readonly fetch?: (input: Request) => Promise<Response>
  /**
   * Sends each call upstream as plain data, in place of `fetch` (Node's recorder sends on
   * `node:http`). Default: a `Request` handed to `fetch`.
   */
  readonly send?: SendUpstream
  /**
   * How long the upstream may stay silent, in milliseconds: before its headers (the client
   * then gets 504), and between two pieces of its body. Default 600000, the SDKs' own timeout.
   */
  readonly upstreamTimeoutMs?: number
  /**
   * The recordings directory's settings (`mocktopus.record.yaml`): what rules match on beyond
   * the conversation, the volatile text normalised in prompts, and the fields redacted.
   */
  readonly settings?: RecordSettings
  /** Receives every exchange turned into a rule; a rejection is reported by `onSkip` as `lost`. */
  readonly onRecord?: (info: RecordInfo) => void | Promise<void>
  /**
   * Hears once about every exchange that was not recorded, and why (never with a credential in
   * it). Default: one line on the console, `console.error` for a lost recording.
   */
  readonly onSkip?: (info: SkipInfo) => void
}

export interface RecordInfo {
  readonly endpoint: string
  readonly rule: RecordedRule
}

/**
 * Why an exchange was not recorded: `upstream`, the upstream failed (unreachable, silent, cut
 * short, not JSON) and the client was told so; `client`, the client went away before the
 * upstream answered; `lost`, the exchange went fine but its recording could not be written;
 * `unrecordable`, the exchange went fine but is not one a rule can hold.
 */
export type SkipKind = 'upstream' | 'client' | 'lost' | 'unrecordable'

export interface SkipInfo {
  readonly endpoint: string
  /** One line naming the cause. */
  readonly reason: string
  readonly kind: SkipKind
  /** The stack of the error behind it, when there is one: for verbose logs only. */
  readonly stack?: string
}

export interface UpstreamProxy {
  /** Forwards one request (the `forward` of `RecordingHooks`). */
  forward(info: ForwardInfo): Promise<Response>
  /** Resolves when every recording started so far (streams included) has been handed over. */
  idle(): Promise<void>
}

// Hop-by-hop headers, and what the runtime's fetch sets itself (length, compression).
const REQUEST_HEADERS_DROPPED = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authorization',
  'proxy-connection',
  'content-length',
  'accept-encoding',
  'cookie',
  'origin',
  'referer',
])
// The body reaches the client decompressed, so its length and encoding no longer hold.
const RESPONSE_HEADERS_DROPPED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'set-cookie',
])

// Which row a request is, as the server routed it: some paths are patterns (a model in the path).
const ROUTER = createRouter()
function rowOf(client: ForwardedRequest, endpoint: string): Endpoint | undefined {
  return ROUTER.find(client.method, endpoint, client)?.endpoint
}

// The client's request as the proxy reads it: the pipeline's, or read from the Web `Request`.
function clientOf(info: ForwardInfo): ForwardedRequest {
  return info.client ?? forwardedRequest(info.request)
}

// Which upstream a request goes to, and how: its row's provider's `record` trait.
function recordOf(row: Endpoint | undefined): ProviderRecord {
  return row?.provider.record ?? OPENAI_RECORD
}

// Every provider's key trait, for the credentials kept out of logs and recordings.
const KEYS = [...new Set(ENDPOINT_TABLE.map((row) => row.provider.record?.key))].filter(
  (key): key is NonNullable<ProviderRecord['key']> => key !== undefined,
)

/**
 * Every provider's upstream root and key option (`geminiUpstream`, `geminiKey`, ...), from
 * their `record` traits: what the recorder passes on to the proxy as given.
 */
export const PROVIDER_UPSTREAM_OPTIONS: readonly string[] = [
  ...new Set(
    ENDPOINT_TABLE.flatMap(({ provider: { record } }) =>
      record ? [record.upstreamOption, ...(record.key ? [record.key.option] : [])] : [],
    ),
  ),
]

/**
 * The query string sent upstream without the parameter `name` (a key in the query, as
 * Gemini's `?key=`), when `drop` says so: it is Mocktopus's own token or a configured key
 * replaces it.
 */
function withoutQueryKey(search: string, name: string, drop: boolean): string {
  if (!drop || !search.includes(`${name}=`)) return search
  const params = new URLSearchParams(search)
  params.delete(name)
  const rest = params.toString()
  return rest === '' ? '' : `?${rest}`
}

// `--anthropic-upstream` from `anthropicUpstream`: the flag that sets an upstream option.
function flagOf(option: string): string {
  return option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

/**
 * The upstream URL of an endpoint. OpenAI roots include the version (`.../v1`), as the SDK's
 * `baseURL` does; Anthropic roots do not, unless they end in `/v1`.
 *
 * @example upstreamURL('https://api.openai.com/v1', ENDPOINTS.chatCompletions, '') // 'https://api.openai.com/v1/chat/completions'
 */
export function upstreamURL(root: string, endpoint: string, search: string): string {
  const base = root.replace(/\/+$/, '')
  const path = /\/v1$/.test(base) ? endpoint.replace(/^\/v1(?=\/|$)/, '') : endpoint
  return `${base}${path}${search}`
}

function bearer(value: string | null): string | undefined {
  const match = value?.match(/^Bearer\s+(.+)$/i)
  return match?.[1]?.trim()
}

// The request as the client sent it, for `mocktopus drift` to send again: the body as the
// pipeline parsed it, else parsed here.
function sentRequest(info: ForwardInfo, client: ForwardedRequest): SentRequest {
  let { body } = info
  if (body === undefined) {
    try {
      body = JSON.parse(info.text)
    } catch {
      body = undefined
    }
  }
  return { body, query: client.query === '' ? '' : `?${client.query}` }
}

function usageOfRule(rule: RecordedRule | undefined): ForwardOutcome['usage'] {
  const usage = rule?.respond?.usage as
    | { input_tokens?: number; output_tokens?: number }
    | undefined
  if (!usage || usage.input_tokens === undefined) return undefined
  return { input_tokens: usage.input_tokens, output_tokens: usage.output_tokens ?? 0 }
}

// The error's own words and its cause's, e.g. `terminated: other side closed`.
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
  const detail = cause?.message ?? cause?.code
  return typeof detail === 'string' && detail !== '' && detail !== error.message
    ? `${error.message}: ${detail}`
    : error.message
}

function stackOf(error: unknown, secrets: readonly string[]): string | undefined {
  if (!(error instanceof Error) || !error.stack) return undefined
  const cause = (error as { cause?: unknown }).cause
  const caused = cause instanceof Error && cause.stack ? `\nCaused by: ${cause.stack}` : ''
  return redactText(`${error.stack}${caused}`, secrets)
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

// The start of a body that is not JSON, on one line: enough to tell a gateway's HTML page.
function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line === '') return 'empty'
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}...` : line)
}

/**
 * The default `onSkip`: one line on the console, `console.error` for a lost recording.
 *
 * @example logSkip({ endpoint: ENDPOINTS.embeddings, kind: 'lost', reason: 'ENOSPC' })
 */
export function logSkip(info: SkipInfo): void {
  if (info.kind === 'lost') {
    console.error(`[mocktopus] recording lost: ${info.endpoint}: ${info.reason}`)
  } else console.warn(`[mocktopus] not recorded: ${info.endpoint}: ${info.reason}`)
}

async function readAll(
  body: ReadableStream<Uint8Array> | null,
  deadline: UpstreamDeadline,
): Promise<string> {
  if (!body) return ''
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline.aborted])
      if (done) break
      deadline.restart()
      text += decoder.decode(value, { stream: true })
    }
  } catch (error) {
    reader.cancel(error).catch(() => {})
    throw error
  }
  return text + decoder.decode()
}

/** One forwarded request, as the proxy's steps share it. */
interface Call {
  readonly info: ForwardInfo
  readonly client: ForwardedRequest
  /** The endpoint table's row the request is, if any. */
  readonly row: Endpoint | undefined
  readonly secrets: readonly string[]
  /** The upstream's origin, for messages (parsed from its root when one is written). */
  readonly origin: string
  readonly deadline: UpstreamDeadline
  /** When the request left for the upstream (`performance.now()`), for the recorded timing. */
  readonly started: number
}

// Times from `performance.now()`: monotonic, and Web standard.
function now(): number {
  return performance.now()
}

// The values of the request headers a directory redacts.
function headerValues(client: ForwardedRequest, names: readonly string[]): string[] {
  const values: string[] = []
  for (const name of names) {
    const value = client.header(name)
    if (value) values.push(value)
  }
  return values
}

/**
 * A proxy to the real APIs that records what passes through it.
 *
 * @example
 * const proxy = createUpstreamProxy({ onRecord: ({ rule }) => rules.push(rule) })
 * const mock = await createMocktopus({ mode: 'record', recording: { forwardAll: true, forward: proxy.forward } })
 */
export function createUpstreamProxy(options: UpstreamProxyOptions = {}): UpstreamProxy {
  // An option named by a provider's `record` trait (`geminiUpstream`, `anthropicKey`, ...).
  const option = (name: string): string | undefined => {
    const value = (options as Readonly<Record<string, unknown>>)[name]
    return typeof value === 'string' ? value : undefined
  }
  const timeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new MocktopusError(
      `upstreamTimeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got ${timeoutMs}`,
    )
  }
  const sendUpstream = options.send ?? fetchSender(options.fetch)
  const onSkip = options.onSkip ?? logSkip
  const pending = new Set<Promise<void>>()
  const settings = options.settings ?? DEFAULT_RECORD_SETTINGS
  const preparer = createMatchPreparer(settings)
  const matchOnTools = settings.matchOn.includes('tools')
  const matchOnParams = settings.matchOn.includes('params')

  const track = (work: Promise<void>): void => {
    pending.add(work)
    void work.finally(() => pending.delete(work))
  }

  const outgoing = (
    client: ForwardedRequest,
    row: Endpoint | undefined,
  ): { headers: Record<string, string>; secrets: string[] } => {
    const { key } = recordOf(row)
    // No prototype: a header may be named anything.
    const headers: Record<string, string> = Object.create(null)
    for (const [name, value] of client.headers()) {
      if (!REQUEST_HEADERS_DROPPED.has(name)) headers[name] = value
    }
    const keyHeader = key?.header.toLowerCase()
    const local = options.localToken
    if (local && bearer(headers.authorization ?? null) === local) delete headers.authorization
    if (local && headers['x-api-key'] === local) delete headers['x-api-key']
    if (local && keyHeader && headers[keyHeader] === local) delete headers[keyHeader]
    const replacement = key && option(key.option)
    if (key && keyHeader && replacement) {
      for (const name of key.replaces ?? []) delete headers[name.toLowerCase()]
      headers[keyHeader] = keyHeader === 'authorization' ? `Bearer ${replacement}` : replacement
    }
    const query = client.query === '' ? undefined : new URLSearchParams(client.query)
    const secrets = [
      options.localToken,
      bearer(client.header('authorization') ?? null),
      client.header('x-api-key'),
      ...KEYS.flatMap((each) => [
        option(each.option),
        each.header === 'authorization' ? undefined : client.header(each.header),
        each.query === undefined ? undefined : (query?.get(each.query) ?? undefined),
      ]),
    ].filter((secret): secret is string => typeof secret === 'string' && secret !== '')
    return { headers, secrets }
  }

  const skip = (
    call: Pick<Call, 'info' | 'secrets'>,
    kind: SkipInfo['kind'],
    reason: string,
    error?: unknown,
  ): void => {
    const stack = error === undefined ? undefined : stackOf(error, call.secrets)
    onSkip({
      endpoint: call.info.endpoint,
      reason: redactText(reason, call.secrets),
      kind,
      ...(stack === undefined ? {} : { stack }),
    })
  }

  // The upstream failed before the client got anything: an answer of ours in its envelope.
  const fault = (
    call: Pick<Call, 'info' | 'secrets'>,
    status: number,
    code: string,
    message: string,
    error?: unknown,
  ): Response => {
    skip(call, 'upstream', `${message}; the client got ${status}`, error)
    const text = `[mocktopus] ${redactText(message, call.secrets)}`
    return call.info.reply(call.info.errors({ status, message: text, code }))
  }

  const record = async (
    call: Call,
    status: number,
    headers: UpstreamResponse['headers'],
    body: unknown,
    shape?: string,
    timing?: RecordedTiming,
  ): Promise<RecordedRule | undefined> => {
    const { info } = call
    if (!info.match) {
      skip(
        call,
        'unrecordable',
        'the request is not one Mocktopus can match (not JSON, invalid, or continuing a stored response)',
      )
      return undefined
    }
    const sent = sentRequest(info, call.client)
    // As replay will see the request: redacted values and volatile text replaced.
    const match = preparer ? preparer.prepare(info.match, sent.body) : info.match
    const redacted = [
      ...headerValues(call.client, settings.redact.headers),
      ...(settings.redact.body.length > 0 ? valuesAt([sent.body, body], settings.redact.body) : []),
    ]
    const result = recordedRule({
      // A row whose path is a pattern (a model in it): the rule names the row's path, as the
      // matcher sees it. A path of no provider's row is recorded as it is.
      endpoint: call.row?.provider.record ? info.match.endpoint : info.endpoint,
      match,
      status,
      body,
      headers,
      secrets: call.secrets,
      sent,
      ...(shape === undefined ? {} : { shape }),
      ...(redacted.length > 0 ? { redacted } : {}),
      ...(matchOnTools ? { tools: match.tools ?? [] } : {}),
      ...(matchOnParams ? { params: requestParams(sent.body) } : {}),
      ...(timing === undefined ? {} : { timing }),
    })
    if (!result.ok) {
      skip(call, 'unrecordable', result.reason)
      return undefined
    }
    try {
      await options.onRecord?.({ endpoint: info.endpoint, rule: result.rule })
    } catch (error) {
      skip(call, 'lost', `the recording could not be written: ${describeError(error)}`, error)
    }
    return result.rule
  }

  // Passes the stream on as it arrives, whole events (or lines) at a time, and records it at
  // its end. A client that leaves stops getting bytes, not the recording: the upstream is read
  // to its end.
  const relayStream = (
    call: Call,
    upstream: UpstreamResponse,
    headers: Record<string, string>,
    fold: StreamFold,
  ): Response => {
    const { info, deadline } = call
    const headersAt = now()
    const reader = (upstream.body as ReadableStream<Uint8Array>).getReader()
    let client: ReadableStreamDefaultController<Uint8Array> | undefined
    let gone = false
    const toClient = new ReadableStream<Uint8Array>({
      start(controller) {
        client = controller
      },
      cancel() {
        gone = true
      },
    })
    const send = (bytes: Uint8Array | undefined): void => {
      if (gone || !bytes) return
      try {
        client?.enqueue(bytes)
      } catch {
        gone = true
      }
    }
    const end = (): void => {
      if (gone) return
      gone = true
      try {
        client?.close()
      } catch {
        // The client's side is already closed.
      }
    }
    const work = async (): Promise<void> => {
      let rule: RecordedRule | undefined
      try {
        try {
          for (;;) {
            const { done, value } = await Promise.race([reader.read(), deadline.aborted])
            if (done) break
            deadline.restart()
            send(fold.push(value, now()))
          }
        } catch (error) {
          reader.cancel(error).catch(() => {})
          const message =
            deadline.ended === 'timeout'
              ? `the upstream ${call.origin} went silent for ${timeoutMs} ms in the middle of the stream (--upstream-timeout)`
              : `the upstream ${call.origin} cut the stream short (${describeError(error)})`
          const frame = fold.errorFrame(
            info.errors({
              status: deadline.ended === 'timeout' ? 504 : 502,
              message: `[mocktopus] ${redactText(message, call.secrets)}`,
              code: deadline.ended === 'timeout' ? 'upstream_timeout' : 'upstream_error',
            }).body,
          )
          const ending = frame ? 'ended with an error event' : 'closed'
          skip(
            call,
            'upstream',
            `${message}; the client's stream was ${ending}`,
            deadline.ended === 'timeout' ? undefined : error,
          )
          send(frame)
          end()
          return
        }
        deadline.stop()
        send(fold.rest(now()))
        end()
        const { assembled, shape, times } = fold.result()
        if (assembled.ok)
          rule = await record(
            call,
            upstream.status,
            upstream.headers,
            assembled.body,
            shape,
            streamTiming(call.started, headersAt, times),
          )
        else skip(call, 'unrecordable', assembled.reason)
      } finally {
        deadline.stop()
        info.finish({ status: upstream.status, stream: true, usage: usageOfRule(rule) })
      }
    }
    track(work())
    return new Response(toClient, { status: upstream.status, headers })
  }

  const relay = async (info: ForwardInfo): Promise<Response> => {
    const client = clientOf(info)
    const row = rowOf(client, info.endpoint)
    const { headers, secrets } = outgoing(client, row)
    const upstreamOf = recordOf(row)
    const root = option(upstreamOf.upstreamOption) ?? upstreamOf.defaultUpstream
    if (root === undefined) {
      const flag = flagOf(upstreamOf.upstreamOption)
      return fault(
        { info, secrets },
        502,
        'upstream_unreachable',
        `no upstream for ${info.endpoint}: record mode sends it to the root given with --${flag} (\`${upstreamOf.upstreamOption}\`), which has no default`,
      )
    }
    const deadline = createDeadline(timeoutMs, (listener) => client.onClose(listener))
    const call: Call = {
      info,
      client,
      row,
      secrets,
      // Read by failure messages only: a URL parsed per request is worth sparing.
      get origin() {
        return originOf(root)
      },
      deadline,
      started: now(),
    }
    let upstream: UpstreamResponse
    try {
      const search = client.query === '' ? '' : `?${client.query}`
      const local = options.localToken
      const { key } = upstreamOf
      const url = upstreamURL(
        root,
        info.endpoint,
        key?.query === undefined
          ? search
          : withoutQueryKey(
              search,
              key.query,
              option(key.option) !== undefined ||
                (local !== undefined && new URLSearchParams(search).get(key.query) === local),
            ),
      )
      const { method } = client
      const sent = sendUpstream({
        url,
        method,
        headers,
        signal: deadline.signal,
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: info.text }),
      })
      // Raced, so that a `fetch` option that ignores the signal still ends on time.
      upstream = await Promise.race([sent, deadline.aborted])
    } catch (error) {
      deadline.stop()
      if (deadline.ended === 'timeout') {
        return fault(
          call,
          504,
          'upstream_timeout',
          `the upstream ${call.origin} sent no answer within ${timeoutMs} ms; check the upstream, or raise --upstream-timeout`,
        )
      }
      if (deadline.ended === 'client') {
        skip(call, 'client', 'the client went away before the upstream answered')
        const message = '[mocktopus] the client went away before the upstream answered'
        return info.reply(info.errors({ status: ABORTED_STATUS, message }))
      }
      const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
      const why = String(cause?.code ?? cause?.message ?? (error as Error).message ?? error)
      return fault(
        call,
        502,
        'upstream_unreachable',
        `could not reach the upstream ${call.origin} (${why}); check --${flagOf(upstreamOf.upstreamOption)} and your network`,
        error,
      )
    }
    // The upstream has answered: its answer is worth recording even if the client leaves now.
    deadline.releaseClient()
    // A plain record: Node writes it as it is (`textResponse`), a `Response` takes it too.
    const responseHeaders: Record<string, string> = Object.create(null)
    for (const [name, value] of upstream.headers) {
      if (!RESPONSE_HEADERS_DROPPED.has(name)) responseHeaders[name] = value
    }
    const type = upstream.headers.get('content-type') ?? ''
    const ok = upstream.status >= 200 && upstream.status < 300
    // `body` last: a Node answer builds its stream on first read.
    if (ok && type.startsWith('text/event-stream') && upstream.body) {
      // The provider folds its own events (Azure's: OpenAI's, at the OpenAI endpoint).
      const { assemble } = upstreamOf
      const assembler = assemble?.kind === 'events' ? assemble.create(info.endpoint) : undefined
      const named = row?.framing === 'anthropic-sse'
      const fold = sseFold(assembler, `${info.endpoint} does not stream`, named)
      return relayStream(call, upstream, responseHeaders, fold)
    }
    // An NDJSON stream (Ollama's), line by line as it comes, recorded as the `stream: false`
    // object it adds up to.
    if (ok && type.startsWith('application/x-ndjson') && upstream.body) {
      const { assemble } = upstreamOf
      const fold = ndjsonFold(
        assemble?.kind === 'ndjson' ? assemble.fold : undefined,
        `${info.endpoint} does not stream NDJSON`,
        row?.provider,
      )
      return relayStream(call, upstream, responseHeaders, fold)
    }
    // An NDJSON stream (Ollama's): read whole, recorded as the `stream: false` object it adds
    // up to, and passed on to the client as it came.
    let text: string
    try {
      text = upstream.readText
        ? await Promise.race([upstream.readText(deadline.restart), deadline.aborted])
        : await readAll(upstream.body, deadline)
    } catch (error) {
      if (deadline.ended === 'timeout') {
        return fault(
          call,
          504,
          'upstream_timeout',
          `the upstream ${call.origin} went silent for ${timeoutMs} ms in the middle of its answer (--upstream-timeout)`,
        )
      }
      return fault(
        call,
        502,
        'upstream_error',
        `the upstream ${call.origin} cut its answer short (${describeError(error)})`,
        error,
      )
    } finally {
      deadline.stop()
    }
    // The client sees a JSON answer once it is whole: that is its delay.
    const timing: RecordedTiming = { delayMs: now() - call.started }
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // A 2xx that is not JSON is no answer the client's SDK can read. An error status keeps
      // its body (an HTML page from a gateway, say), recorded as the error's message.
      if (ok) {
        return fault(
          call,
          502,
          'upstream_error',
          `the upstream ${call.origin} answered ${upstream.status} with a body that is not JSON (${type || 'no content-type'}, ${preview(text)}); check --${flagOf(upstreamOf.upstreamOption)}`,
        )
      }
    }
    const work = record(call, upstream.status, upstream.headers, body, undefined, timing).then(
      (rule) => {
        info.finish({ status: upstream.status, stream: false, usage: usageOfRule(rule) })
      },
    )
    track(work)
    await work
    return textResponse(text, { status: upstream.status, headers: responseHeaders })
  }

  const forward = async (info: ForwardInfo): Promise<Response> => {
    try {
      return await relay(info)
    } catch (error) {
      // Nothing above is meant to throw; if something does, the client still gets an answer
      // in its provider's envelope, and the log one line.
      const client = clientOf(info)
      const { secrets } = outgoing(client, rowOf(client, info.endpoint))
      return fault(
        { info, secrets },
        502,
        'upstream_error',
        `forwarding to the upstream failed (${describeError(error)})`,
        error,
      )
    }
  }

  return {
    forward,
    async idle() {
      while (pending.size > 0) await Promise.all([...pending])
    },
  }
}
