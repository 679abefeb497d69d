/**
 * aimock fixtures (CopilotKit/aimock, `{ "fixtures": [{ match, response, ... }] }` JSON files)
 * as Mocktopus scenario rules. What has a Mocktopus equivalent is carried over; the rest is
 * named in a note, so nothing is dropped silently.
 */

type Data = Record<string, unknown>

/** A rule as the converter writes it: scenario YAML, plain data. */
export interface ConvertedRule {
  readonly type: string
  readonly when?: Data
  readonly respond?: Data | Data[]
  readonly error?: Data
  readonly chaos?: Data
  readonly times?: number
}

export interface Conversion {
  readonly rules: readonly ConvertedRule[]
  /** What could not be carried over, one line each, naming the file and the fixture. */
  readonly notes: readonly string[]
}

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// A model id as a glob that matches only itself (the recorder's `literalGlob`).
function literal(model: string): string {
  return model.replace(/[\\*?[\]{}!]/g, '\\$&')
}

/**
 * aimock's model match: the id itself, or the id followed by a dash and a digit (a dated
 * snapshot: `claude-opus-4` answers `claude-opus-4-20250514`, `gpt-4` does not answer `gpt-4o`).
 *
 * @example aimockModelGlob('gpt-4') // '{gpt-4,gpt-4-[0-9]*}'
 */
export function aimockModelGlob(model: string): string {
  const exact = literal(model)
  return `{${exact.replace(/[,]/g, '\\,')},${exact.replace(/[,]/g, '\\,')}-[0-9]*}`
}

function jsonText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function toolCall(raw: unknown): Data | undefined {
  if (!isRecord(raw) || typeof raw.name !== 'string') return undefined
  return {
    ...(typeof raw.id === 'string' ? { id: raw.id } : {}),
    type: 'function',
    function: { name: raw.name, arguments: jsonText(raw.arguments ?? {}) },
  }
}

// aimock's usage names per provider, as Mocktopus's provider-neutral ones.
function usage(raw: unknown): Data | undefined {
  if (!isRecord(raw)) return undefined
  const pick = (...names: string[]) => {
    for (const name of names) {
      const value = raw[name]
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value
    }
    return undefined
  }
  const input = pick('prompt_tokens', 'input_tokens', 'promptTokenCount')
  const output = pick('completion_tokens', 'output_tokens', 'candidatesTokenCount')
  const total = pick('total_tokens', 'totalTokenCount')
  const out: Data = {
    ...(input === undefined ? {} : { input_tokens: input }),
    ...(output === undefined ? {} : { output_tokens: output }),
    ...(total === undefined ? {} : { total_tokens: total }),
  }
  return Object.keys(out).length > 0 ? out : undefined
}

function errorType(status: number, type: unknown): string {
  if (status === 429 || type === 'rate_limit_error') return 'rate_limit'
  if (status === 401 || status === 403 || type === 'authentication_error') return 'authentication'
  if (status === 408 || status === 504) return 'timeout'
  if (status >= 500) return 'server_error'
  return 'invalid_request'
}

// Response fields with no Mocktopus counterpart, and why.
const NOT_CARRIED: Record<string, string> = {
  reasoning: 'Mocktopus does not send reasoning',
  reasoningSignature: 'Mocktopus does not send reasoning',
  redactedThinking: 'Mocktopus does not send reasoning',
  webSearches: 'Mocktopus does not send web search events',
  created: 'created comes from the clock (--fixed-time)',
  model: 'the answer echoes the request model',
  systemFingerprint: 'not sent',
  role: 'the role is always assistant',
  provider: 'OpenRouter fields are not sent',
  nativeFinishReason: 'OpenRouter fields are not sent',
  fallthrough: 'OpenRouter failover is not modelled',
}
const MEDIA = ['image', 'images', 'audio', 'transcription', 'video', 'json']

interface Context {
  readonly where: string
  readonly notes: string[]
}

function note(context: Context, text: string): void {
  context.notes.push(`${context.where}: ${text}`)
}

function when(match: Data, context: Context): { type: string; when: Data } | undefined {
  const out: Data = {}
  let type = 'llm'
  if (match.endpoint !== undefined && match.endpoint !== 'chat') {
    if (match.endpoint !== 'embedding') {
      note(context, `endpoint ${String(match.endpoint)} is not served by Mocktopus; skipped`)
      return undefined
    }
    type = 'embeddings'
  }
  if (typeof match.userMessage === 'string') out.messages_contains = match.userMessage
  if (typeof match.inputText === 'string') {
    type = 'embeddings'
    out.input_contains = match.inputText
  }
  if (typeof match.systemMessage === 'string') out.system_contains = match.systemMessage
  if (Array.isArray(match.systemMessage)) {
    const [first, ...rest] = match.systemMessage.filter((item) => typeof item === 'string')
    if (first !== undefined) out.system_contains = first
    if (rest.length > 0) {
      note(
        context,
        `systemMessage: only the first substring is matched (${JSON.stringify(first)}); ${rest.map((item) => JSON.stringify(item)).join(', ')} not carried over`,
      )
    }
  }
  if (typeof match.toolCallId === 'string') {
    out.tool_call_id = match.toolCallId
    out.last_role = 'tool'
  }
  if (typeof match.toolResultContains === 'string') {
    out.tool_result_contains = match.toolResultContains
    out.last_role = 'tool'
  }
  if (typeof match.toolName === 'string') out.tools_offered = match.toolName
  if (typeof match.model === 'string') out.model = aimockModelGlob(match.model)
  if (typeof match.turnIndex === 'number') out.turn = match.turnIndex
  if (typeof match.hasToolResult === 'boolean') out.has_tool_result = match.hasToolResult
  if (match.responseFormat !== undefined) {
    note(context, `responseFormat ${JSON.stringify(match.responseFormat)} is not matched`)
  }
  if (match.context !== undefined) note(context, 'context is not matched')
  return { type, when: out }
}

function respond(entry: Data, context: Context): { respond?: Data; error?: Data } | undefined {
  const response = isRecord(entry.response) ? entry.response : {}
  const media = MEDIA.find((key) => response[key] !== undefined)
  if (media) {
    note(context, `a ${media} response has no Mocktopus counterpart; skipped`)
    return undefined
  }
  if (isRecord(response.error)) {
    const status = typeof response.status === 'number' ? response.status : 500
    const error = response.error
    return {
      error: {
        error_type: errorType(status, error.type),
        status_code: status,
        ...(typeof error.message === 'string' ? { message: error.message } : {}),
        ...(typeof error.code === 'string' ? { code: error.code } : {}),
        ...(typeof error.param === 'string' ? { param: error.param } : {}),
        ...(typeof response.retryAfter === 'number' ? { retry_after: response.retryAfter } : {}),
      },
    }
  }
  const out: Data = {}
  if (Array.isArray(response.embedding)) {
    out.embeddings = [{ embedding: response.embedding.map(Number) }]
  }
  const texts: string[] = []
  const calls: Data[] = []
  if (response.content !== undefined) texts.push(jsonText(response.content))
  if (Array.isArray(response.toolCalls)) {
    for (const call of response.toolCalls) {
      const converted = toolCall(call)
      if (converted) calls.push(converted)
    }
  }
  if (Array.isArray(response.blocks) && texts.length === 0 && calls.length === 0) {
    for (const block of response.blocks.filter(isRecord)) {
      if (block.type === 'text' && typeof block.text === 'string') texts.push(block.text)
      const converted = block.type === 'toolCall' ? toolCall(block) : undefined
      if (converted) calls.push(converted)
    }
    if (texts.length > 0 && calls.length > 0) {
      note(context, 'blocks: the text is sent before the tool calls, not in the blocks order')
    }
  }
  if (texts.length > 0) out.content = texts.join('')
  if (calls.length > 0) out.tool_calls = calls
  if (typeof response.finishReason === 'string') out.finish_reason = response.finishReason
  const tokens = usage(response.usage)
  if (tokens) out.usage = tokens
  if (typeof response.id === 'string') out.id = response.id
  for (const [key, why] of Object.entries(NOT_CARRIED)) {
    if (response[key] !== undefined) note(context, `response.${key} is not carried over (${why})`)
  }
  if (typeof entry.latency === 'number') out.chunk_delay_ms = Math.round(entry.latency)
  if (typeof entry.chunkSize === 'number' && entry.chunkSize >= 1) {
    out.chunk_size = Math.floor(entry.chunkSize)
  }
  const profile = isRecord(entry.streamingProfile) ? entry.streamingProfile : undefined
  if (typeof profile?.ttft === 'number') out.ttft_ms = Math.round(profile.ttft)
  if (typeof profile?.tps === 'number' && profile.tps > 0) out.tokens_per_second = profile.tps
  if (profile?.jitter !== undefined) {
    note(context, 'streamingProfile.jitter (a fraction) is not carried over; see jitter_ms')
  }
  if (Object.keys(out).length === 0) {
    note(context, 'the response has nothing Mocktopus can send; skipped')
    return undefined
  }
  return { respond: out }
}

function chaos(entry: Data, context: Context): Data | undefined {
  const out: Data = {}
  const raw = isRecord(entry.chaos) ? entry.chaos : {}
  if (typeof raw.dropRate === 'number') out.server_error = raw.dropRate
  if (typeof raw.malformedRate === 'number') out.malformed = raw.malformedRate
  if (typeof raw.disconnectRate === 'number') out.disconnect = raw.disconnectRate
  if (typeof entry.truncateAfterChunks === 'number') {
    out.disconnect_after_chunks = entry.truncateAfterChunks
  }
  for (const key of [
    'disconnectAfterMs',
    'recordedTimings',
    'replaySpeed',
    'openRouterProcessing',
  ]) {
    if (entry[key] !== undefined) note(context, `${key} is not carried over`)
  }
  return Object.keys(out).length > 0 ? out : undefined
}

// Fixtures that differ only in `sequenceIndex` are one rule answering with a list, in order.
function sequenceKey(entry: Data): string | undefined {
  if (!isRecord(entry.match) || typeof entry.match.sequenceIndex !== 'number') return undefined
  const { sequenceIndex: _, ...rest } = entry.match
  return JSON.stringify(rest)
}

/**
 * The rules of one aimock fixture file, and what could not be carried over.
 *
 * @example convertAimock({ fixtures: [{ match: { userMessage: 'hi' }, response: { content: 'Hello' } }] }, 'greet.json')
 * // { rules: [{ type: 'llm', when: { messages_contains: 'hi' }, respond: { content: 'Hello' } }], notes: [] }
 */
export function convertAimock(file: unknown, source: string): Conversion {
  const notes: string[] = []
  if (!isRecord(file) || !Array.isArray(file.fixtures)) {
    return { rules: [], notes: [`${source}: not an aimock fixture file (no "fixtures" array)`] }
  }
  const rules: ConvertedRule[] = []
  const sequences = new Map<string, { rule: ConvertedRule; items: [number, Data][] }>()
  file.fixtures.forEach((entry: unknown, index: number) => {
    const context: Context = { where: `${source}: fixtures[${index}]`, notes }
    if (!isRecord(entry) || !isRecord(entry.match)) {
      note(context, 'not a fixture (no match object); skipped')
      return
    }
    const matched = when(entry.match, context)
    const answer = matched ? respond(entry, context) : undefined
    if (!matched || !answer) return
    const rule: ConvertedRule = {
      type: matched.type,
      ...(Object.keys(matched.when).length > 0 ? { when: matched.when } : {}),
      ...answer,
      ...optional('chaos', chaos(entry, context)),
    }
    const key = sequenceKey(entry)
    if (key === undefined) {
      rules.push(rule)
      return
    }
    const position = entry.match.sequenceIndex as number
    const existing = sequences.get(key)
    if (existing && answer.respond && existing.rule.respond) {
      existing.items.push([position, answer.respond])
      return
    }
    const items: [number, Data][] = answer.respond ? [[position, answer.respond]] : []
    sequences.set(key, { rule, items })
    rules.push(rule)
  })
  // A sequence's answers in sequenceIndex order.
  return {
    rules: rules.map((rule) => {
      const sequence = [...sequences.values()].find((entry) => entry.rule === rule)
      if (!sequence || sequence.items.length < 2) return rule
      const ordered = sequence.items.sort((a, b) => a[0] - b[0]).map(([, item]) => item)
      // aimock falls through to the next fixture once the sequence is used up: so does a
      // rule whose `times` is spent.
      return { ...rule, respond: ordered, times: ordered.length }
    }),
    notes,
  }
}

function optional(key: string, value: unknown): Data {
  return value === undefined ? {} : { [key]: value }
}
