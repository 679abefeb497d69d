/**
 * Record mode's Anthropic knowledge as a provider trait: where the upstream is, how the key
 * travels, what a message becomes as a rule's `respond`, and how its stream folds
 * (`record-stream.ts`).
 */
import type { ProviderRecord } from '../engine/endpoint.js'
import { type Data, isRecord, optional, text, usageOf } from '../internal/recorded-answer.js'
import { anthropicStreamAssembler } from './record-stream.js'

/** The Anthropic API root (without `/v1`, as the SDK's `baseURL`). */
export const DEFAULT_ANTHROPIC_UPSTREAM = 'https://api.anthropic.com'

/**
 * A rule's `respond` from a Messages API answer: its text and `tool_use` blocks, stop reason,
 * usage and id; a string says why it cannot be one.
 *
 * @example anthropicRecordedRespond({ content: [{ type: 'text', text: 'Hi' }] }) // { content: 'Hi' }
 */
export function anthropicRecordedRespond(body: Data): Data | string {
  if (!Array.isArray(body.content)) return 'the message has no content'
  const texts: string[] = []
  const calls: Data[] = []
  for (const block of body.content.filter(isRecord)) {
    if (block.type === 'text' && typeof block.text === 'string') texts.push(block.text)
    if (block.type === 'tool_use') {
      calls.push({
        ...(text(block.id) ? { id: block.id } : {}),
        type: 'function',
        // Tool input is an object on this API; a mapping reads better in YAML than a string.
        function: {
          name: text(block.name) ?? '',
          arguments: isRecord(block.input) ? block.input : {},
        },
      })
    }
  }
  return {
    ...(texts.length > 0 || calls.length === 0 ? { content: texts.join('') } : {}),
    ...(calls.length > 0 ? { tool_calls: calls } : {}),
    ...(text(body.stop_reason) ? { finish_reason: body.stop_reason } : {}),
    ...optional('usage', usageOf(body.usage, { input: 'input_tokens', output: 'output_tokens' })),
    ...(text(body.id) ? { id: body.id } : {}),
  }
}

export const ANTHROPIC_RECORD: ProviderRecord = {
  defaultUpstream: DEFAULT_ANTHROPIC_UPSTREAM,
  upstreamOption: 'anthropicUpstream',
  ruleType: 'llm.anthropic',
  // The Messages API requires it; the SDKs send this one.
  requestHeaders: { 'anthropic-version': '2023-06-01' },
  // The key goes as `x-api-key`; a client's `Authorization` would be a second credential.
  key: {
    option: 'anthropicKey',
    header: 'x-api-key',
    replaces: ['authorization'],
    env: ['ANTHROPIC_API_KEY'],
  },
  respond: anthropicRecordedRespond,
  assemble: { kind: 'events', create: anthropicStreamAssembler },
}
