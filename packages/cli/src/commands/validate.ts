import type { Scenario, ScenarioIssue, ScenarioWarning } from '@mocktopus/scenario'
import { lintScenario, ScenarioError } from '@mocktopus/scenario'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../errors.js'
import type { CLIContext } from '../io.js'
import { booleanOption, type RawOptions } from '../options.js'
import { readScenarioFile } from '../scenario-file.js'

/** One file's outcome, as `--json` prints it. */
export interface FileReport {
  readonly file: string
  readonly valid: boolean
  /** Rules in the file; absent when it could not be parsed. */
  readonly rules?: number
  readonly errors: readonly ScenarioIssue[]
  readonly warnings: readonly ScenarioWarning[]
}

/** What `mocktopus validate --json` prints. */
export interface ValidateReport {
  readonly valid: boolean
  readonly files: readonly FileReport[]
}

async function checkFile(file: string, cwd: string): Promise<FileReport> {
  let scenario: Scenario
  try {
    scenario = await readScenarioFile(file, cwd)
  } catch (error) {
    if (error instanceof ScenarioError) {
      return { file, valid: false, errors: error.issues, warnings: [] }
    }
    const message = error instanceof Error ? error.message : String(error)
    return { file, valid: false, errors: [{ path: '', message }], warnings: [] }
  }
  return {
    file,
    valid: true,
    rules: scenario.rules.length,
    errors: [],
    warnings: lintScenario(scenario),
  }
}

function position(file: string, line: number | undefined, column: number | undefined): string {
  return line === undefined ? `${file}:` : `${file}:${line}:${column ?? 1}`
}

/**
 * `mocktopus validate FILE...`: schema errors as `file:line:column path: message` (exit 1),
 * then the logical checks as warnings (exit 0).
 */
export async function runValidate(
  args: readonly string[],
  options: RawOptions,
  context: CLIContext,
): Promise<number> {
  if (args.length === 0) {
    throw new UsageError(
      'validate needs at least one scenario file, e.g. mocktopus validate scenario.yaml',
    )
  }
  const reports: FileReport[] = []
  for (const file of args) reports.push(await checkFile(file, context.cwd))
  const report: ValidateReport = { valid: reports.every((r) => r.valid), files: reports }

  if (booleanOption(options, 'json')) {
    context.out(JSON.stringify(report, null, 2))
    return report.valid ? EXIT_OK : EXIT_FAILURE
  }

  const { colors } = context
  for (const r of reports) {
    for (const issue of r.errors) {
      const where = position(r.file, issue.line, issue.column)
      context.out(`${where} ${issue.path ? `${issue.path}: ` : ''}${colors.red(issue.message)}`)
    }
    for (const warning of r.warnings) {
      const where = warning.line === undefined ? r.file : `${r.file}:${warning.line}`
      context.out(
        `${where} rules[${warning.ruleIndex}]: ${colors.yellow('warning:')} ${warning.message}`,
      )
    }
    if (r.valid) {
      const note = r.warnings.length === 0 ? '' : `, ${plural(r.warnings.length, 'warning')}`
      context.out(`${colors.green('✓')} ${r.file}: ${plural(r.rules ?? 0, 'rule')}${note}`)
    } else {
      context.out(`${colors.red('✗')} ${r.file}: ${plural(r.errors.length, 'error')}`)
    }
  }
  const invalid = reports.filter((r) => !r.valid).length
  if (reports.length > 1) {
    context.out(
      invalid === 0
        ? `${plural(reports.length, 'file')} valid`
        : `${invalid} of ${plural(reports.length, 'file')} invalid`,
    )
  }
  return invalid === 0 ? EXIT_OK : EXIT_FAILURE
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
