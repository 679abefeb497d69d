import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecordingsError } from '../../record/errors.js'
import { loadRecordings } from './load-recordings.js'
import { loadRecordSettings } from './settings-file.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-settings-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const file = () => join(dir, 'mocktopus.record.yaml')

describe('loadRecordSettings', () => {
  it('is the defaults without a file, and writes nothing then', async () => {
    const loaded = await loadRecordSettings(dir, { save: true })
    expect(loaded.settings.matchOn).toEqual([])
    expect(loaded.saved).toBe(false)
    await expect(readFile(file(), 'utf8')).rejects.toThrow('ENOENT')
  })

  it('writes what the flags add when recording, keeping comments', async () => {
    await writeFile(file(), '# our team settings\nnormalize: [timestamps] # dates move\n')
    const loaded = await loadRecordSettings(dir, {
      matchOn: ['params'],
      redact: { headers: ['x-customer-id'], body: [] },
      save: true,
    })
    expect(loaded.saved).toBe(true)
    const text = await readFile(file(), 'utf8')
    expect(text).toContain('# our team settings')
    expect(text).toContain('# dates move')
    const again = await loadRecordSettings(dir)
    expect(again.settings).toEqual({
      matchOn: ['params'],
      normalize: [{ builtin: 'timestamps' }],
      redact: { headers: ['x-customer-id'], body: [] },
    })
  })

  it('only reads when replaying', async () => {
    const loaded = await loadRecordSettings(dir, { matchOn: ['tools'] })
    expect(loaded.settings.matchOn).toEqual(['tools'])
    expect(loaded.saved).toBe(false)
    await expect(readFile(file(), 'utf8')).rejects.toThrow('ENOENT')
  })

  it('refuses a file that is not valid, naming it', async () => {
    await writeFile(file(), 'match_on: sometimes\n')
    const error = await loadRecordSettings(dir).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RecordingsError)
    expect((error as Error).message).toBe(
      `${file()}: match_on takes tools, params, got "sometimes"`,
    )
  })

  it('is never loaded as recordings', async () => {
    await writeFile(file(), 'match_on: [tools]\n')
    const recordings = await loadRecordings(dir)
    expect(recordings.files).toEqual([])
  })
})
