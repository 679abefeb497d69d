/** @module @mocktopus/responders */

export {
  ANTHROPIC_ERRORS,
  type AnthropicErrorBody,
  type AnthropicErrorInit,
  type AnthropicErrorType,
  anthropicError,
  anthropicErrorType,
  anthropicRequestId,
  anthropicRuleError,
  REQUEST_ID_HEADER,
} from './anthropic/errors.js'
export {
  type AnswerAnthropicOptions,
  type AnthropicAnswer,
  answerAnthropicMessage,
} from './anthropic/messages/answer.js'
export {
  type AnthropicTokensCount,
  answerAnthropicCountTokens,
  countAnthropicTokens,
} from './anthropic/messages/count-tokens.js'
export {
  type AnthropicContentBlock,
  type AnthropicMessage,
  type AnthropicMessageOptions,
  type AnthropicStopReason,
  type AnthropicTextBlock,
  type AnthropicToolUseBlock,
  type AnthropicUsage,
  anthropicContent,
  anthropicStopReason,
  anthropicUsage,
  createAnthropicMessage,
  ToolInputError,
} from './anthropic/messages/message.js'
export {
  ANTHROPIC_COUNT_TOKENS_PATH,
  ANTHROPIC_MESSAGES_PATH,
  type AnthropicMessagesRequest,
  type AnthropicParams,
  type AnthropicRequestBlock,
  type AnthropicRequestMessage,
  anthropicInputText,
  anthropicMatchRequest,
  normalizeAnthropicMessages,
  type ParseAnthropicRequestOptions,
  parseAnthropicRequest,
} from './anthropic/messages/request.js'
export {
  type AnthropicDelta,
  type AnthropicStreamEvent,
  type AnthropicStreamOptions,
  anthropicFrames,
  anthropicStream,
  anthropicStreamEvents,
  TOOL_INPUT_FRAGMENT_SIZE,
} from './anthropic/messages/stream.js'
export {
  type AnswerChatOptions,
  answerChat,
  type ChatAnswer,
  chatUsage,
  requestIdHeader,
  SYSTEM_FINGERPRINT,
  useCount,
} from './openai/chat/answer.js'
export {
  CHAT_COMPLETIONS_PATH,
  type ChatParams,
  type ParseChatOptions,
  parseChatRequest,
} from './openai/chat/request.js'
export type * from './openai/chat/types.js'
export {
  type AnswerCompletionOptions,
  answerCompletion,
  type CompletionAnswer,
} from './openai/completions/answer.js'
export {
  COMPLETIONS_PATH,
  type CompletionParams,
  type ParseCompletionOptions,
  parseCompletionRequest,
} from './openai/completions/request.js'
export type * from './openai/completions/types.js'
export {
  type AnswerEmbeddingsOptions,
  answerEmbeddings,
  type CreateEmbeddingResponse,
  defaultDimensions,
  type Embedding,
  encodeFloat32Base64,
  seededEmbedding,
} from './openai/embeddings/answer.js'
export {
  EMBEDDINGS_PATH,
  type EmbeddingEncoding,
  type EmbeddingsParams,
  type ParseEmbeddingsOptions,
  parseEmbeddingsRequest,
} from './openai/embeddings/request.js'
export {
  DEFAULT_RETRY_AFTER,
  DEFAULT_TIMEOUT_DELAY_MS,
  OPENAI_ERROR_DEFAULTS,
  type OpenAIErrorBody,
  type OpenAIErrorObject,
  openaiError,
  openaiRuleError,
} from './openai/errors.js'
export {
  DEFAULT_MODELS,
  type ListModelsResponse,
  listModels,
  type Model,
  retrieveModel,
} from './openai/models.js'
export {
  type AnswerResponsesOptions,
  answerResponses,
  type ResponsesAnswer,
  storedResponse,
} from './openai/responses/answer.js'
export { createResponseBody, inProgressResponse, responseId } from './openai/responses/body.js'
export {
  instructionsToMessages,
  type ResponseItemLookup,
  responseInputToMessages,
  responseItemToMessage,
} from './openai/responses/input.js'
export {
  type InputItemsOptions,
  inputItemResources,
  type ListInputItemsOptions,
  listInputItems,
  parseInputItemsQuery,
  type ResponseItemList,
  type ResponseItemResource,
} from './openai/responses/input-items.js'
export {
  type ParseResponsesOptions,
  parseResponsesRequest,
  previousResponseNotFound,
  RESPONSES_PATH,
  type ResponseDeleted,
  type ResponsesParams,
  responseNotFound,
} from './openai/responses/request.js'
export {
  createResponseStore,
  type ResponseStore,
  type ResponseStoreOptions,
  type StoredResponse,
} from './openai/responses/store.js'
export {
  type ResponseEventsOptions,
  responseEvents,
  responseStream,
} from './openai/responses/stream.js'
export type * from './openai/responses/types.js'
export { openaiFrames, pacedOpenAIStream } from './openai/stream.js'
export { splitText } from './shared/chunking.js'
export { type Clock, fixedClock, systemClock, unixSeconds } from './shared/clock.js'
export type { Exchange } from './shared/exchange.js'
export { deterministicId, stableDigest } from './shared/ids.js'
export {
  pacedStream,
  replayable,
  type StreamPacing,
  type StreamParts,
} from './shared/paced-stream.js'
export { sha256, toHex } from './shared/sha256.js'
export { encodeSSE, type SSEFrame, sseStream } from './shared/sse.js'
export { estimateTokens } from './shared/tokens.js'
export type {
  ErrorEnvelope,
  ParseResult,
  WireError,
  WireErrorInit,
  WireJSON,
  WireResult,
  WireStream,
  WireUsage,
} from './shared/wire.js'
