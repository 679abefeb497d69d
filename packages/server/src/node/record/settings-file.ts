/**
 * Reads (and, in record mode, extends) a recordings directory's settings file,
 * `DIR/mocktopus.record.yaml` (Node only). Flags add to what the file says: `--match-on` and
 * `--redact` given while recording are written into it, so replay of the same directory matches
 * and normalises the same way without being told again. Comments in the file survive.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Document, isMap, parseDocument } from 'yaml'
import { RecordingsError } from '../../record/errors.js'
import {
  DEFAULT_RECORD_SETTINGS,
  type MatchOn,
  mergeRecordSettings,
  parseRecordSettings,
  RECORD_SETTINGS_FILE,
  type RecordSettings,
  type RedactSettings,
} from '../../record/settings.js'

export interface RecordSettingsOptions {
  /** Added to the file's `match_on` (`--match-on`). */
  readonly matchOn?: readonly MatchOn[]
  /** Added to the file's `redact` (`--redact`). */
  readonly redact?: RedactSettings
  /** Writes what the options add into the file (record mode); replay only reads. */
  readonly save?: boolean
}

export interface LoadedRecordSettings {
  readonly settings: RecordSettings
  /** The settings file's path, whether or not it exists. */
  readonly path: string
  /** Whether the file was written because the options added to it. */
  readonly saved: boolean
}

const HEADER = [
  ' Mocktopus recordings settings: how recordings in this directory are matched, normalised',
  ' and redacted. Record mode writes by them and replay reads them (docs/record-replay.md).',
].join('\n')

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}

/**
 * The settings of `dir` with the options' additions; with `save`, the additions are written
 * into the file (created when missing). Rejects with a `RecordingsError` naming the file when
 * it is not valid.
 *
 * @example const { settings } = await loadRecordSettings('recordings', { matchOn: ['params'], save: true })
 */
export async function loadRecordSettings(
  dir: string,
  options: RecordSettingsOptions = {},
): Promise<LoadedRecordSettings> {
  const path = join(dir, RECORD_SETTINGS_FILE)
  let text: string | undefined
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new RecordingsError(`cannot read ${path} (${(error as Error).message})`, {
        cause: error,
      })
    }
  }
  const own = text === undefined ? DEFAULT_RECORD_SETTINGS : parseRecordSettings(text, path)
  const settings = mergeRecordSettings(own, {
    ...(options.matchOn ? { matchOn: options.matchOn } : {}),
    ...(options.redact ? { redact: options.redact } : {}),
  })
  const added =
    !sameList(own.matchOn, settings.matchOn) ||
    !sameList(own.redact.headers, settings.redact.headers) ||
    !sameList(own.redact.body, settings.redact.body)
  if (!options.save || !added) return { settings, path, saved: false }
  const parsed = parseDocument(text ?? '')
  const doc: Document = isMap(parsed.contents) ? parsed : new Document({})
  if (doc !== parsed) doc.commentBefore = HEADER
  if (settings.matchOn.length > 0) doc.set('match_on', doc.createNode([...settings.matchOn]))
  if (settings.redact.headers.length > 0) {
    doc.setIn(['redact', 'headers'], doc.createNode([...settings.redact.headers]))
  }
  if (settings.redact.body.length > 0) {
    doc.setIn(['redact', 'body'], doc.createNode([...settings.redact.body]))
  }
  try {
    await writeFile(path, doc.toString())
  } catch (error) {
    throw new RecordingsError(`cannot write ${path} (${(error as Error).message})`, {
      cause: error,
    })
  }
  return { settings, path, saved: true }
}
