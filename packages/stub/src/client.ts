/**
 * The stub client: an object shaped like the `openai` SDK client whose methods answer from a
 * scenario in-process, with no server and no sockets. It runs the same parsing, matching and
 * answer-building functions as the server, so the bodies it returns are the ones the server
 * would send.
 */
import {
  CHAT_COMPLETIONS,
  type ChatCompletionChunk,
  EMBEDDINGS,
  type Endpoint,
  RESPONSES,
  type ResponseStreamEvent,
} from '@mocktopus/responders'
import type { Scenario } from '@mocktopus/scenario'
import { type Answered, answered, apiPromise, type StubAPIPromise } from './api-promise.js'
import {
  createStubEngine,
  type StubClientOptions,
  type StubEngine,
  type StubRequest,
  type StubRequestOptions,
} from './engine.js'
import {
  type ParsedChatCompletion,
  type ParsedContentOf,
  type ParsedResponse,
  type ParsedTextOf,
  parseChatCompletion,
  parseResponse,
  validateInputTools,
} from './parse.js'
import { OPENAI_DIALECT, withRequestID } from './settle.js'
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

export type { StubAPIPromise, StubClientOptions, StubRequest, StubRequestOptions }

export interface StubChatCompletions {
  create<P extends ChatCompletionCreateParams & { readonly stream: true }>(
    params: P,
    options?: StubRequestOptions,
  ): StubAPIPromise<MockStream<ChatCompletionChunk>>
  create<P extends ChatCompletionCreateParams & { readonly stream?: false | null }>(
    params: P,
    options?: StubRequestOptions,
  ): StubAPIPromise<WithRequestID<ChatCompletion>>
  create<P extends ChatCompletionCreateParams>(
    params: P,
    options?: StubRequestOptions,
  ): StubAPIPromise<ChatCompletion | MockStream<ChatCompletionChunk>>
  /**
   * `create` and then the SDK's structured-output parsing: `message.parsed` from the content
   * when `response_format` is a `json_schema` (through its `$parseRaw` when built by
   * `zodResponseFormat`), `parsed_arguments` on calls of strict or `zodFunction` tools. Throws
   * `LengthFinishReasonError` / `ContentFilterFinishReasonError` for a choice cut short, and
   * an `Error` before sending when a tool is not a strict function, as the SDK does.
   */
  parse<P extends ChatCompletionCreateParams & { readonly stream?: false | null }>(
    params: P,
    options?: StubRequestOptions,
  ): StubAPIPromise<WithRequestID<ParsedChatCompletion<ParsedContentOf<P>>>>
}

export interface StubEmbeddings {
  create<P extends EmbeddingCreateParams & { readonly encoding_format: 'base64' }>(
    params: P,
    options?: StubRequestOptions,
  ): StubAPIPromise<WithRequestID<EmbeddingsResult<string>>>
  create<P extends EmbeddingCreateParams>(
    params: P,
    options?: StubRequestOptions,
  ): StubAPIPromise<WithRequestID<EmbeddingsResult<number[]>>>
}

export interface StubResponses {
  create<P extends ResponseCreateParams & { readonly stream: true }>(
    params: P,
    options?: StubRequestOptions,
  ): StubAPIPromise<MockStream<ResponseStreamEvent>>
  create<P extends ResponseCreateParams & { readonly stream?: false | null }>(
    params: P,
    options?: StubRequestOptions,
  ): StubAPIPromise<WithRequestID<ResponseResult>>
  create<P extends ResponseCreateParams>(
    params: P,
    options?: StubRequestOptions,
  ): StubAPIPromise<ResponseResult | MockStream<ResponseStreamEvent>>
  /**
   * `create` and then the SDK's parsing: `parsed` on each `output_text` (through the format's
   * `$parseRaw` when built by `zodTextFormat`), `parsed_arguments` on function calls, and
   * `output_parsed`.
   */
  parse<P extends ResponseCreateParams & { readonly stream?: false | null }>(
    params: P,
    options?: StubRequestOptions,
  ): StubAPIPromise<WithRequestID<ParsedResponse<ParsedTextOf<P>>>>
  /**
   * A response this client answered (and `reset()` has not forgotten), as `GET
   * /v1/responses/{id}`; an unknown id throws `NotFoundError`.
   */
  retrieve(
    id: string,
    query?: Record<string, unknown>,
    options?: StubRequestOptions,
  ): StubAPIPromise<WithRequestID<ResponseResult>>
  /** Forgets a stored response, as `DELETE /v1/responses/{id}`; an unknown id throws `NotFoundError`. */
  delete(id: string, options?: StubRequestOptions): StubAPIPromise<void>
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
  /**
   * The session `id` (docs/sessions.md): a client over the same compiled rules with `times`,
   * stored responses and `requests()` of its own, and `useScenario()` for a scenario of its own.
   */
  session(id: string): StubClient & {
    readonly id: string
    useScenario(scenario: Scenario | string | object): void
  }
}

// The SDK decodes the base64 it asked for into float32 numbers; mirror that exactly.
function decodeFloat32(base64: string): number[] {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return Array.from(new Float32Array(bytes.buffer))
}

interface ParseInput {
  readonly response_format?: unknown
  readonly tools?: readonly unknown[]
}

interface ResponsesParseInput {
  readonly text?: { readonly format?: unknown } | null
  readonly tools?: readonly unknown[]
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
  return openaiClient(createStubEngine(scenario, options))
}

/**
 * The OpenAI-shaped surface over a stub engine (shared with an Anthropic surface by
 * `createStub`).
 *
 * @example const openai = openaiClient(createStubEngine(scenario))
 */
export function openaiClient(engine: StubEngine): StubClient {
  function call<Body, Chunk>(
    endpoint: Endpoint,
    path: string,
    params: unknown,
    options: StubRequestOptions | undefined,
    slot: Answered,
  ): Promise<Body | MockStream<Chunk>> {
    return engine.call<Body, Chunk>(OPENAI_DIALECT, endpoint, path, params, options, '', slot)
  }

  const completions = {
    create(params: ChatCompletionCreateParams, options?: StubRequestOptions) {
      const slot = answered()
      return apiPromise(call(CHAT_COMPLETIONS, CHAT_COMPLETIONS.path, params, options, slot), slot)
    },
    parse(params: ChatCompletionCreateParams & ParseInput, options?: StubRequestOptions) {
      // Thrown before anything is sent, not as a rejection: the SDK checks synchronously.
      validateInputTools(params.tools)
      const slot = answered()
      const pending = call(CHAT_COMPLETIONS, CHAT_COMPLETIONS.path, params, options, slot)
      return apiPromise(
        pending.then((result) => {
          const completion = result as WithRequestID<ChatCompletion>
          return withRequestID(parseChatCompletion(completion, params), requestID(completion))
        }),
        slot,
      )
    },
  } as StubChatCompletions

  const embeddings = {
    create(params: EmbeddingCreateParams, options?: StubRequestOptions) {
      const decode = params?.encoding_format === undefined
      const body = decode ? { ...params, encoding_format: 'base64' } : params
      const slot = answered()
      const pending = call(EMBEDDINGS, EMBEDDINGS.path, body, options, slot).then((answer) => {
        const result = answer as EmbeddingsResult<number[] | string>
        if (!decode) return result
        const decoded = {
          ...result,
          data: result.data.map((item) => ({
            ...item,
            embedding: decodeFloat32(item.embedding as string),
          })),
        }
        return withRequestID(decoded, requestID(result))
      })
      return apiPromise(pending, slot)
    },
  } as StubEmbeddings

  // `POST /v1/responses`, with the SDK's `output_text` on a response (not on a stream).
  function createResponse(
    params: ResponseCreateParams,
    options: StubRequestOptions | undefined,
    slot: Answered,
  ) {
    return call(RESPONSES, RESPONSES.path, params, options, slot).then((result) =>
      result && typeof result === 'object' && 'object' in result
        ? withRequestID(addOutputText(result as ResponseResult), requestID(result))
        : result,
    )
  }

  const responses = {
    create(params: ResponseCreateParams, options?: StubRequestOptions) {
      const slot = answered()
      return apiPromise(createResponse(params, options, slot), slot)
    },
    parse(params: ResponseCreateParams & ResponsesParseInput, options?: StubRequestOptions) {
      const slot = answered()
      const pending = createResponse(params, options, slot).then((result) => {
        const response = result as WithRequestID<ResponseResult>
        return withRequestID(parseResponse(response, params), requestID(response))
      })
      return apiPromise(pending, slot)
    },
    retrieve(id: string, _query?: unknown, options?: StubRequestOptions) {
      const slot = answered()
      const pending = stored('GET', id, options, slot).then((body) =>
        withRequestID(addOutputText(body as ResponseResult), null),
      )
      return apiPromise(pending, slot)
    },
    delete(id: string, options?: StubRequestOptions) {
      // Typed `void` as in the SDK, which still hands back the parsed body at run time.
      const slot = answered()
      return apiPromise(stored('DELETE', id, options, slot), slot)
    },
  } as StubResponses

  // `GET` and `DELETE /v1/responses/{id}`: the endpoint table's rows for them, as the server.
  async function stored(
    method: 'GET' | 'DELETE',
    id: string,
    options: StubRequestOptions | undefined,
    slot: Answered,
  ) {
    const path = `${RESPONSES.path}/${encodeURIComponent(id)}`
    return call(engine.route(OPENAI_DIALECT, method, path), path, undefined, options, slot)
  }

  return {
    chat: { completions },
    embeddings,
    responses,
    scenario: engine.scenario,
    requests: engine.requests,
    reset: engine.reset,
    session(id) {
      const own = engine.session(id)
      return Object.assign(openaiClient(own), { id, useScenario: own.useScenario })
    },
  }
}
