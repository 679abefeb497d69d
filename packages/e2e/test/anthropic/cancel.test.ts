import Anthropic from '@anthropic-ai/sdk'
import type { Clock } from '@mocktopus/responders'
import { createMocktopus, type Exchange } from '@mocktopus/server'
import { serve } from '@mocktopus/server/node'
import { describe, expect, it } from 'vitest'

// A clock whose delays last until the request is cancelled, so the stream stalls after its
// first delta and only the client hanging up can end it.
const stalledClock: Clock = {
  now: () => 1_700_000_000_000,
  sleep: (_ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) resolve()
      signal?.addEventListener('abort', () => resolve(), { once: true })
    }),
}

describe('a Messages stream the client abandons', () => {
  it('stops on the server and is reported when the client aborts', async () => {
    const mock = await createMocktopus({
      clock: stalledClock,
      scenario: `
version: 1
rules:
  - type: llm.anthropic
    respond:
      content: "one two three four five six"
      chunk_delay_ms: 1000
`,
    })
    const reported = new Promise<Exchange>((resolve) => mock.on('exchange', resolve))
    const server = await serve(mock, { port: 0 })
    try {
      const client = new Anthropic({ apiKey: 'test', baseURL: server.url, maxRetries: 0 })
      const stream = client.messages.stream({
        model: 'claude-sonnet-5',
        max_tokens: 64,
        messages: [{ role: 'user', content: 'count' }],
      })
      const texts: string[] = []
      stream.on('text', (text) => {
        texts.push(text)
        stream.abort()
      })
      await expect(stream.done()).rejects.toBeInstanceOf(Anthropic.APIUserAbortError)
      const exchange = await reported
      expect(texts).toEqual(['one'])
      expect(exchange).toMatchObject({ endpoint: '/v1/messages', status: 200, stream: true })
    } finally {
      await server.close()
    }
  })
})
