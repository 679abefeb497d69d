/**
 * The stub client: an object shaped like the `openai` SDK client whose methods answer from a
 * scenario in-process, with no server and no sockets. It runs the same parsing, matching and
 * answer-building functions as the server, so the bodies it returns are the ones the server
 * would send.
 */
import {
  beginExchange,
  CHAT_COMPLETIONS,
  type ChatCompletionChunk,
  type Clock,
  completeExchange,
  createEngineState,
  createJournal,
  createRouter,
  EMBEDDINGS,
  type Endpoint,
  type EngineContext,
  type Exchange,
  exchangeWeight,
  outcomeOf,
  RESPONSES,
  type ResponseStreamEvent,
  runEngine,
  systemClock,
  type WireResult,
} from '@mocktopus/responders'
import { createMatcher, parseScenario, type Scenario } from '@mocktopus/scenario'
import { APIUserAbortError, NoMatchingRuleError } from './errors.js'
import { settle, withRequestID } from './settle.js'
import type { MockStream } from './stream.js'
import type {
  ChatCompletion,
  ChatCompletionCreateParams,
  EmbeddingCreateParams,
  EmbeddingsResult,
  ResponseCreateParams,
  ResponseResult,
  WithRequestID,
} from './types.js'

export interface StubClientOptions {
  /**
   * Wait as the server would: `delay_ms` before an answer and `chunk_delay_ms` between chunks.
   * Off by default, so unit tests stay instant.
   */
  readonly realtime?: boolean
  /**
   * Time as the answers see it (`created`) and how delays wait. Overrides `realtime` and
   * `fixedTime`. Default: the system clock, with delays skipped unless `realtime` is set.
   */
  readonly clock?: Clock
  /** Unix seconds every `created` field carries, for byte-identical snapshots. */
  readonly fixedTime?: number
  /** Label for a scenario given as YAML text, used in error messages. Default `stub`. */
  readonly source?: string
  /** How many calls `requests()` keeps; the oldest goes first. Default 1000. */
  readonly journalSize?: number
  /**
   * The journal's bounds, as the server's: `size` calls (overrides `journalSize`), `bytes` of
   * kept bodies (default 64 MiB), `bodyBytes` kept of each body (default 64 KiB; a larger one
   * is kept truncated).
   */
  readonly journal?: {
    readonly size?: number
    readonly bytes?: number
    readonly bodyBytes?: number
  }
}

/**
 * One call the stub answered, as `requests()` lists it: the server's journal entry (its
 * `Exchange`) with the values the server would record for the same request. `path` and
 * `endpoint` are equal (the stub has no mount prefix), `body` is the params JSON round-tripped,
 * and `durationMs` is the time spent in process (no delays, no network).
 */
export interface StubRequest extends Exchange {
  /** `POST`; `GET` and `DELETE` for `responses.retrieve` and `responses.delete`. */
  readonly method: 'POST' | 'GET' | 'DELETE'
}

/** The per-call options of the SDK that the stub honours; others are accepted and ignored. */
export interface StubRequestOptions {
  /**
   * Aborts the call: a pending answer (waiting out `delay_ms` with `realtime`) rejects with
   * `APIUserAbortError`, and a stream ends as if `stream.controller.abort()` were called.
   */
  readonly signal?: AbortSignal | null
  /** Accepted for compatibility with the SDK's request options, and ignored. */
  readonly timeout?: number
  readonly maxRetries?: number
  readonly headers?: unknown
  readonly query?: unknown
  readonly idempotencyKey?: string
  readonly fetchOptions?: unknown
}

export interface StubChatCompletions {
  create<P extends ChatCompletionCreateParams & { readonly stream: true }>(
    params: P,
    options?: StubRequestOptions,
  ): Promise<MockStream<ChatCompletionChunk>>
  create<P extends ChatCompletionCreateParams & { readonly stream?: false | null }>(
    params: P,
    options?: StubRequestOptions,
  ): Promise<WithRequestID<ChatCompletion>>
  create<P extends ChatCompletionCreateParams>(
    params: P,
    options?: StubRequestOptions,
  ): Promise<ChatCompletion | MockStream<ChatCompletionChunk>>
}

export interface StubEmbeddings {
  create<P extends EmbeddingCreateParams & { readonly encoding_format: 'base64' }>(
    params: P,
    options?: StubRequestOptions,
  ): Promise<WithRequestID<EmbeddingsResult<string>>>
  create<P extends EmbeddingCreateParams>(
    params: P,
    options?: StubRequestOptions,
  ): Promise<WithRequestID<EmbeddingsResult<number[]>>>
}

export interface StubResponses {
  create<P extends ResponseCreateParams & { readonly stream: true }>(
    params: P,
    options?: StubRequestOptions,
  ): Promise<MockStream<ResponseStreamEvent>>
  create<P extends ResponseCreateParams & { readonly stream?: false | null }>(
    params: P,
    options?: StubRequestOptions,
  ): Promise<WithRequestID<ResponseResult>>
  create<P extends ResponseCreateParams>(
    params: P,
    options?: StubRequestOptions,
  ): Promise<ResponseResult | MockStream<ResponseStreamEvent>>
  /**
   * A response this client answered (and `reset()` has not forgotten), as `GET
   * /v1/responses/{id}`; an unknown id throws `NotFoundError`.
   */
  retrieve(
    id: string,
    query?: Record<string, unknown>,
    options?: StubRequestOptions,
  ): Promise<WithRequestID<ResponseResult>>
  /** Forgets a stored response, as `DELETE /v1/responses/{id}`; an unknown id throws `NotFoundError`. */
  delete(id: string, options?: StubRequestOptions): Promise<void>
}

export interface StubClient {
  readonly chat: { readonly completions: StubChatCompletions }
  readonly embeddings: StubEmbeddings
  readonly responses: StubResponses
  /** The scenario the client answers from. */
  readonly scenario: Scenario
  /** The calls answered so far, oldest first. */
  requests(): StubRequest[]
  /** Restores every rule's `times`, forgets stored responses and clears `requests()`. */
  reset(): void
}

const instant = (): Promise<void> => Promise.resolve()

function chooseClock(options: StubClientOptions): Clock {
  if (options.clock) return options.clock
  const now =
    options.fixedTime === undefined
      ? systemClock.now
      : (
          (ms: number) => () =>
            ms
        )(options.fixedTime * 1000)
  return { now, sleep: options.realtime ? systemClock.sleep : instant }
}

// The SDK decodes the base64 it asked for into float32 numbers; mirror that exactly.
function decodeFloat32(base64: string): number[] {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return Array.from(new Float32Array(bytes.buffer))
}

function requestID(value: object): string | null {
  return (value as { _request_id?: string | null })._request_id ?? null
}

function addOutputText(response: ResponseResult | Omit<ResponseResult, 'output_text'>) {
  const texts: string[] = []
  for (const item of response.output) {
    if (item.type !== 'message') continue
    for (const part of item.content) if (part.type === 'output_text') texts.push(part.text)
  }
  return { ...response, output_text: texts.join('') }
}

/**
 * An in-process client shaped like `new OpenAI()` that answers from a scenario (a parsed
 * `Scenario` or YAML text). Error rules throw the SDK's error classes; no matching rule throws
 * `NoMatchingRuleError`; delays are skipped unless `realtime` is set.
 *
 * @example
 * const client = createStubClient(`
 * version: 1
 * rules:
 *   - type: llm.openai
 *     when: { messages_contains: hello }
 *     respond: { content: Hi there! }
 * `)
 * const completion = await client.chat.completions.create({
 *   model: 'gpt-4o-mini',
 *   messages: [{ role: 'user', content: 'hello' }],
 * })
 * completion.choices[0].message.content // 'Hi there!'
 */
export function createStubClient(
  scenario: Scenario | string,
  options: StubClientOptions = {},
): StubClient {
  const parsed =
    typeof scenario === 'string'
      ? parseScenario(scenario, { source: options.source ?? 'stub' })
      : scenario
  const matcher = createMatcher(parsed)
  const clock = chooseClock(options)
  const state = createEngineState()
  const journal = createJournal<Exchange>({
    size: options.journal?.size ?? options.journalSize ?? 1000,
    bytes: options.journal?.bytes,
  })
  // No body limit: the params are in memory already, and the server's limit is the server's.
  const engine: EngineContext = {
    matcher,
    clock,
    state,
    bodyLimit: Number.POSITIVE_INFINITY,
    ...(options.journal?.bodyBytes === undefined
      ? {}
      : { keptBodyBytes: options.journal.bodyBytes }),
  }
  const router = createRouter()
  const noHeaders = { header: () => undefined }

  /**
   * One call through the engine, as the server would answer it: validate, match, answer,
   * record; then wait and settle the answer into a value or a thrown error.
   */
  async function call<Body, Chunk>(
    endpoint: Endpoint,
    path: string,
    params: unknown,
    options: StubRequestOptions | undefined,
  ): Promise<Body | MockStream<Chunk>> {
    const signal = options?.signal
    // Aborted before it was sent: the server would never have seen it.
    if (signal?.aborted) throw new APIUserAbortError()
    const controller = new AbortController()
    signal?.addEventListener('abort', () => controller.abort(), { once: true })
    const exchange = beginExchange(endpoint.method, path, path, clock.now())
    // What the SDK would send: JSON drops `undefined` fields and turns dates into strings.
    const text = params === undefined ? '' : JSON.stringify(params)
    const route = router.find(endpoint.method, path, noHeaders) ?? { endpoint, params: {} }
    const result = await runEngine(engine, {
      route,
      exchange,
      query: '',
      body: { ok: true, text },
      signal: controller.signal,
    })
    if (result.kind === 'forward') throw new Error('the stub never forwards a request')
    const { wire } = result
    journal.record(completeExchange(exchange, outcomeOf(wire)), exchangeWeight(exchange))
    if (wire.kind === 'error' && result.verdicts && !result.match) {
      throw new NoMatchingRuleError({
        status: wire.status,
        headers: wire.headers,
        body: wire.body,
        verdicts: result.verdicts,
      })
    }
    return settle<Body, Chunk>(wire as WireResult<Chunk>, clock, controller)
  }

  const completions = {
    create(params: ChatCompletionCreateParams, options?: StubRequestOptions) {
      return call(CHAT_COMPLETIONS, CHAT_COMPLETIONS.path, params, options)
    },
  } as StubChatCompletions

  const embeddings = {
    async create(params: EmbeddingCreateParams, options?: StubRequestOptions) {
      const decode = params?.encoding_format === undefined
      const body = decode ? { ...params, encoding_format: 'base64' } : params
      const result = (await call(EMBEDDINGS, EMBEDDINGS.path, body, options)) as EmbeddingsResult<
        number[] | string
      >
      if (!decode) return result
      const decoded = {
        ...result,
        data: result.data.map((item) => ({
          ...item,
          embedding: decodeFloat32(item.embedding as string),
        })),
      }
      return withRequestID(decoded, requestID(result))
    },
  } as StubEmbeddings

  const responses = {
    async create(params: ResponseCreateParams, options?: StubRequestOptions) {
      const result = await call(RESPONSES, RESPONSES.path, params, options)
      return result && typeof result === 'object' && 'object' in result
        ? withRequestID(addOutputText(result as ResponseResult), requestID(result))
        : result
    },
    async retrieve(id: string, _query?: unknown, options?: StubRequestOptions) {
      const body = await stored('GET', id, options)
      return withRequestID(addOutputText(body as ResponseResult), null)
    },
    delete(id: string, options?: StubRequestOptions) {
      // Typed `void` as in the SDK, which still hands back the parsed body at run time.
      return stored('DELETE', id, options)
    },
  } as StubResponses

  // `GET` and `DELETE /v1/responses/{id}`: the endpoint table's rows for them, as the server.
  function stored(method: 'GET' | 'DELETE', id: string, options?: StubRequestOptions) {
    const path = `${RESPONSES.path}/${encodeURIComponent(id)}`
    const route = router.find(method, path, noHeaders)
    if (!route) throw new Error(`no endpoint for ${method} ${path}`)
    return call(route.endpoint, path, undefined, options)
  }

  return {
    chat: { completions },
    embeddings,
    responses,
    scenario: parsed,
    requests: () => journal.entries() as StubRequest[],
    reset() {
      matcher.reset()
      state.reset()
      journal.clear()
    },
  }
}
