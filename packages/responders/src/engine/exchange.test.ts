import { describe, expect, it } from 'vitest'
import { beginExchange, completeExchange, exchangeWeight, keepBody } from './exchange.js'

describe('keepBody', () => {
  it('keeps a body within the limit as given, weighed by its UTF-8 bytes', () => {
    const draft = beginExchange('POST', '/v1/x', '/v1/x', 0)
    const text = JSON.stringify({ say: 'é'.repeat(40) })
    keepBody(draft, text, JSON.parse(text), 100)
    expect(draft.body).toEqual({ say: 'é'.repeat(40) })
    expect(draft.bodyBytes).toBe(new TextEncoder().encode(text).length)
    expect(completeExchange(draft, { status: 200, stream: false })).not.toHaveProperty('truncated')
  })

  it('keeps the start of a larger body, marked truncated with its whole length', () => {
    const draft = beginExchange('POST', '/v1/x', '/v1/x', 0)
    const text = `{"say":"${'😀'.repeat(100)}"}`
    keepBody(draft, text, JSON.parse(text), 64)
    const kept = draft.body as string
    expect(typeof kept).toBe('string')
    expect(text.startsWith(kept)).toBe(true)
    expect(new TextEncoder().encode(kept).length).toBeLessThanOrEqual(64)
    // Never half a surrogate pair.
    expect(kept).not.toMatch(/[\uD800-\uDBFF]$/)
    expect(exchangeWeight(draft)).toBe(64 + 512)
    const exchange = completeExchange(draft, { status: 200, stream: false })
    expect(exchange).toMatchObject({ truncated: true, bodyBytes: 410 })
  })
})
