import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../../..')

// An API path is spelled in quotes in at most this many source files: `ENDPOINTS` in
// @mocktopus/scenario and the endpoint table in @mocktopus/responders; everything else,
// @example lines included, names those constants.
const MAX_FILES = 2

const PATHS = [
  '/v1/chat/completions',
  '/v1/messages',
  '/v1/embeddings',
  '/v1/responses',
  '/v1/completions',
  '/v1/models',
] as const

// Files that still spell a path but are being changed by other work; the test fails once a
// file no longer does, so its entry goes with the fix.
const PENDING: Partial<Record<(typeof PATHS)[number], readonly string[]>> = {}

function sourceFiles(): string[] {
  const files: string[] = []
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src')
    if (!existsSync(src)) continue
    for (const entry of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (entry.endsWith('.ts') && !entry.endsWith('.test.ts')) files.push(join(src, entry))
    }
  }
  return files
}

/** The source files (relative to the repo, `/`-separated) that spell `path` as a string. */
function filesSpelling(path: string, files: readonly string[]): string[] {
  const quoted = new RegExp(`['"]${path.replaceAll('/', '\\/')}['"]`)
  return files
    .filter((file) => quoted.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file).replaceAll('\\', '/'))
    .sort()
}

describe('API path literals', () => {
  const files = sourceFiles()

  it.each(PATHS)('%s is spelled in at most two source files', (path) => {
    const pending = PENDING[path] ?? []
    const spelled = filesSpelling(path, files)
    expect(spelled).toEqual(expect.arrayContaining([...pending]))
    const rest = spelled.filter((file) => !pending.includes(file))
    expect(rest.length, rest.join('\n')).toBeLessThanOrEqual(MAX_FILES)
  })
})
