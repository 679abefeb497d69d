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
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
}

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
        for (const m of text.matchAll(/from\s+['"]@mocktopus\/([a-z-]+)/g)) {
          const target = m[1] as string
          if (target !== pkg && !allowed.includes(target)) {
            offending.push(`${relative(root, file)} imports @mocktopus/${target}`)
          }
        }
      }
      expect(offending).toEqual([])
    })
  }
})
