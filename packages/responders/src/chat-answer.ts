/**
 * Builds the answer to a matched chat completions request: a `chat.completion` object, a
 * `chat.completion.chunk` stream, or the rule's error, as plain data.
 */
import type { MatchResult, Rule, ToolCallSpec, UsageSpec } from '@mocktopus/scenario'
import { conversationText } from '@mocktopus/scenario'
import type { ChatParams } from './chat-request.js'
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionChunkDelta,
  ChatCompletionMessageToolCall,
  CompletionUsage,
} from './chat-types.js'
import { splitText } from './chunking.js'
import { type Clock, unixSeconds } from './clock.js'
import { deterministicId } from './ids.js'
import { openaiRuleError } from './openai-errors.js'
import { openaiFrames, replayable } from './openai-stream.js'
import { estimateTokens } from './tokens.js'
import type { WireError, WireJSON, WireStream } from './wire.js'

/** The `system_fingerprint` every answer carries; fixed so bodies stay byte-identical. */
export const SYSTEM_FINGERPRINT = 'fp_mocktopus'

export interface AnswerChatOptions {
  readonly params: ChatParams
  readonly match: MatchResult
  readonly clock: Clock
  /** Stops a stream (and its chunk delays) when the client goes away. */
  readonly signal?: AbortSignal
}

export type ChatAnswer = WireJSON | WireError | WireStream<ChatCompletionChunk>

/** The 1-based use of the matched rule; ids derive from it so repeated requests differ. */
export function useCount(match: MatchResult): number {
  return match.use ?? 1
}

/**
 * Token counts as the API reports them. Whatever the rule leaves out is estimated with
 * `estimateTokens`: the prompt from every message's text joined by a space, the completion
 * from the content plus each tool call's name and arguments, times the number of choices.
 */
export function chatUsage(
  params: Pick<ChatParams, 'messages' | 'n'>,
  completionText: string,
  spec: UsageSpec | undefined,
): CompletionUsage {
  const prompt = spec?.input_tokens ?? estimateTokens(conversationText(params.messages))
  const completion = spec?.output_tokens ?? estimateTokens(completionText) * params.n
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: spec?.total_tokens ?? prompt + completion,
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
export function requestIdHeader(seed: string): Record<string, string> {
  return { 'x-request-id': deterministicId('req_', seed, 32) }
}

function withHeaders(error: WireError, headers: Record<string, string>): WireError {
  return { ...error, headers: { ...error.headers, ...headers } }
}

function toolCalls(
  specs: readonly ToolCallSpec[] | undefined,
  seed: string,
): ChatCompletionMessageToolCall[] | undefined {
  if (!specs || specs.length === 0) return undefined
  return specs.map((spec, i) => ({
    id: spec.id ?? deterministicId('call_', `${seed}|tool|${i}`),
    type: 'function',
    function: { name: spec.function.name, arguments: spec.function.arguments },
  }))
}

// The `choices` text of a rule's answer, by `n`: the same for every request the rule answers
// (unless tool call ids are made up per request), so it is serialised once.
const choicesTexts = new WeakMap<Rule, Map<number, string>>()

function choicesText(choices: ChatCompletion['choices'], rule: Rule | undefined): string {
  if (!rule) return JSON.stringify(choices)
  let byN = choicesTexts.get(rule)
  if (!byN) {
    byN = new Map()
    choicesTexts.set(rule, byN)
  }
  let text = byN.get(choices.length)
  if (text === undefined) {
    text = JSON.stringify(choices)
    byN.set(choices.length, text)
  }
  return text
}

// A number as JSON writes it.
function num(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null'
}

/**
 * `JSON.stringify(body)`, written from pieces: the choices of `rule` are serialised once per
 * rule; what changes per request (id, time, model, usage) is written here. Serialising the
 * whole completion was about a tenth of a chat request's time in the server. A test checks
 * the text equals `JSON.stringify(body)`.
 */
function completionJSON(body: ChatCompletion, rule: Rule | undefined): string {
  const { usage } = body
  const usageText = `{"prompt_tokens":${num(usage.prompt_tokens)},"completion_tokens":${num(usage.completion_tokens)},"total_tokens":${num(usage.total_tokens)},"prompt_tokens_details":${JSON.stringify(usage.prompt_tokens_details)},"completion_tokens_details":${JSON.stringify(usage.completion_tokens_details)}}`
  return `{"id":${JSON.stringify(body.id)},"object":"chat.completion","created":${num(body.created)},"model":${JSON.stringify(body.model)},"choices":${choicesText(body.choices, rule)},"usage":${usageText},"service_tier":${JSON.stringify(body.service_tier)},"system_fingerprint":${JSON.stringify(body.system_fingerprint)}}`
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
  const seed = `${JSON.stringify(params.body)}|${index}|${useCount(match)}`
  const headers = requestIdHeader(seed)
  if (rule.error) return withHeaders(openaiRuleError(rule.error), headers)

  const respond = rule.respond ?? {}
  const calls = toolCalls(respond.tool_calls, seed)
  const content = respond.content === undefined ? (calls ? null : '') : respond.content
  const finishReason = respond.finish_reason ?? (calls ? 'tool_calls' : 'stop')
  const completionText =
    (content ?? '') + (calls ?? []).map((c) => c.function.name + c.function.arguments).join('')
  const usage = chatUsage(params, completionText, respond.usage)
  const id = respond.id ?? deterministicId('chatcmpl-', seed, 29)
  const created = unixSeconds(clock)
  const wireUsage = { input_tokens: usage.prompt_tokens, output_tokens: usage.completion_tokens }
  const delayMs = respond.delay_ms ?? 0

  if (!params.stream) {
    const choices: ChatCompletion['choices'] = Array.from({ length: params.n }, (_, i) => ({
      index: i,
      message: {
        role: 'assistant',
        content,
        refusal: null,
        annotations: [],
        ...(calls ? { tool_calls: calls } : {}),
      },
      logprobs: null,
      finish_reason: finishReason,
    }))
    const body: ChatCompletion = {
      id,
      object: 'chat.completion',
      created,
      model: params.model,
      choices,
      usage,
      service_tier: 'default',
      system_fingerprint: SYSTEM_FINGERPRINT,
    }
    // Tool call ids made up from the request differ per request; given ones do not.
    const sameEveryTime = (respond.tool_calls ?? []).every((spec) => spec.id !== undefined)
    const bodyText = completionJSON(body, sameEveryTime ? rule : undefined)
    return { kind: 'json', status: 200, headers, body, bodyText, delayMs, usage: wireUsage }
  }

  const deltas: ChatCompletionChunkDelta[] = [
    { role: 'assistant', content: content === null ? null : '', refusal: null },
  ]
  for (const piece of splitText(content ?? '', respond.chunk_size)) deltas.push({ content: piece })
  for (const [i, call] of (calls ?? []).entries()) {
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
  const chunkDelay = respond.chunk_delay_ms ?? 0
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

  const chunks = replayable(async function* (): AsyncGenerator<ChatCompletionChunk> {
    const { signal } = options
    let first = true
    const pause = async () => {
      if (!first && chunkDelay > 0) await clock.sleep(chunkDelay, signal)
      first = false
      return signal?.aborted !== true
    }
    for (const delta of deltas) {
      for (let choice = 0; choice < params.n; choice++) {
        if (!(await pause())) return
        yield chunk([{ index: choice, delta, logprobs: null, finish_reason: null }])
      }
    }
    for (let choice = 0; choice < params.n; choice++) {
      if (!(await pause())) return
      yield chunk([{ index: choice, delta: {}, logprobs: null, finish_reason: finishReason }])
    }
    if (params.include_usage) {
      if (!(await pause())) return
      yield chunk([], usage)
    }
  })

  return {
    kind: 'stream',
    status: 200,
    headers,
    delayMs,
    chunks,
    frames: openaiFrames(chunks),
    usage: wireUsage,
  }
}
