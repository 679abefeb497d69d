/**
 * The Responses API body for a matched rule: the `response` object with its output items
 * (one assistant `message`, then one `function_call` per tool call), usage, and the request's
 * settings echoed back as the API does.
 */
import type { Respond } from '@mocktopus/scenario'
import { deterministicId } from '../../shared/ids.js'
import { countTokens } from '../../shared/tokenizer.js'
import type {
  ResponseCreateParams,
  ResponseFunctionToolCall,
  ResponseObject,
  ResponseOutputItem,
  ResponseOutputMessage,
  ResponseUsage,
} from './types.js'

export interface ResponseBodyOptions {
  /** The request body as sent; its settings are echoed. */
  readonly request: ResponseCreateParams
  readonly respond: Respond
  /** Seeds every id in the body, e.g. the request body plus the rule and its use count. */
  readonly seed: string
  /** Unix seconds. */
  readonly createdAt: number
  /** Prompt tokens when the rule gives none, counted (or estimated) from the conversation. */
  readonly inputTokens: number
  /** The model declines: the message carries a `refusal` part instead of text. */
  readonly refusal?: string
}

// Real ids are long hex runs after the prefix; ours have the same prefixes and similar length.
const ITEM_ID_LENGTH = 48

/**
 * The deterministic `resp_…` id for a seed.
 *
 * @example responseId('{"input":"Hi"}|0|1') // 'resp_' and 48 letters and digits
 */
export function responseId(seed: string): string {
  return deterministicId('resp_', seed, ITEM_ID_LENGTH)
}

function incompleteReason(finishReason: string | undefined): string | undefined {
  if (finishReason === 'length') return 'max_output_tokens'
  if (finishReason === 'content_filter') return 'content_filter'
  return undefined
}

function outputItems(options: ResponseBodyOptions, incomplete: boolean): ResponseOutputItem[] {
  const { respond, seed } = options
  const calls = respond.tool_calls ?? []
  const text = respond.content ?? ''
  const { refusal } = options
  const items: ResponseOutputItem[] = []
  if (text !== '' || calls.length === 0 || refusal !== undefined) {
    const message: ResponseOutputMessage = {
      type: 'message',
      id: deterministicId('msg_', `${seed}|msg`, ITEM_ID_LENGTH),
      status: incomplete ? 'incomplete' : 'completed',
      role: 'assistant',
      content: [
        refusal === undefined
          ? { type: 'output_text', text, annotations: [], logprobs: [] }
          : { type: 'refusal', refusal },
      ],
    }
    items.push(message)
  }
  calls.forEach((call, i) => {
    const item: ResponseFunctionToolCall = {
      type: 'function_call',
      id: deterministicId('fc_', `${seed}|fc|${i}`, ITEM_ID_LENGTH),
      call_id: call.id ?? deterministicId('call_', `${seed}|call|${i}`),
      name: call.function.name,
      arguments: call.function.arguments ?? '{}',
      status: 'completed',
    }
    items.push(item)
  })
  return items
}

function usageFor(options: ResponseBodyOptions): ResponseUsage {
  const { respond } = options
  const given = respond.usage ?? {}
  // The same count as chat completions: content plus each call's name and arguments, with the
  // model's encoding when it is public and loaded, else estimated.
  const calls = (respond.tool_calls ?? []).map((c) => c.function.name + c.function.arguments)
  const estimated = countTokens(
    options.request.model ?? '',
    (respond.content ?? '') + (options.refusal ?? '') + calls.join(''),
  )
  const input_tokens = given.input_tokens ?? options.inputTokens
  const output_tokens = given.output_tokens ?? estimated
  return {
    input_tokens,
    input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
    output_tokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: given.total_tokens ?? input_tokens + output_tokens,
  }
}

// Function tools come back with every field filled in, `strict` defaulting to true as the
// Responses API does; built-in tools are echoed as sent.
function echoTools(tools: ResponseCreateParams['tools']): unknown[] {
  if (!Array.isArray(tools)) return []
  return tools.map((tool) => {
    if (tool?.type !== 'function') return tool
    return {
      ...tool,
      description: tool.description ?? null,
      parameters: tool.parameters ?? null,
      strict: tool.strict ?? true,
    }
  })
}

/**
 * The finished `response` object.
 *
 * @example
 * createResponseBody({ request: { model: 'gpt-4.1', input: 'Hi' }, respond: { content: 'Hello' },
 *   seed: 'x', createdAt: 1700000000, inputTokens: 1 }).output[0]
 * // { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello', ... }], ... }
 */
export function createResponseBody(options: ResponseBodyOptions): ResponseObject {
  const { request, createdAt } = options
  const reason = incompleteReason(options.respond.finish_reason)
  const body: ResponseObject = {
    id: options.respond.id ?? responseId(options.seed),
    object: 'response',
    created_at: createdAt,
    status: reason ? 'incomplete' : 'completed',
    background: request.background ?? false,
    completed_at: reason ? null : createdAt,
    error: null,
    incomplete_details: reason ? { reason } : null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    max_tool_calls: request.max_tool_calls ?? null,
    model: request.model ?? '',
    output: outputItems(options, reason !== undefined),
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    prompt_cache_key: request.prompt_cache_key ?? null,
    reasoning: { effort: null, summary: null, ...request.reasoning },
    safety_identifier: request.safety_identifier ?? null,
    service_tier:
      request.service_tier && request.service_tier !== 'auto' ? request.service_tier : 'default',
    store: request.store ?? true,
    temperature: request.temperature ?? 1,
    text: { format: { type: 'text' }, verbosity: 'medium', ...request.text },
    tool_choice: request.tool_choice ?? 'auto',
    tools: echoTools(request.tools),
    top_logprobs: request.top_logprobs ?? 0,
    top_p: request.top_p ?? 1,
    truncation: request.truncation ?? 'disabled',
    usage: usageFor(options),
    metadata: request.metadata ?? {},
  }
  // `user` is a plain string in the schema; the API leaves it out rather than send null.
  return typeof request.user === 'string' ? { ...body, user: request.user } : body
}

/**
 * The same response as it looks while being generated: in progress, no output, no usage. The
 * first two stream events carry it.
 *
 * @example inProgressResponse(response).status // 'in_progress'
 */
export function inProgressResponse(response: ResponseObject): ResponseObject {
  const { usage: _usage, ...rest } = response
  return {
    ...rest,
    status: 'in_progress',
    completed_at: null,
    incomplete_details: null,
    output: [],
  }
}
