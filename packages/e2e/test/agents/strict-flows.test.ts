import { expect, it } from 'vitest'
import { useMocktopus, useStrictRequests } from '../openai/harness.js'

// The AI SDK's and LangChain's flows of the other e2e files, run again against a strict server:
// what these libraries send (stream_options, parallel_tool_calls, user, metadata, store, tool
// loops) is what the real APIs accept, so strict mode must answer all of it as before.
useStrictRequests()
await import('../openai/ai-sdk.test.js')
await import('../openai/langchain.test.js')
await import('../responses/ai-sdk.test.js')
await import('../responses/langchain.test.js')

const h = useMocktopus('version: 1\nrules:\n  - type: llm.openai\n    respond: { content: "Hi" }\n')

it('serves these flows strictly: an unknown field is refused', async () => {
  const ask = (extra: Record<string, unknown>) =>
    fetch(`${h.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Hi' }],
        ...extra,
      }),
    })
  expect((await ask({})).status).toBe(200)
  expect((await ask({ foo: 1 })).status).toBe(400)
})
