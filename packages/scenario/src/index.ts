/** @module @mocktopus/scenario */
export { describeNoMatch } from './describe.js'
export {
  DURATION_RANGES,
  type DurationRange,
  MAX_CHUNK_DELAYS,
  MAX_DELAY_MS,
  MAX_RETRY_AFTER_SECONDS,
} from './durations.js'
export { ENDPOINTS, RULE_TYPE_ENDPOINTS, ruleEndpoints } from './endpoints.js'
export {
  formatIssues,
  MocktopusError,
  ScenarioError,
  type ScenarioErrorOptions,
  ScenarioNotFoundError,
  ScenarioRegexError,
} from './errors.js'
export { type ConversationFacts, conversationFacts, type ToolResult } from './facts.js'
export { compileGlob, type GlobTest } from './glob.js'
export { lintScenario } from './lint.js'
export { loadScenario } from './load.js'
export { createCounters, createMatcher } from './match.js'
export { assumeValidated, type CreateScenarioOptions, createScenario } from './normalize.js'
export { MATCHED_PARAMS, requestParams } from './params.js'
export { MAX_SCENARIO_SIZE, type ParseScenarioOptions, parseScenario } from './parse.js'
export { compileRegex, type ScenarioRegex } from './regex.js'
export { compileReplacer, type ScenarioReplacer } from './regex-replace.js'
export { scenarioSchema } from './schema.js'
export {
  escapeTemplate,
  parseTemplate,
  type RespondTemplate,
  renderTemplate,
  respondTemplate,
  type Template,
  type TemplateParse,
  type TemplatePart,
  type TemplateValues,
} from './template.js'
export { conversationLength, conversationText, lastUserText, messageText } from './text.js'
export type {
  ChatMessage,
  ChoiceSpec,
  ContentPart,
  ConversationMessage,
  EmbeddingSpec,
  ErrorSpec,
  ErrorType,
  MatchCounters,
  Matcher,
  MatchRequest,
  MatchResult,
  ModelPrice,
  Respond,
  Rule,
  RuleChaos,
  RuleType,
  RuleVerdict,
  Scenario,
  ScenarioIssue,
  ScenarioWarning,
  ToolCallSpec,
  UsageSpec,
  When,
} from './types.js'
export { validateScenario } from './validate.js'
export { FAST_READ_FORMAT, type FastRead, readSimpleYaml } from './yaml-fast.js'
