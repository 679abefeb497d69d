/**
 * The proxy's seam to the upstream: one call described as plain data, sent by whatever
 * `send` the runtime has. The default builds a Web `Request` and hands it to `fetch`, so it
 * runs anywhere; Node's recorder sends on `node:http` instead (`node/record/upstream-client.ts`),
 * which spares a `Request`, a `Response` and undici's bookkeeping on every recorded request.
 */

/** One call to the upstream, before any transport has seen it. */
export interface UpstreamRequest {
  readonly url: string
  readonly method: string
  /** Lower-case names, one value each; hop-by-hop headers and the client's length already out. */
  readonly headers: Readonly<Record<string, string>>
  /** The request body; absent for `GET` and `HEAD`. */
  readonly body?: string
  /** Aborts when the call is ended by us (the upstream was silent, or the client left). */
  readonly signal: AbortSignal
}

/**
 * The upstream's headers as the proxy reads them: a `Headers` is one. Names are lower case,
 * repeated headers joined with `, ` (as `fetch` gives them).
 */
export interface UpstreamHeaders extends Iterable<[string, string]> {
  get(name: string): string | null
}

/** The upstream's answer as the proxy reads it: a `Response` is one. */
export interface UpstreamResponse {
  readonly status: number
  readonly headers: UpstreamHeaders
  /** Decompressed, as `fetch` gives it, chunk by chunk as it arrives. */
  readonly body: ReadableStream<Uint8Array> | null
  /**
   * The whole body as text, read without a stream, calling `progress` as each piece arrives;
   * read in place of `body` when present (a `Response` has none). Rejects as reading `body`
   * would.
   */
  readonly readText?: (progress: () => void) => Promise<string>
}

/** Sends one call upstream; rejects as `fetch` does (a `cause` with a `code`) when it cannot. */
export type SendUpstream = (request: UpstreamRequest) => Promise<UpstreamResponse>

/**
 * The `send` of every runtime: a Web `Request` handed to `fetchUpstream` (default the global
 * `fetch`).
 *
 * @example const send = fetchSender(); await send({ url, method: 'POST', headers, body, signal })
 */
export function fetchSender(
  fetchUpstream: (input: Request) => Promise<Response> = (request) => fetch(request),
): SendUpstream {
  return ({ url, method, headers, body, signal }) =>
    fetchUpstream(
      new Request(url, { method, headers, signal, ...(body === undefined ? {} : { body }) }),
    )
}
