/** Record and replay, Web-standard part: the proxy, stream reassembly and rule building. */

// Decodes the base64 vectors of a recorded OpenAI embeddings answer; from the responders.
export { decodeFloat32Base64 } from '@mocktopus/responders'
export { type AssembledStream, createStreamAssembler, type StreamAssembler } from './assemble.js'
export {
  CASSETTE_PATTERN,
  type Cassette,
  type CassetteRule,
  type CassetteSkip,
  parseCassette,
} from './cassette.js'
export { describeRecordingMiss, type RecordingOrigin } from './describe-miss.js'
export {
  checkDrift,
  type DriftOptions,
  type DriftRecording,
  type DriftReport,
  type DriftResult,
  type DriftStatus,
} from './drift.js'
export { RecordingsError } from './errors.js'
export type { ForwardedRequest, ForwardInfo, ForwardOutcome, RecordingHooks } from './hooks.js'
export { layoutScenarioYAML } from './layout.js'
export { createMatchPreparer, type MatchPreparer } from './prepare-match.js'
export {
  createUpstreamProxy,
  DEFAULT_ANTHROPIC_UPSTREAM,
  DEFAULT_OPENAI_UPSTREAM,
  type RecordInfo,
  type SkipInfo,
  type SkipKind,
  type UpstreamProxy,
  type UpstreamProxyOptions,
  upstreamURL,
} from './proxy.js'
export {
  type RebuiltRequest,
  type RecordedFacts,
  rebuildRequest,
  recordedFacts,
  type SentRequest,
} from './recorded-request.js'
export { type ReplayTiming, replayScenario } from './replay-timing.js'
export {
  type MatchOn,
  mergeRecordSettings,
  type NormalizeEntry,
  parseRecordSettings,
  type RecordSettings,
  type RedactSettings,
} from './settings.js'
export {
  answerShape,
  compareShapes,
  createShapeCollector,
  describeShapeChange,
  type ShapeChange,
  type ShapeChangeKind,
  type ShapeCollector,
} from './shape.js'
export { createSSEParser, type SSEEvent, type SSEParser } from './sse-parse.js'
export {
  literalGlob,
  REDACTED,
  type RecordedExchange,
  type RecordedRule,
  type RecordedRuleResult,
  type RecordedTiming,
  type RecordedWhen,
  recordedRule,
  recordedWhen,
  recordingKey,
  redactText,
} from './to-rule.js'
export type { SendUpstream, UpstreamRequest, UpstreamResponse } from './upstream.js'
