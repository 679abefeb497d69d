import { ENDPOINTS } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { blankValues, createMatchPreparer, valuesAt } from './prepare-match.js'
import { DEFAULT_RECORD_SETTINGS, parseFieldPath } from './settings.js'

describe('parseFieldPath and valuesAt', () => {
  it('reads names, indices and wildcards', () => {
    expect(parseFieldPath('messages[*].name')).toEqual(['messages', '*', 'name'])
    expect(parseFieldPath('$.a[0][1].b')).toEqual(['a', 0, 1, 'b'])
    expect(() => parseFieldPath('a..b')).toThrow('empty part')
    expect(() => parseFieldPath('a[x]')).toThrow('cannot read')
  })

  it('collects every leaf under a path, in each body', () => {
    const request = {
      user: 'alice',
      metadata: { ids: { a: 'id-1', b: 7 } },
      messages: [{ name: 'bob' }, { name: 'carol' }, {}],
    }
    expect(valuesAt([request], ['metadata.ids', 'messages[*].name', 'user', 'missing.x'])).toEqual([
      'id-1',
      '7',
      'bob',
      'carol',
      'alice',
    ])
  })

  it('blanks a short value only where it is the whole text', () => {
    expect(blankValues('ab', ['ab'])).toBe('[REDACTED]')
    expect(blankValues('tab', ['ab'])).toBe('tab')
    expect(blankValues('for c-42 and c-42', ['c-42'])).toBe('for [REDACTED] and [REDACTED]')
  })
})

describe('createMatchPreparer', () => {
  it('is absent when the settings change nothing in a request', () => {
    expect(createMatchPreparer(DEFAULT_RECORD_SETTINGS)).toBeUndefined()
    expect(createMatchPreparer({ ...DEFAULT_RECORD_SETTINGS, matchOn: ['params'] })).toBeUndefined()
  })

  it('replaces timestamps, UUIDs and patterns, after blanking redacted values', () => {
    const preparer = createMatchPreparer({
      matchOn: [],
      normalize: [
        { builtin: 'timestamps' },
        { builtin: 'uuids' },
        { pattern: '(?i)order #\\d+', replace: 'order #N' },
      ],
      redact: { headers: [], body: ['user'] },
    })
    if (!preparer) throw new Error('expected a preparer')
    const body = { user: 'alice-2026-01-01' }
    const prepared = preparer.prepare(
      {
        endpoint: ENDPOINTS.chatCompletions,
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'It is 2026-12-06 09:00.' }] },
          {
            role: 'user',
            content:
              'Order #12 for alice-2026-01-01, id 1B4E28BA-2FA1-11D2-883F-0016D3CCA427, at 2026-12-06T20:46:49.5+01:00',
          },
        ],
      },
      body,
    )
    expect(prepared.messages?.map((message) => message.content)).toEqual([
      'It is <timestamp>.',
      'order #N for [REDACTED], id <uuid>, at <timestamp>',
    ])
    expect(prepared.body).toBe(body)
    expect(
      preparer.prepare({ endpoint: ENDPOINTS.embeddings, input: ['at 2020-01-01'] }, {}).input,
    ).toEqual(['at <timestamp>'])
  })
})
