/** @module @mocktopus/stub */
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
  InternalServerError,
  MockAPIError,
  type MockAPIErrorInit,
  NoMatchingRuleError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  type WireErrorObject,
} from './errors.js'
export { MockStream } from './stream.js'
export type {
  ChatCompletion,
  ChatCompletionCreateParams,
  EmbeddingCreateParams,
  EmbeddingsResult,
  ResponseCreateParams,
  ResponseResult,
  WithRequestID,
} from './types.js'
