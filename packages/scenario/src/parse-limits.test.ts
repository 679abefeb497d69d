import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ScenarioError } from './errors.js'
import { loadScenario } from './load.js'
import { MAX_SCENARIO_SIZE, parseScenario } from './parse.js'

// Each level refers to the one below ten times: expanding level 9 would build 10^9 strings.
function aliasBomb(levels: number): string {
  const lines = ['version: 1', 'a0: &a0 ["lol"]']
  for (let i = 1; i <= levels; i++) {
    lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`)
  }
  lines.push(`rules: []`)
  return lines.join('\n')
}

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('parseScenario limits', () => {
  it('refuses an alias bomb with a ScenarioError that names it', () => {
    const error = thrown(() => parseScenario(aliasBomb(9), { source: 'bomb.yaml' }))
    expect(error).toBeInstanceOf(ScenarioError)
    expect((error as ScenarioError).message).toMatch(
      /^bomb\.yaml:1:1 YAML: too many alias expansions/,
    )
  })

  it('refuses an alias bomb hidden inside a rule', () => {
    const text = `${aliasBomb(6).replace('rules: []', '')}\nrules:\n  - type: llm\n    respond: { content: *a6 }\n`
    expect(() => parseScenario(text)).toThrow(ScenarioError)
  })

  it('still reads a scenario that reuses an anchor a few times', () => {
    const text = `version: 1
rules:
  - { type: llm, when: { model: "a*" }, respond: &reply { content: "hi" } }
  - { type: llm, when: { model: "b*" }, respond: *reply }
`
    expect(parseScenario(text).rules).toHaveLength(2)
  })

  it('refuses text over the size limit before parsing it', () => {
    const text = `version: 1\nrules: []\n# ${'x'.repeat(MAX_SCENARIO_SIZE)}`
    const error = thrown(() => parseScenario(text, { source: 'huge.yaml' }))
    expect(error).toBeInstanceOf(ScenarioError)
    expect((error as ScenarioError).message).toMatch(
      /^huge\.yaml:1:1 the scenario is \d+ characters long, over the limit of 16777216/,
    )
    expect(() => parseScenario('version: 1\nrules: []\n', { maxSize: 8 })).toThrow(/limit of 8/)
  })

  it.each([
    ['a JavaScript function tag', 'respond: !!js/function "function () { return 1 }"'],
    ['a custom local tag', 'respond: !exec "rm -rf /"'],
    ['a binary tag', 'respond: !!binary aGk='],
    ['a set tag', 'respond: !!set { a, b }'],
    ['an ordered map tag', 'respond: !!omap [ a: 1 ]'],
    ['a timestamp tag', 'respond: !!timestamp 2001-12-14'],
  ])('refuses %s', (_name, line) => {
    const text = `version: 1\nrules:\n  - type: llm\n    ${line}\n`
    expect(() => parseScenario(text)).toThrow(ScenarioError)
  })
})

describe('loadScenario limits', () => {
  it('refuses a file far over the size limit without reading it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mocktopus-huge-'))
    try {
      const file = join(dir, 'huge.yaml')
      await writeFile(file, 'version: 1\nrules: []\n')
      // A sparse file: 64 MiB long, no data written.
      await truncate(file, 4 * MAX_SCENARIO_SIZE)
      const error = await loadScenario(file).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ScenarioError)
      expect((error as ScenarioError).message).toContain(
        `the file is ${4 * MAX_SCENARIO_SIZE} bytes, over the scenario size limit`,
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
