/** Record and replay, Node part: the recordings files and the record/replay instances. */
export { type LoadedRecordings, loadRecordings } from './load-recordings.js'
export {
  createRecorder,
  createReplayer,
  DEFAULT_RECORDINGS_FILE,
  type RecorderOptions,
  type RecordingMocktopus,
  type ReplayerOptions,
  type ReplayingMocktopus,
} from './recorder.js'
export {
  createRecordingsFile,
  type RecordingsFile,
  type RecordingsFileOptions,
} from './recordings-file.js'
