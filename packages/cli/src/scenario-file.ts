import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Scenario } from '@mocktopus/scenario'
import { assumeValidated, parseScenario, ScenarioNotFoundError } from '@mocktopus/scenario'
import { DEFAULT_SCENARIO } from './scenarios.generated.js'
import { DEFAULT_SCENARIO_SOURCE } from './scenarios.js'

/**
 * Reads a scenario file relative to `cwd`. Messages name the file as the user typed it, not
 * its absolute path, so `file:line:column` points where they expect.
 *
 * @example await readScenarioFile('examples/errors.yaml', process.cwd())
 */
export async function readScenarioFile(file: string, cwd: string): Promise<Scenario> {
  let text: string
  try {
    text = await readFile(resolve(cwd, file), 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new ScenarioNotFoundError(file, { cause: error })
    throw error
  }
  return parseScenario(text, { source: file })
}

/**
 * The scenario a command works on: the file given with `-s`, or the built-in default.
 *
 * @example await scenarioFromOption(undefined, process.cwd()) // the built-in scenario
 */
export function scenarioFromOption(file: string | undefined, cwd: string): Promise<Scenario> {
  if (file !== undefined) return readScenarioFile(file, cwd)
  return Promise.resolve(defaultScenario())
}

/**
 * The built-in scenario, as the build parsed and checked it, so start-up runs neither the YAML
 * parser nor the schema validator, and its regex engines are built when a request first needs
 * them. Frozen on first use, as every scenario is.
 *
 * @example defaultScenario().source // 'built-in default scenario'
 */
export function defaultScenario(): Scenario {
  return assumeValidated(frozen(DEFAULT_SCENARIO))
}

function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) frozen(child)
  }
  return value
}

/** How messages name a scenario: its file, or "built-in default scenario". */
export function scenarioLabel(scenario: Scenario): string {
  return scenario.source ?? DEFAULT_SCENARIO_SOURCE
}
