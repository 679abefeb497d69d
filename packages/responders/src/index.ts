/** @module @mocktopus/responders */

export {
  type AnswerAnthropicOptions,
  type AnthropicAnswer,
  answerAnthropicMessage,
} from './anthropic-answer.js'
export {
  type AnthropicTokensCount,
  answerAnthropicCountTokens,
  countAnthropicTokens,
} from './anthropic-count-tokens.js'
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
} from './anthropic-errors.js'
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
} from './anthropic-message.js'
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
} from './anthropic-request.js'
export {
  type AnthropicDelta,
  type AnthropicStreamEvent,
  type AnthropicStreamOptions,
  anthropicFrames,
  anthropicStream,
  anthropicStreamEvents,
  TOOL_INPUT_FRAGMENT_SIZE,
} from './anthropic-stream.js'
export {
  type AnswerChatOptions,
  answerChat,
  type ChatAnswer,
  chatUsage,
  requestIdHeader,
  SYSTEM_FINGERPRINT,
  useCount,
} from './chat-answer.js'
export {
  CHAT_COMPLETIONS_PATH,
  type ChatParams,
  type ParseChatOptions,
  parseChatRequest,
} from './chat-request.js'
export type * from './chat-types.js'
export { splitText } from './chunking.js'
export { type Clock, fixedClock, systemClock, unixSeconds } from './clock.js'
export {
  type AnswerCompletionOptions,
  answerCompletion,
  type CompletionAnswer,
} from './completions-answer.js'
export {
  COMPLETIONS_PATH,
  type CompletionParams,
  type ParseCompletionOptions,
  parseCompletionRequest,
} from './completions-request.js'
export type * from './completions-types.js'
export {
  type AnswerEmbeddingsOptions,
  answerEmbeddings,
  type CreateEmbeddingResponse,
  defaultDimensions,
  type Embedding,
  encodeFloat32Base64,
  seededEmbedding,
} from './embeddings-answer.js'
export {
  EMBEDDINGS_PATH,
  type EmbeddingEncoding,
  type EmbeddingsParams,
  type ParseEmbeddingsOptions,
  parseEmbeddingsRequest,
} from './embeddings-request.js'
export type { Exchange } from './exchange.js'
export { deterministicId, stableDigest } from './ids.js'
export {
  DEFAULT_MODELS,
  type ListModelsResponse,
  listModels,
  type Model,
  retrieveModel,
} from './models.js'
export {
  DEFAULT_RETRY_AFTER,
  DEFAULT_TIMEOUT_DELAY_MS,
  OPENAI_ERROR_DEFAULTS,
  type OpenAIErrorBody,
  type OpenAIErrorObject,
  openaiError,
  openaiRuleError,
} from './openai-errors.js'
export { openaiFrames, pacedOpenAIStream } from './openai-stream.js'
export {
  pacedStream,
  replayable,
  type StreamPacing,
  type StreamParts,
} from './paced-stream.js'
export {
  type AnswerResponsesOptions,
  answerResponses,
  type ResponsesAnswer,
  storedResponse,
} from './responses-answer.js'
export { createResponseBody, inProgressResponse, responseId } from './responses-body.js'
export {
  instructionsToMessages,
  type ResponseItemLookup,
  responseInputToMessages,
  responseItemToMessage,
} from './responses-input.js'
export {
  type InputItemsOptions,
  inputItemResources,
  type ListInputItemsOptions,
  listInputItems,
  parseInputItemsQuery,
  type ResponseItemList,
  type ResponseItemResource,
} from './responses-input-items.js'
export {
  type ParseResponsesOptions,
  parseResponsesRequest,
  previousResponseNotFound,
  RESPONSES_PATH,
  type ResponseDeleted,
  type ResponsesParams,
  responseNotFound,
} from './responses-request.js'
export {
  createResponseStore,
  type ResponseStore,
  type ResponseStoreOptions,
  type StoredResponse,
} from './responses-store.js'
export { type ResponseEventsOptions, responseEvents, responseStream } from './responses-stream.js'
export type * from './responses-types.js'
export { sha256, toHex } from './sha256.js'
export { encodeSSE, type SSEFrame, sseStream } from './sse.js'
export { estimateTokens } from './tokens.js'
export type {
  ErrorEnvelope,
  ParseResult,
  WireError,
  WireErrorInit,
  WireJSON,
  WireResult,
  WireStream,
  WireUsage,
} from './wire.js'
