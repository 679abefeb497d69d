import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RECORD_SETTINGS,
  describeRecordSettings,
  mergeRecordSettings,
  parseRecordSettings,
  parseRedactFlag,
  type RecordSettings,
} from './settings.js'

const SOURCE = 'rec/mocktopus.record.yaml'

describe('parseRecordSettings', () => {
  it('reads match_on, normalize and redact', () => {
    const settings = parseRecordSettings(
      `match_on: [tools, params]
normalize:
  - timestamps
  - uuids
  - { pattern: 'ticket-\\d+', replace: '<ticket>' }
  - pattern: 'run \\d+'
redact:
  headers: [X-Customer-Id]
  body: [user, 'messages[*].name']
`,
      SOURCE,
    )
    expect(settings).toEqual({
      matchOn: ['tools', 'params'],
      normalize: [
        { builtin: 'timestamps' },
        { builtin: 'uuids' },
        { pattern: 'ticket-\\d+', replace: '<ticket>' },
        { pattern: 'run \\d+', replace: '<normalized>' },
      ],
      redact: { headers: ['x-customer-id'], body: ['user', 'messages[*].name'] },
    })
    expect(parseRecordSettings('', SOURCE)).toEqual(DEFAULT_RECORD_SETTINGS)
  })

  it('names the file and the setting at fault', () => {
    const fails = (text: string) => () => parseRecordSettings(text, SOURCE)
    expect(fails('match_on: [temperature]')).toThrow(
      'rec/mocktopus.record.yaml: match_on takes tools, params, got "temperature"',
    )
    expect(fails('normalize: [dates]')).toThrow('normalize[0]: "dates" is not timestamps or uuids')
    expect(fails("normalize: [{ pattern: '(a)\\1' }]")).toThrow('normalize[0].pattern')
    expect(fails('redact: { cookies: [a] }')).toThrow('redact.cookies is not a setting')
    expect(fails('redact: { body: ["a..b"] }')).toThrow('redact.body')
    expect(fails('matchon: [tools]')).toThrow('matchon is not a setting')
    expect(fails('[')).toThrow('not YAML')
  })
})

describe('the flags', () => {
  it('reads --redact words', () => {
    expect(parseRedactFlag('header:X-A, body:metadata.id')).toEqual({
      headers: ['x-a'],
      body: ['metadata.id'],
    })
    expect(() => parseRedactFlag('cookie:a')).toThrow('"cookie:a" is not header:NAME or body:PATH')
  })

  it('add to the directory settings, never take away', () => {
    const own: RecordSettings = {
      ...DEFAULT_RECORD_SETTINGS,
      matchOn: ['tools'],
      redact: { headers: ['x-a'], body: [] },
    }
    expect(
      mergeRecordSettings(own, {
        matchOn: ['params', 'tools'],
        redact: { headers: ['x-a', 'x-b'], body: ['user'] },
      }),
    ).toEqual({
      matchOn: ['tools', 'params'],
      normalize: [],
      redact: { headers: ['x-a', 'x-b'], body: ['user'] },
    })
  })

  it('are described for the banner', () => {
    const lines = describeRecordSettings({
      matchOn: ['params'],
      normalize: [{ builtin: 'timestamps' }, { pattern: 'a+', replace: '<a>' }],
      redact: { headers: ['x-a'], body: ['user'] },
    })
    expect(lines).toEqual([
      'match on: endpoint, model, conversation, params',
      'redacted: credentials (authorization, x-api-key, x-goog-api-key, ?key=, keys in error messages), header x-a, body user',
      'normalized in prompts: timestamps, /a+/ -> <a>',
    ])
  })
})
