/**
 * What `mocktopus serve` loads before its first answer: Node's undici (behind the global
 * `fetch`, `Request` and `Response`, some 30 ms) and TLS (`node:https`, some 3 ms) load only
 * when a request needs them. One `class extends Response` or `import 'node:https'` at the top
 * of a module loads them at every start; this finds it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { type RunningServe, startServe } from './run.js'

const work = mkdtempSync(join(tmpdir(), 'mocktopus-lazy-modules-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

// Preloaded into the server: on SIGUSR2, writes the modules Node has loaded so far.
const PRELOAD = join(work, 'preload.cjs')
writeFileSync(
  PRELOAD,
  `process.on('SIGUSR2', () => require('node:fs').writeFileSync(process.env.LOADED_OUT, JSON.stringify(process.moduleLoadList)))\n`,
)

const started: RunningServe[] = []
afterEach(async () => {
  for (const server of started.splice(0)) await server.stop('SIGKILL')
})

async function loadedAfterHealth(args: readonly string[], name: string): Promise<string[]> {
  const out = join(work, `${name}.json`)
  const server = await startServe(args, {
    env: { NODE_OPTIONS: `--require ${PRELOAD}`, LOADED_OUT: out },
  })
  started.push(server)
  expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200)
  server.child.kill('SIGUSR2')
  for (let i = 0; i < 100 && !existsSync(out); i++) await new Promise((r) => setTimeout(r, 20))
  return JSON.parse(readFileSync(out, 'utf8')) as string[]
}

const HEAVY = /undici|^NativeModule (https|tls|_tls_wrap)$/

describe.runIf(process.platform !== 'win32')('modules loaded at start-up', () => {
  it('mock mode answers its first /health without undici or TLS', async () => {
    const loaded = await loadedAfterHealth(['--port', '0'], 'mock')
    expect(loaded.some((name) => name.includes('NativeModule'))).toBe(true)
    expect(loaded.filter((name) => HEAVY.test(name))).toEqual([])
  })

  it('replay and record modes too, before any request goes upstream', async () => {
    const dir = join(work, 'recordings')
    const replay = await loadedAfterHealth(
      ['--port', '0', '--mode', 'replay', '--recordings-dir', work],
      'replay',
    )
    expect(replay.filter((name) => HEAVY.test(name))).toEqual([])
    const record = await loadedAfterHealth(
      [
        '--port',
        '0',
        '--mode',
        'record',
        '--recordings-dir',
        dir,
        '--upstream',
        'https://example.invalid/v1',
      ],
      'record',
    )
    expect(record.filter((name) => HEAVY.test(name))).toEqual([])
  })
})
