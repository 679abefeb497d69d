/**
 * Validates and normalizes a legacy `POST /v1/completions` body. The prompt becomes one user
 * message, so chat rules (`messages_contains`, `messages_regex`) match it unchanged.
 */
import { type ChatMessage, ENDPOINTS } from '@mocktopus/scenario'
import {
  checkBoolean,
  checkInteger,
  checkModel,
  invalidType,
  isRecord,
  missing,
  notAnObject,
} from '../../internal/request-checks.js'
import type { ParseResult, WireError } from '../../shared/wire.js'

/** The API path of legacy completions, relative to the API root. */
export const COMPLETIONS_PATH: typeof ENDPOINTS.completions = ENDPOINTS.completions

export interface CompletionParams {
  readonly model: string
  /** Each prompt as text; token arrays become their numbers joined by spaces. */
  readonly prompts: readonly string[]
  readonly stream: boolean
  /** `stream_options.include_usage`: send a usage chunk before `[DONE]`. */
  readonly include_usage: boolean
  /** Completions per prompt. */
  readonly n: number
  /** Prepend the prompt to each completion's text. */
  readonly echo: boolean
  /** The body as sent; ids derive from it. */
  readonly body: Readonly<Record<string, unknown>>
}

export interface ParseCompletionOptions {
  /** The path to report to the matcher; defaults to {@link COMPLETIONS_PATH}. */
  readonly endpoint?: string
}

const PROMPT_TYPES = 'one of a string, an array of strings, or an array of integer arrays'

const isTokens = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length > 0 && value.every((t) => Number.isInteger(t))

function promptTexts(prompt: unknown): string[] | WireError {
  if (prompt === undefined || prompt === null) return missing('prompt')
  if (typeof prompt === 'string') return [prompt]
  if (isTokens(prompt)) return [prompt.join(' ')]
  if (Array.isArray(prompt) && prompt.length > 0) {
    if (prompt.every((p) => typeof p === 'string')) return prompt as string[]
    if (prompt.every(isTokens)) return prompt.map((tokens) => tokens.join(' '))
  }
  return invalidType('prompt', PROMPT_TYPES, prompt)
}

function checkStreamOptions(value: unknown): WireError | undefined {
  if (value === undefined || value === null) return undefined
  if (!isRecord(value)) return invalidType('stream_options', 'an object', value)
  const error = checkBoolean(value, 'include_usage')
  return error && invalidType('stream_options.include_usage', 'a boolean', value.include_usage)
}

/**
 * Checks a legacy completions body the way the API does and normalizes it.
 *
 * @example
 * const parsed = parseCompletionRequest({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi' })
 * if (parsed.ok) parsed.match.messages // [{ role: 'user', content: 'Say hi' }]
 */
export function parseCompletionRequest(
  body: unknown,
  options: ParseCompletionOptions = {},
): ParseResult<CompletionParams> {
  if (!isRecord(body)) return { ok: false, error: notAnObject(body) }
  const error =
    checkModel(body) ??
    checkBoolean(body, 'stream') ??
    checkBoolean(body, 'echo') ??
    checkInteger(body, 'n', 1, 128) ??
    checkStreamOptions(body.stream_options)
  if (error) return { ok: false, error }
  const prompts = promptTexts(body.prompt)
  if (!Array.isArray(prompts)) return { ok: false, error: prompts }

  const model = body.model as string
  const streamOptions = body.stream_options as { include_usage?: unknown } | null | undefined
  const messages: ChatMessage[] = [{ role: 'user', content: prompts.join('\n') }]
  return {
    ok: true,
    params: {
      model,
      prompts,
      stream: body.stream === true,
      include_usage: streamOptions?.include_usage === true,
      n: typeof body.n === 'number' ? body.n : 1,
      echo: body.echo === true,
      body,
    },
    match: { endpoint: options.endpoint ?? COMPLETIONS_PATH, model, messages },
  }
}
