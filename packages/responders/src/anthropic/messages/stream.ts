/**
 * The Messages API stream: a finished `Message` replayed as the real event sequence.
 * `message_start`, then per block `content_block_start`, deltas and `content_block_stop` (a
 * `ping` after the first start, where the real API sends it), then `message_delta` with the stop
 * reason and the final usage, then `message_stop`. Every SSE frame carries its `event:` name.
 */

import { splitText } from '../../shared/chunking.js'
import { type Clock, systemClock } from '../../shared/clock.js'
import {
  pacedStream,
  replayable,
  type StreamParts,
  type StreamTiming,
} from '../../shared/paced-stream.js'
import type { SSEFrame } from '../../shared/sse.js'
import type {
  AnthropicContentBlock,
  AnthropicMessage,
  AnthropicRefusalDetails,
  AnthropicStopReason,
  AnthropicUsage,
} from './message.js'

export type AnthropicDelta =
  | { readonly type: 'text_delta'; readonly text: string }
  | { readonly type: 'input_json_delta'; readonly partial_json: string }

/** One event of a Messages stream (`MessageStreamEvent` in the SDK, plus `ping`). */
export type AnthropicStreamEvent =
  | {
      readonly type: 'message_start'
      readonly message: Omit<AnthropicMessage, 'stop_reason' | 'stop_details'> & {
        readonly stop_reason: null
      }
    }
  | {
      readonly type: 'content_block_start'
      readonly index: number
      readonly content_block: AnthropicContentBlock
    }
  | { readonly type: 'ping' }
  | { readonly type: 'content_block_delta'; readonly index: number; readonly delta: AnthropicDelta }
  | { readonly type: 'content_block_stop'; readonly index: number }
  | {
      readonly type: 'message_delta'
      readonly delta: {
        readonly stop_reason: AnthropicStopReason
        readonly stop_sequence: string | null
        readonly stop_details?: AnthropicRefusalDetails
      }
      readonly usage: Omit<AnthropicUsage, 'cache_creation' | 'service_tier'>
    }
  | { readonly type: 'message_stop' }

export interface AnthropicStreamOptions {
  /** Sleeps between deltas; default: the system clock. */
  readonly clock?: Clock
  /** Characters per text delta; default: word-sized pieces. Also sizes tool input fragments. */
  readonly chunkSize?: number
  /** Pause between deltas, through `clock.sleep`; default 0. */
  readonly chunkDelayMs?: number
  /** Time to the first delta, pace and jitter, when set. */
  readonly timing?: StreamTiming
  /** Ends the stream early when the client goes away. */
  readonly signal?: AbortSignal
}

/** Tool input JSON has no spaces to split on; the real API sends it in runs of this order. */
export const TOOL_INPUT_FRAGMENT_SIZE = 16

function startBlock(block: AnthropicContentBlock): AnthropicContentBlock {
  return block.type === 'text'
    ? { type: 'text', text: '' }
    : { type: 'tool_use', id: block.id, name: block.name, input: {} }
}

function deltas(block: AnthropicContentBlock, chunkSize: number | undefined): AnthropicDelta[] {
  if (block.type === 'text') {
    return splitText(block.text, chunkSize).map((text) => ({ type: 'text_delta', text }))
  }
  const json = JSON.stringify(block.input)
  // The real API opens every tool input with an empty fragment.
  return ['', ...splitText(json, chunkSize ?? TOOL_INPUT_FRAGMENT_SIZE)].map((partial_json) => ({
    type: 'input_json_delta',
    partial_json,
  }))
}

// The events in order; pacing (between deltas) and stopping are pacedStream's.
function* eventSequence(
  message: AnthropicMessage,
  chunkSize: number | undefined,
): Generator<AnthropicStreamEvent> {
  const { usage, stop_details, ...started } = message
  yield {
    type: 'message_start',
    message: {
      ...started,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: Math.min(1, usage.output_tokens) },
    },
  }
  if (message.content.length === 0) yield { type: 'ping' }
  for (const [index, block] of message.content.entries()) {
    yield { type: 'content_block_start', index, content_block: startBlock(block) }
    if (index === 0) yield { type: 'ping' }
    for (const delta of deltas(block, chunkSize)) {
      yield { type: 'content_block_delta', index, delta }
    }
    yield { type: 'content_block_stop', index }
  }
  yield {
    type: 'message_delta',
    delta: {
      stop_reason: message.stop_reason,
      stop_sequence: message.stop_sequence,
      ...(stop_details ? { stop_details } : {}),
    },
    usage: {
      input_tokens: usage.input_tokens,
      cache_creation_input_tokens: usage.cache_creation_input_tokens,
      cache_read_input_tokens: usage.cache_read_input_tokens,
      output_tokens: usage.output_tokens,
    },
  }
  yield { type: 'message_stop' }
}

/**
 * The stream events of `message`; each `for await` replays them from the start.
 *
 * @example for await (const event of anthropicStreamEvents(message)) console.log(event.type)
 */
export function anthropicStreamEvents(
  message: AnthropicMessage,
  options: AnthropicStreamOptions = {},
): AsyncIterable<AnthropicStreamEvent> {
  return anthropicStream(message, options).chunks
}

/**
 * The stream events of `message` and their SSE frames ({@link anthropicFrames}'s framing),
 * each made by one generator; each `for await` replays them from the start.
 *
 * @example const { chunks, frames } = anthropicStream(message, { chunkSize: 8 })
 */
export function anthropicStream(
  message: AnthropicMessage,
  options: AnthropicStreamOptions = {},
): StreamParts<AnthropicStreamEvent> {
  const { clock = systemClock, chunkSize, chunkDelayMs = 0 } = options
  return pacedStream(
    () => eventSequence(message, chunkSize),
    // Read when a pass starts, as the Responses stream reads it.
    {
      chunkDelayMs,
      clock,
      signal: () => options.signal,
      paces: isDelta,
      ...(options.timing ? { timing: options.timing } : {}),
    },
    eventFrame,
  )
}

const isDelta = (event: AnthropicStreamEvent) => event.type === 'content_block_delta'
const eventFrame = (event: AnthropicStreamEvent): SSEFrame => ({ event: event.type, data: event })

/**
 * Anthropic's SSE framing: every event under its own `event:` name, and no `[DONE]`.
 *
 * @example sseStream(anthropicFrames(anthropicStreamEvents(message)))
 */
export function anthropicFrames(
  events: AsyncIterable<AnthropicStreamEvent>,
): AsyncIterable<SSEFrame> {
  return replayable(async function* () {
    for await (const event of events) yield eventFrame(event)
  })
}
