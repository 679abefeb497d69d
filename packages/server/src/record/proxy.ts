/**
 * The record side of the server: sends a request to the real API, hands the client the
 * upstream's status, headers and body unchanged (a stream chunk by chunk as it arrives), and
 * turns the exchange into a rule. Web standard only (`fetch`, streams), so it runs wherever
 * the app runs; where the rules go is the caller's business (`onRecord`).
 */
import { ENDPOINTS } from '@mocktopus/scenario'
import { createStreamAssembler } from './assemble.js'
import type { ForwardInfo, ForwardOutcome } from './hooks.js'
import { createSSEParser } from './sse-parse.js'
import { type RecordedRule, recordedRule, redactText } from './to-rule.js'

/** The OpenAI API root requests go to unless `upstream` says otherwise. */
export const DEFAULT_OPENAI_UPSTREAM = 'https://api.openai.com/v1'
/** The Anthropic API root (without `/v1`, as the SDK's `baseURL`). */
export const DEFAULT_ANTHROPIC_UPSTREAM = 'https://api.anthropic.com'

export interface UpstreamProxyOptions {
  /** An OpenAI-compatible API root, `/v1` included. Default `https://api.openai.com/v1`. */
  readonly upstream?: string
  /** The Anthropic API root for `/v1/messages`. Default `https://api.anthropic.com`. */
  readonly anthropicUpstream?: string
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
  /** Receives every exchange turned into a rule; a rejection is reported by `onSkip`. */
  readonly onRecord?: (info: RecordInfo) => void | Promise<void>
  /** Hears about every exchange that could not be recorded (never with a credential in it). */
  readonly onSkip?: (info: SkipInfo) => void
}

export interface RecordInfo {
  readonly endpoint: string
  readonly rule: RecordedRule
}

export interface SkipInfo {
  readonly endpoint: string
  readonly reason: string
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

function isAnthropic(endpoint: string): boolean {
  return endpoint === ENDPOINTS.messages || endpoint.startsWith(`${ENDPOINTS.messages}/`)
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

function usageOfRule(rule: RecordedRule | undefined): ForwardOutcome['usage'] {
  const usage = rule?.respond?.usage as
    | { input_tokens?: number; output_tokens?: number }
    | undefined
  if (!usage || usage.input_tokens === undefined) return undefined
  return { input_tokens: usage.input_tokens, output_tokens: usage.output_tokens ?? 0 }
}

/**
 * A proxy to the real APIs that records what passes through it.
 *
 * @example
 * const proxy = createUpstreamProxy({ onRecord: ({ rule }) => rules.push(rule) })
 * const mock = await createMocktopus({ mode: 'record', recording: { forwardAll: true, forward: proxy.forward } })
 */
export function createUpstreamProxy(options: UpstreamProxyOptions = {}): UpstreamProxy {
  const openaiRoot = options.upstream ?? DEFAULT_OPENAI_UPSTREAM
  const anthropicRoot = options.anthropicUpstream ?? DEFAULT_ANTHROPIC_UPSTREAM
  const fetchUpstream = options.fetch ?? ((request: Request) => fetch(request))
  const onSkip =
    options.onSkip ??
    ((info: SkipInfo) => console.warn(`[mocktopus] not recorded: ${info.endpoint}: ${info.reason}`))
  const pending = new Set<Promise<void>>()

  const track = (work: Promise<void>): void => {
    pending.add(work)
    void work.finally(() => pending.delete(work))
  }

  const outgoing = (info: ForwardInfo): { headers: Headers; secrets: string[] } => {
    const headers = new Headers()
    for (const [name, value] of info.request.headers) {
      if (!REQUEST_HEADERS_DROPPED.has(name)) headers.set(name, value)
    }
    const local = options.localToken
    if (local && bearer(headers.get('authorization')) === local) headers.delete('authorization')
    if (local && headers.get('x-api-key') === local) headers.delete('x-api-key')
    if (isAnthropic(info.endpoint) && options.anthropicKey) {
      headers.delete('authorization')
      headers.set('x-api-key', options.anthropicKey)
    } else if (!isAnthropic(info.endpoint) && options.openaiKey) {
      headers.set('authorization', `Bearer ${options.openaiKey}`)
    }
    const secrets = [
      options.localToken,
      options.openaiKey,
      options.anthropicKey,
      bearer(info.request.headers.get('authorization')),
      info.request.headers.get('x-api-key') ?? undefined,
    ].filter((secret): secret is string => typeof secret === 'string' && secret !== '')
    return { headers, secrets }
  }

  const record = async (
    info: ForwardInfo,
    status: number,
    headers: Headers,
    body: unknown,
    secrets: readonly string[],
  ): Promise<RecordedRule | undefined> => {
    if (!info.match) {
      onSkip({
        endpoint: info.endpoint,
        reason:
          'the request is not one Mocktopus can match (not JSON, invalid, or continuing a stored response)',
      })
      return undefined
    }
    const result = recordedRule({
      endpoint: info.endpoint,
      match: info.match,
      status,
      body,
      headers,
      secrets,
    })
    if (!result.ok) {
      onSkip({ endpoint: info.endpoint, reason: redactText(result.reason, secrets) })
      return undefined
    }
    try {
      await options.onRecord?.({ endpoint: info.endpoint, rule: result.rule })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      onSkip({ endpoint: info.endpoint, reason: redactText(`writing failed: ${message}`, secrets) })
    }
    return result.rule
  }

  const recordStream = async (
    info: ForwardInfo,
    status: number,
    headers: Headers,
    stream: ReadableStream<Uint8Array>,
    secrets: readonly string[],
  ): Promise<void> => {
    const parser = createSSEParser()
    const assembler = createStreamAssembler(info.endpoint)
    const decoder = new TextDecoder()
    const reader = stream.getReader()
    let rule: RecordedRule | undefined
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          assembler?.add(event)
        }
      }
      for (const event of [...parser.push(decoder.decode()), ...parser.end()]) assembler?.add(event)
      const assembled = assembler?.result() ?? {
        ok: false as const,
        reason: `${info.endpoint} does not stream`,
      }
      if (assembled.ok) rule = await record(info, status, headers, assembled.body, secrets)
      else onSkip({ endpoint: info.endpoint, reason: redactText(assembled.reason, secrets) })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      onSkip({
        endpoint: info.endpoint,
        reason: redactText(`the stream broke: ${message}`, secrets),
      })
    } finally {
      info.finish({ status, stream: true, usage: usageOfRule(rule) })
    }
  }

  const forward = async (info: ForwardInfo): Promise<Response> => {
    const root = isAnthropic(info.endpoint) ? anthropicRoot : openaiRoot
    const url = upstreamURL(root, info.endpoint, new URL(info.request.url).search)
    const { headers, secrets } = outgoing(info)
    let upstream: Response
    try {
      upstream = await fetchUpstream(
        new Request(url, { method: info.request.method, headers, body: info.text }),
      )
    } catch (error) {
      const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
      const why = String(cause?.code ?? cause?.message ?? (error as Error).message ?? error)
      return info.reply(
        info.errors({
          status: 502,
          message: redactText(
            `[mocktopus] could not reach the upstream ${new URL(url).origin} (${why}); check --${isAnthropic(info.endpoint) ? 'anthropic-upstream' : 'upstream'} and your network`,
            secrets,
          ),
          code: 'upstream_unreachable',
        }),
      )
    }
    const responseHeaders = new Headers()
    for (const [name, value] of upstream.headers) {
      if (!RESPONSE_HEADERS_DROPPED.has(name)) responseHeaders.set(name, value)
    }
    const type = upstream.headers.get('content-type') ?? ''
    if (upstream.body && upstream.ok && type.startsWith('text/event-stream')) {
      const [toClient, toRecorder] = upstream.body.tee()
      track(recordStream(info, upstream.status, upstream.headers, toRecorder, secrets))
      return new Response(toClient, { status: upstream.status, headers: responseHeaders })
    }
    const text = await upstream.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // Not JSON (an HTML error page from a gateway, say): recorded as an error's message.
    }
    const work = record(info, upstream.status, upstream.headers, body, secrets).then((rule) => {
      info.finish({ status: upstream.status, stream: false, usage: usageOfRule(rule) })
    })
    track(work)
    await work
    return new Response(text, { status: upstream.status, headers: responseHeaders })
  }

  return {
    forward,
    async idle() {
      while (pending.size > 0) await Promise.all([...pending])
    },
  }
}
