import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCLI } from '../cli.js'
import { captureContext } from '../test-context.js'
import { serveSettings } from './serve.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

describe('serve --match-on, --redact, --replay-timing', () => {
  it('reads them for the recording modes', () => {
    const settings = serveSettings({
      mode: 'record',
      recordingsDir: 'rec',
      matchOn: 'tools,params',
      redact: ['header:x-customer', 'body:metadata.id,body:user'],
    })
    expect(settings.upstream).toMatchObject({
      matchOn: ['tools', 'params'],
      redact: ['header:x-customer', 'body:metadata.id', 'body:user'],
    })
    const replay = serveSettings({ mode: 'replay', recordingsDir: 'rec', replayTiming: 'recorded' })
    expect(replay.upstream.replayTiming).toBe('recorded')
  })

  it('refuses what cannot be meant, naming the flag', () => {
    expect(() => serveSettings({ matchOn: 'tools' })).toThrow(
      '--match-on is for --mode record and --mode replay',
    )
    expect(() => serveSettings({ mode: 'record', recordingsDir: 'r', matchOn: 'temp' })).toThrow(
      '--match-on takes tools, params; got "temp"',
    )
    expect(() => serveSettings({ mode: 'record', recordingsDir: 'r', redact: 'user' })).toThrow(
      '--redact takes header:NAME or body:PATH; got "user"',
    )
    expect(() =>
      serveSettings({ mode: 'record', recordingsDir: 'r', replayTiming: 'recorded' }),
    ).toThrow('--replay-timing is for --mode replay')
    expect(() =>
      serveSettings({ mode: 'replay', recordingsDir: 'r', replayTiming: 'slow' }),
    ).toThrow('--replay-timing must be one of none, recorded; got "slow"')
  })

  it('lists what is redacted in the record banner and keeps the flags in the directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mocktopus-settings-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    const context = captureContext()
    const exit = runCLI(
      `mocktopus serve --port 0 --mode record --recordings-dir ${dir} --upstream http://127.0.0.1:9/v1 --match-on params --redact header:x-customer-id --redact body:metadata.customer_id`,
      context,
    )
    for (let i = 0; i < 400 && !context.stdout.join('\n').includes('Press Ctrl+C'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    context.controller.abort()
    await exit
    const out = context.stdout.join('\n')
    expect(out).toContain('redacted: credentials')
    expect(out).toContain('header x-customer-id, body metadata.customer_id')
    expect(out).toContain('match on: endpoint, model, conversation, params')
    const saved = await readFile(join(dir, 'mocktopus.record.yaml'), 'utf8')
    expect(saved).toContain('match_on:\n  - params')
    expect(saved).toContain('x-customer-id')
    expect(saved).toContain('metadata.customer_id')
  })
})
