/** @module @mocktopus/server/node: the Node server, test helpers, and files on disk. */
export { loadPricingFile } from './node/load-pricing.js'
export { type LoadedRecordings, loadRecordings } from './node/record/load-recordings.js'
export {
  createRecorder,
  createReplayer,
  DEFAULT_RECORDINGS_FILE,
  type RecorderOptions,
  type RecordingMocktopus,
  type ReplayerOptions,
  type ReplayingMocktopus,
} from './node/record/recorder.js'
export {
  createRecordingsFile,
  type RecordingsFile,
  type RecordingsFileOptions,
} from './node/record/recordings-file.js'
export {
  type LoadedRecordSettings,
  loadRecordSettings,
  type RecordSettingsOptions,
} from './node/record/settings-file.js'
export {
  type CloseOptions,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  isLoopbackHost,
  type RunningServer,
  type ServeOptions,
  serve,
} from './node/serve.js'
export {
  type StartedMocktopus,
  type StartMocktopusOptions,
  startMocktopus,
} from './node/start.js'
export type { ReplayTiming } from './record/replay-timing.js'
export {
  describeRecordSettings,
  type MatchOn,
  type NormalizeEntry,
  parseRecordSettings,
  parseRedactFlag,
  RECORD_SETTINGS_FILE,
  type RecordSettings,
  type RedactSettings,
} from './record/settings.js'
