import { describe, expect, it } from 'vitest'
import type { Clock } from '../../shared/clock.js'
import { encodeSSE, type SSEFrame } from '../../shared/sse.js'
import { createAnthropicMessage } from './message.js'
import type { AnthropicMessagesRequest } from './request.js'
import { anthropicFrames, anthropicStreamEvents } from './stream.js'

const request: AnthropicMessagesRequest = {
  model: 'claude-haiku-4-5',
  max_tokens: 100,
  messages: [{ role: 'user', content: 'Hi' }],
}

async function collect(events: ReturnType<typeof anthropicStreamEvents>): Promise<SSEFrame[]> {
  const out: SSEFrame[] = []
  for await (const frame of anthropicFrames(events)) out.push(frame)
  return out
}

describe('anthropicStreamEvents', () => {
  it('sends the real event sequence for text', async () => {
    const message = createAnthropicMessage({
      request,
      respond: { content: 'Hello big world' },
      seed: 's',
    })
    const body = (await collect(anthropicStreamEvents(message))).map(encodeSSE).join('')
    expect(body).toMatchInlineSnapshot(`
      "event: message_start
      data: {"type":"message_start","message":{"id":"msg_AuQskFXttDYs86JOSaanhuYj","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":1,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":1,"service_tier":"standard"}}}

      event: content_block_start
      data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

      event: ping
      data: {"type":"ping"}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" big"}}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" world"}}

      event: content_block_stop
      data: {"type":"content_block_stop","index":0}

      event: message_delta
      data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":1,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":4}}

      event: message_stop
      data: {"type":"message_stop"}

      "
    `)
  })

  it('streams tool input as input_json_delta fragments that join into the input', async () => {
    const message = createAnthropicMessage({
      request,
      seed: 's',
      respond: {
        content: 'Sure.',
        tool_calls: [
          {
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' },
          },
        ],
      },
    })
    const frames = await collect(anthropicStreamEvents(message))
    expect(frames.map((frame) => frame.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
    const start = frames[5]?.data as { index: number; content_block: unknown }
    expect(start.index).toBe(1)
    expect(start.content_block).toEqual({
      type: 'tool_use',
      id: (message.content[1] as { id: string }).id,
      name: 'get_weather',
      input: {},
    })
    const fragments = frames
      .map((frame) => frame.data as { delta?: { type: string; partial_json?: string } })
      .filter((data) => data.delta?.type === 'input_json_delta')
      .map((data) => data.delta?.partial_json)
    expect(fragments[0]).toBe('')
    expect(JSON.parse(fragments.join(''))).toEqual({ city: 'Paris', unit: 'celsius' })
    const delta = frames[11]?.data as { delta: unknown }
    expect(delta.delta).toEqual({ stop_reason: 'tool_use', stop_sequence: null })
  })

  it('honours chunk_size and sleeps chunk_delay_ms between deltas through the clock', async () => {
    const sleeps: number[] = []
    const clock: Clock = {
      now: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms)
      },
    }
    const message = createAnthropicMessage({ request, respond: { content: 'abcdefg' }, seed: 's' })
    const frames = await collect(
      anthropicStreamEvents(message, { clock, chunkSize: 3, chunkDelayMs: 25 }),
    )
    const texts = frames
      .map((frame) => frame.data as { delta?: { text?: string } })
      .flatMap((data) => (data.delta?.text === undefined ? [] : [data.delta.text]))
    expect(texts).toEqual(['abc', 'def', 'g'])
    expect(sleeps).toEqual([25, 25])
  })

  it('replays from the start on every iteration', async () => {
    const message = createAnthropicMessage({ request, respond: { content: 'a b' }, seed: 's' })
    const events = anthropicStreamEvents(message)
    expect(await collect(events)).toEqual(await collect(events))
  })

  it('pings after message_start when there is no content block', async () => {
    const message = createAnthropicMessage({ request, respond: { content: '' }, seed: 's' })
    const events = (await collect(anthropicStreamEvents(message))).map((frame) => frame.event)
    expect(events).toEqual(['message_start', 'ping', 'message_delta', 'message_stop'])
  })

  it('stops when the signal aborts', async () => {
    const controller = new AbortController()
    const message = createAnthropicMessage({ request, respond: { content: 'a b c d' }, seed: 's' })
    const events: string[] = []
    for await (const event of anthropicStreamEvents(message, { signal: controller.signal })) {
      events.push(event.type)
      if (event.type === 'content_block_delta') controller.abort()
    }
    expect(events).toEqual(['message_start', 'content_block_start', 'ping', 'content_block_delta'])
  })
})
