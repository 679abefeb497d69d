/**
 * The stub client: an object shaped like the `openai` SDK client whose methods answer from a
 * scenario in-process, with no server and no sockets. It runs the same parsing, matching and
 * answer-building functions as the server, so the bodies it returns are the ones the server
 * would send.
 */
import {
  answerChat,
  answerEmbeddings,
  answerResponses,
  type ChatCompletionChunk,
  type Clock,
  createResponseStore,
  type Exchange,
  openaiError,
  type ParseResult,
  parseChatRequest,
  parseEmbeddingsRequest,
  parseResponsesRequest,
  type ResponseStreamEvent,
  responseNotFound,
  systemClock,
  type WireError,
  type WireResult,
} from '@mocktopus/responders'
import {
  createMatcher,
  describeNoMatch,
  type MatchRequest,
  type MatchResult,
  parseScenario,
  type Scenario,
} from '@mocktopus/scenario'
import { APIUserAbortError, MockAPIError, NoMatchingRuleError } from './errors.js'
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

// What the SDK would send: JSON drops `undefined` fields and turns dates into strings, and the
// server derives ids from the body it received, so the stub must see the same body.
function overTheWire(params: unknown): unknown {
  return params === undefined ? undefined : JSON.parse(JSON.stringify(params))
}

function toError(error: WireError): MockAPIError {
  return MockAPIError.generate({ status: error.status, headers: error.headers, body: error.body })
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
  const store = createResponseStore()
  const journalSize = options.journalSize ?? 1000
  let journal: StubRequest[] = []

  function record(
    start: {
      method?: StubRequest['method']
      path: string
      body: unknown
      time: string
      started: number
    },
    answer: { ruleIndex: number | null; status: number; result?: WireResult<unknown> },
  ): void {
    if (journalSize <= 0) return
    const { method = 'POST', path, body, time, started } = start
    const { ruleIndex, status, result } = answer
    const model = (body as { model?: unknown } | null)?.model
    journal.push({
      method,
      path,
      endpoint: path,
      ...(typeof model === 'string' ? { model } : {}),
      body,
      ruleIndex,
      status,
      durationMs: performance.now() - started,
      time,
      mocked: ruleIndex !== null,
      stream: result?.kind === 'stream',
      ...(result && result.kind !== 'error' && result.usage ? { usage: result.usage } : {}),
    })
    if (journal.length > journalSize) journal = journal.slice(-journalSize)
  }

  /**
   * The steps every endpoint shares, in the server's order: validate the body, match, answer,
   * record, then wait and settle the answer into a value or a thrown error.
   */
  async function call<Params extends object, Body, Chunk>(
    path: string,
    body: unknown,
    parse: (body: unknown) => ParseResult<Params>,
    answer: (params: Params, match: MatchResult, signal: AbortSignal) => WireResult<Chunk>,
    options: StubRequestOptions | undefined,
  ): Promise<Body | MockStream<Chunk>> {
    const signal = options?.signal
    // Aborted before it was sent: the server would never have seen it.
    if (signal?.aborted) throw new APIUserAbortError()
    const start = {
      path,
      body,
      time: new Date(clock.now()).toISOString(),
      started: performance.now(),
    }
    const request = parse(body)
    if (!request.ok) {
      record(start, { ruleIndex: null, status: request.error.status })
      throw toError(request.error)
    }
    const match = matcher.match(request.match)
    if (!match) {
      record(start, { ruleIndex: null, status: 404 })
      throw noMatch(request.match)
    }
    const controller = new AbortController()
    signal?.addEventListener('abort', () => controller.abort(), { once: true })
    const result = answer(request.params, match, controller.signal)
    record(start, { ruleIndex: match.index, status: result.status, result })
    return settle<Body, Chunk>(result, clock, controller)
  }

  function noMatch(request: MatchRequest): NoMatchingRuleError {
    const verdicts = matcher.explain(request)
    const error = openaiError({
      status: 404,
      message: describeNoMatch(verdicts, parsed),
      code: 'no_matching_rule',
    })
    return new NoMatchingRuleError({
      status: error.status,
      headers: error.headers,
      body: error.body,
      verdicts,
    })
  }

  const completions = {
    create(params: ChatCompletionCreateParams, options?: StubRequestOptions) {
      return call(
        '/v1/chat/completions',
        overTheWire(params),
        parseChatRequest,
        (p, match, signal) => answerChat({ params: p, match, clock, signal }),
        options,
      )
    },
  } as StubChatCompletions

  const embeddings = {
    async create(params: EmbeddingCreateParams, options?: StubRequestOptions) {
      const decode = params?.encoding_format === undefined
      const body = overTheWire(decode ? { ...params, encoding_format: 'base64' } : params)
      const result = (await call(
        '/v1/embeddings',
        body,
        parseEmbeddingsRequest,
        (p, match) => answerEmbeddings({ params: p, match }),
        options,
      )) as EmbeddingsResult<number[] | string>
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
      const result = await call(
        '/v1/responses',
        overTheWire(params),
        (body) => parseResponsesRequest(body, { store }),
        (p, match, signal) => answerResponses({ params: p, match, clock, signal, store }),
        options,
      )
      return result && typeof result === 'object' && 'object' in result
        ? withRequestID(addOutputText(result as ResponseResult), requestID(result))
        : result
    },
    async retrieve(id: string, _query?: unknown, options?: StubRequestOptions) {
      const body = await plain('GET', id, options, () => {
        const found = store.get(id)
        return found ? found.response : undefined
      })
      return withRequestID(addOutputText(body as ResponseResult), null)
    },
    delete(id: string, options?: StubRequestOptions) {
      // Typed `void` as in the SDK, which still hands back the parsed body at run time.
      return plain('DELETE', id, options, () =>
        store.delete(id) ? { id, object: 'response', deleted: true } : undefined,
      )
    },
  } as StubResponses

  /**
   * `GET` and `DELETE /v1/responses/{id}`, which answer from stored responses rather than
   * from the rules, as the server's plain routes do.
   */
  async function plain(
    method: 'GET' | 'DELETE',
    id: string,
    options: StubRequestOptions | undefined,
    answer: () => unknown,
  ): Promise<unknown> {
    if (options?.signal?.aborted) throw new APIUserAbortError()
    const path = `/v1/responses/${id}`
    const start = {
      method,
      path,
      body: null,
      time: new Date(clock.now()).toISOString(),
      started: performance.now(),
    }
    const body = answer()
    if (body === undefined) {
      const error = responseNotFound(id)
      record(start, { ruleIndex: null, status: error.status, result: error })
      throw toError(error)
    }
    record(start, { ruleIndex: null, status: 200 })
    return body
  }

  return {
    chat: { completions },
    embeddings,
    responses,
    scenario: parsed,
    requests: () => journal.slice(),
    reset() {
      matcher.reset()
      store.clear()
      journal = []
    },
  }
}
