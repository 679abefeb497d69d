/**
 * `POST /v1/messages/count_tokens`: the same estimate as a message's `usage.input_tokens`, so
 * counting and then sending a request agree.
 */

import { estimateTokens } from '../../shared/tokens.js'
import type { WireJSON } from '../../shared/wire.js'
import type { AnthropicMessagesRequest, AnthropicParams } from './request.js'
import { anthropicInputText } from './request.js'

/** The `count_tokens` answer (`MessageTokensCount` in the SDK). */
export interface AnthropicTokensCount {
  readonly input_tokens: number
}

/**
 * Estimated input tokens of a request: system, messages and tool definitions.
 *
 * @example countAnthropicTokens({ model: 'claude-x', messages: [{ role: 'user', content: 'Hello world' }] }) // { input_tokens: 3 }
 */
export function countAnthropicTokens(request: AnthropicMessagesRequest): AnthropicTokensCount {
  return { input_tokens: estimateTokens(anthropicInputText(request)) }
}

/**
 * The `count_tokens` answer as wire data.
 *
 * @example answerAnthropicCountTokens(parsed.params).body // { input_tokens: 12 }
 */
export function answerAnthropicCountTokens(params: AnthropicParams): WireJSON {
  return {
    kind: 'json',
    status: 200,
    headers: {},
    body: countAnthropicTokens(params.request),
    delayMs: 0,
  }
}
