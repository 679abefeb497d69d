/**
 * Graceful shutdown of `serve()`: in-flight requests and streams finish and are reported before
 * `close()` resolves; what cannot finish is cut off after the timeout, still reported; idle
 * keep-alive sockets do not hold the server open.
 */
import { connect } from 'node:net'
import type { Clock, Exchange } from '@mocktopus/responders'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMocktopus } from '../src/mocktopus.js'
import { type RunningServer, serve } from '../src/node.js'

const SCENARIO = `
version: 1
rules:
  - type: llm
    when: { messages_contains: "slow" }
    respond: { content: "one two three four five six", chunk_delay_ms: 100 }
  - type: llm
    when: { messages_contains: "delayed" }
    respond: { content: "late but whole", delay_ms: 100 }
  - type: llm
    respond: { content: "hi" }
`

const body = (content: string, stream = false) =>
  JSON.stringify({ model: 'gpt-4o', stream, messages: [{ role: 'user', content }] })

/** A clock whose delays last until `open()` (or the request is aborted). */
function gatedClock() {
  let opened = false
  const waiting: (() => void)[] = []
  let sleeping: () => void = () => {}
  const firstSleep = new Promise<void>((resolve) => {
    sleeping = resolve
  })
  const clock: Clock = {
    now: () => 1_700_000_000_000,
    sleep: (_ms, signal) =>
      new Promise((resolve) => {
        if (opened || signal?.aborted) return resolve()
        waiting.push(resolve)
        signal?.addEventListener('abort', () => resolve(), { once: true })
        sleeping()
      }),
  }
  return {
    clock,
    firstSleep,
    open() {
      opened = true
      for (const wake of waiting.splice(0)) wake()
    },
  }
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(true))
  })
}

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close({ timeoutMs: 0 })
  server = undefined
})

describe('serve().close()', () => {
  it('lets an in-flight request finish and reports it before resolving', async () => {
    const gate = gatedClock()
    const mock = await createMocktopus({ scenario: SCENARIO, clock: gate.clock })
    const exchanges: Exchange[] = []
    mock.on('exchange', (exchange) => exchanges.push(exchange))
    const running = await serve(mock, { port: 0, shutdownTimeoutMs: 60_000 })
    const answer = fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body('delayed'),
    })
    await gate.firstSleep
    const closed = running.close()
    expect(await refusesConnections(running.port)).toBe(true)
    expect(exchanges).toEqual([])
    gate.open()
    const res = await answer
    expect(res.status).toBe(200)
    expect((await res.json()).choices[0].message.content).toBe('late but whole')
    await closed
    expect(exchanges).toMatchObject([{ status: 200, ruleIndex: 1, stream: false }])
  })

  it('lets an in-flight stream run to [DONE]', async () => {
    const gate = gatedClock()
    const mock = await createMocktopus({ scenario: SCENARIO, clock: gate.clock })
    const exchanges: Exchange[] = []
    mock.on('exchange', (exchange) => exchanges.push(exchange))
    const running = await serve(mock, { port: 0, shutdownTimeoutMs: 60_000 })
    const res = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body('slow', true),
    })
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let text = decoder.decode((await reader.read()).value, { stream: true })
    await gate.firstSleep
    const closed = running.close()
    gate.open()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
    await closed
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true)
    const content = text
      .split('\n\n')
      .filter((frame) => frame.startsWith('data: {'))
      .map((frame) => JSON.parse(frame.slice(6)).choices[0]?.delta?.content ?? '')
      .join('')
    expect(content).toBe('one two three four five six')
    expect(exchanges).toMatchObject([{ status: 200, ruleIndex: 0, stream: true }])
  })

  it('cuts off a stream that cannot finish after the timeout, and still reports it', async () => {
    const gate = gatedClock()
    const mock = await createMocktopus({ scenario: SCENARIO, clock: gate.clock })
    const running = await serve(mock, { port: 0 })
    const res = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body('slow', true),
    })
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    await running.close({ timeoutMs: 50 })
    await expect(reader.read()).rejects.toThrow()
    expect(mock.requests()).toMatchObject([
      { status: 499, aborted: true, ruleIndex: 0, stream: true },
    ])
  })

  it('is not held open by idle keep-alive sockets', async () => {
    const mock = await createMocktopus({ scenario: SCENARIO })
    const running = await serve(mock, { port: 0, shutdownTimeoutMs: 60_000 })
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${running.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'keep-alive' },
        body: body('hi'),
      })
      await res.json()
    }
    // With a 60 s grace period this resolves only if idle sockets are closed at once.
    await running.close()
    expect(mock.requests()).toHaveLength(3)
  })
})

describe('serve() on a non-loopback address', () => {
  it('warns that anyone who can reach the machine can call it', async () => {
    const onWarning = vi.fn()
    server = await serve(await createMocktopus({ scenario: SCENARIO }), {
      port: 0,
      hostname: '0.0.0.0',
      onWarning,
    })
    expect(onWarning).toHaveBeenCalledTimes(1)
    expect(onWarning.mock.calls[0]?.[0]).toMatch(/0\.0\.0\.0, not loopback.*authToken/)
  })

  it('says nothing on loopback', async () => {
    const onWarning = vi.fn()
    server = await serve(await createMocktopus({ scenario: SCENARIO }), { port: 0, onWarning })
    expect(onWarning).not.toHaveBeenCalled()
  })
})
