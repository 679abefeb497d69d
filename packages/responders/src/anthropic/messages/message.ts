/**
 * The Messages API answer body (`Message` in the SDK), built from a rule's `respond`. The
 * stream responder replays this same body as events, so `messages.create()` and
 * `messages.stream().finalMessage()` see the same message.
 */
import { MocktopusError, type Respond } from '@mocktopus/scenario'
import { deterministicId } from '../../shared/ids.js'
import { estimateTokens } from '../../shared/tokens.js'
import type { AnthropicMessagesRequest } from './request.js'
import { anthropicInputText } from './request.js'

export interface AnthropicTextBlock {
  readonly type: 'text'
  readonly text: string
}

export interface AnthropicToolUseBlock {
  readonly type: 'tool_use'
  readonly id: string
  readonly name: string
  readonly input: Readonly<Record<string, unknown>>
}

export type AnthropicContentBlock = AnthropicTextBlock | AnthropicToolUseBlock

export type AnthropicStopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'pause_turn'
  | 'refusal'
  | 'model_context_window_exceeded'

/** `usage` with the fields the real API sends when prompt caching is not in play. */
export interface AnthropicUsage {
  readonly input_tokens: number
  readonly cache_creation_input_tokens: number
  readonly cache_read_input_tokens: number
  readonly cache_creation: {
    readonly ephemeral_5m_input_tokens: number
    readonly ephemeral_1h_input_tokens: number
  }
  readonly output_tokens: number
  readonly service_tier: 'standard'
}

export interface AnthropicMessage {
  readonly id: string
  readonly type: 'message'
  readonly role: 'assistant'
  readonly model: string
  readonly content: readonly AnthropicContentBlock[]
  readonly stop_reason: AnthropicStopReason
  readonly stop_sequence: string | null
  /** Sent with a refusal only (`RefusalStopDetails`). */
  readonly stop_details?: AnthropicRefusalDetails
  readonly usage: AnthropicUsage
}

/** Why the model refused (`RefusalStopDetails` in the SDK). */
export interface AnthropicRefusalDetails {
  readonly type: 'refusal'
  readonly category: null
  readonly explanation: string
}

/** A rule's tool call whose `arguments` are not a JSON object, which `tool_use.input` must be. */
export class ToolInputError extends MocktopusError {
  override readonly code = 'MOCKTOPUS_TOOL_INPUT'
  override name = 'ToolInputError'
}

export interface AnthropicMessageOptions {
  readonly request: AnthropicMessagesRequest
  readonly respond: Respond
  /** What makes this answer unique (request body, rule index, use count); seeds the ids. */
  readonly seed: string
  /** The model declines with this text: `stop_reason: 'refusal'`, the text in a text block. */
  readonly refusal?: string
}

const STOP_REASONS: ReadonlyMap<string, AnthropicStopReason> = new Map([
  ['stop', 'end_turn'],
  ['end_turn', 'end_turn'],
  ['length', 'max_tokens'],
  ['max_tokens', 'max_tokens'],
  ['stop_sequence', 'stop_sequence'],
  ['tool_calls', 'tool_use'],
  ['function_call', 'tool_use'],
  ['tool_use', 'tool_use'],
  ['content_filter', 'refusal'],
  ['refusal', 'refusal'],
  ['pause_turn', 'pause_turn'],
  ['model_context_window_exceeded', 'model_context_window_exceeded'],
])

/**
 * The `stop_reason` for a rule: its `finish_reason` in either API's words (`length` is
 * `max_tokens`, `content_filter` is `refusal`), else `tool_use` when it calls tools, else
 * `end_turn`.
 *
 * @example anthropicStopReason({ finish_reason: 'length' }) // 'max_tokens'
 */
export function anthropicStopReason(respond: Respond): AnthropicStopReason {
  const mapped = respond.finish_reason ? STOP_REASONS.get(respond.finish_reason) : undefined
  if (mapped) return mapped
  return respond.tool_calls && respond.tool_calls.length > 0 ? 'tool_use' : 'end_turn'
}

function parseInput(args: string, index: number): Record<string, unknown> {
  let input: unknown
  try {
    input = args.trim() === '' ? {} : JSON.parse(args)
  } catch (cause) {
    throw new ToolInputError(
      `respond.tool_calls[${index}].function.arguments is not valid JSON (${args.slice(0, 60)}); ` +
        'Anthropic sends tool input as a JSON object: write arguments as a YAML mapping.',
      { cause },
    )
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ToolInputError(
      `respond.tool_calls[${index}].function.arguments is JSON but not an object (${args.slice(0, 60)}); ` +
        'Anthropic sends tool input as a JSON object: write arguments as a YAML mapping.',
    )
  }
  return input as Record<string, unknown>
}

/**
 * The content blocks of an answer: one `text` block for non-empty `respond.content`, then a
 * `tool_use` block per tool call (`toolu_…` ids unless the rule gives one).
 *
 * @throws {ToolInputError} when a tool call's arguments are not a JSON object.
 */
export function anthropicContent(respond: Respond, seed: string): AnthropicContentBlock[] {
  const blocks: AnthropicContentBlock[] = []
  if (typeof respond.content === 'string' && respond.content !== '') {
    blocks.push({ type: 'text', text: respond.content })
  }
  respond.tool_calls?.forEach((call, i) => {
    blocks.push({
      type: 'tool_use',
      id: call.id ?? deterministicId('toolu_', `${seed}|tool|${i}`),
      name: call.function.name,
      input: parseInput(call.function.arguments ?? '{}', i),
    })
  })
  return blocks
}

/**
 * The answer body. Usage comes from the rule, else from the estimator (`output_tokens` is at
 * least 1, as on the real API, which bills even an empty answer).
 *
 * @throws {ToolInputError} when a tool call's arguments are not a JSON object.
 * @example createAnthropicMessage({ request, respond: { content: 'Hi' }, seed: body })
 */
export function createAnthropicMessage(options: AnthropicMessageOptions): AnthropicMessage {
  const { request, seed, refusal } = options
  const respond = refusal === undefined ? options.respond : { ...options.respond, content: refusal }
  const content = anthropicContent(respond, seed)
  const stopReason = refusal === undefined ? anthropicStopReason(respond) : 'refusal'
  const outputText = content
    .map((block) =>
      block.type === 'text' ? block.text : `${block.name} ${JSON.stringify(block.input)}`,
    )
    .join(' ')
  return {
    id: respond.id ?? deterministicId('msg_', seed),
    type: 'message',
    role: 'assistant',
    model: request.model,
    content,
    stop_reason: stopReason,
    stop_sequence: stopReason === 'stop_sequence' ? (request.stop_sequences?.[0] ?? null) : null,
    ...(refusal === undefined
      ? {}
      : { stop_details: { type: 'refusal', category: null, explanation: refusal } as const }),
    usage: anthropicUsage(
      respond.usage?.input_tokens ?? estimateTokens(anthropicInputText(request)),
      respond.usage?.output_tokens ?? Math.max(1, estimateTokens(outputText)),
    ),
  }
}

/**
 * A `usage` object with the cache fields at zero, as the API sends them without caching.
 *
 * @example anthropicUsage(12, 3).output_tokens // 3
 */
export function anthropicUsage(inputTokens: number, outputTokens: number): AnthropicUsage {
  return {
    input_tokens: inputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: 'standard',
  }
}
