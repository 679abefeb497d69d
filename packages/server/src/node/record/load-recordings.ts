/**
 * Reads a recordings directory (Node only): every scenario YAML file in it, and the
 * Python-era `session_*.jsonl` cassettes converted on load, as one scenario for replay.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { createScenario, parseScenario, type Rule, type Scenario } from '@mocktopus/scenario'
import { CASSETTE_PATTERN, type CassetteSkip, parseCassette } from '../../record/cassette.js'
import type { RecordingOrigin } from '../../record/describe-miss.js'
import { RecordingsError } from '../../record/errors.js'
import { RECORD_SETTINGS_FILE } from '../../record/settings.js'
import { createReadCache, type ReadCache } from './read-cache.js'

export interface LoadedRecordings {
  /** Every recording, file by file in name order, as one scenario. */
  readonly scenario: Scenario
  /** Where each rule of `scenario` came from (same index). */
  readonly origins: readonly RecordingOrigin[]
  /** The files read, relative to the directory. */
  readonly files: readonly string[]
  /** Cassette lines that could not be replayed, with their file. */
  readonly skipped: readonly (CassetteSkip & { readonly file: string })[]
}

const YAML_FILE = /\.ya?ml$/

export interface LoadRecordingsOptions {
  /** Where reads of large files are kept between starts; default {@link createReadCache}(). */
  readonly readCache?: ReadCache
}

/**
 * Loads a recordings directory. A missing directory is an error; an empty one is not (every
 * request then gets 404, or is recorded with `--record-missing`).
 *
 * @example const { scenario, origins } = await loadRecordings('recordings')
 */
export async function loadRecordings(
  dir: string,
  options: LoadRecordingsOptions = {},
): Promise<LoadedRecordings> {
  const info = await stat(dir).catch(() => undefined)
  if (!info?.isDirectory()) {
    throw new RecordingsError(
      `recordings directory ${dir} does not exist; record into it first with mocktopus serve --mode record --recordings-dir ${dir}`,
    )
  }
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter(
      (entry) =>
        entry.isFile() &&
        entry.name !== RECORD_SETTINGS_FILE &&
        (YAML_FILE.test(entry.name) || CASSETTE_PATTERN.test(entry.name)),
    )
    .map((entry) => entry.name)
    .sort()
  const rules: Rule[] = []
  const origins: RecordingOrigin[] = []
  const skipped: (CassetteSkip & { file: string })[] = []
  const readCache = options.readCache ?? createReadCache()
  for (const file of names) {
    const path = join(dir, file)
    if (YAML_FILE.test(file)) {
      // The file's identity before its text: a file written in between is then read again at
      // the next start, never kept as a read of bytes it no longer has.
      const identity = await stat(path, { bigint: true })
      const text = await readFile(path, 'utf8')
      const scenario = parseScenario(text, { source: file, read: readCache.reader(path, identity) })
      for (const rule of scenario.rules) {
        rules.push(rule)
        origins.push({ file, ...(rule.line === undefined ? {} : { line: rule.line }) })
      }
      continue
    }
    const text = await readFile(path, 'utf8')
    const cassette = parseCassette(text, file)
    skipped.push(...cassette.skipped.map((skip) => ({ ...skip, file })))
    if (cassette.rules.length === 0) continue
    const scenario = createScenario(
      { version: 1, rules: cassette.rules.map(({ rule }) => rule) },
      { source: file },
    )
    scenario.rules.forEach((rule, i) => {
      rules.push(rule)
      origins.push({ file, line: cassette.rules[i]?.line as number })
    })
  }
  return {
    scenario: { version: 1, rules, meta: { recordings: names }, source: dir },
    origins,
    files: names,
    skipped,
  }
}
