import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Scenario } from '@mocktopus/scenario'
import { createScenario, parseScenario, ScenarioNotFoundError } from '@mocktopus/scenario'
import { DEFAULT_SCENARIO_DATA, DEFAULT_SCENARIO_RULE_LINES } from './scenarios.generated.js'
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
 * The built-in scenario, from the data its YAML was parsed into at build time: parsing the
 * YAML at start-up took about a tenth of the time `mocktopus serve` needs to answer.
 *
 * @example defaultScenario().source // 'built-in default scenario'
 */
export function defaultScenario(): Scenario {
  return createScenario(DEFAULT_SCENARIO_DATA, {
    source: DEFAULT_SCENARIO_SOURCE,
    ruleLines: DEFAULT_SCENARIO_RULE_LINES,
  })
}

/** How messages name a scenario: its file, or "built-in default scenario". */
export function scenarioLabel(scenario: Scenario): string {
  return scenario.source ?? DEFAULT_SCENARIO_SOURCE
}
