/**
 * Scenario patterns run in linear time on a real server: patterns that take V8's backtracking
 * engine seconds to forever answer, and `/health` keeps answering while they run. The times
 * are printed by `pnpm bench:scale`, not asserted here.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createMocktopus } from '../src/mocktopus.js'
import { type RunningServer, serve } from '../src/node.js'

const SCENARIO = String.raw`
version: 1
rules:
  - type: llm
    when: { messages_regex: '^(a+)+$' }
    respond: { content: "only a's" }
  - type: llm
    when: { messages_regex: '\d+\s*\+\s*\d+' }
    respond: { content: "a sum" }
  - type: llm
    respond: { content: "fallback" }
`

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function ask(url: string, content: string): Promise<string> {
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content }] }),
  })
  expect(res.status).toBe(200)
  return (await res.json()).choices[0].message.content
}

describe('linear-time scenario patterns', () => {
  it('answers the catastrophic cases, and /health meanwhile', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    server = await serve(mock, { port: 0 })
    const { url } = server
    const health = fetch(`${url}/health`).then((res) => res.status)
    const answers = await Promise.all([
      ask(url, `${'a'.repeat(33)}!`),
      ask(url, '1'.repeat(200_000)),
      ask(url, `${'1'.repeat(200_000)} + 2`),
      ask(url, 'a'.repeat(33)),
    ])
    expect(answers).toEqual(['fallback', 'fallback', 'a sum', "only a's"])
    expect(await health).toBe(200)
  }, 20_000)
})
