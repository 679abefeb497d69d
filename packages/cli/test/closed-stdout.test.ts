import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'

const fixtures = join(import.meta.dirname, 'fixtures')

interface ClosedRun {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stderr: string
}

/**
 * Runs the built `mocktopus` with its stdout pipe closed by the reader before the first write,
 * as `mocktopus explain | head -1` does after one line: every write then fails with EPIPE.
 */
function mocktopusIntoClosedPipe(args: readonly string[]): Promise<ClosedRun> {
  const child = spawn(process.execPath, [inject('cliBin'), ...args], {
    cwd: fixtures,
    env: { ...process.env, TMPDIR: inject('cliTmpdir') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.destroy()
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stderr }))
  })
}

describe('mocktopus with a closed stdout (subprocess)', () => {
  it('ends explain quietly with its own exit status', async () => {
    const hit = await mocktopusIntoClosedPipe(['explain', '-s', 'valid.yaml', '--prompt', 'hello'])
    expect(hit).toEqual({ code: 0, signal: null, stderr: '' })
    const miss = await mocktopusIntoClosedPipe([
      'explain',
      '-s',
      'no-fallback.yaml',
      '--prompt',
      'hello',
    ])
    expect(miss).toEqual({ code: 1, signal: null, stderr: '' })
  })

  it('ends validate quietly with its own exit status', async () => {
    const valid = await mocktopusIntoClosedPipe(['validate', 'valid.yaml', 'warnings.yaml'])
    expect(valid).toEqual({ code: 0, signal: null, stderr: '' })
    const invalid = await mocktopusIntoClosedPipe(['validate', 'invalid.yaml', 'valid.yaml'])
    expect(invalid).toEqual({ code: 1, signal: null, stderr: '' })
  })

  it('still reports errors on stderr', async () => {
    const result = await mocktopusIntoClosedPipe(['explain', '-s', 'missing.yaml', '--prompt', 'x'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^error: .*missing\.yaml/)
  })
})
