import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { templateText } from './scenarios.js'
import { installedSchema, SCHEMA_URL, withInstalledSchema } from './schema-link.js'

let project: string
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'mocktopus-schema-link-'))
})
afterEach(() => rmSync(project, { recursive: true, force: true }))

function install(dir: string, name: string, manifest: object, files: Record<string, string>) {
  const at = join(dir, 'node_modules', name)
  mkdirSync(at, { recursive: true })
  writeFileSync(join(at, 'package.json'), JSON.stringify({ name, ...manifest }))
  for (const [file, text] of Object.entries(files)) writeFileSync(join(at, file), text)
  return at
}

const scenarioPackage = (dir: string) =>
  install(
    dir,
    '@mocktopus/scenario',
    { exports: { './schema.json': './schema.json' } },
    { 'schema.json': '{}' },
  )

describe('the $schema of a written scenario', () => {
  it('every template names the published schema', () => {
    for (const name of ['basic', 'rag', 'agents', 'multimodal', 'enterprise'] as const) {
      expect(templateText(name).split('\n')[0]).toBe(
        `# yaml-language-server: $schema=${SCHEMA_URL}`,
      )
    }
  })

  it('keeps the published address where nothing is installed', () => {
    const file = join(project, 'mocktopus.yaml')
    expect(installedSchema(file)).toBeUndefined()
    expect(withInstalledSchema(templateText('basic'), file)).toBe(templateText('basic'))
  })

  it('names the hoisted @mocktopus/scenario schema relative to the file (npm)', () => {
    scenarioPackage(project)
    mkdirSync(join(project, 'test/fixtures'), { recursive: true })
    expect(withInstalledSchema(templateText('basic'), join(project, 'scenario.yaml'))).toMatch(
      /^# yaml-language-server: \$schema=\.\/node_modules\/@mocktopus\/scenario\/schema\.json\n/,
    )
    expect(
      withInstalledSchema(templateText('rag'), join(project, 'test/fixtures/rag.yaml')).split(
        '\n',
      )[0],
    ).toBe('# yaml-language-server: $schema=../../node_modules/@mocktopus/scenario/schema.json')
  })

  it('finds it beside the mocktopus package when only that is a direct dependency (pnpm)', () => {
    const store = join(project, 'node_modules/.pnpm/mocktopus@0.1.0')
    scenarioPackage(store)
    const unscoped = install(
      store,
      'mocktopus',
      { type: 'module', exports: { '.': './index.js' } },
      { 'index.js': 'export {}' },
    )
    // The project's node_modules/mocktopus is a link into the store, where its sibling lives.
    symlinkSync(unscoped, join(project, 'node_modules/mocktopus'))
    expect(withInstalledSchema(templateText('basic'), join(project, 's.yaml')).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/.pnpm/mocktopus@0.1.0/node_modules/@mocktopus/scenario/schema.json',
    )
  })
})
