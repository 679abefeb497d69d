/**
 * What a recording keeps so that `mocktopus drift` can send its request again: `when` already
 * gives the endpoint, the model and the conversation's text; `recorded.request` holds the rest
 * of the body as it was sent (`stream`, `max_tokens`, tools, ...), and the conversation too when
 * `when` cannot rebuild it exactly (tool calls, images, content blocks). Together with the
 * answer's shape (`shape.ts`) this is the rule's `recorded` field, which matching ignores.
 */
import { ENDPOINTS } from '@mocktopus/scenario'
import { answerShape } from './shape.js'
import type { RecordedWhen } from './to-rule.js'

type Data = Record<string, unknown>

/** The rule's `recorded` field, as the scenario schema accepts it. */
export interface RecordedFacts {
  /** Body fields that `when` does not give, as sent (credentials blanked). */
  readonly request?: Readonly<Data>
  /** The query string sent, without a `key=`, e.g. `alt=sse`. */
  readonly query?: string
  /** The answer's shape (`shape.ts`). */
  readonly shape?: string
}

/** The request as the client sent it, kept to rebuild it. */
export interface SentRequest {
  /** The parsed JSON body. */
  readonly body: unknown
  /** The query string (`?alt=sse`), if any. */
  readonly query?: string
}

export interface RecordedFactsInput {
  readonly when: RecordedWhen
  readonly status: number
  /** The upstream's JSON body (for a stream: rebuilt from its events; `shape` then says more). */
  readonly body: unknown
  readonly sent?: SentRequest
  /** A stream's shape, from its events; else the shape of `body`. */
  readonly shape?: string
  readonly secrets?: readonly string[]
}

/** A request rebuilt from a recording, ready to send to the upstream. */
export interface RebuiltRequest {
  /** The path relative to the API root, parameters filled in (`/v1beta/models/m:generateContent`). */
  readonly path: string
  /** `''` or `?alt=sse`. */
  readonly search: string
  readonly body: Data
}

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The model a recorded glob matches only (the inverse of `literalGlob`).
 *
 * @example unescapeGlob('my-model\\[v2\\]') // 'my-model[v2]'
 */
export function unescapeGlob(glob: string): string {
  return glob.replace(/\\(.)/g, '$1')
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isRecord(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function blank<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') {
    let out: string = value
    for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[REDACTED]')
    return out as T
  }
  if (Array.isArray(value)) return value.map((item) => blank(item, secrets)) as T
  if (isRecord(value)) {
    const out: Data = {}
    for (const [key, item] of Object.entries(value)) out[key] = blank(item, secrets)
    return out as T
  }
  return value
}

type Conversation = NonNullable<RecordedWhen['conversation']>

const isSystem = (message: { role: string }) =>
  message.role === 'system' || message.role === 'developer'

function systemText(conversation: Conversation): string | undefined {
  const system = conversation.filter(isSystem)
  return system.length === 0 ? undefined : system.map((message) => message.content).join('\n')
}

function plainMessages(conversation: Conversation): Data[] {
  return conversation.map(({ role, content }) => ({ role, content }))
}

// The body fields each kind of endpoint draws from `when`: the best guess at the client's own
// body. Where the guess is wrong, the recorder keeps the client's field in `recorded.request`.
function conversationFields(when: RecordedWhen): Data {
  const { endpoint } = when
  if (when.input) {
    const input = when.input.length === 1 ? when.input[0] : [...when.input]
    if (endpoint === ENDPOINTS.ollamaEmbeddings) return { prompt: input }
    if (endpoint.includes(':embedContent')) return { content: { parts: [{ text: input }] } }
    return { input }
  }
  const conversation = when.conversation ?? []
  const rest = conversation.filter((message) => !isSystem(message))
  const system = systemText(conversation)
  if (endpoint.endsWith('/messages')) {
    return { ...(system === undefined ? {} : { system }), messages: plainMessages(rest) }
  }
  if (endpoint.endsWith('/responses')) {
    const only = rest.length === 1 && rest[0]?.role === 'user' ? rest[0].content : undefined
    return {
      ...(system === undefined ? {} : { instructions: system }),
      input: only ?? plainMessages(rest),
    }
  }
  if (endpoint.endsWith('/completions') && !endpoint.endsWith('/chat/completions')) {
    return { prompt: rest.map((message) => message.content).join('\n') }
  }
  if (endpoint === ENDPOINTS.ollamaGenerate) {
    return {
      ...(system === undefined ? {} : { system }),
      prompt: rest.map((message) => message.content).join('\n'),
    }
  }
  if (endpoint.includes(':generateContent') || endpoint.includes(':streamGenerateContent')) {
    return {
      ...(system === undefined ? {} : { systemInstruction: { parts: [{ text: system }] } }),
      contents: rest.map((message) => ({
        role: message.role === 'assistant' ? 'model' : message.role,
        parts: [{ text: message.content }],
      })),
    }
  }
  return { messages: plainMessages(conversation) }
}

// Gemini names the model in the path; Azure's deployment routes name the deployment there.
function modelInPath(endpoint: string): boolean {
  return endpoint.includes(':model') || endpoint.includes(':deployment')
}

function rebuiltBody(when: RecordedWhen): Data {
  const model =
    when.model === undefined || modelInPath(when.endpoint)
      ? {}
      : { model: unescapeGlob(when.model) }
  return { ...model, ...conversationFields(when) }
}

/**
 * The `recorded` field of a successful recording: the body fields `when` does not rebuild, the
 * query, and the answer's shape. An error answer keeps none (drift checks answers, not
 * refusals), nor an exchange given without the request as sent.
 *
 * @example recordedFacts({ when, status: 200, body: completion, sent: { body: { model: 'm', messages, stream: true } } })
 * // { recorded: { request: { stream: true }, shape: 'choices[].finish_reason:"stop" ...' } }
 */
export function recordedFacts(input: RecordedFactsInput): { recorded?: RecordedFacts } {
  // Without the request as sent there is nothing to send again (a cassette, a test's rule).
  if (input.status >= 400 || (input.sent === undefined && input.shape === undefined)) return {}
  const secrets = input.secrets ?? []
  const shape = input.shape ?? answerShape(input.body)
  const rebuilt = rebuiltBody(input.when)
  const request: Data = {}
  if (isRecord(input.sent?.body)) {
    for (const [key, value] of Object.entries(input.sent.body)) {
      if (key in rebuilt && canonical(rebuilt[key]) === canonical(value)) continue
      request[key] = blank(value, secrets)
    }
  }
  const query = queryWithoutKey(input.sent?.query)
  return {
    recorded: {
      ...(Object.keys(request).length > 0 ? { request } : {}),
      ...(query === '' ? {} : { query }),
      ...(shape === '' ? {} : { shape }),
    },
  }
}

function queryWithoutKey(query: string | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams(query)
  params.delete('key')
  return params.toString()
}

/**
 * The request a recording stands for, to send again: the path with its parameters filled in,
 * the body rebuilt from `when` with `recorded.request` over it.
 *
 * @example rebuildRequest({ when: { endpoint: ENDPOINTS.chatCompletions, model: 'm', conversation: [{ role: 'user', content: 'Hi' }] } })
 * // { path: ENDPOINTS.chatCompletions, search: '', body: { model: 'm', messages: [{ role: 'user', content: 'Hi' }] } }
 */
export function rebuildRequest(rule: {
  readonly when: RecordedWhen
  readonly recorded?: RecordedFacts
}): RebuiltRequest {
  const { when } = rule
  const model = when.model === undefined ? '' : unescapeGlob(when.model)
  const path = when.endpoint
    .replace(':model', encodeURIComponent(model))
    .replace(':deployment', encodeURIComponent(model))
  const query = rule.recorded?.query ?? ''
  return {
    path,
    search: query === '' ? '' : `?${query}`,
    body: { ...rebuiltBody(when), ...(rule.recorded?.request ?? {}) },
  }
}
