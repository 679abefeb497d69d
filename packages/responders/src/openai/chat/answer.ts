/**
 * Builds the answer to a matched chat completions request: a `chat.completion` object, a
 * `chat.completion.chunk` stream, or the rule's error, as plain data.
 */
import type { ChoiceSpec, MatchResult, Rule, ToolCallSpec, UsageSpec } from '@mocktopus/scenario'
import { conversationLength } from '@mocktopus/scenario'
import { splitText } from '../../shared/chunking.js'
import { type Clock, unixSeconds } from '../../shared/clock.js'
import { createDigester, type Digester } from '../../shared/ids.js'
import {
  chatStructured,
  structuredAnswer,
  warningHeader,
} from '../../shared/json-schema/structured.js'
import type { StreamTiming } from '../../shared/paced-stream.js'
import { chatPromptTokens, countTokens } from '../../shared/tokenizer.js'
import { tokensOfLength } from '../../shared/tokens.js'
import type { WireError, WireJSON, WireStream, WireUsage } from '../../shared/wire.js'
import { openaiRuleError } from '../errors.js'
import { pacedOpenAIStream } from '../stream.js'
import type { ChatParams } from './request.js'
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionChunkDelta,
  ChatCompletionMessageToolCall,
  CompletionUsage,
} from './types.js'

/** The `system_fingerprint` every answer carries; fixed so bodies stay byte-identical. */
export const SYSTEM_FINGERPRINT = 'fp_mocktopus'

export interface AnswerChatOptions {
  readonly params: ChatParams
  readonly match: MatchResult
  readonly clock: Clock
  /** Stops a stream (and its chunk delays) when the client goes away. */
  readonly signal?: AbortSignal
  /** The stream's timing (`ttft_ms`, `tokens_per_second`, `jitter_ms`), when any is set. */
  readonly timing?: StreamTiming
}

export type ChatAnswer = WireJSON | WireError | WireStream<ChatCompletionChunk>

/** The 1-based use of the matched rule; ids derive from it so repeated requests differ. */
export function useCount(match: MatchResult): number {
  return match.use ?? 1
}

/**
 * Token counts as the API reports them. Whatever the rule leaves out is counted: with the
 * model's encoding when it is public and loaded (`shared/tokenizer.ts`: the prompt with the
 * chat format's per-message overhead and the tools offered, the completion from the content
 * plus each tool call's name and arguments), else estimated with `estimateTokens`; the
 * completion times the number of choices.
 */
export function chatUsage(
  params: Pick<ChatParams, 'messages' | 'n' | 'model' | 'body'>,
  completionText: string,
  spec: UsageSpec | undefined,
): CompletionUsage {
  return completionUsage(tokenCounts(params, completionText, spec))
}

interface TokenCounts {
  readonly prompt: number
  readonly completion: number
  readonly total: number
}

function tokenCounts(
  params: Pick<ChatParams, 'messages' | 'n' | 'model' | 'body'>,
  completionText: string,
  spec: UsageSpec | undefined,
): TokenCounts {
  const prompt = spec?.input_tokens ?? promptTokens(params)
  const completion = spec?.output_tokens ?? countTokens(params.model, completionText) * params.n
  return { prompt, completion, total: spec?.total_tokens ?? prompt + completion }
}

function promptTokens(params: Pick<ChatParams, 'messages' | 'model' | 'body'>): number {
  const tools = (params.body as { tools?: unknown }).tools
  const counted = chatPromptTokens(
    params.model,
    params.messages,
    Array.isArray(tools) ? tools : undefined,
  )
  return counted ?? tokensOfLength(conversationLength(params.messages))
}

function completionUsage({ prompt, completion, total }: TokenCounts): CompletionUsage {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: total,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  }
}

/**
 * The `x-request-id` header OpenAI sends on every answer (the SDK exposes it as
 * `_request_id`), derived from the same seed as the ids so it is stable too.
 */
export function requestIdHeader(seed: string | Digester): Record<string, string> {
  const ids = typeof seed === 'string' ? createDigester(seed) : seed
  return { 'x-request-id': ids.id('req_', 32) }
}

function withHeaders(error: WireError, headers: Record<string, string>): WireError {
  return { ...error, headers: { ...error.headers, ...headers } }
}

function toolCalls(
  specs: readonly ToolCallSpec[] | undefined,
  ids: Digester,
  salt = '',
): ChatCompletionMessageToolCall[] | undefined {
  if (!specs || specs.length === 0) return undefined
  return specs.map((spec, i) => ({
    id: spec.id ?? ids.id('call_', 24, `${salt}|tool|${i}`),
    type: 'function',
    function: { name: spec.function.name, arguments: spec.function.arguments ?? '{}' },
  }))
}

// The `choices` text of a rule's answer, by `n`: the same for every request the rule answers
// (unless tool call ids are made up per request), so it is serialised once.
const choicesTexts = new WeakMap<Rule, Map<number, string>>()

function choicesText(parts: CompletionParts, rule: Rule | undefined): string {
  if (!rule) return JSON.stringify(completionChoices(parts))
  let byN = choicesTexts.get(rule)
  if (!byN) {
    byN = new Map()
    choicesTexts.set(rule, byN)
  }
  let text = byN.get(parts.n)
  if (text === undefined) {
    text = JSON.stringify(completionChoices(parts))
    byN.set(parts.n, text)
  }
  return text
}

// A number as JSON writes it.
function num(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null'
}

// The usage details are zeros on every answer (the rule's usage sets only the three counts).
const ZERO_USAGE = completionUsage({ prompt: 0, completion: 0, total: 0 })
const USAGE_DETAILS_TEXT = `"prompt_tokens_details":${JSON.stringify(ZERO_USAGE.prompt_tokens_details)},"completion_tokens_details":${JSON.stringify(ZERO_USAGE.completion_tokens_details)}`

/** What a completion is made of; the body object and its text are both built from it. */
interface CompletionParts {
  readonly id: string
  readonly created: number
  readonly model: string
  readonly n: number
  readonly content: string | null
  readonly refusal: string | null
  readonly calls: ChatCompletionMessageToolCall[] | undefined
  readonly finishReason: ChatCompletion['choices'][number]['finish_reason']
  readonly counts: TokenCounts
  /** The rule's `choices` (`n` > 1), by index; a choice past them is the parts above. */
  readonly choices?: readonly ChoiceParts[]
}

/** What one choice says. */
type ChoiceParts = Pick<CompletionParts, 'content' | 'refusal' | 'calls' | 'finishReason'>

// A recorded choice of `respond.choices`, as the wire carries it.
function choiceParts(spec: ChoiceSpec, index: number, ids: Digester): ChoiceParts {
  const calls = toolCalls(spec.tool_calls, ids, `|choice|${index}`)
  return {
    content: spec.content === undefined ? (calls ? null : '') : spec.content,
    refusal: spec.refusal ?? null,
    calls,
    finishReason: (spec.finish_reason ??
      (calls ? 'tool_calls' : 'stop')) as ChoiceParts['finishReason'],
  }
}

function completionChoices(parts: CompletionParts): ChatCompletion['choices'] {
  return Array.from({ length: parts.n }, (_, i) => {
    const { content, calls, finishReason, refusal } = parts.choices?.[i] ?? parts
    return {
      index: i,
      message: {
        role: 'assistant',
        content,
        refusal,
        annotations: [],
        ...(calls ? { tool_calls: calls } : {}),
      },
      logprobs: null,
      finish_reason: finishReason,
    }
  })
}

function completionBody(parts: CompletionParts): ChatCompletion {
  return {
    id: parts.id,
    object: 'chat.completion',
    created: parts.created,
    model: parts.model,
    choices: completionChoices(parts),
    usage: completionUsage(parts.counts),
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
  }
}

/**
 * `JSON.stringify(completionBody(parts))`, written from pieces: the choices of `rule` are
 * serialised once per rule; what changes per request (id, time, model, usage) is written here.
 * A test checks the text equals `JSON.stringify(body)`.
 */
function completionJSON(parts: CompletionParts, rule: Rule | undefined): string {
  const { counts } = parts
  const usageText = `{"prompt_tokens":${num(counts.prompt)},"completion_tokens":${num(counts.completion)},"total_tokens":${num(counts.total)},${USAGE_DETAILS_TEXT}}`
  return `{"id":${JSON.stringify(parts.id)},"object":"chat.completion","created":${num(parts.created)},"model":${JSON.stringify(parts.model)},"choices":${choicesText(parts, rule)},"usage":${usageText},"service_tier":"default","system_fingerprint":${JSON.stringify(SYSTEM_FINGERPRINT)}}`
}

/**
 * A completion answer. The server sends `bodyText`; the `body` object, which the stub hands to
 * its caller, is built only when read, which in the server it never is.
 */
class CompletionAnswer implements WireJSON {
  readonly kind = 'json'
  readonly status = 200
  readonly headers: Readonly<Record<string, string>>
  readonly delayMs: number
  readonly usage: WireUsage
  readonly bodyText: string
  readonly warnings?: readonly string[]
  readonly #parts: CompletionParts
  #body: ChatCompletion | undefined

  constructor(
    parts: CompletionParts,
    rule: Rule | undefined,
    headers: Readonly<Record<string, string>>,
    delayMs: number,
    warnings: readonly string[] = [],
  ) {
    if (warnings.length > 0) this.warnings = warnings
    this.#parts = parts
    this.headers = headers
    this.delayMs = delayMs
    this.usage = { input_tokens: parts.counts.prompt, output_tokens: parts.counts.completion }
    this.bodyText = completionJSON(parts, rule)
  }

  get body(): ChatCompletion {
    this.#body ??= completionBody(this.#parts)
    return this.#body
  }
}

/**
 * Answers a matched chat completions request. An `error:` rule gives the error (JSON even for
 * `stream: true`); otherwise a completion, or a chunk stream when the request asks for one.
 *
 * @example
 * const answer = answerChat({ params, match, clock: systemClock })
 * if (answer.kind === 'stream') for await (const chunk of answer.chunks) console.log(chunk)
 */
export function answerChat(options: AnswerChatOptions): ChatAnswer {
  // The signal is read once a stream starts: on Node, asking for it builds an AbortController.
  const { params, match, clock } = options
  const { rule, index } = match
  // Every id of the answer from one pass over the request.
  const ids = createDigester(`${JSON.stringify(params.body)}|${index}|${useCount(match)}`)
  const headers = requestIdHeader(ids)
  if (rule.error) return withHeaders(openaiRuleError(rule.error), headers)

  // Structured outputs, generated tool arguments and refusals; seeded from the body alone, so
  // the same request gets the same JSON whatever the rule's use count.
  const structured = structuredAnswer(
    rule.respond ?? {},
    params.structured ?? chatStructured(params.body),
    () => JSON.stringify(params.body),
  )
  const { respond, refusal } = structured
  Object.assign(headers, warningHeader(structured.warnings))
  const id = respond.id ?? ids.id('chatcmpl-', 29)
  const calls = toolCalls(respond.tool_calls, ids)
  const content = respond.content === undefined ? (calls ? null : '') : respond.content
  // A tool forced by name ends with `stop` on the real API, not `tool_calls`.
  const finishReason =
    respond.finish_reason ?? (calls && !structured.forced ? 'tool_calls' : 'stop')
  let completionText = content ?? refusal ?? ''
  for (const call of calls ?? []) completionText += call.function.name + call.function.arguments
  const counts = tokenCounts(params, completionText, respond.usage)
  const created = unixSeconds(clock)
  const delayMs = respond.delay_ms ?? 0
  // Recorded `n` > 1 answers: each choice as it was.
  const choices = respond.choices?.map((spec, i) => choiceParts(spec, i, ids))

  if (!params.stream) {
    const parts: CompletionParts = {
      id,
      created,
      model: params.model,
      n: params.n,
      content,
      refusal: refusal ?? null,
      calls,
      finishReason,
      counts,
      ...(choices ? { choices } : {}),
    }
    // Tool call ids made up from the request differ per request; given ones do not. Nor does
    // what is generated from the request.
    const sameEveryTime =
      !structured.generated &&
      [respond, ...(respond.choices ?? [])].every((spec) =>
        (spec.tool_calls ?? []).every((call) => call.id !== undefined),
      )
    return new CompletionAnswer(
      parts,
      sameEveryTime ? rule : undefined,
      headers,
      delayMs,
      structured.warnings,
    )
  }

  const usage = completionUsage(counts)
  const wireUsage = { input_tokens: counts.prompt, output_tokens: counts.completion }
  const choiceDeltas = (
    text: string | null,
    declined: string | undefined,
    toolCalls: ChatCompletionMessageToolCall[] | undefined,
  ): ChatCompletionChunkDelta[] => {
    const deltas: ChatCompletionChunkDelta[] = [
      declined === undefined
        ? { role: 'assistant', content: text === null ? null : '', refusal: null }
        : { role: 'assistant', content: null, refusal: '' },
    ]
    for (const piece of splitText(text ?? '', respond.chunk_size)) deltas.push({ content: piece })
    for (const piece of splitText(declined ?? '', respond.chunk_size)) {
      deltas.push({ refusal: piece })
    }
    for (const [i, call] of (toolCalls ?? []).entries()) {
      deltas.push({
        tool_calls: [
          {
            index: i,
            id: call.id,
            type: 'function',
            function: { name: call.function.name, arguments: '' },
          },
        ],
      })
      for (const piece of splitText(call.function.arguments, respond.chunk_size)) {
        deltas.push({ tool_calls: [{ index: i, function: { arguments: piece } }] })
      }
    }
    return deltas
  }
  const deltas = choiceDeltas(content, refusal, calls)
  // Recorded choices stream their own deltas and finish reasons, side by side by index.
  const byChoice = choices?.map((choice) =>
    choiceDeltas(choice.content, choice.refusal ?? undefined, choice.calls),
  )
  // With include_usage the API sends `usage: null` on every chunk until the usage chunk.
  const chunk = (
    choices: ChatCompletionChunk['choices'],
    chunkUsage: CompletionUsage | null = null,
  ): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: params.model,
    service_tier: 'default',
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices,
    ...(params.include_usage ? { usage: chunkUsage } : {}),
  })

  // The chunks in order, built as they are sent.
  function* sequence(): Generator<ChatCompletionChunk> {
    if (byChoice) {
      yield* choiceSequence(byChoice)
      return
    }
    for (const delta of deltas) {
      for (let choice = 0; choice < params.n; choice++) {
        yield chunk([{ index: choice, delta, logprobs: null, finish_reason: null }])
      }
    }
    for (let choice = 0; choice < params.n; choice++) {
      yield chunk([{ index: choice, delta: {}, logprobs: null, finish_reason: finishReason }])
    }
    if (params.include_usage) yield chunk([], usage)
  }

  function* choiceSequence(
    lists: readonly ChatCompletionChunkDelta[][],
  ): Generator<ChatCompletionChunk> {
    const of = (choice: number) => lists[choice] ?? deltas
    const longest = Math.max(...Array.from({ length: params.n }, (_, c) => of(c).length))
    for (let step = 0; step < longest; step++) {
      for (let choice = 0; choice < params.n; choice++) {
        const delta = of(choice)[step]
        if (delta) yield chunk([{ index: choice, delta, logprobs: null, finish_reason: null }])
      }
    }
    for (let choice = 0; choice < params.n; choice++) {
      const finish = choices?.[choice]?.finishReason ?? finishReason
      yield chunk([{ index: choice, delta: {}, logprobs: null, finish_reason: finish }])
    }
    if (params.include_usage) yield chunk([], usage)
  }

  // The fields every chunk shares, stringified once per stream; a test checks the bytes match.
  const head = JSON.stringify({ ...chunk([]), choices: undefined, usage: undefined }).slice(0, -1)
  const encode = params.include_usage
    ? (c: ChatCompletionChunk) =>
        `${head},"choices":${JSON.stringify(c.choices)},"usage":${JSON.stringify(c.usage)}}`
    : (c: ChatCompletionChunk) => `${head},"choices":${JSON.stringify(c.choices)}}`
  const { chunks, frames } = pacedOpenAIStream(
    sequence,
    {
      chunkDelayMs: respond.chunk_delay_ms ?? 0,
      clock,
      signal: () => options.signal,
      ...(options.timing ? { timing: options.timing } : {}),
    },
    encode,
  )

  return {
    kind: 'stream',
    status: 200,
    headers,
    delayMs,
    chunks,
    frames,
    usage: wireUsage,
    ...(structured.warnings.length > 0 ? { warnings: structured.warnings } : {}),
  }
}
