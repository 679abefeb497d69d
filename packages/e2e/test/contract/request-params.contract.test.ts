import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { OPENAI_SPEC_PATH } from '../../src/contracts.js'

const repoRoot = resolve(import.meta.dirname, '../../../..')
const script = join(repoRoot, 'packages/responders/scripts/gen-request-params.mjs')
const vendored = join(repoRoot, 'packages/responders/src/engine/strict/openai-params.generated.ts')

function check(out: string) {
  return spawnSync(
    process.execPath,
    [script, '--check', '--spec', OPENAI_SPEC_PATH, '--out', out],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  )
}

// Strict mode's OpenAI parameter lists are vendored into the repository so `pnpm test` needs
// nothing outside it; this regenerates them from the spec and fails while they differ.
// Each run parses the whole spec (about 3 MB of YAML): seconds on a busy machine.
describe('the vendored OpenAI request parameters', { timeout: 120_000 }, () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  it('are what the OpenAI OpenAPI spec gives', () => {
    const result = check(vendored)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('are reported stale when a parameter is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mocktopus-params-'))
    dirs.push(dir)
    const stale = join(dir, 'openai-params.generated.ts')
    const text = await readFile(vendored, 'utf8')
    expect(text).toContain("'parallel_tool_calls',\n")
    await writeFile(stale, text.replace("'parallel_tool_calls',\n", ''))
    const result = check(stale)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('is stale')
  })
})
