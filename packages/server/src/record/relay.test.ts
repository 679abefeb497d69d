import { describe, expect, it } from 'vitest'
import { createDeadline, createEventCutter, createLineCutter } from './relay.js'

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const bytes = (text: string) => encoder.encode(text)
const text = (value: Uint8Array | undefined) => (value ? decoder.decode(value) : undefined)

describe('createDeadline', () => {
  it('aborts a call that stays silent, and says it timed out', async () => {
    const deadline = createDeadline(30)
    const started = Date.now()
    await expect(deadline.aborted).rejects.toThrow('the upstream sent nothing for 30 ms')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(deadline.signal.aborted).toBe(true)
    expect(deadline.ended).toBe('timeout')
  })

  it('gives the upstream the whole timeout again each time it sends something', async () => {
    const deadline = createDeadline(60)
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 30))
      deadline.restart()
    }
    expect(deadline.signal.aborted).toBe(false)
    deadline.stop()
    await new Promise((resolve) => setTimeout(resolve, 90))
    expect(deadline.signal.aborted).toBe(false)
  })

  it('ends the call when the client goes away, until the client is released', () => {
    const client = new AbortController()
    const deadline = createDeadline(60_000, client.signal)
    client.abort()
    expect(deadline.ended).toBe('client')
    expect(deadline.signal.aborted).toBe(true)

    const later = new AbortController()
    const released = createDeadline(60_000, later.signal)
    released.releaseClient()
    later.abort()
    expect(released.signal.aborted).toBe(false)
    released.stop()
  })

  it('watches a client through a watcher, with no signal of its own, and stops watching', () => {
    let listener: (() => void) | undefined
    let stopped = 0
    const deadline = createDeadline(60_000, (heard) => {
      listener = heard
      return () => {
        stopped++
      }
    })
    listener?.()
    expect(deadline.ended).toBe('client')
    expect(deadline.signal.aborted).toBe(true)

    const released = createDeadline(60_000, () => () => {
      stopped++
    })
    released.releaseClient()
    released.stop()
    expect(stopped).toBe(2)
  })
})

describe('createEventCutter', () => {
  it('passes whole events on at once and holds back an unfinished one', () => {
    const cutter = createEventCutter()
    expect(text(cutter.push(bytes('data: 1\n\ndata: 2\n\n')))).toBe('data: 1\n\ndata: 2\n\n')
    expect(text(cutter.push(bytes('data: 3\n\ndata: {"a"')))).toBe('data: 3\n\n')
    expect(cutter.push(bytes(':1}'))).toBeUndefined()
    expect(text(cutter.push(bytes('\n\n')))).toBe('data: {"a":1}\n\n')
    expect(cutter.rest()).toBeUndefined()
  })

  it('finds an event end split across pushes, with CRLF line ends too', () => {
    const cutter = createEventCutter()
    expect(cutter.push(bytes('event: ping\r\ndata: {}\r\n'))).toBeUndefined()
    expect(text(cutter.push(bytes('\r\n')))).toBe('event: ping\r\ndata: {}\r\n\r\n')
    expect(cutter.push(bytes('data: x\n'))).toBeUndefined()
    expect(text(cutter.push(bytes('\n')))).toBe('data: x\n\n')
  })

  it('gives back what is left when a stream ends without a blank line', () => {
    const cutter = createEventCutter()
    cutter.push(bytes('data: [DONE]'))
    expect(text(cutter.rest())).toBe('data: [DONE]')
  })
})

describe('createLineCutter', () => {
  it('passes whole lines on at once, holds back an unfinished one, and gives it back at the end', () => {
    const cutter = createLineCutter()
    expect(text(cutter.push(bytes('{"a":1}\n{"b":2}\n')))).toBe('{"a":1}\n{"b":2}\n')
    expect(text(cutter.push(bytes('{"c":3}\n{"d"')))).toBe('{"c":3}\n')
    expect(cutter.push(bytes(':4'))).toBeUndefined()
    expect(text(cutter.push(bytes('}\n{"done"')))).toBe('{"d":4}\n')
    expect(text(cutter.rest())).toBe('{"done"')
    expect(cutter.rest()).toBeUndefined()
  })
})
