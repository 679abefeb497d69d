/**
 * How record and replay plug into the request pipeline. The pipeline stays ignorant of
 * upstreams: it hands a request it will not answer from the scenario to `forward`, and asks
 * `describeMiss` for the 404 message when nothing matches.
 */
import type { ErrorEnvelope, WireResult, WireUsage } from '@mocktopus/responders'
import type { MatchRequest, RuleVerdict, Scenario } from '@mocktopus/scenario'

/**
 * The client's request as the proxy reads it, without a Web `Request`: the Node runner has
 * none, and building one (with its signal) costs more than the rest of a recording.
 */
export interface ForwardedRequest {
  readonly method: string
  /** The query string without `?`; empty when there is none. */
  readonly query: string
  /** A header by lower-case name. */
  header(name: string): string | undefined
  /** Every header as a lower-case name and its value (repeated ones joined with `, `). */
  headers(): Iterable<readonly [string, string]>
  /**
   * Calls `listener` once if the client goes away (at once if it has); returns what stops
   * listening. No `AbortSignal` is built for it.
   */
  onClose(listener: () => void): () => void
}

/**
 * A Web `Request` read as a {@link ForwardedRequest}.
 *
 * @example forwardedRequest(new Request('http://localhost/v1/models?limit=1')).query // 'limit=1'
 */
export function forwardedRequest(request: Request): ForwardedRequest {
  const { url } = request
  const at = url.indexOf('?')
  const hash = url.indexOf('#', at)
  return {
    method: request.method,
    query: at === -1 ? '' : url.slice(at + 1, hash === -1 ? undefined : hash),
    header: (name) => request.headers.get(name) ?? undefined,
    headers: () => request.headers,
    onClose: (listener) => watchSignal(request.signal, listener),
  }
}

/**
 * `listener` once when `signal` aborts (at once if it has); returns what stops listening.
 *
 * @example const stop = watchSignal(request.signal, () => controller.abort())
 */
export function watchSignal(signal: AbortSignal, listener: () => void): () => void {
  if (signal.aborted) {
    listener()
    return () => {}
  }
  signal.addEventListener('abort', listener, { once: true })
  return () => signal.removeEventListener('abort', listener)
}

/** One request the pipeline hands to the upstream. */
export interface ForwardInfo {
  /**
   * The client's request; its body has been read already, see `text`. The pipeline builds it
   * on first read only: the proxy reads `client`.
   */
  readonly request: Request
  /** The same request without a Web `Request`; when absent, read from `request`. */
  readonly client?: ForwardedRequest
  /** The API path relative to the root, e.g. `/v1/messages`. */
  readonly endpoint: string
  /** The request body exactly as the client sent it. */
  readonly text: string
  /**
   * The body as the pipeline parsed it (`JSON.parse(text)`), so it is not parsed twice; absent
   * when it is not JSON, or when the caller did not say (then the proxy parses `text`).
   */
  readonly body?: unknown
  /** The request as the route's parser normalized it; absent when the body did not parse. */
  readonly match?: MatchRequest
  /** The route's provider error envelope, for answers of our own (502). */
  readonly errors: ErrorEnvelope
  /** Answers through the pipeline's usual path (and reports the exchange), e.g. with a 502. */
  reply(wire: WireResult): Response
  /** Reports the forwarded exchange once its answer is complete (a stream's when it ends). */
  finish(outcome: ForwardOutcome): void
}

export interface ForwardOutcome {
  readonly status: number
  readonly stream: boolean
  readonly usage?: WireUsage
}

export interface RecordingHooks {
  /** `true` in record mode: every API request goes upstream, the scenario is not consulted. */
  readonly forwardAll?: boolean
  /** Sends a request upstream; in replay mode, only requests no recording matches. */
  readonly forward?: (info: ForwardInfo) => Promise<Response>
  /** The 404 message when nothing matches (replay names the closest recording). */
  readonly describeMiss?: (verdicts: readonly RuleVerdict[], scenario: Scenario) => string
  /**
   * The request as the recordings see it, before matching (replay: redacted values and
   * volatile text replaced as the recorder replaced them); `body` is the parsed request body.
   */
  readonly prepareMatch?: (match: MatchRequest, body: unknown) => MatchRequest
}
