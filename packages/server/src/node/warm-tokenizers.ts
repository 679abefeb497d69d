/**
 * The OpenAI encodings a server gets ready before its first request needs them. Loading one
 * holds the main thread for 0.3 to 1 s and takes 40 to 70 MB, so it is done only for what the
 * scenario says it will count (a rule that answers an OpenAI or Azure endpoint and names an
 * OpenAI model in `when.model`), and only once the server has gone `WARM_IDLE_MS` without a
 * request, so that the load does not hold up a `/health` probe or a request of another
 * provider. A request that needs an encoding still waits for its load (`afterTokenizer`), so
 * a count never depends on whether the warm-up had finished.
 */
import { type EncodingName, encodingFor, loadEncoding } from '@mocktopus/responders'
import { ENDPOINTS, ruleEndpoints, type Scenario } from '@mocktopus/scenario'

// The endpoints whose rows count usage with the OpenAI encodings.
const COUNTED: ReadonlySet<string> = new Set([
  ENDPOINTS.chatCompletions,
  ENDPOINTS.completions,
  ENDPOINTS.responses,
  ENDPOINTS.embeddings,
  ENDPOINTS.azureChatCompletions,
  ENDPOINTS.azureCompletions,
  ENDPOINTS.azureEmbeddings,
  ENDPOINTS.azureResponses,
  ENDPOINTS.azureV1ChatCompletions,
  ENDPOINTS.azureV1Completions,
  ENDPOINTS.azureV1Responses,
  ENDPOINTS.azureV1Embeddings,
])

const WILDCARD = /[*?[{\\]/

/**
 * The encodings the scenario's rules name: each rule answering an OpenAI or Azure endpoint with
 * a `when.model` whose literal start (up to its first wildcard) is an OpenAI model id.
 *
 * @example scenarioEncodings(parseScenario('rules: [{ type: llm, when: { model: "gpt-4o*" }, respond: {} }]')) // ['o200k_base']
 */
export function scenarioEncodings(scenario: Scenario): EncodingName[] {
  const names = new Set<EncodingName>()
  for (const rule of scenario.rules) {
    const model = rule.when.model
    if (model === undefined) continue
    if (!ruleEndpoints(rule.type, rule.when.endpoint).some((path) => COUNTED.has(path))) continue
    const wildcard = model.search(WILDCARD)
    const name = encodingFor(wildcard === -1 ? model : model.slice(0, wildcard))
    if (name !== undefined) names.add(name)
  }
  return [...names]
}

/**
 * Starts loading the encodings `scenario` names and returns at once, with their names.
 *
 * @example warmTokenizers(mock.scenario) // ['o200k_base'], loading
 */
export function warmTokenizers(scenario: Scenario): EncodingName[] {
  const names = scenarioEncodings(scenario)
  for (const name of names) void loadEncoding(name)
  return names
}

/** How long a server must go without a request before the warm-up starts. */
export const WARM_IDLE_MS = 100

/** A pending warm-up: told of each request, stopped when the server closes. */
export interface WarmUp {
  /** A request arrived: the server is not idle. */
  touch(): void
  stop(): void
}

/**
 * Warms the encodings `scenario` names once `WARM_IDLE_MS` pass with no request arriving and
 * none open (`open()`), checking again after each busy interval; never keeps the process alive.
 *
 * @example const warm = warmWhenIdle(mock.scenario, () => open.responses); warm.touch()
 */
export function warmWhenIdle(scenario: Scenario, open: () => number): WarmUp {
  let busy = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const check = () => {
    timer = undefined
    if (busy || open() > 0) {
      busy = false
      timer = setTimeout(check, WARM_IDLE_MS).unref()
      return
    }
    warmTokenizers(scenario)
  }
  if (scenarioEncodings(scenario).length > 0) timer = setTimeout(check, WARM_IDLE_MS).unref()
  return {
    touch: () => {
      busy = true
    },
    stop: () => clearTimeout(timer),
  }
}
