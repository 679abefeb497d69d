/**
 * The request journal over real HTTP: paged with a cursor, bounded by bytes, large bodies kept
 * truncated.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createMocktopus } from '../src/mocktopus.js'
import { type RunningServer, serve } from '../src/node.js'

const SCENARIO = 'version: 1\nrules:\n  - type: llm\n    respond: { content: "ok" }\n'

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const chat = (content: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content }] }),
})

describe('GET /_mocktopus/requests', () => {
  it('pages with limit and after, the cursor beside the requests', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    server = await serve(mock, { port: 0 })
    for (let i = 0; i < 5; i++) await fetch(`${server.url}/v1/chat/completions`, chat(`m${i}`))
    const page = async (query: string) => {
      const res = await fetch(`${server?.url}/_mocktopus/requests${query}`)
      expect(res.headers.get('content-type')).toBe('application/json')
      return (await res.json()) as {
        requests: { body: { messages: { content: string }[] } }[]
        cursor: number | null
      }
    }
    const contents = (p: Awaited<ReturnType<typeof page>>) =>
      p.requests.map((r) => r.body.messages[0]?.content)
    const first = await page('?limit=2')
    expect(contents(first)).toEqual(['m0', 'm1'])
    const second = await page(`?after=${first.cursor}&limit=2`)
    expect(contents(second)).toEqual(['m2', 'm3'])
    const rest = await page(`?after=${second.cursor}`)
    expect(contents(rest)).toEqual(['m4'])
    const none = await page(`?after=${rest.cursor}`)
    expect(none).toEqual({ requests: [], cursor: rest.cursor })
    expect(contents(await page(''))).toEqual(['m0', 'm1', 'm2', 'm3', 'm4'])
    const bad = await fetch(`${server.url}/_mocktopus/requests?limit=-1`)
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('invalid_cursor')
  })

  it('keeps a body over the per-entry limit truncated, and stays within the byte bound', async () => {
    const mock = await createMocktopus({
      scenario: SCENARIO,
      journal: { bodyBytes: 2048, bytes: 3 * (2048 + 512) },
    })
    server = await serve(mock, { port: 0 })
    const big = 'x'.repeat(100_000)
    for (let i = 0; i < 6; i++) await fetch(`${server.url}/v1/chat/completions`, chat(big))
    const { requests } = await (await fetch(`${server.url}/_mocktopus/requests`)).json()
    expect(requests).toHaveLength(3)
    for (const request of requests) {
      expect(request.truncated).toBe(true)
      expect(request.bodyBytes).toBeGreaterThan(100_000)
      expect(typeof request.body).toBe('string')
      expect(request.body.length).toBeLessThanOrEqual(2048)
    }
  })
})
