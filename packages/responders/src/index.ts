/**
 * @module @mocktopus/responders
 *
 * The engine and the endpoint table (what every entry point calls), the per-endpoint parsers
 * and answer builders, and the wire types they share. Pure and deterministic: no sockets, no
 * module state; Web standard APIs only.
 */

// Anthropic.
export {
  type AnthropicErrorBody,
  type AnthropicErrorInit,
  type AnthropicErrorType,
  anthropicError,
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
  type AnthropicTextBlock,
  type AnthropicToolUseBlock,
  type AnthropicUsage,
  createAnthropicMessage,
} from './anthropic/messages/message.js'
export {
  type AnthropicMessagesRequest,
  type AnthropicParams,
  type ParseAnthropicRequestOptions,
  parseAnthropicRequest,
} from './anthropic/messages/request.js'
export {
  type AnthropicStreamEvent,
  type AnthropicStreamOptions,
  anthropicFrames,
  anthropicStreamEvents,
} from './anthropic/messages/stream.js'
export {
  type AnthropicModel,
  type AnthropicModelList,
  anthropicDisplayName,
  DEFAULT_ANTHROPIC_MODELS,
  type ListAnthropicModelsOptions,
  listAnthropicModels,
  type RetrieveAnthropicModelOptions,
  retrieveAnthropicModel,
} from './anthropic/models.js'
export {
  type BodyRead,
  type BodyRefusal,
  bodyRefusal,
  decodeBody,
  isJSONContentType,
  jsonDepth,
  MAX_JSON_DEPTH,
  parseJSONBody,
  readBody,
} from './engine/body.js'
export {
  ChaosControl,
  ChaosDisconnect,
  type ChaosFaults,
  type ChaosOptions,
  type ChaosPlan,
  FAULT_HEADER,
  type FaultKind,
  goDuration,
  type RateLimitSettings,
  type StreamTimingSettings,
} from './engine/chaos.js'
export type {
  AnswerInput,
  AssembledStream,
  Endpoint,
  HeaderLookup,
  PlainEndpoint,
  PlainInput,
  PreviewRequest,
  PreviewSpec,
  Provider,
  ProviderName,
  ProviderRecord,
  RecordedEvent,
  RouteInput,
  RuleEndpoint,
  StreamAssembler,
  StreamFraming,
} from './engine/endpoint.js'
export {
  CHAT_COMPLETIONS,
  COMPLETIONS,
  COUNT_TOKENS,
  EMBEDDINGS,
  ENDPOINT_TABLE,
  GEMINI_ROWS,
  MESSAGES,
  OLLAMA_ROWS,
  RESPONSES,
  RULE_ENDPOINTS,
} from './engine/endpoints.js'
// The engine: one routed request in, one answer and one exchange record out.
export {
  type EngineAnswer,
  type EngineContext,
  type EngineForward,
  type EngineRequest,
  type EngineResult,
  refuse,
  runEngine,
  stampRequestId,
} from './engine/engine.js'
export {
  ABORTED_STATUS,
  beginExchange,
  completeExchange,
  DEFAULT_KEPT_BODY_BYTES,
  type ExchangeDraft,
  type ExchangeOutcome,
  exchangeWeight,
  outcomeOf,
} from './engine/exchange.js'
export {
  createJournal,
  DEFAULT_JOURNAL_BYTES,
  DEFAULT_JOURNAL_SIZE,
  type Journal,
  type JournalOptions,
  type JournalPage,
} from './engine/journal.js'
export {
  ANTHROPIC_PROVIDER,
  GEMINI_PROVIDER,
  OLLAMA_PROVIDER,
  OPENAI_PROVIDER,
} from './engine/providers.js'
export { createRouter, type Route, type Router } from './engine/router.js'
export {
  createEngineState,
  type EngineState,
  type EngineStateOptions,
} from './engine/state.js'
export { answerGeminiCountTokens } from './gemini/count-tokens.js'
export {
  answerGeminiEmbed,
  type GeminiEmbedParams,
  geminiDefaultDimensions,
  parseGeminiEmbed,
} from './gemini/embed.js'
export {
  GEMINI_ERRORS,
  type GeminiErrorBody,
  type GeminiErrorStatus,
  geminiError,
  geminiErrorStatus,
  geminiRuleError,
} from './gemini/errors.js'
export {
  type AnswerGeminiOptions,
  answerGeminiGenerate,
  type GeminiAnswer,
  geminiFinishReason,
  geminiFrame,
  geminiUsage,
} from './gemini/generate/answer.js'
export {
  type GeminiGenerateParams,
  geminiMatchRequest,
  normalizeGeminiContents,
  parseGeminiGenerate,
} from './gemini/generate/request.js'
export type {
  GeminiCandidate,
  GeminiContent,
  GeminiFunctionCall,
  GeminiGenerateRequest,
  GeminiGenerateResponse,
  GeminiPart,
  GeminiUsageMetadata,
} from './gemini/generate/types.js'
export {
  DEFAULT_GEMINI_MODELS,
  type GeminiModel,
  geminiDisplayName,
  listGeminiModels,
  retrieveGeminiModel,
} from './gemini/models.js'
export { assembleGeminiStream, geminiRecordedRespond } from './gemini/record.js'
export { geminiSchemaToJSONSchema, geminiStructured } from './gemini/schema.js'
export {
  type AnswerOllamaOptions,
  answerOllama,
  NDJSON_CONTENT_TYPE,
  type OllamaAnswer,
  type OllamaLine,
  ollamaDoneReason,
  ollamaFrame,
} from './ollama/answer.js'
export {
  answerOllamaEmbed,
  type OllamaEmbedParams,
  ollamaDefaultDimensions,
  parseOllamaEmbed,
} from './ollama/embed.js'
export {
  modelNotFound,
  OLLAMA_ERRORS,
  type OllamaErrorBody,
  ollamaError,
  ollamaRuleError,
} from './ollama/errors.js'
export { ollamaMetrics } from './ollama/metrics.js'
export {
  DEFAULT_OLLAMA_MODELS,
  listOllamaModels,
  OLLAMA_VERSION,
  ollamaVersion,
  showOllamaModel,
} from './ollama/models.js'
export { assembleOllamaStream, ollamaRecordedRespond } from './ollama/record.js'
export {
  type OllamaParams,
  ollamaStructured,
  ollamaToolNames,
  parseOllamaChat,
  parseOllamaGenerate,
} from './ollama/request.js'
export type {
  OllamaChatRequest,
  OllamaChatResponse,
  OllamaEmbeddingsResponse,
  OllamaEmbedResponse,
  OllamaGenerateRequest,
  OllamaGenerateResponse,
  OllamaMessage,
  OllamaMetrics,
  OllamaTool,
  OllamaToolCall,
} from './ollama/types.js'
export { type AnswerChatOptions, answerChat, type ChatAnswer } from './openai/chat/answer.js'
export { type ChatParams, type ParseChatOptions, parseChatRequest } from './openai/chat/request.js'
export type {
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
  ChatCompletionChunkToolCall,
  ChatCompletionMessage,
  ChatCompletionMessageToolCall,
  CompletionUsage,
} from './openai/chat/types.js'
export {
  type AnswerCompletionOptions,
  answerCompletion,
  type CompletionAnswer,
} from './openai/completions/answer.js'
export {
  type CompletionParams,
  type ParseCompletionOptions,
  parseCompletionRequest,
} from './openai/completions/request.js'
export type {
  Completion,
  CompletionChoice,
  CompletionUsageCounts,
} from './openai/completions/types.js'
export {
  type AnswerEmbeddingsOptions,
  answerEmbeddings,
  type CreateEmbeddingResponse,
  type Embedding,
  encodeFloat32Base64,
} from './openai/embeddings/answer.js'
export {
  type EmbeddingEncoding,
  type EmbeddingsParams,
  type ParseEmbeddingsOptions,
  parseEmbeddingsRequest,
} from './openai/embeddings/request.js'
// OpenAI.
export {
  DEFAULT_RETRY_AFTER,
  DEFAULT_TIMEOUT_DELAY_MS,
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
export { decodeFloat32Base64 } from './openai/record.js'
export {
  type AnswerResponsesOptions,
  answerResponses,
  type ResponsesAnswer,
} from './openai/responses/answer.js'
export {
  type InputItemsOptions,
  type ListInputItemsOptions,
  listInputItems,
  parseInputItemsQuery,
  type ResponseItemList,
  type ResponseItemResource,
} from './openai/responses/input-items.js'
export {
  type ParseResponsesOptions,
  parseResponsesRequest,
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
export type {
  ItemStatus,
  ResponseCreateParams,
  ResponseFunctionTool,
  ResponseFunctionToolCall,
  ResponseInputItem,
  ResponseInputTextPart,
  ResponseObject,
  ResponseOutputItem,
  ResponseOutputMessage,
  ResponseOutputText,
  ResponseStatus,
  ResponseStreamEvent,
  ResponseUsage,
} from './openai/responses/types.js'
export { openaiFrames, pacedOpenAIStream } from './openai/stream.js'
// Shared pieces.
export { type Clock, fixedClock, systemClock, unixSeconds } from './shared/clock.js'
export type { Exchange } from './shared/exchange.js'
export { createDigester, type Digester, deterministicId, stableDigest } from './shared/ids.js'
export { monotonicMs } from './shared/monotonic.js'
export {
  pacedStream,
  replayable,
  type StreamPacing,
  type StreamParts,
  type StreamTiming,
  timedWait,
} from './shared/paced-stream.js'
export { encodeSSE, type SSEFrame, sseStream } from './shared/sse.js'
export {
  afterTokenizer,
  chatPromptTokens,
  countsExactly,
  countTokens,
  type EncodingName,
  encodingFor,
  loadEncoding,
  loadTokenizers,
  MAX_WORD_LENGTH,
  tokenizerSettled,
} from './shared/tokenizer.js'
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
