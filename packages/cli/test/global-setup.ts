/**
 * Builds the CLI once for the subprocess tests: the real `src/bin.ts` through tsup, as
 * `pnpm build` does, but bundled with the sibling packages' source into a private folder.
 * Running `dist/bin.js` instead would race with anything else rebuilding `dist/` (tsup cleans
 * it first) and would test stale siblings whenever they were not rebuilt.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'tsup'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the built `mocktopus` executable script. */
    cliBin: string
  }
}

const root = join(import.meta.dirname, '..')

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'mocktopus-cli-test-'))
  await build({
    config: false,
    entry: { bin: join(root, 'src/bin.ts') },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    splitting: true,
    dts: false,
    sourcemap: false,
    silent: true,
    noExternal: [/.*/],
    // Some bundled CommonJS dependencies call require(); give them one in the ESM output.
    banner: {
      js: "import { createRequire as __mocktopusRequire } from 'node:module'; const require = __mocktopusRequire(import.meta.url);",
    },
    esbuildOptions(options) {
      options.conditions = ['@mocktopus/source']
    },
  })
  project.provide('cliBin', join(outDir, 'bin.js'))
  return () => rm(outDir, { recursive: true, force: true })
}
