/**
 * What the server would do with one request, computed with the same functions it uses: the
 * responders' request parsing (so the matcher sees the same normalized request), the matcher's
 * verdicts, and the responders' answer. `explain` and `simulate` print from this.
 */

import {
  beginExchange,
  createEngineState,
  createRouter,
  fixedClock,
  RULE_ENDPOINTS,
  type RuleEndpoint,
  runEngine,
  type WireResult,
} from '@mocktopus/responders'
import type {
  ChatMessage,
  MatchRequest,
  MatchResult,
  RuleVerdict,
  Scenario,
} from '@mocktopus/scenario'
import { createMatcher } from '@mocktopus/scenario'
import { CommandError, UsageError } from './errors.js'

export interface PreviewOptions {
  /** API path, e.g. `/v1/chat/completions`. */
  readonly endpoint: string
  /** Model id; each endpoint has a default. */
  readonly model?: string
  /** The user message, when `messages` is not given. */
  readonly prompt?: string
  readonly messages?: readonly ChatMessage[]
  /**
   * A whole request body as the client sends it (tools, tool results, `response_format`, any
   * provider's shape), instead of `prompt` or `messages`; `model` and `stream` still apply.
   */
  readonly body?: Readonly<Record<string, unknown>>
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

// `created` is now, as the server would send it; delays are skipped so previews are instant.
const clock = fixedClock(Math.floor(Date.now() / 1000), { instant: true })

const ENDPOINTS: ReadonlyMap<string, RuleEndpoint<unknown>> = new Map(
  RULE_ENDPOINTS.map((row) => [row.path, row]),
)

function errorMessage(wire: WireResult): string | undefined {
  const body = wire.kind === 'stream' ? undefined : wire.body
  const error = (body as { error?: unknown } | undefined)?.error
  // Ollama's envelope is `{ error: "message" }`, the others' `{ error: { message } }`.
  return typeof error === 'string' ? error : (error as { message?: string } | undefined)?.message
}

/** The API paths `explain` can show an answer for. */
export const PREVIEW_ENDPOINTS: readonly string[] = [...ENDPOINTS.keys()]

/**
 * Matches one request against `scenario` as the server would, through the same engine, and
 * builds the answer.
 *
 * @example previewRequest(scenario, { endpoint: CHAT_COMPLETIONS.path, prompt: 'hello' })
 */
export function previewRequest(scenario: Scenario, options: PreviewOptions): Preview {
  const api = ENDPOINTS.get(options.endpoint)
  if (!api) {
    throw new UsageError(
      `--endpoint ${options.endpoint} is not one explain can preview; use one of ${PREVIEW_ENDPOINTS.join(', ')}`,
    )
  }
  const given = options.body
  const bodyModel = typeof given?.model === 'string' ? given.model : undefined
  const model = options.model ?? bodyModel ?? api.preview.defaultModel
  const body = given
    ? {
        ...given,
        ...(options.model === undefined || bodyModel === undefined ? {} : { model }),
        ...(options.stream ? { stream: true } : {}),
      }
    : api.preview.body(options, model)
  // A path that names the model (Gemini's `/v1beta/models/:model:generateContent`) gets it.
  const path = api.path.replace(':model', encodeURIComponent(model))
  const route = createRouter().find(api.method, path, { header: () => undefined }) ?? {
    endpoint: api,
    params: {},
  }
  const engine = {
    matcher: createMatcher(scenario),
    clock,
    state: createEngineState(),
    bodyLimit: Number.POSITIVE_INFINITY,
  }
  const result = runEngine(engine, {
    route,
    exchange: beginExchange(api.method, path, path, clock.now()),
    query: '',
    body: { ok: true, text: JSON.stringify(body) },
    signal: new AbortController().signal,
    explain: true,
  })
  // Rule endpoints answer at once and never forward without recording hooks.
  if (result instanceof Promise || result.kind !== 'answer') {
    throw new CommandError(`the server would not answer ${options.endpoint} at once`)
  }
  const { wire, request, verdicts = [], match } = result
  if (!request) {
    const message = errorMessage(wire)
    throw new CommandError(
      `the server would reject this request with ${wire.status}: ${message ?? 'invalid request'}`,
    )
  }
  if (!match) {
    const message = errorMessage(wire)
    return { endpoint: options.endpoint, body, request, verdicts, noMatch: message ?? '' }
  }
  return { endpoint: options.endpoint, body, request, verdicts, result: match, answer: wire }
}
