import { MocktopusError } from '@mocktopus/scenario'

/**
 * A recordings directory or file that cannot be used: a cassette line that is not JSON, a
 * recordings file that is not YAML, a directory that is missing.
 *
 * @example throw new RecordingsError('session_1.jsonl:3: not JSON; fix or delete the line')
 */
export class RecordingsError extends MocktopusError {
  override readonly code: string = 'MOCKTOPUS_RECORDINGS'
  override name = 'RecordingsError'
}
