import { describe, expect, it } from 'vitest'
import {
  inputItemResources,
  listInputItems,
  parseInputItemsQuery,
  type ResponseItemResource,
} from './input-items.js'
import type { ResponseOutputItem } from './types.js'

describe('inputItemResources', () => {
  it('gives a string input one user message with an input_text part', () => {
    expect(inputItemResources('Hi', { seed: 's' })).toEqual([
      {
        id: expect.stringMatching(/^msg_[A-Za-z0-9]{48}$/),
        type: 'message',
        role: 'user',
        status: 'completed',
        content: [{ type: 'input_text', text: 'Hi' }],
      },
    ])
  })

  it('keeps sent ids, fills in statuses, and resolves item references', () => {
    const earlier: ResponseOutputItem = {
      type: 'message',
      id: 'msg_earlier',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'Before', annotations: [], logprobs: [] }],
    }
    const items = inputItemResources(
      [
        { type: 'item_reference', id: 'msg_earlier' },
        { role: 'assistant', content: 'Said' },
        { type: 'function_call', id: 'fc_1', call_id: 'c1', name: 'f', arguments: '{}' },
        { type: 'function_call_output', call_id: 'c1', output: 'ok' },
        { type: 'item_reference', id: 'msg_gone' },
      ],
      { seed: 's', lookup: (id) => (id === 'msg_earlier' ? earlier : undefined) },
    )
    expect(items).toMatchObject([
      { id: 'msg_earlier', content: [{ text: 'Before' }] },
      {
        type: 'message',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'Said', annotations: [], logprobs: [] }],
      },
      { id: 'fc_1', type: 'function_call', status: 'completed' },
      { id: expect.stringMatching(/^fco_/), type: 'function_call_output', status: 'completed' },
    ])
    expect(items).toHaveLength(4)
  })
})

describe('listInputItems', () => {
  const items: ResponseItemResource[] = ['a', 'b', 'c'].map((id) => ({ id, type: 'message' }))

  it('lists newest first by default', () => {
    expect(listInputItems(items)).toEqual({
      object: 'list',
      data: [items[2], items[1], items[0]],
      first_id: 'c',
      last_id: 'a',
      has_more: false,
    })
  })

  it('pages with limit and after', () => {
    const first = listInputItems(items, { order: 'asc', limit: 2 })
    expect(first).toMatchObject({ first_id: 'a', last_id: 'b', has_more: true })
    const next = listInputItems(items, { order: 'asc', limit: 2, after: first.last_id })
    expect(next).toMatchObject({ data: [items[2]], has_more: false })
  })
})

describe('parseInputItemsQuery', () => {
  it('reads limit, order and after', () => {
    expect(parseInputItemsQuery({ limit: '5', order: 'asc', after: 'x' })).toEqual({
      ok: true,
      options: { limit: 5, order: 'asc', after: 'x' },
    })
  })

  it('rejects a limit out of range and an unknown order', () => {
    const limit = parseInputItemsQuery({ limit: '0' })
    expect(!limit.ok && limit.error.body).toMatchObject({ error: { param: 'limit' } })
    const order = parseInputItemsQuery({ order: 'up' })
    expect(!order.ok && order.error.status).toBe(400)
  })
})
