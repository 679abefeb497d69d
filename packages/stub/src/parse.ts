/**
 * The `openai` SDK's structured-output helpers (`lib/parser.ts`, `lib/ResponsesParser.ts`)
 * over the stub's answers: `message.parsed` and `parsed_arguments` for chat completions,
 * `output_parsed` for the Responses API. A format or tool built by `zodResponseFormat`,
 * `zodTextFormat` or `zodFunction` carries a `$parseRaw` function, which is used as the SDK
 * uses it; a plain `json_schema` format or a `strict` tool is `JSON.parse`d.
 */
import type {
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionMessage,
  ChatCompletionMessageToolCall,
  ResponseFunctionToolCall,
  ResponseOutputMessage,
  ResponseOutputText,
} from '@mocktopus/responders'
import { ContentFilterFinishReasonError, LengthFinishReasonError } from './errors.js'
import type { ResponseResult } from './types.js'

interface Parseable {
  readonly $brand?: unknown
  readonly $parseRaw?: (content: string) => unknown
}

/** A `response_format` or `text.format` whose parsed type is known (`zodResponseFormat`). */
interface Typed<T> {
  $parseRaw(content: string): T
}

/** What `message.parsed` holds for these params: the zod type, or `unknown` without one. */
export type ParsedContentOf<P> = P extends { readonly response_format?: infer F }
  ? F extends Typed<infer T>
    ? T
    : unknown
  : unknown

/** What `output_parsed` holds for these params: the zod type, or `unknown` without one. */
export type ParsedTextOf<P> = P extends { readonly text?: { readonly format?: infer F } }
  ? F extends Typed<infer T>
    ? T
    : unknown
  : unknown

/** A tool call with the arguments the SDK parsed (`null` for a tool that is not strict). */
export interface ParsedFunctionToolCall extends ChatCompletionMessageToolCall {
  readonly function: ChatCompletionMessageToolCall['function'] & {
    readonly parsed_arguments: unknown
  }
}

/** `chat.completions.parse`'s result, as the SDK's `ParsedChatCompletion<T>`. */
export interface ParsedChatCompletion<T> extends ChatCompletion {
  readonly choices: readonly (ChatCompletionChoice & {
    readonly message: ChatCompletionMessage & {
      readonly parsed: T | null
      readonly tool_calls?: readonly ParsedFunctionToolCall[]
    }
  })[]
}

/** `responses.parse`'s result, as the SDK's `ParsedResponse<T>`. */
export type ParsedResponse<T> = Omit<ResponseResult, 'output'> & {
  readonly output: readonly (
    | (ResponseOutputMessage & {
        readonly content: readonly (
          | (ResponseOutputText & { readonly parsed: T | null })
          | Exclude<ResponseOutputMessage['content'][number], ResponseOutputText>
        )[]
      })
    | (ResponseFunctionToolCall & { readonly parsed_arguments: unknown })
  )[]
  /** The first `parsed` of an `output_text` part, or `null`. */
  readonly output_parsed: T | null
}

interface ChatTool extends Parseable {
  readonly type?: string
  readonly function?: { readonly name?: string; readonly strict?: boolean | null }
}

interface ResponsesTool extends Parseable {
  readonly type?: string
  readonly name?: string
  readonly strict?: boolean | null
}

interface ChatParseParams {
  readonly response_format?: unknown
  readonly tools?: readonly unknown[]
}

interface ResponsesParseParams {
  readonly text?: { readonly format?: unknown } | null
  readonly tools?: readonly unknown[]
}

const isParseable = (value: unknown): value is Parseable & { $parseRaw: (s: string) => unknown } =>
  (value as Parseable | null)?.$brand !== undefined &&
  typeof (value as Parseable).$parseRaw === 'function'

/**
 * The SDK's check before `chat.completions.parse` sends anything: every tool is a function
 * marked `strict: true`.
 *
 * @example validateInputTools([{ type: 'function', function: { name: 'f', strict: true } }])
 */
export function validateInputTools(tools: readonly unknown[] | undefined): void {
  for (const tool of (tools ?? []) as ChatTool[]) {
    if (tool.type !== 'function') {
      throw new Error(
        `Currently only \`function\` tool types support auto-parsing; Received \`${tool.type}\``,
      )
    }
    if (tool.function?.strict !== true) {
      throw new Error(
        `The \`${tool.function?.name}\` tool is not marked with \`strict: true\`. Only strict function tools can be auto-parsed`,
      )
    }
  }
}

function parseFormat(format: unknown, content: string): unknown {
  if ((format as { type?: unknown } | null | undefined)?.type !== 'json_schema') return null
  if (format && typeof format === 'object' && '$parseRaw' in format) {
    return (format as { $parseRaw(content: string): unknown }).$parseRaw(content)
  }
  return JSON.parse(content)
}

function chatToolArguments(params: ChatParseParams, call: ChatCompletionMessageToolCall): unknown {
  const tool = (params.tools as ChatTool[] | undefined)?.find(
    (t) => t?.function !== undefined && t.function.name === call.function.name,
  )
  if (isParseable(tool)) return tool.$parseRaw(call.function.arguments)
  return tool?.function?.strict ? JSON.parse(call.function.arguments) : null
}

/**
 * A completion as `chat.completions.parse` returns it; throws `LengthFinishReasonError` or
 * `ContentFilterFinishReasonError` for a choice cut short, as the SDK does.
 *
 * @example parseChatCompletion(completion, params).choices[0].message.parsed
 */
export function parseChatCompletion<T>(
  completion: ChatCompletion,
  params: ChatParseParams,
): ParsedChatCompletion<T> {
  const choices = completion.choices.map((choice) => {
    if (choice.finish_reason === 'length') throw new LengthFinishReasonError()
    if (choice.finish_reason === 'content_filter') throw new ContentFilterFinishReasonError()
    const { message } = choice
    return {
      ...choice,
      message: {
        ...message,
        ...(message.tool_calls
          ? {
              tool_calls: message.tool_calls.map((call) => ({
                ...call,
                function: { ...call.function, parsed_arguments: chatToolArguments(params, call) },
              })),
            }
          : undefined),
        parsed:
          message.content && !message.refusal
            ? (parseFormat(params.response_format, message.content) as T)
            : null,
      },
    }
  })
  return { ...completion, choices } as ParsedChatCompletion<T>
}

/**
 * A response as `responses.parse` returns it: `parsed` on each `output_text` of a completed
 * response, `parsed_arguments` on each function call, and `output_parsed`, the first parsed
 * text, as an enumerable getter (as in the SDK).
 *
 * @example parseResponse(response, params).output_parsed
 */
export function parseResponse<T>(
  response: ResponseResult,
  params: ResponsesParseParams,
): ParsedResponse<T> {
  const shouldParse = !response.status || response.status === 'completed'
  const format = params.text?.format
  const output = response.output.map((item) => {
    if (item.type === 'function_call') {
      if (!shouldParse) return { ...item, parsed_arguments: null }
      const tool = (params.tools as ResponsesTool[] | undefined)?.find(
        (t) => t?.type === 'function' && t.name === item.name,
      )
      const parsed_arguments = isParseable(tool)
        ? tool.$parseRaw(item.arguments)
        : tool?.strict
          ? JSON.parse(item.arguments)
          : null
      return { ...item, parsed_arguments }
    }
    return {
      ...item,
      content: item.content.map((part) =>
        part.type === 'output_text'
          ? { ...part, parsed: shouldParse ? (parseFormat(format, part.text) as T) : null }
          : part,
      ),
    }
  })
  const parsed = Object.assign({}, response, { output })
  Object.defineProperty(parsed, 'output_parsed', {
    enumerable: true,
    get() {
      for (const item of parsed.output) {
        if (item.type !== 'message') continue
        for (const part of item.content) {
          if (part.type === 'output_text' && part.parsed !== null) return part.parsed
        }
      }
      return null
    },
  })
  return parsed as unknown as ParsedResponse<T>
}
