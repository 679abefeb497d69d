import {
  type AnthropicStreamEvent,
  anthropicStreamEvents,
  createAnthropicMessage,
} from '@mocktopus/responders'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const request = {
  model: 'claude-sonnet-5',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'q' }],
}

async function collect(
  events: AsyncIterable<AnthropicStreamEvent>,
): Promise<AnthropicStreamEvent[]> {
  const out: AnthropicStreamEvent[] = []
  for await (const event of events) out.push(event)
  return out
}

describe('anthropicStreamEvents (properties)', () => {
  it('streams deltas that rebuild exactly the message create() returns', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })), {
          maxLength: 3,
        }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        async (content, inputs, chunkSize) => {
          const message = createAnthropicMessage({
            request,
            seed: 'p',
            respond: {
              content,
              tool_calls: inputs.map((input, i) => ({
                type: 'function' as const,
                function: { name: `tool_${i}`, arguments: JSON.stringify(input) },
              })),
            },
          })
          const events = await collect(anthropicStreamEvents(message, { chunkSize }))
          const blocks: { text: string; json: string }[] = []
          for (const event of events) {
            if (event.type === 'content_block_start') blocks[event.index] = { text: '', json: '' }
            if (event.type === 'content_block_delta') {
              const block = blocks[event.index] as { text: string; json: string }
              if (event.delta.type === 'text_delta') block.text += event.delta.text
              else block.json += event.delta.partial_json
            }
          }
          const rebuilt = message.content.map((original, i) =>
            original.type === 'text'
              ? { type: 'text', text: blocks[i]?.text }
              : { ...original, input: JSON.parse(blocks[i]?.json ?? '') },
          )
          expect(rebuilt).toEqual(message.content)
          expect(events[0]?.type).toBe('message_start')
          expect(events.at(-1)?.type).toBe('message_stop')
          expect(events.filter((event) => event.type === 'ping')).toHaveLength(1)
        },
      ),
      { numRuns: 200 },
    )
  })
})
