import { ScenarioError, ScenarioNotFoundError } from './errors.js'
import { MAX_SCENARIO_SIZE, parseScenario } from './parse.js'
import type { Scenario } from './types.js'

/**
 * Reads and parses a scenario file (Node only). The path is the `source` in messages.
 * Throws {@link ScenarioNotFoundError} naming the path when there is no such file, and
 * {@link ScenarioError} for an invalid one.
 *
 * @example const scenario = await loadScenario('scenarios/chat.yaml')
 */
export async function loadScenario(path: string): Promise<Scenario> {
  // Imported here, not at the top: the server's Web-standard entry imports this package.
  const { readFile, stat } = await import('node:fs/promises')
  let text: string
  try {
    // UTF-8 spends at most 3 bytes per UTF-16 unit, so a file this large is over the limit in
    // characters too: refuse it without reading it into memory.
    const { size } = await stat(path)
    if (size > 3 * MAX_SCENARIO_SIZE) {
      const message = `the file is ${size} bytes, over the scenario size limit of ${MAX_SCENARIO_SIZE} characters; is this the right file?`
      throw new ScenarioError([{ path: '', message, line: 1, column: 1 }], { source: path })
    }
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (error instanceof ScenarioError) throw error
    const code = (error as { code?: unknown }).code
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ScenarioNotFoundError(path, { cause: error })
    }
    if (code === 'EISDIR') {
      throw new ScenarioError([{ path: '', message: 'is a directory, not a scenario file' }], {
        source: path,
        cause: error,
      })
    }
    throw error
  }
  return parseScenario(text, { source: path })
}
