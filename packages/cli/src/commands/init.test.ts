import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseScenario } from '@mocktopus/scenario'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCLI } from '../cli.js'
import { TEMPLATE_NAMES, templateText } from '../scenarios.js'
import { captureContext } from '../test-context.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-init-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('mocktopus init', () => {
  it('writes the basic template to mocktopus.yaml and says what to run next', async () => {
    const context = captureContext({ cwd: dir })
    expect(await runCLI('mocktopus init', context)).toBe(0)
    expect(await readFile(join(dir, 'mocktopus.yaml'), 'utf8')).toBe(templateText('basic'))
    expect(context.stdout[0]).toBe('✓ wrote mocktopus.yaml from the basic template')
    expect(context.stdout).toContain('  mocktopus serve -s mocktopus.yaml --watch')
  })

  it.each(TEMPLATE_NAMES)('writes the %s template, which loads', async (name) => {
    const context = captureContext({ cwd: dir })
    expect(await runCLI(`mocktopus init --template ${name} -o ${name}.yaml`, context)).toBe(0)
    const text = await readFile(join(dir, `${name}.yaml`), 'utf8')
    expect(parseScenario(text).rules.length).toBeGreaterThan(2)
  })

  it('refuses to overwrite a file without --force (exit 1)', async () => {
    await writeFile(join(dir, 'mocktopus.yaml'), 'mine')
    const context = captureContext({ cwd: dir })
    expect(await runCLI('mocktopus init', context)).toBe(1)
    expect(context.stderr).toEqual([
      'error: mocktopus.yaml already exists; pass --force to overwrite it, or -o to write another file',
    ])
    expect(await readFile(join(dir, 'mocktopus.yaml'), 'utf8')).toBe('mine')
  })

  it('overwrites with --force', async () => {
    await writeFile(join(dir, 'mocktopus.yaml'), 'mine')
    expect(
      await runCLI('mocktopus init --force --template rag', captureContext({ cwd: dir })),
    ).toBe(0)
    expect(await readFile(join(dir, 'mocktopus.yaml'), 'utf8')).toBe(templateText('rag'))
  })

  it('names a folder that does not exist (exit 1)', async () => {
    const context = captureContext({ cwd: dir })
    expect(await runCLI('mocktopus init -o nowhere/x.yaml', context)).toBe(1)
    expect(context.stderr).toEqual([
      'error: cannot write nowhere/x.yaml: its folder does not exist',
    ])
  })

  it('rejects an unknown template (exit 2)', async () => {
    const context = captureContext({ cwd: dir })
    expect(await runCLI('mocktopus init --template chatbot', context)).toBe(2)
    expect(context.stderr).toEqual([
      'error: --template must be one of basic, rag, agents, multimodal, enterprise; got "chatbot"',
    ])
  })
})
