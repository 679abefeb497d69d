/**
 * Builds the answer to a matched legacy completions request: a `text_completion` body, its
 * chunk stream (ended by `data: [DONE]`), or the rule's error, as plain data.
 */
import type { MatchResult } from '@mocktopus/scenario'
import { splitText } from '../../shared/chunking.js'
import { type Clock, unixSeconds } from '../../shared/clock.js'
import { deterministicId } from '../../shared/ids.js'
import type { StreamTiming } from '../../shared/paced-stream.js'
import { countsExactly, countTokens } from '../../shared/tokenizer.js'
import { estimateTokens } from '../../shared/tokens.js'
import type { WireError, WireJSON, WireStream } from '../../shared/wire.js'
import { requestIdHeader } from '../chat/answer.js'
import { openaiRuleError } from '../errors.js'
import { pacedOpenAIStream } from '../stream.js'
import type { CompletionParams } from './request.js'
import type { Completion, CompletionChoice, CompletionUsageCounts } from './types.js'

export interface AnswerCompletionOptions {
  readonly params: CompletionParams
  readonly match: MatchResult
  readonly clock: Clock
  /** Stops a stream (and its chunk delays) when the client goes away. */
  readonly signal?: AbortSignal
  /** The stream's timing (`ttft_ms`, `tokens_per_second`, `jitter_ms`), when any is set. */
  readonly timing?: StreamTiming
}

export type CompletionAnswer = WireJSON | WireError | WireStream<Completion>

type FinishReason = NonNullable<CompletionChoice['finish_reason']>

// The legacy API has no tool calls; any other finish reason a rule names reads as `stop`.
function finishReason(given: string | undefined): FinishReason {
  return given === 'length' || given === 'content_filter' ? given : 'stop'
}

// The SDKs read `x-request-id` from errors too (`error.requestID`), so error rules carry it.
function withHeaders(error: WireError, headers: Record<string, string>): WireError {
  return { ...error, headers: { ...error.headers, ...headers } }
}

/**
 * Answers a matched `POST /v1/completions`. Every prompt gets `n` choices with the rule's
 * content, or each its own from `respond.choices` (as record mode writes them), after the
 * prompt when `echo` is set; an `error:` rule gives the error as JSON.
 *
 * @example
 * const answer = answerCompletion({ params, match, clock: systemClock })
 * if (answer.kind === 'json') answer.body // { object: 'text_completion', choices: [...] }
 */
export function answerCompletion(options: AnswerCompletionOptions): CompletionAnswer {
  // The signal is read once a stream starts: on Node, asking for it builds an AbortController.
  const { params, match, clock } = options
  const { rule, index } = match
  const seed = `${JSON.stringify(params.body)}|${index}|${match.use}`
  const headers = requestIdHeader(seed)
  if (rule.error) return withHeaders(openaiRuleError(rule.error), headers)

  const respond = rule.respond ?? {}
  const id = respond.id ?? deterministicId('cmpl-', seed, 29)
  const created = unixSeconds(clock)
  // Choice i (prompt i / n) is `respond.choices[i]` when recorded, else the answer itself.
  const answers = params.prompts.flatMap((prompt, p) =>
    Array.from({ length: params.n }, (_, j) => {
      const spec = respond.choices?.[p * params.n + j] ?? respond
      const content = spec.content ?? ''
      return {
        content,
        text: params.echo ? prompt + content : content,
        finish: finishReason(spec.finish_reason ?? respond.finish_reason),
      }
    }),
  )
  const given = respond.usage ?? {}
  // Each prompt is counted on its own with the model's encoding; unknown models estimate.
  const prompt_tokens =
    given.input_tokens ??
    (countsExactly(params.model)
      ? params.prompts.reduce((sum, prompt) => sum + countTokens(params.model, prompt), 0)
      : estimateTokens(params.prompts.join('\n')))
  const completion_tokens =
    given.output_tokens ??
    answers.reduce((sum, answer) => sum + countTokens(params.model, answer.content), 0)
  const usage: CompletionUsageCounts = {
    prompt_tokens,
    completion_tokens,
    total_tokens: given.total_tokens ?? prompt_tokens + completion_tokens,
  }
  const wireUsage = { input_tokens: prompt_tokens, output_tokens: completion_tokens }
  const delayMs = respond.delay_ms ?? 0
  const completion = (choices: readonly CompletionChoice[], extra: Partial<Completion> = {}) =>
    ({ id, object: 'text_completion', created, model: params.model, choices, ...extra }) as const

  if (!params.stream) {
    const choices = answers.map((answer, i) => ({
      text: answer.text,
      index: i,
      logprobs: null,
      finish_reason: answer.finish,
    }))
    const body: Completion = completion(choices, { usage })
    return { kind: 'json', status: 200, headers, body, delayMs, usage: wireUsage }
  }

  // With include_usage the API sends `usage: null` on every chunk until the usage chunk.
  const usageField = params.include_usage ? { usage: null } : {}
  function* sequence(): Generator<Completion> {
    for (const [i, answer] of answers.entries()) {
      for (const piece of splitText(answer.text, respond.chunk_size)) {
        yield completion(
          [{ text: piece, index: i, logprobs: null, finish_reason: null }],
          usageField,
        )
      }
      const end = { text: '', index: i, logprobs: null, finish_reason: answer.finish }
      yield completion([end], usageField)
    }
    if (params.include_usage) yield completion([], { usage })
  }
  const { chunks, frames } = pacedOpenAIStream(sequence, {
    chunkDelayMs: respond.chunk_delay_ms ?? 0,
    clock,
    signal: () => options.signal,
    ...(options.timing ? { timing: options.timing } : {}),
  })
  return {
    kind: 'stream',
    status: 200,
    headers,
    delayMs,
    chunks,
    frames,
    usage: wireUsage,
  }
}
