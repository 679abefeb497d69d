import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { mocktopus, startServe } from './run.js'

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8'))
const COMMANDS = ['serve', 'validate', 'explain', 'simulate', 'init', 'example', 'doctor']

describe('mocktopus (the built program)', () => {
  it('prints its version from package.json', async () => {
    const result = await mocktopus(['--version'])
    expect(result).toMatchObject({ code: 0, stdout: `${manifest.version}\n`, stderr: '' })
  })

  it('prints help listing every command', async () => {
    const result = await mocktopus(['--help'])
    expect(result.code).toBe(0)
    for (const command of COMMANDS)
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'))
  })

  it.each(COMMANDS)('prints help for %s', async (command) => {
    const result = await mocktopus([command, '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`$ mocktopus ${command}`)
    expect(result.stdout).toContain('Options:')
  })

  it('rejects an unknown command with a suggestion and exit 2', async () => {
    const result = await mocktopus(['serv'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'error: unknown command "serv"; did you mean "serve"? Run "mocktopus --help" for the list of commands.\n',
    )
    expect(result.stdout).toBe('')
  })

  it('rejects an unknown flag with exit 2', async () => {
    const result = await mocktopus(['validate', 'x.yaml', '--strict'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('error: unknown option --strict (see "mocktopus validate --help")\n')
  })

  it('rejects a flag without its value with exit 2', async () => {
    const result = await mocktopus(['serve', '--port'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^error: option -p, --port <port> needs a value/)
  })

  it('prints the help on stderr and exits 2 without a command', async () => {
    const result = await mocktopus([])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('Usage:')
  })

  it('never colours output that is not a terminal', async () => {
    const result = await mocktopus(['validate', 'missing.yaml'], { env: { NO_COLOR: undefined } })
    expect(result.stdout + result.stderr).not.toContain('\u001b[')
  })

  describe('code cache', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'mocktopus-program-cache-'))
    afterAll(() => rmSync(tmp, { recursive: true, force: true }))
    const cacheDir = () =>
      readdirSync(tmp).filter((name) => name.startsWith('mocktopus-compile-cache'))

    it('saves one per command on the first run and answers the same from it', async () => {
      const env = { TMPDIR: tmp }
      const first = await mocktopus(['--version'], { env })
      const [dir] = cacheDir()
      expect(dir).toBeDefined()
      const cached = () => readdirSync(join(tmp, dir ?? ''))
      expect(cached()).toEqual([expect.stringMatching(/^command\.cjs--v\d+.*\.v8$/)])
      expect(await mocktopus(['--version'], { env })).toEqual(first)

      await mocktopus(['validate', '--help'], { env })
      expect(cached()).toHaveLength(2)
      expect(cached()).toContainEqual(expect.stringMatching(/^command\.cjs-validate-v/))
    })

    it('is saved by a running server once its start-up is over, not only at exit', async () => {
      const own = mkdtempSync(join(tmp, 'serve-'))
      const server = await startServe(['--port', '0'], { env: { TMPDIR: own } })
      try {
        const saved = () =>
          readdirSync(own).flatMap((dir) =>
            readdirSync(join(own, dir)).filter((name) => name.startsWith('command.cjs-serve-')),
          )
        for (let waited = 0; saved().length === 0 && waited < 10_000; waited += 100) {
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        expect(saved()).toHaveLength(1)
        expect(server.child.exitCode).toBeNull()
      } finally {
        await server.stop()
      }
    })

    it('writes nothing under NODE_DISABLE_COMPILE_CACHE', async () => {
      const off = mkdtempSync(join(tmp, 'off-'))
      const result = await mocktopus(['--version'], {
        env: { TMPDIR: off, NODE_DISABLE_COMPILE_CACHE: '1' },
      })
      expect(result).toMatchObject({ code: 0, stdout: `${manifest.version}\n` })
      expect(readdirSync(off)).toEqual([])
    })
  })
})
