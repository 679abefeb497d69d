/**
 * `@anthropic-ai/sdk`'s structured-output parsing (`lib/parser.ts`) over the stub's messages:
 * `parsed_output` on the message and (not enumerable) on each text block, from
 * `output_config.format` — through its `parse` function when built by `zodOutputFormat`,
 * else `JSON.parse` for a `json_schema` format.
 */
import { AnthropicError } from './anthropic-errors.js'
import type { StubMessage } from './anthropic-types.js'

/** What `parsed_output` holds for these params: the zod type, or `unknown` without one. */
export type ParsedOutputOf<P> = P extends {
  readonly output_config?: { readonly format?: infer F } | null
}
  ? F extends { parse(content: string): infer T }
    ? T
    : unknown
  : unknown

/** A message with the SDK's `parsed_output` (`ParsedMessage<T>`). */
export type ParsedMessage<T> = StubMessage & { readonly parsed_output: T | null }

interface OutputParams {
  readonly output_config?: { readonly format?: unknown } | null
}

const formatOf = (params: OutputParams | null) =>
  params?.output_config?.format as
    | { readonly type?: unknown; parse?: (content: string) => unknown }
    | null
    | undefined

function parseOutput(params: OutputParams, content: string): unknown {
  const format = formatOf(params)
  if (format?.type !== 'json_schema') return null
  try {
    return 'parse' in format && typeof format.parse === 'function'
      ? format.parse(content)
      : JSON.parse(content)
  } catch (error) {
    throw new AnthropicError(`Failed to parse structured output: ${error}`)
  }
}

function withParsed<T extends object>(block: T, parsed: unknown): T {
  return Object.defineProperty({ ...block }, 'parsed_output', { value: parsed, enumerable: false })
}

/**
 * The message as `messages.parse` gives it: `parsed_output` from the first text block.
 *
 * @example parseAnthropicMessage(message, params).parsed_output
 */
export function parseAnthropicMessage<T>(
  message: StubMessage,
  params: OutputParams,
): ParsedMessage<T> {
  let first: unknown = null
  const content = message.content.map((block) => {
    if (block.type !== 'text') return block
    const parsed = parseOutput(params, block.text)
    if (first === null) first = parsed
    return withParsed(block, parsed)
  })
  return { ...message, content, parsed_output: first as T | null }
}

/**
 * The message as `messages.stream()` ends with it: parsed when the format has a `parse`
 * function (`zodOutputFormat`), else `parsed_output: null` everywhere, as the SDK's
 * `maybeParseMessage`.
 *
 * @example maybeParseAnthropicMessage(snapshot, params).parsed_output // null
 */
export function maybeParseAnthropicMessage<T>(
  message: StubMessage,
  params: OutputParams | null,
): ParsedMessage<T> {
  const format = formatOf(params)
  if (!params || !format || !('parse' in format)) {
    const content = message.content.map((block) =>
      block.type === 'text' ? withParsed(block, null) : block,
    )
    return { ...message, content, parsed_output: null }
  }
  return parseAnthropicMessage(message, params)
}
