import { describe, expect, it } from 'vitest'
import { createResponseBody } from './body.js'
import { createResponseStore } from './store.js'

function stored(seed: string) {
  const response = createResponseBody({
    request: { model: 'gpt-4.1', input: seed },
    respond: { content: `answer ${seed}` },
    seed,
    createdAt: 1700000000,
    inputTokens: 1,
  })
  return { response, history: [{ role: 'user', content: seed }] }
}

describe('createResponseStore', () => {
  it('finds a response and its output items by id', () => {
    const store = createResponseStore()
    const entry = stored('a')
    store.set(entry)
    expect(store.get(entry.response.id)).toBe(entry)
    const item = entry.response.output[0]
    expect(item && store.item(item.id)).toBe(item)
  })

  it('forgets the oldest response first once over its limit', () => {
    const store = createResponseStore({ limit: 2 })
    const [a, b, c] = [stored('a'), stored('b'), stored('c')]
    store.set(a)
    store.set(b)
    store.set(c)
    expect(store.size).toBe(2)
    expect(store.get(a.response.id)).toBeUndefined()
    expect(store.item(a.response.output[0]?.id ?? '')).toBeUndefined()
    expect(store.get(b.response.id)).toBe(b)
    expect(store.get(c.response.id)).toBe(c)
  })

  it('deletes one response and its items', () => {
    const store = createResponseStore()
    const entry = stored('a')
    store.set(entry)
    expect(store.delete(entry.response.id)).toBe(true)
    expect(store.delete(entry.response.id)).toBe(false)
    expect(store.item(entry.response.output[0]?.id ?? '')).toBeUndefined()
  })

  it('empties on clear', () => {
    const store = createResponseStore()
    const entry = stored('a')
    store.set(entry)
    store.clear()
    expect(store.size).toBe(0)
    expect(store.get(entry.response.id)).toBeUndefined()
  })
})
