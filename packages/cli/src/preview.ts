/**
 * What the server would do with one request, computed with the same functions it uses: the
 * responders' request parsing (so the matcher sees the same normalized request), the matcher's
 * verdicts, and the responders' answer. `explain` and `simulate` print from this.
 */

import {
  answerAnthropicMessage,
  answerChat,
  answerCompletion,
  answerEmbeddings,
  answerResponses,
  fixedClock,
  type ParseResult,
  parseAnthropicRequest,
  parseChatRequest,
  parseCompletionRequest,
  parseEmbeddingsRequest,
  parseResponsesRequest,
  type WireResult,
} from '@mocktopus/responders'
import type {
  ChatMessage,
  MatchRequest,
  MatchResult,
  RuleVerdict,
  Scenario,
} from '@mocktopus/scenario'
import { createMatcher, describeNoMatch } from '@mocktopus/scenario'
import { CommandError, UsageError } from './errors.js'

export interface PreviewOptions {
  /** API path, e.g. `/v1/chat/completions`. */
  readonly endpoint: string
  /** Model id; each endpoint has a default. */
  readonly model?: string
  /** The user message, when `messages` is not given. */
  readonly prompt?: string
  readonly messages?: readonly ChatMessage[]
  readonly stream?: boolean
}

export interface Preview {
  readonly endpoint: string
  /** The request body as a client would send it. */
  readonly body: Readonly<Record<string, unknown>>
  /** The request as the matcher sees it. */
  readonly request: MatchRequest
  readonly verdicts: readonly RuleVerdict[]
  /** The rule that answers; absent when none matches. */
  readonly result?: MatchResult
  /** Why no rule matched, as the server's 404 says it. */
  readonly noMatch?: string
  /** The server's answer (before the `x-mocktopus-rule` header it adds). */
  readonly answer?: WireResult
}

interface EndpointPreview {
  readonly defaultModel: string
  body(options: PreviewOptions, model: string): Record<string, unknown>
  parse(body: unknown): ParseResult<unknown>
  answer(params: unknown, match: MatchResult): WireResult
}

// `created` is now, as the server would send it; delays are skipped so previews are instant.
const clock = fixedClock(Math.floor(Date.now() / 1000), { instant: true })

function messagesOf(options: PreviewOptions): readonly ChatMessage[] {
  return options.messages ?? [{ role: 'user', content: options.prompt ?? '' }]
}

const ENDPOINTS: Readonly<Record<string, EndpointPreview>> = {
  '/v1/chat/completions': {
    defaultModel: 'gpt-4o-mini',
    body: (options, model) => ({
      model,
      messages: messagesOf(options),
      ...(options.stream ? { stream: true } : {}),
    }),
    parse: (body) => parseChatRequest(body),
    answer: (params, match) =>
      answerChat({ params: params as Parameters<typeof answerChat>[0]['params'], match, clock }),
  },
  '/v1/embeddings': {
    defaultModel: 'text-embedding-3-small',
    body: (options, model) => ({
      model,
      input: options.messages
        ? options.messages.map((m) => (typeof m.content === 'string' ? m.content : ''))
        : (options.prompt ?? ''),
      encoding_format: 'float',
    }),
    parse: (body) => parseEmbeddingsRequest(body),
    answer: (params, match) =>
      answerEmbeddings({
        params: params as Parameters<typeof answerEmbeddings>[0]['params'],
        match,
      }),
  },
  '/v1/responses': {
    defaultModel: 'gpt-4o-mini',
    body: (options, model) => ({
      model,
      input: options.messages ?? options.prompt ?? '',
      ...(options.stream ? { stream: true } : {}),
    }),
    parse: (body) => parseResponsesRequest(body),
    answer: (params, match) =>
      answerResponses({
        params: params as Parameters<typeof answerResponses>[0]['params'],
        match,
        clock,
      }),
  },
  '/v1/messages': {
    defaultModel: 'claude-sonnet-4-5',
    body: (options, model) => ({
      model,
      max_tokens: 1024,
      messages: (options.messages ?? messagesOf(options)).filter((m) => m.role !== 'system'),
      ...(options.messages?.some((m) => m.role === 'system')
        ? {
            system: options.messages
              .filter((m) => m.role === 'system')
              .map((m) => (typeof m.content === 'string' ? m.content : ''))
              .join('\n'),
          }
        : {}),
      ...(options.stream ? { stream: true } : {}),
    }),
    parse: (body) => parseAnthropicRequest(body),
    answer: (params, match) =>
      answerAnthropicMessage({
        params: params as Parameters<typeof answerAnthropicMessage>[0]['params'],
        match,
        clock,
      }),
  },
  '/v1/completions': {
    defaultModel: 'gpt-3.5-turbo-instruct',
    body: (options, model) => ({
      model,
      prompt: options.prompt ?? (options.messages ?? []).map((m) => m.content).join('\n'),
      ...(options.stream ? { stream: true } : {}),
    }),
    parse: (body) => parseCompletionRequest(body),
    answer: (params, match) =>
      answerCompletion({
        params: params as Parameters<typeof answerCompletion>[0]['params'],
        match,
        clock,
      }),
  },
}

/** The API paths `explain` can show an answer for. */
export const PREVIEW_ENDPOINTS: readonly string[] = Object.keys(ENDPOINTS)

/**
 * Matches one request against `scenario` as the server would, and builds the answer.
 *
 * @example previewRequest(scenario, { endpoint: '/v1/chat/completions', prompt: 'hello' })
 */
export function previewRequest(scenario: Scenario, options: PreviewOptions): Preview {
  const api = ENDPOINTS[options.endpoint]
  if (!api) {
    throw new UsageError(
      `--endpoint ${options.endpoint} is not one explain can preview; use one of ${PREVIEW_ENDPOINTS.join(', ')}`,
    )
  }
  const body = api.body(options, options.model ?? api.defaultModel)
  const parsed = api.parse(body)
  if (!parsed.ok) {
    const message = (parsed.error.body as { error?: { message?: string } }).error?.message
    throw new CommandError(
      `the server would reject this request with ${parsed.error.status}: ${message ?? 'invalid request'}`,
    )
  }
  const matcher = createMatcher(scenario)
  const verdicts = matcher.explain(parsed.match)
  const result = matcher.match(parsed.match)
  if (!result) {
    return {
      endpoint: options.endpoint,
      body,
      request: parsed.match,
      verdicts,
      noMatch: describeNoMatch(verdicts, scenario),
    }
  }
  return {
    endpoint: options.endpoint,
    body,
    request: parsed.match,
    verdicts,
    result,
    answer: api.answer(parsed.params, result),
  }
}
