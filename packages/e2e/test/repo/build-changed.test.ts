import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// `pnpm start`'s build step (scripts/build-changed.mjs), run on a small copy of the workspace's
// shape: six packages with the real dependency edges, whose build script writes dist/ and says
// so. What it prints and what it builds are the packages that changed and those built on them.

const root = join(import.meta.dirname, '../../../..')
const work = mkdtempSync(join(tmpdir(), 'mocktopus-build-changed-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const DEPENDS: Record<string, string[]> = {
  scenario: [],
  responders: ['scenario'],
  server: ['scenario', 'responders'],
  stub: ['scenario', 'responders'],
  cli: ['scenario', 'responders', 'server', 'stub'],
  mocktopus: ['cli', 'scenario', 'server', 'stub'],
}
const name = (pkg: string) => (pkg === 'mocktopus' ? 'mocktopus' : `@mocktopus/${pkg}`)

mkdirSync(join(work, 'scripts'))
copyFileSync(join(root, 'scripts/build-changed.mjs'), join(work, 'scripts/build-changed.mjs'))
writeFileSync(join(work, 'tsconfig.base.json'), '{}')
writeFileSync(join(work, 'pnpm-lock.yaml'), '')
for (const [pkg, deps] of Object.entries(DEPENDS)) {
  const dir = join(work, 'packages', pkg)
  mkdirSync(join(dir, 'src'), { recursive: true })
  writeFileSync(join(dir, 'src/index.ts'), 'export {}\n')
  writeFileSync(join(dir, 'src/index.test.ts'), '')
  const build = `node -e "require('fs').mkdirSync('dist',{recursive:true});require('fs').writeFileSync('dist/index.js','')"`
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: name(pkg),
      scripts: { build },
      dependencies: Object.fromEntries(deps.map((dep) => [name(dep), 'workspace:^'])),
    }),
  )
}

// The packages it built, in order, from what it prints.
function run(): string[] {
  const stderr = execFileSync(
    'sh',
    ['-c', `"${process.execPath}" scripts/build-changed.mjs 2>&1 >/dev/null`],
    { cwd: work, encoding: 'utf8' },
  )
  return [...stderr.matchAll(/\[mocktopus\] building (\S+)/g)].map((m) => m[1] as string)
}

// Times set rather than waited for: every source ten minutes old, every build output ten
// seconds old, and the changed file five seconds old, newer than the outputs and older than the
// next build's.
const ago = (seconds: number) => new Date(Date.now() - seconds * 1000)
function setTime(path: string, time: Date) {
  utimesSync(join(work, path), time, time)
}
function ageSources() {
  for (const pkg of Object.keys(DEPENDS)) {
    for (const file of ['package.json', 'src/index.ts', 'src/index.test.ts']) {
      setTime(`packages/${pkg}/${file}`, ago(600))
    }
  }
  setTime('tsconfig.base.json', ago(600))
  setTime('pnpm-lock.yaml', ago(600))
}
ageSources()

function change(path: string) {
  ageSources()
  for (const pkg of Object.keys(DEPENDS)) setTime(`packages/${pkg}/dist/index.js`, ago(10))
  setTime(path, ago(5))
}

describe('scripts/build-changed.mjs', () => {
  it('builds every package the first time, in dependency order', () => {
    expect(run()).toEqual([
      '@mocktopus/scenario',
      '@mocktopus/responders',
      '@mocktopus/server',
      '@mocktopus/stub',
      '@mocktopus/cli',
      'mocktopus',
    ])
  })

  it('builds nothing on a built tree', () => {
    expect(run()).toEqual([])
  })

  it('builds a changed package and those built on it, not those below', () => {
    change('packages/stub/src/index.ts')
    expect(run()).toEqual(['@mocktopus/stub', '@mocktopus/cli', 'mocktopus'])
    expect(run()).toEqual([])
  })

  it('ignores tests, which no build reads', () => {
    change('packages/scenario/src/index.test.ts')
    expect(run()).toEqual([])
  })

  it('rebuilds everything when a root file every build reads changes', () => {
    change('tsconfig.base.json')
    expect(run()).toHaveLength(6)
  })
})
