import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ScenarioError, ScenarioNotFoundError } from './errors.js'
import { loadScenario } from './load.js'

const dir = mkdtempSync(join(tmpdir(), 'mocktopus-load-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('loadScenario', () => {
  it('reads and parses a file, with the path as source', async () => {
    const path = join(dir, 'ok.yaml')
    writeFileSync(path, 'version: 1\nrules:\n  - type: llm\n    respond: { content: hi }\n')
    const scenario = await loadScenario(path)
    expect(scenario.source).toBe(path)
    expect(scenario.rules[0]?.line).toBe(3)
  })

  it('names the path when there is no file', async () => {
    const path = join(dir, 'missing.yaml')
    const error = await loadScenario(path).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ScenarioNotFoundError)
    expect(error).toMatchObject({ code: 'SCENARIO_NOT_FOUND', path })
    expect((error as Error).message).toBe(
      `scenario file not found: ${path} (check the path and the working directory)`,
    )
  })

  it('reports issues with the path as source', async () => {
    const path = join(dir, 'bad.yaml')
    writeFileSync(path, 'version: 1\nrules:\n  - type: lm\n    respond: {}\n')
    await expect(loadScenario(path)).rejects.toThrow(`${path}:3:11 rules[0].type: must be one of`)
  })

  it('says so when the path is a directory', async () => {
    const error = await loadScenario(dir).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ScenarioError)
    expect((error as Error).message).toBe(`${dir} is a directory, not a scenario file`)
  })
})
