/** @module @mocktopus/stub */
export {
  type AnthropicStubClient,
  createAnthropicStubClient,
  type StubMessages,
  type StubModels,
  type StubModelsPage,
} from './anthropic.js'
export { type AnthropicErrorBody, AnthropicErrors } from './anthropic-errors.js'
export type { ParsedMessage, ParsedOutputOf } from './anthropic-parse.js'
export type {
  AnthropicModel,
  AnthropicStreamEvent,
  MessageCountTokensParams,
  MessageCreateParams,
  MessageTokensCount,
  ModelListParams,
  StubMessage,
  WithAnthropicRequestID,
} from './anthropic-types.js'
export type {
  AnthropicStubAPIPromise,
  StubAPIPromise,
  StubWithResponse,
} from './api-promise.js'
export {
  createStubClient,
  type StubChatCompletions,
  type StubClient,
  type StubClientOptions,
  type StubEmbeddings,
  type StubRequest,
  type StubRequestOptions,
  type StubResponses,
} from './client.js'
export {
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ContentFilterFinishReasonError,
  InternalServerError,
  LengthFinishReasonError,
  MockAPIError,
  type MockAPIErrorInit,
  NoMatchingRuleError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  type WireErrorObject,
} from './errors.js'
export {
  type MessageStreamEvents,
  MockMessageStream,
  type StreamedMessage,
} from './message-stream.js'
export type {
  ParsedChatCompletion,
  ParsedContentOf,
  ParsedFunctionToolCall,
  ParsedResponse,
  ParsedTextOf,
} from './parse.js'
export { MockStream } from './stream.js'
export { createStub, type Stub, type StubSession } from './stub.js'
export type {
  ChatCompletion,
  ChatCompletionCreateParams,
  EmbeddingCreateParams,
  EmbeddingsResult,
  ResponseCreateParams,
  ResponseResult,
  WithRequestID,
} from './types.js'
