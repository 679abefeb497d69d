/**
 * Builds the CLI once for the subprocess tests (see ./build-cli.ts) into a private folder that
 * also holds the temporary directory the children get, so their code caches never mix with a
 * real one.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildCLI } from './build-cli.js'

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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'mocktopus-cli-test-'))
  // For test/code-cache.test.ts, whose runs must each be a process of their own: V8 keeps
  // what it compiled for the life of the process and would never read a cache twice.
  const bin = await buildCLI(outDir, { 'code-cache': 'src/code-cache.ts' })
  const childTmpdir = join(outDir, 'tmp')
  await mkdir(childTmpdir)
  project.provide('cliBin', bin)
  project.provide('cliTmpdir', childTmpdir)
  project.provide('codeCacheModule', join(outDir, 'code-cache.cjs'))
  return () => rm(outDir, { recursive: true, force: true })
}
