/**
 * Builds the CLI once for the subprocess tests: the real `src/bin.ts` and `src/command.ts`
 * through tsup, as `pnpm build` does, but bundled with the sibling packages' source into a
 * private folder. Running `dist/bin.cjs` instead would race with anything else rebuilding
 * `dist/` (tsup cleans it first) and would test stale siblings whenever they were not rebuilt.
 * The folder also holds the temporary directory the children get, so their code caches never
 * mix with a real one.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'tsup'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the built `mocktopus` executable script. */
    cliBin: string
    /** TMPDIR for the children: where their code cache goes. */
    cliTmpdir: string
    /** `src/code-cache.ts` built as CommonJS. */
    codeCacheModule: string
  }
}

const root = join(import.meta.dirname, '..')

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'mocktopus-cli-test-'))
  await build({
    config: false,
    entry: {
      bin: join(root, 'src/bin.ts'),
      command: join(root, 'src/command.ts'),
      // For test/code-cache.test.ts, whose runs must each be a process of their own: V8 keeps
      // what it compiled for the life of the process and would never read a cache twice.
      'code-cache': join(root, 'src/code-cache.ts'),
    },
    outDir,
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    platform: 'node',
    target: 'node20',
    dts: false,
    sourcemap: false,
    silent: true,
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.conditions = ['@mocktopus/source']
      options.supported = { ...options.supported, 'dynamic-import': false }
    },
  })
  const childTmpdir = join(outDir, 'tmp')
  await mkdir(childTmpdir)
  project.provide('cliBin', join(outDir, 'bin.cjs'))
  project.provide('cliTmpdir', childTmpdir)
  project.provide('codeCacheModule', join(outDir, 'code-cache.cjs'))
  return () => rm(outDir, { recursive: true, force: true })
}
