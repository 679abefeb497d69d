import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMatcher } from '@mocktopus/scenario'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { describeRecordingMiss } from '../../record/describe-miss.js'
import { RecordingsError } from '../../record/errors.js'
import { loadRecordings } from './load-recordings.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-load-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const YAML = `version: 1
rules:
  - type: llm.openai
    when:
      endpoint: /v1/chat/completions
      model: gpt-4o
      conversation: [{ role: user, content: Hi }]
    respond: { content: Hello }
`

const CASSETTE_LINE = JSON.stringify({
  timestamp: 1,
  request_method: 'POST',
  request_path: '/v1/chat/completions',
  request_body: { model: 'gpt-4', messages: [{ role: 'user', content: 'Old' }] },
  response_status: 200,
  response_body: {
    choices: [{ index: 0, message: { role: 'assistant', content: 'From Python' } }],
  },
})

describe('loadRecordings', () => {
  it('reads YAML recordings and Python cassettes in name order, remembering where each rule is', async () => {
    await writeFile(join(dir, 'b.yaml'), YAML)
    await writeFile(join(dir, 'session_1718000000.jsonl'), `${CASSETTE_LINE}\n`)
    await writeFile(join(dir, 'notes.txt'), 'not a recording')
    await mkdir(join(dir, 'sub.yaml'))
    const loaded = await loadRecordings(dir)
    expect(loaded.files).toEqual(['b.yaml', 'session_1718000000.jsonl'])
    expect(loaded.origins).toEqual([
      { file: 'b.yaml', line: 3 },
      { file: 'session_1718000000.jsonl', line: 1 },
    ])
    expect(loaded.scenario.rules.map((rule) => rule.respond?.content)).toEqual([
      'Hello',
      'From Python',
    ])
  })

  it('says to record first when the directory does not exist', async () => {
    await expect(loadRecordings(join(dir, 'missing'))).rejects.toThrow(RecordingsError)
    await expect(loadRecordings(join(dir, 'missing'))).rejects.toThrow(/record into it first/)
  })
})

describe('describeRecordingMiss', () => {
  it('names the file and line of the closest recording and what differs', async () => {
    await writeFile(join(dir, 'chat.yaml'), YAML)
    const { scenario, origins } = await loadRecordings(dir)
    const request = {
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hey' }],
    }
    const message = describeRecordingMiss(origins)(
      createMatcher(scenario).explain(request),
      scenario,
    )
    expect(message).toBe(
      'no recording matches this request; the closest is chat.yaml:3: conversation differs at message 1: expected user "Hi", got user "Hey"; record it with --mode record, or replay with --record-missing',
    )
  })

  it('says when nothing was recorded at all, or nothing for this endpoint', async () => {
    const empty = await loadRecordings(dir)
    const describe = describeRecordingMiss(empty.origins)
    expect(describe([], empty.scenario)).toMatch(/the recordings directory holds none/)
    await writeFile(join(dir, 'chat.yaml'), YAML)
    const { scenario, origins } = await loadRecordings(dir)
    const request = { endpoint: '/v1/embeddings', model: 'e', input: ['a'] }
    expect(
      describeRecordingMiss(origins)(createMatcher(scenario).explain(request), scenario),
    ).toMatch(/^no recording matches this request: none was recorded for \/v1\/embeddings/)
  })
})
