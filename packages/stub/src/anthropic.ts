/**
 * The Anthropic stub: an object shaped like `new Anthropic()` from `@anthropic-ai/sdk` whose
 * methods answer from a scenario in process. It runs the server's Messages, count-tokens and
 * models rows, so its messages, events and errors are what the SDK makes of the server's.
 */
import {
  COUNT_TOKENS,
  ENDPOINT_TABLE,
  type Endpoint,
  MESSAGES,
  REQUEST_ID_HEADER,
} from '@mocktopus/responders'
import type { Scenario } from '@mocktopus/scenario'
import {
  AnthropicError,
  APIError,
  APIUserAbortError,
  NoMatchingRuleError,
} from './anthropic-errors.js'
import {
  type ParsedMessage,
  type ParsedOutputOf,
  parseAnthropicMessage,
} from './anthropic-parse.js'
import type {
  AnthropicModel,
  AnthropicStreamEvent,
  MessageCountTokensParams,
  MessageCreateParams,
  MessageTokensCount,
  ModelListParams,
  StubMessage,
  WithAnthropicRequestID,
} from './anthropic-types.js'
import {
  type Answered,
  type AnthropicStubAPIPromise,
  answered,
  answerResponse,
  anthropicAPIPromise,
} from './api-promise.js'
import {
  createStubEngine,
  type Dialect,
  type StubClientOptions,
  type StubEngine,
  type StubRequest,
  type StubRequestOptions,
} from './engine.js'
import { MockMessageStream } from './message-stream.js'
import type { MockStream } from './stream.js'

// Every Anthropic SDK call sends `anthropic-version`; rows shared with OpenAI (`GET /v1/models`)
// are chosen by it.
const ANTHROPIC_VERSION = '2023-06-01'

function withAnthropicIDs<T>(value: T, headers: Readonly<Record<string, string>>): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.defineProperties(value, {
    _request_id: { value: headers[REQUEST_ID_HEADER] ?? null, enumerable: false },
    _workspace_id: { value: headers['anthropic-workspace-id'] ?? null, enumerable: false },
  })
}

/** The `@anthropic-ai/sdk` way: `request-id`, its error classes, no `ping` events. */
export const ANTHROPIC_DIALECT: Dialect = {
  headers: {
    header: (name: string) => (name === 'anthropic-version' ? ANTHROPIC_VERSION : undefined),
  },
  requestIdHeader: REQUEST_ID_HEADER,
  decorate: withAnthropicIDs,
  error: (init) => APIError.generate(init),
  noMatch: (init) => new NoMatchingRuleError(init),
  aborted: () => new APIUserAbortError(),
  keep: (event) => (event as { type?: unknown }).type !== 'ping',
}

/** A page of models as `await anthropic.models.list()` gives it (the SDK's `Page`). */
export interface StubModelsPage extends AsyncIterable<AnthropicModel> {
  readonly data: readonly AnthropicModel[]
  readonly has_more: boolean
  readonly first_id: string | null
  readonly last_id: string | null
  /** The models of this page (`getPaginatedItems()` in the SDK). */
  getPaginatedItems(): AnthropicModel[]
  hasNextPage(): boolean
  /** The next page in the direction listed: after `last_id`, or before `first_id` with `before_id`. */
  getNextPage(): Promise<StubModelsPage>
  /** This page and every next one. */
  iterPages(): AsyncGenerator<StubModelsPage>
}

export interface StubMessages {
  create<P extends MessageCreateParams & { readonly stream: true }>(
    params: P,
    options?: StubRequestOptions,
  ): AnthropicStubAPIPromise<MockStream<AnthropicStreamEvent>>
  create<P extends MessageCreateParams & { readonly stream?: false | null }>(
    params: P,
    options?: StubRequestOptions,
  ): AnthropicStubAPIPromise<WithAnthropicRequestID<StubMessage>>
  create<P extends MessageCreateParams>(
    params: P,
    options?: StubRequestOptions,
  ): AnthropicStubAPIPromise<StubMessage | MockStream<AnthropicStreamEvent>>
  /**
   * The streamed message as the SDK's `MessageStream`: events, `text` / `inputJson` /
   * `contentBlock` / `message` listeners, `finalMessage()`, `finalText()` and
   * `withResponse()`.
   */
  stream(params: MessageCreateParams, options?: StubRequestOptions): MockMessageStream
  /**
   * `create` and then the SDK's parsing: `parsed_output` from the first text block, through
   * `output_config.format.parse` when built by `zodOutputFormat`, else `JSON.parse` for a
   * `json_schema` format (`null` for none). A text that does not parse throws
   * `AnthropicError('Failed to parse structured output: ...')`.
   */
  parse<P extends MessageCreateParams & { readonly stream?: false | null }>(
    params: P,
    options?: StubRequestOptions,
  ): AnthropicStubAPIPromise<ParsedMessage<ParsedOutputOf<P>>>
  /** `POST /v1/messages/count_tokens`: `{ input_tokens }`. */
  countTokens(
    params: MessageCountTokensParams,
    options?: StubRequestOptions,
  ): AnthropicStubAPIPromise<WithAnthropicRequestID<MessageTokensCount>>
}

export interface StubModels {
  /**
   * The Claude models the scenario names (or the default line-up), one page; the promise is
   * also an async iterable over every page's models, as the SDK's `PagePromise`.
   */
  list(
    params?: ModelListParams,
    options?: StubRequestOptions,
  ): AnthropicStubAPIPromise<StubModelsPage> & AsyncIterable<AnthropicModel>
  /** One model; an id the scenario does not know throws `NotFoundError`. */
  retrieve(
    modelID: string,
    params?: unknown,
    options?: StubRequestOptions,
  ): AnthropicStubAPIPromise<WithAnthropicRequestID<AnthropicModel>>
}

export interface AnthropicStubClient {
  readonly messages: StubMessages
  readonly models: StubModels
  /** The scenario the client answers from. */
  readonly scenario: Scenario
  /** The calls answered so far (by every surface sharing this stub), oldest first. */
  requests(): StubRequest[]
  /** Restores every rule's `times`, forgets stored responses and clears `requests()`. */
  reset(): void
}

const LONG_REQUEST =
  'Streaming is required for operations that may take longer than 10 minutes. See https://platform.claude.com/docs/en/cli-sdks-libraries/sdks/typescript#long-requests for more details'

/**
 * The SDK's check before it sends a call that is not streamed and has no `timeout`: one whose
 * `max_tokens` could take over 10 minutes at its estimate (128k tokens an hour, so more than
 * 21,333) throws at once, as `messages.create` does.
 */
function checkNonstreaming(params: MessageCreateParams, options: StubRequestOptions | undefined) {
  if (params.stream || options?.timeout != null) return
  const expectedMs = (60 * 60 * 1000 * params.max_tokens) / 128_000
  if (expectedMs > 10 * 60 * 1000) throw new AnthropicError(LONG_REQUEST)
}

function modelsRow(id: string): Endpoint {
  const row = ENDPOINT_TABLE.find((endpoint) => endpoint.id === id)
  if (!row) throw new Error(`the endpoint table has no ${id} row`)
  return row
}

function queryOf(params: ModelListParams): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) query.set(key, String(value))
  }
  return query.toString()
}

/**
 * An in-process client shaped like `new Anthropic()` that answers from a scenario (a parsed
 * `Scenario` or YAML text). Error rules throw the SDK's error classes ({@link AnthropicErrors});
 * no matching rule throws `NoMatchingRuleError`; delays are skipped unless `realtime` is set.
 *
 * @example
 * const anthropic = createAnthropicStubClient(`
 * version: 1
 * rules:
 *   - type: llm.anthropic
 *     when: { messages_contains: hello }
 *     respond: { content: Hi there! }
 * `)
 * const message = await anthropic.messages.create({
 *   model: 'claude-sonnet-5-5',
 *   max_tokens: 1024,
 *   messages: [{ role: 'user', content: 'hello' }],
 * })
 * message.content[0] // { type: 'text', text: 'Hi there!' }
 */
export function createAnthropicStubClient(
  scenario: Scenario | string,
  options: StubClientOptions = {},
): AnthropicStubClient {
  return anthropicClient(createStubEngine(scenario, options))
}

/**
 * The Anthropic-shaped surface over a stub engine (shared with an OpenAI surface by
 * `createStub`).
 *
 * @example const anthropic = anthropicClient(createStubEngine(scenario))
 */
export function anthropicClient(engine: StubEngine): AnthropicStubClient {
  const listRow = modelsRow('anthropic.models.list')

  function send(params: MessageCreateParams, options?: StubRequestOptions, slot?: Answered) {
    checkNonstreaming(params, options)
    return engine.call(ANTHROPIC_DIALECT, MESSAGES, MESSAGES.path, params, options, '', slot)
  }

  const messages = {
    create(params: MessageCreateParams, options?: StubRequestOptions) {
      const slot = answered()
      return anthropicAPIPromise(send(params, options, slot), slot)
    },
    // A `MessageStream`, not an `APIPromise`, as in the SDK.
    stream(params: MessageCreateParams, options?: StubRequestOptions) {
      const slot = answered()
      return new MockMessageStream(
        params,
        (signal) =>
          send({ ...params, stream: true }, { ...options, signal }, slot) as Promise<
            MockStream<AnthropicStreamEvent>
          >,
        () => answerResponse(slot),
      )
    },
    parse(params: MessageCreateParams, options?: StubRequestOptions) {
      // As the SDK: a copy without `_request_id` (its `parse` spreads the message).
      const slot = answered()
      const pending = send(params, options, slot).then((message) =>
        parseAnthropicMessage(message as StubMessage, params),
      )
      return anthropicAPIPromise(pending, slot)
    },
    countTokens(params: MessageCountTokensParams, options?: StubRequestOptions) {
      const slot = answered()
      const path = COUNT_TOKENS.path
      const pending = engine.call(ANTHROPIC_DIALECT, COUNT_TOKENS, path, params, options, '', slot)
      return anthropicAPIPromise(pending, slot)
    },
  } as StubMessages

  async function page(
    params: ModelListParams,
    options: StubRequestOptions | undefined,
    slot?: Answered,
  ): Promise<StubModelsPage> {
    const body = (await engine.call(
      ANTHROPIC_DIALECT,
      listRow,
      listRow.path,
      undefined,
      options,
      queryOf(params),
      slot,
    )) as Omit<StubModelsPage, 'getPaginatedItems' | 'hasNextPage' | 'getNextPage' | 'iterPages'>
    const backwards = params.before_id !== undefined
    const result: StubModelsPage = Object.assign(body, {
      getPaginatedItems: () => [...body.data],
      hasNextPage: () => body.has_more,
      getNextPage() {
        const next: ModelListParams = backwards
          ? { ...params, before_id: body.first_id ?? undefined }
          : { ...params, after_id: body.last_id ?? undefined }
        return page(next, options)
      },
      async *iterPages() {
        let current: StubModelsPage = result
        yield current
        while (current.hasNextPage()) {
          current = await current.getNextPage()
          yield current
        }
      },
      async *[Symbol.asyncIterator]() {
        for await (const each of result.iterPages()) yield* each.data
      },
    })
    // The SDK's page methods are on its prototype; here they are kept out of `toEqual`.
    for (const key of ['getPaginatedItems', 'hasNextPage', 'getNextPage', 'iterPages']) {
      Object.defineProperty(result, key, { enumerable: false })
    }
    return result
  }

  const models: StubModels = {
    list(params = {}, options) {
      const slot = answered()
      const pending = anthropicAPIPromise(page(params, options, slot), slot)
      return Object.assign(pending, {
        async *[Symbol.asyncIterator]() {
          yield* await pending
        },
      })
    },
    retrieve(modelID, _params, options) {
      const path = `${listRow.path}/${encodeURIComponent(modelID)}`
      const row = engine.route(ANTHROPIC_DIALECT, 'GET', path)
      const slot = answered()
      const pending = engine.call(ANTHROPIC_DIALECT, row, path, undefined, options, '', slot)
      return anthropicAPIPromise(pending as Promise<WithAnthropicRequestID<AnthropicModel>>, slot)
    },
  }

  return {
    messages,
    models,
    scenario: engine.scenario,
    requests: engine.requests,
    reset: engine.reset,
  }
}
