import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../../..')

// Packages depend only downward, toward the scenario core.
const ALLOWED: Record<string, readonly string[]> = {
  scenario: [],
  responders: ['scenario'],
  server: ['scenario', 'responders'],
  stub: ['scenario', 'responders'],
  cli: ['scenario', 'responders', 'server', 'stub'],
  // The unscoped `mocktopus` package: the command and the main entry points of all of them.
  mocktopus: ['scenario', 'responders', 'server', 'stub', 'cli'],
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
}

// Every way a module can name another: `import ... from` and `export ... from`, side-effect
// `import '...'`, dynamic `import('...')` and `require('...')`. A plain string is not a use.
const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"`]@mocktopus\/([a-z-]+)/g

/** The @mocktopus packages a module's text imports, in order of appearance. */
function mocktopusImports(text: string): string[] {
  return Array.from(text.matchAll(SPECIFIER), (m) => m[1] as string)
}

describe('mocktopusImports', () => {
  it.each([
    ['a static import', `import { createScenario } from '@mocktopus/scenario'`],
    ['a type import', `import type { Scenario } from "@mocktopus/scenario"`],
    ['an import over several lines', `import {\n  a,\n  b,\n} from '@mocktopus/scenario'`],
    ['a re-export', `export { createScenario } from '@mocktopus/scenario'`],
    ['a star re-export', `export * from '@mocktopus/scenario/node'`],
    ['a side-effect import', `import '@mocktopus/scenario'`],
    ['a dynamic import', `const m = await import('@mocktopus/scenario')`],
    ['a dynamic import with a template literal', 'await import(`@mocktopus/scenario`)'],
    ['a require', `const m = require('@mocktopus/scenario')`],
    ['a require with spaces', `const m = require ( "@mocktopus/scenario" )`],
  ])('finds %s', (_, text) => {
    expect(mocktopusImports(text)).toEqual(['scenario'])
  })

  it('ignores other packages and plain strings', () => {
    const text = [
      `import { Hono } from 'hono'`,
      `const name = '@mocktopus/server'`,
      `console.log('install @mocktopus/cli')`,
    ].join('\n')
    expect(mocktopusImports(text)).toEqual([])
  })
})

describe('package dependency direction', () => {
  for (const [pkg, allowed] of Object.entries(ALLOWED)) {
    const dir = join(root, 'packages', pkg)
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))

    it(`${pkg} declares only the @mocktopus packages below it`, () => {
      const declared = Object.keys({
        ...manifest.dependencies,
        ...manifest.devDependencies,
        ...manifest.peerDependencies,
      })
        .filter((name) => name.startsWith('@mocktopus/'))
        .map((name) => name.slice('@mocktopus/'.length))
      expect(declared.filter((d) => !allowed.includes(d))).toEqual([])
    })

    it(`${pkg} imports only the @mocktopus packages below it`, () => {
      const offending: string[] = []
      for (const file of sourceFiles(join(dir, 'src'))) {
        const text = readFileSync(file, 'utf8')
        for (const target of mocktopusImports(text)) {
          if (target !== pkg && !allowed.includes(target)) {
            offending.push(`${relative(root, file)} imports @mocktopus/${target}`)
          }
        }
      }
      expect(offending).toEqual([])
    })
  }
})
