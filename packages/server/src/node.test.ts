import type { Clock, Exchange } from '@mocktopus/responders'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMocktopus } from './mocktopus.js'
import { type RunningServer, serve } from './node.js'

const SCENARIO = `
version: 1
rules:
  - type: llm
    when: { messages_contains: "slow" }
    respond: { content: "one two three four five", chunk_delay_ms: 1000 }
  - type: llm
    when: { messages_contains: "delayed" }
    respond: { content: "late", delay_ms: 1000 }
  - type: llm
    respond: { content: "hi" }
`

// Delays that last until the request is aborted: the stream can only end by disconnection.
const waitForAbort: Clock = {
  now: () => 1_700_000_000_000,
  sleep: (_ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) resolve()
      signal?.addEventListener('abort', () => resolve(), { once: true })
    }),
}

const body = (content: string, stream = false) =>
  JSON.stringify({ model: 'gpt-4o', stream, messages: [{ role: 'user', content }] })

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  vi.restoreAllMocks()
})

describe('serve', () => {
  it('listens on 127.0.0.1 with a free port for port 0', async () => {
    server = await serve(await createMocktopus({ scenario: SCENARIO }), { port: 0 })
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    expect(server.port).toBeGreaterThan(0)
    const res = await fetch(`${server.url}/health`)
    expect(await res.json()).toMatchObject({ rules: 3 })
  })

  it('stops the stream quietly when the client disconnects, and keeps serving', async () => {
    const errors = vi.spyOn(console, 'error')
    const mock = await createMocktopus({ scenario: SCENARIO, clock: waitForAbort })
    const ended = new Promise<Exchange>((resolve) => mock.on('exchange', resolve))
    server = await serve(mock, { port: 0 })
    const controller = new AbortController()
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body('slow', true),
      signal: controller.signal,
    })
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const first = new TextDecoder().decode((await reader.read()).value)
    expect(first).toMatch(/^data: \{"id":"chatcmpl-/)
    controller.abort()
    const exchange = await ended
    // Journaled as abandoned, with no usage (it never reached the client), and not costed.
    expect(exchange).toMatchObject({ stream: true, status: 499, aborted: true, ruleIndex: 0 })
    expect(exchange.usage).toBeUndefined()
    expect(mock.requests()).toEqual([exchange])
    expect(mock.costReport().report.output_tokens_mocked).toBe(0)
    const metrics = await (await fetch(`${server.url}/_mocktopus/metrics`)).text()
    expect(metrics).toMatch(/^mocktopus_requests_aborted_total 1$/m)
    expect(metrics).toMatch(/^mocktopus_requests_total\{[^}]*status="499"[^}]*\} 1$/m)
    const after = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: body('hi'),
    })
    expect(after.status).toBe(200)
    expect(errors).not.toHaveBeenCalled()
  })

  it('stops waiting delay_ms when the client leaves, quietly', async () => {
    const errors = vi.spyOn(console, 'error')
    const mock = await createMocktopus({ scenario: SCENARIO, clock: waitForAbort })
    const ended = new Promise<Exchange>((resolve) => mock.on('exchange', resolve))
    server = await serve(mock, { port: 0 })
    const controller = new AbortController()
    const request = fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: body('delayed', true),
      signal: controller.signal,
    })
    // The exchange cannot end before the abort: the clock only wakes on it.
    setTimeout(() => controller.abort(), 50)
    await expect(request).rejects.toThrow()
    expect(await ended).toMatchObject({ ruleIndex: 1 })
    const after = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: body('hi'),
    })
    expect(after.status).toBe(200)
    expect(errors).not.toHaveBeenCalled()
  })

  it('closes while a stream is still open', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO, clock: waitForAbort })
    server = await serve(mock, { port: 0 })
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: body('slow', true),
    })
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    // The clock never wakes, so the stream cannot finish: close() cuts it off.
    await server.close({ timeoutMs: 0 })
    server = undefined
    await expect(reader.read()).rejects.toThrow()
  })
})
