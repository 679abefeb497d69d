/**
 * The SDKs' `APIPromise`: what every request method returns, a promise of the value that also
 * gives the HTTP answer behind it (`withResponse()`, `asResponse()`), so an application can read
 * the status and headers (rate limits, request id, the rule that answered) from the stub as it
 * does from the real API.
 */
import { sseStream, type WireResult } from '@mocktopus/responders'

/** The server's header naming the index of the rule that answered (its `RULE_HEADER`). */
const RULE_HEADER = 'x-mocktopus-rule'

/**
 * Where the engine leaves one call's answer as it went on the wire: one per call, filled in
 * before the value settles, read only when `withResponse()` or `asResponse()` asks for it.
 */
export interface Answered {
  wire: WireResult | undefined
  /** The index of the rule that answered, as the server's `x-mocktopus-rule`; `null` for none. */
  rule: number | null
}

/** A new, empty {@link Answered} for one call. */
export function answered(): Answered {
  return { wire: undefined, rule: null }
}

/** What `withResponse()` resolves to: the value, the HTTP answer and its request id. */
export interface StubWithResponse<T> {
  readonly data: T
  /**
   * The answer as a Web `Response`: its status and headers as the server sends them (less the
   * transport's own: `date`, `connection`, `content-length`, ...). Its body is the server's JSON
   * text, or for a stream its SSE frames, a pass of their own apart from `data`'s. Each call
   * gives a new `Response` with its body unread (the SDK's has been read into `data`).
   */
  readonly response: Response
  /** `x-request-id` (OpenAI) or `request-id` (Anthropic). */
  readonly request_id: string | null
}

/**
 * A promise of `T`, as `await` gives it, with the SDK's `APIPromise` helpers. An error answer
 * rejects the promise and both helpers with the same typed error.
 */
export interface StubAPIPromise<T> extends Promise<T> {
  /** The value with the `Response` it came in and its request id. */
  withResponse(): Promise<StubWithResponse<T>>
  /** The `Response` alone, its body unread. */
  asResponse(): Promise<Response>
}

/** The `@anthropic-ai/sdk` shape: `withResponse()` also gives `anthropic-workspace-id`. */
export interface AnthropicStubAPIPromise<T> extends StubAPIPromise<T> {
  withResponse(): Promise<StubWithResponse<T> & { readonly workspace_id: string | null }>
}

const ANSWERED: unique symbol = Symbol('mocktopus.answered')

// A plain promise carrying its call's answer: `await` on it stays the engine's fast path for a
// native promise (a Promise subclass, as the SDK's, costs `await` an extra `then` call and ticks).
type Carrier<T> = Promise<T> & { [ANSWERED]: Answered }

/**
 * The answer of `slot` as the `Response` the server would send.
 *
 * @example const response = answerResponse(slot); response.headers.get('request-id')
 */
export function answerResponse(slot: Answered): Response {
  const { wire, rule } = slot
  if (!wire) throw new Error('the stub has no answer for this call')
  const headers = new Headers(wire.headers as Record<string, string>)
  if (rule !== null) headers.set(RULE_HEADER, String(rule))
  if (wire.kind !== 'stream') {
    headers.set('content-type', 'application/json')
    const text = (wire.kind === 'json' && wire.bodyText) || JSON.stringify(wire.body)
    return new Response(wire.status === 204 ? null : text, { status: wire.status, headers })
  }
  // As the server: SSE unless the responder names its stream's type.
  if (!headers.has('content-type')) {
    headers.set('content-type', 'text/event-stream; charset=utf-8')
    headers.set('cache-control', 'no-cache')
  }
  return new Response(sseStream(wire.frames), { status: wire.status, headers })
}

function asResponse(this: Carrier<unknown>): Promise<Response> {
  return this.then(() => answerResponse(this[ANSWERED]))
}

function openaiWithResponse<T>(this: Carrier<T>): Promise<StubWithResponse<T>> {
  return this.then((data) => {
    const response = answerResponse(this[ANSWERED])
    return { data, response, request_id: response.headers.get('x-request-id') }
  })
}

function anthropicWithResponse<T>(this: Carrier<T>) {
  return this.then((data) => {
    const response = answerResponse(this[ANSWERED])
    const { headers } = response
    return {
      data,
      response,
      request_id: headers.get('request-id'),
      workspace_id: headers.get('anthropic-workspace-id'),
    }
  })
}

function attach<T>(
  pending: Promise<T>,
  slot: Answered,
  withResponse: (this: Carrier<T>) => Promise<unknown>,
) {
  const carrier = pending as Carrier<T> & {
    withResponse: typeof withResponse
    asResponse: typeof asResponse
  }
  carrier[ANSWERED] = slot
  carrier.withResponse = withResponse
  carrier.asResponse = asResponse
  return carrier
}

/**
 * `pending` (the value, transformed as the SDK does) as an `openai` `APIPromise` over the answer
 * the engine leaves in `slot`.
 *
 * @example const slot = answered(); return apiPromise(engine.call(..., slot), slot)
 */
export function apiPromise<T>(pending: Promise<T>, slot: Answered): StubAPIPromise<T> {
  return attach(pending, slot, openaiWithResponse) as unknown as StubAPIPromise<T>
}

/** `pending` as an `@anthropic-ai/sdk` `APIPromise` (request id from `request-id`). */
export function anthropicAPIPromise<T>(
  pending: Promise<T>,
  slot: Answered,
): AnthropicStubAPIPromise<T> {
  return attach(pending, slot, anthropicWithResponse) as unknown as AnthropicStubAPIPromise<T>
}
