/**
 * Record mode's Anthropic streams: the message an upstream would have sent for a request made
 * without `stream`, rebuilt from its `message_start`, content block and `message_delta` events.
 */
import { ENDPOINTS } from '@mocktopus/scenario'
import type { StreamAssembler } from '../engine/endpoint.js'
import { type Data, errorReason, isRecord, parseData } from '../internal/recorded-answer.js'

interface AnthropicBlock {
  type: string
  text: string
  json: string
  data: Data
}

function anthropicAssembler(): StreamAssembler {
  let message: Data | undefined
  let usage: Data = {}
  let stopReason: unknown = null
  let stopSequence: unknown = null
  let failure: string | undefined
  let stopped = false
  const blocks = new Map<number, AnthropicBlock>()
  return {
    // As replay paces a Messages stream: its deltas, not `message_start` or `ping`.
    paces: (event) => event.event === 'content_block_delta',
    add(event) {
      const data = parseData(event)
      if (!data) return
      switch (data.type) {
        case 'error':
          failure ??= errorReason(data) ?? 'the stream carried an error'
          break
        case 'message_start':
          if (isRecord(data.message)) {
            message = data.message
            if (isRecord(data.message.usage)) usage = { ...data.message.usage }
          }
          break
        case 'content_block_start': {
          const block = isRecord(data.content_block) ? data.content_block : {}
          blocks.set(Number(data.index), {
            type: String(block.type),
            text: typeof block.text === 'string' ? block.text : '',
            json: '',
            data: block,
          })
          break
        }
        case 'content_block_delta': {
          const block = blocks.get(Number(data.index))
          const delta = isRecord(data.delta) ? data.delta : {}
          if (!block) break
          if (typeof delta.text === 'string') block.text += delta.text
          if (typeof delta.partial_json === 'string') block.json += delta.partial_json
          break
        }
        case 'message_delta': {
          const delta = isRecord(data.delta) ? data.delta : {}
          if ('stop_reason' in delta) stopReason = delta.stop_reason
          if ('stop_sequence' in delta) stopSequence = delta.stop_sequence
          if (isRecord(data.usage)) usage = { ...usage, ...data.usage }
          break
        }
        case 'message_stop':
          stopped = true
          break
      }
    },
    result() {
      if (failure) return { ok: false, reason: failure }
      if (!message || !stopped) return { ok: false, reason: 'the stream ended before message_stop' }
      const content = [...blocks.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, block]) => {
          if (block.type === 'text') return { ...block.data, text: block.text }
          if (block.type === 'tool_use') {
            let input: unknown = {}
            try {
              input = block.json === '' ? {} : JSON.parse(block.json)
            } catch {
              input = {}
            }
            return { ...block.data, input }
          }
          return block.data
        })
      return {
        ok: true,
        body: { ...message, content, stop_reason: stopReason, stop_sequence: stopSequence, usage },
      }
    },
  }
}

/**
 * The assembler for the Messages API's stream, or `undefined` for an endpoint that does not
 * stream.
 *
 * @example anthropicStreamAssembler(ENDPOINTS.messages)?.add({ event: 'message_stop', data: '{}' })
 */
export function anthropicStreamAssembler(endpoint: string): StreamAssembler | undefined {
  return endpoint === ENDPOINTS.messages ? anthropicAssembler() : undefined
}
