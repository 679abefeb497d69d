import { ScenarioError, ScenarioNotFoundError } from './errors.js'
import { parseScenario } from './parse.js'
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
  const { readFile } = await import('node:fs/promises')
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
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
