import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCLI } from '../cli.js'
import { captureContext } from '../test-context.js'

const fixtures = join(import.meta.dirname, '../../test/fixtures')

describe('mocktopus validate', () => {
  it('prints each valid file with its rule count and exits 0', async () => {
    const context = captureContext({ cwd: fixtures })
    expect(await runCLI('mocktopus validate valid.yaml', context)).toBe(0)
    expect(context.stdout).toEqual(['✓ valid.yaml: 5 rules'])
  })

  it('prints schema errors as file:line:column path: message and exits 1', async () => {
    const context = captureContext({ cwd: fixtures })
    expect(await runCLI('mocktopus validate invalid.yaml', context)).toBe(1)
    expect(context.stdout).toEqual([
      'invalid.yaml:5:7 rules[0].when.modle: unknown key "modle"; did you mean "model"?',
      'invalid.yaml:10:23 rules[1].when.messages_regex: invalid regular expression "(unclosed": Unterminated group',
      '✗ invalid.yaml: 2 errors',
    ])
  })

  it('prints YAML syntax errors with their position', async () => {
    const context = captureContext({ cwd: fixtures })
    expect(await runCLI('mocktopus validate not-yaml.yaml', context)).toBe(1)
    expect(context.stdout[0]).toMatch(/^not-yaml\.yaml:\d+:\d+ YAML: /)
  })

  it('prints logical problems as warnings and still exits 0', async () => {
    const context = captureContext({ cwd: fixtures })
    expect(await runCLI('mocktopus validate warnings.yaml', context)).toBe(0)
    expect(context.stdout).toHaveLength(4)
    expect(context.stdout[0]).toMatch(/^warnings\.yaml:3 rules\[0\]: warning: "when" is empty/)
    expect(context.stdout[1]).toMatch(
      /^warnings\.yaml:6 rules\[1\]: warning: never selected: rules\[0\]/,
    )
    expect(context.stdout[2]).toMatch(
      /^warnings\.yaml:6 rules\[1\]: warning: usage reports 0 tokens/,
    )
    expect(context.stdout[3]).toBe('✓ warnings.yaml: 2 rules, 3 warnings')
  })

  it('checks every file, names a missing one, and exits 1 if any is invalid', async () => {
    const context = captureContext({ cwd: fixtures })
    expect(await runCLI('mocktopus validate valid.yaml missing.yaml', context)).toBe(1)
    expect(context.stdout).toEqual([
      '✓ valid.yaml: 5 rules',
      'missing.yaml: scenario file not found: missing.yaml (check the path and the working directory)',
      '✗ missing.yaml: 1 error',
      '1 of 2 files invalid',
    ])
  })

  it('prints a machine-readable report with --json', async () => {
    const context = captureContext({ cwd: fixtures })
    expect(
      await runCLI('mocktopus validate --json valid.yaml invalid.yaml warnings.yaml', context),
    ).toBe(1)
    const report = JSON.parse(context.stdout.join('\n'))
    expect(report.valid).toBe(false)
    expect(report.files.map((f: { file: string; valid: boolean }) => [f.file, f.valid])).toEqual([
      ['valid.yaml', true],
      ['invalid.yaml', false],
      ['warnings.yaml', true],
    ])
    expect(report.files[1].errors[0]).toEqual({
      path: 'rules[0].when.modle',
      message: 'unknown key "modle"; did you mean "model"?',
      line: 5,
      column: 7,
    })
    expect(report.files[2].warnings[0]).toMatchObject({ ruleIndex: 0, line: 3 })
    expect(report.files[0].rules).toBe(5)
  })

  it('needs at least one file (exit 2)', async () => {
    const context = captureContext()
    expect(await runCLI('mocktopus validate', context)).toBe(2)
    expect(context.stderr).toEqual([
      'error: validate needs at least one scenario file, e.g. mocktopus validate scenario.yaml',
    ])
  })
})
