/**
 * What a responder hands back: plain data that the server turns into an HTTP response and the
 * stub client into SDK objects. Nothing here knows about Hono or sockets.
 */
import type { MatchRequest } from '@mocktopus/scenario'
import type { SSEFrame } from './sse.js'

/** Token counts as the client saw them, in the provider-neutral names the scenario uses. */
export interface WireUsage {
  readonly input_tokens: number
  readonly output_tokens: number
}

interface WireBase {
  readonly status: number
  /** Response headers other than `content-type`, which follows from `kind`. */
  readonly headers: Readonly<Record<string, string>>
  /** Milliseconds to wait before the first byte (`delay_ms`); 0 for none. */
  readonly delayMs: number
}

/** A JSON answer with a 2xx status. */
export interface WireJSON extends WireBase {
  readonly kind: 'json'
  readonly body: unknown
  /** `JSON.stringify(body)`, when the responder has it cheaper than stringifying the body. */
  readonly bodyText?: string
  readonly usage?: WireUsage
  /** What the answer sent that the request did not ask for (a literal off its schema). */
  readonly warnings?: readonly string[]
}

/** An error answer in the provider's envelope; always JSON, even for `stream: true`. */
export interface WireError extends WireBase {
  readonly kind: 'error'
  readonly body: unknown
}

/**
 * A streamed answer. `chunks` yields the provider's chunk objects (for the stub); `frames`
 * yields the same chunks framed for SSE, with the provider's terminator. Each iteration starts
 * afresh, honours the chunk delay through the injected clock, and stops when the signal aborts.
 */
export interface WireStream<Chunk = unknown> extends WireBase {
  readonly kind: 'stream'
  readonly chunks: AsyncIterable<Chunk>
  readonly frames: AsyncIterable<SSEFrame>
  readonly usage?: WireUsage
  /** What the answer sent that the request did not ask for (a literal off its schema). */
  readonly warnings?: readonly string[]
}

export type WireResult<Chunk = unknown> = WireJSON | WireError | WireStream<Chunk>

/** What every provider's error envelope is built from. */
export interface WireErrorInit {
  readonly status: number
  readonly message: string
  /** The request field at fault, e.g. `messages[2].role`. */
  readonly param?: string | null
  readonly code?: string | null
  /** The provider's error type; derived from the status when absent. */
  readonly type?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly delayMs?: number
}

/**
 * Builds a provider's error envelope. The server's shared steps (bad JSON, oversized body, no
 * matching rule, unknown URL) take one of these so each API answers in its own format.
 */
export type ErrorEnvelope = (init: WireErrorInit) => WireError

/** The outcome of validating and normalizing a request body. */
export type ParseResult<Params> =
  | { readonly ok: true; readonly params: Params; readonly match: MatchRequest }
  | { readonly ok: false; readonly error: WireError }
