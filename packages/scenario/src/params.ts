/**
 * The request parameters `when.params` compares: the sampling and output settings of a request
 * body (temperature, max_tokens, tool_choice, response_format, ...), as one plain mapping. Two
 * requests with the same conversation but another temperature are different requests to a
 * recording made with `--match-on params`.
 */

/**
 * The body fields `when.params` reads, across the APIs (OpenAI chat, completions and
 * responses, Anthropic messages, Gemini, Ollama, embeddings). Fields outside this list (the
 * conversation, `stream`, `user`, `metadata`, ...) are never part of the comparison.
 */
export const MATCHED_PARAMS: readonly string[] = [
  'temperature',
  'top_p',
  'top_k',
  'max_tokens',
  'max_completion_tokens',
  'max_output_tokens',
  'seed',
  'stop',
  'stop_sequences',
  'n',
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'response_format',
  'text',
  'tool_choice',
  'parallel_tool_calls',
  'reasoning_effort',
  'reasoning',
  'thinking',
  'verbosity',
  'dimensions',
  'generationConfig',
  'toolConfig',
  'options',
  'format',
]

type Data = Record<string, unknown>

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The matched parameters a request body sends (a `null` counts as not sent).
 *
 * @example requestParams({ model: 'm', temperature: 0.2, stream: true }) // { temperature: 0.2 }
 */
export function requestParams(body: unknown): Data {
  const params: Data = {}
  if (!isRecord(body)) return params
  for (const name of MATCHED_PARAMS) {
    const value = body[name]
    if (value !== undefined && value !== null) params[name] = value
  }
  return params
}

/**
 * JSON with object keys sorted, so that two values equal but for key order compare equal.
 *
 * @example canonicalJSON({ b: 1, a: [2] }) // '{"a":[2],"b":1}'
 */
export function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`
  if (isRecord(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJSON(value[key])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * The first difference between the parameters a rule expects and those a request sends, or
 * `undefined` when they are the same: the same names, each with an equal value (key order
 * ignored). A parameter the rule does not name must not be sent.
 *
 * @example paramsDiff({ temperature: 0 }, { temperature: 1 }) // 'params.temperature is 1, the rule expects 0'
 */
export function paramsDiff(expected: Readonly<Data>, actual: Readonly<Data>): string | undefined {
  for (const [name, want] of Object.entries(expected)) {
    const got = actual[name]
    if (want === null) {
      if (got !== undefined) return `params.${name} is ${shown(got)}, the rule expects none`
      continue
    }
    if (got === undefined) return `params.${name} is not sent, the rule expects ${shown(want)}`
    if (canonicalJSON(got) !== canonicalJSON(want)) {
      return `params.${name} is ${shown(got)}, the rule expects ${shown(want)}`
    }
  }
  for (const name of Object.keys(actual)) {
    if (!(name in expected)) {
      return `params.${name} is ${shown(actual[name])}, the rule expects none`
    }
  }
  return undefined
}

const MAX_SHOWN = 60

function shown(value: unknown): string {
  const text = canonicalJSON(value)
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text
}

/**
 * The first difference between the tool names a rule expects and those a request offers, as
 * sets (order ignored), or `undefined` when they are the same.
 *
 * @example toolsDiff(['a'], ['a', 'b']) // 'tools are "a", "b", the rule expects "a"'
 */
export function toolsDiff(
  expected: readonly string[],
  actual: readonly string[],
): string | undefined {
  const want = new Set(expected)
  const got = new Set(actual)
  const same = want.size === got.size && [...want].every((name) => got.has(name))
  if (same) return undefined
  const list = (names: Set<string>) =>
    names.size === 0
      ? 'none'
      : [...names]
          .sort()
          .map((name) => JSON.stringify(name))
          .join(', ')
  return `tools are ${list(got)}, the rule expects ${list(want)}`
}
