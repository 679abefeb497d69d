/**
 * Stub/server parity: for the same scenario and the same sequence of requests, the stub client
 * and the server (through its in-process `fetch`) give equal bodies, equal chunk sequences and
 * equal errors. Runs over every example scenario and the shared fixtures, probing each rule
 * through chat completions (plain and streamed), the Responses API (plain and streamed) and
 * embeddings (float, and base64 as the SDK asks for it and decodes it), and each rule the
 * Messages API can answer through the Anthropic stub (plain and streamed) on the same engine.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseScenario, type Scenario } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { expectParity } from './parity.js'
import { probesFor, sampleFromGlob, sampleFromRegex } from './probes.js'

const root = resolve(import.meta.dirname, '../../../..')

function scenarioFiles(): string[] {
  const examples = readdirSync(join(root, 'examples'))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => join(root, 'examples', name))
  return [
    ...examples,
    join(root, 'examples/app/support.yaml'),
    join(root, 'packages/e2e/fixtures/support.yaml'),
  ]
}

function load(file: string): Scenario {
  return parseScenario(readFileSync(file, 'utf8'), { source: relative(root, file) })
}

describe('stub/server parity', () => {
  const files = scenarioFiles()

  it('covers the example scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(7)
  })

  for (const file of files) {
    const label = relative(root, file)
    it(`gives equal answers for ${label}`, async () => {
      await expectParity(load(file), label)
    })
  }

  it('probes reach most rules, so the comparison is not vacuous', () => {
    let rules = 0
    let reached = 0
    for (const file of files) {
      for (const probe of probesFor(load(file))) {
        if (probe.rule < 0) continue
        rules++
        if (probe.reachesRule) reached++
      }
    }
    expect(reached / rules).toBeGreaterThan(0.9)
  })

  it('reach the Messages API rules too, so the Anthropic comparison is not vacuous', () => {
    let rules = 0
    let reached = 0
    for (const file of files) {
      for (const probe of probesFor(load(file), { provider: 'anthropic' })) {
        if (probe.rule < 0) continue
        rules++
        if (probe.reachesRule) reached++
      }
    }
    expect(rules).toBeGreaterThan(10)
    expect(reached / rules).toBeGreaterThan(0.9)
  })
})

describe('probe samples', () => {
  it('turn globs into a model the glob accepts', () => {
    expect(sampleFromGlob('gpt-4o*')).toBe('gpt-4o')
    expect(sampleFromGlob('o[1-9]*')).toBe('o1')
    expect(sampleFromGlob('gpt-?')).toBe('gpt-x')
    expect(sampleFromGlob('*')).toBe('gpt-4o-mini')
  })

  it('turn regexes into text the regex accepts', () => {
    expect(sampleFromRegex('\\d+\\s*\\+\\s*\\d+')).toBe('2 + 2')
    expect(sampleFromRegex('weather|temperature')).toBe('weather')
    expect(sampleFromRegex('Triage:.*(charged|refund)')).toBe('Triage:xcharged')
    expect(sampleFromRegex('(?P<city>[A-Z][a-z]+) weather')).toBe('Aa weather')
  })
})
