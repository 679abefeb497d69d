/**
 * Record and replay instances (Node only, for the files): `createRecorder()` proxies every
 * API request to the real API and writes each exchange as a rule; `createReplayer()` serves a
 * recordings directory with no network, and with `recordMissing` proxies and appends what it
 * has no recording for.
 */
import { join, relative } from 'node:path'
import { createScenario, type Rule } from '@mocktopus/scenario'
import { createMocktopus, type Mocktopus, type MocktopusOptions } from '../../mocktopus.js'
import { describeRecordingMiss, type RecordingOrigin } from '../../record/describe-miss.js'
import { createMatchPreparer } from '../../record/prepare-match.js'
import {
  createUpstreamProxy,
  logSkip,
  PROVIDER_UPSTREAM_OPTIONS,
  type RecordInfo,
  type SkipInfo,
  type UpstreamProxyOptions,
} from '../../record/proxy.js'
import { type ReplayTiming, replayScenario, untimedRule } from '../../record/replay-timing.js'
import type { MatchOn, RecordSettings, RedactSettings } from '../../record/settings.js'
import { type LoadedRecordings, loadRecordings } from './load-recordings.js'
import { createReadCache, type ReadCache } from './read-cache.js'
import { createRecordingsFile } from './recordings-file.js'
import { loadRecordSettings } from './settings-file.js'
import { nodeUpstreamSender } from './upstream-client.js'

/** The file recordings go to in the recordings directory unless told otherwise. */
export const DEFAULT_RECORDINGS_FILE = 'recordings.yaml'

type BaseOptions = Omit<MocktopusOptions, 'scenario' | 'scenarioFile' | 'mode' | 'recording'> &
  Omit<UpstreamProxyOptions, 'onRecord'>

export interface RecorderOptions extends BaseOptions {
  /**
   * Where recordings are written: created when missing, and a file is test-written in it at
   * start, so a directory that cannot be used fails `createRecorder` instead of a recording.
   */
  readonly recordingsDir: string
  /**
   * The file in `recordingsDir` recordings go to. Default `recordings.yaml`; once it is as
   * large as replay reads (16 MiB), the next recordings go to `recordings-2.yaml`, and so on.
   */
  readonly recordingsFile?: string
  /** Hears about every recording written, with the file it went to. */
  readonly onRecord?: (info: RecordInfo & { readonly file: string }) => void
  /**
   * Added to the directory's `match_on` (`DIR/mocktopus.record.yaml`, written when recording):
   * `tools` and `params` become part of each recording's `when`.
   */
  readonly matchOn?: readonly MatchOn[]
  /** Header names and body JSON paths added to the directory's `redact`. */
  readonly redact?: RedactSettings
  /** Where replay keeps its reads of large recordings files; default `createReadCache()`. */
  readonly readCache?: ReadCache
}

export interface ReplayerOptions extends RecorderOptions {
  /** Sends requests no recording matches to the upstream and appends them. Default `false`. */
  readonly recordMissing?: boolean
  /**
   * `recorded` waits the upstream's recorded delays (headers, first chunk, between chunks);
   * `none`, the default, answers as fast as it can.
   */
  readonly replayTiming?: ReplayTiming
}

export interface RecordingMocktopus extends Mocktopus {
  /** The file new recordings are written to (the first of its series, see `recordingsFile`). */
  readonly recordingsFile: string
  /** Resolves once every exchange so far (streams included) is recorded and on disk. */
  flush(): Promise<void>
  /** The directory's settings in force (the file's, with what the options added). */
  readonly recordSettings: RecordSettings
  /**
   * How many recordings could not be written so far (each also reported to `onSkip` as
   * `lost`): the client got its answer, the recordings do not have it.
   */
  lostRecordings(): number
  /**
   * Once recording is over (after `flush`): keeps replay's read of every file written in the
   * read cache, so the first replay of them on this machine starts as fast as a later one. A
   * no-op when nothing was written.
   */
  keepReads(): void
}

export interface ReplayingMocktopus extends RecordingMocktopus {
  /** What was loaded from the recordings directory at start. */
  readonly recordings: LoadedRecordings
}

function proxyOptions(options: RecorderOptions): Omit<UpstreamProxyOptions, 'onRecord'> {
  const { fetch, onSkip, authToken, upstreamTimeoutMs } = options
  // Each provider's upstream root and key, as given.
  const upstreams: Record<string, unknown> = {}
  for (const name of PROVIDER_UPSTREAM_OPTIONS) {
    const value = (options as unknown as Readonly<Record<string, unknown>>)[name]
    if (value !== undefined) upstreams[name] = value
  }
  return {
    ...(upstreamTimeoutMs === undefined ? {} : { upstreamTimeoutMs }),
    ...(authToken === undefined ? {} : { localToken: authToken }),
    ...upstreams,
    // Node's own client unless the caller brought a `fetch`: undici costs more per request.
    ...(fetch === undefined ? { send: nodeUpstreamSender() } : { fetch }),
    ...(onSkip === undefined ? {} : { onSkip }),
  }
}

// What only record and replay read; everything else is an option of `createMocktopus`.
const RECORDING_OPTIONS: readonly string[] = [
  'recordingsDir',
  'recordingsFile',
  'recordMissing',
  ...PROVIDER_UPSTREAM_OPTIONS,
  'fetch',
  'upstreamTimeoutMs',
  'onSkip',
  'onRecord',
  'matchOn',
  'redact',
  'replayTiming',
  'readCache',
]

function mockOptions(options: ReplayerOptions): MocktopusOptions {
  const rest: Record<string, unknown> = { ...options }
  for (const key of RECORDING_OPTIONS) delete rest[key]
  return rest as MocktopusOptions
}

// Counts the recordings lost on their way to disk, and passes every report on.
function lossCounter(options: RecorderOptions): {
  onSkip: (info: SkipInfo) => void
  lost: () => number
} {
  let lost = 0
  const report = options.onSkip ?? logSkip
  return {
    onSkip(info) {
      if (info.kind === 'lost') lost += 1
      report(info)
    },
    lost: () => lost,
  }
}

/**
 * Record mode: every API request goes to the real API; the client gets its answer unchanged
 * and each exchange becomes a rule in `recordingsDir/recordings.yaml`. Rejects with a
 * `RecordingsError` naming the directory when it cannot be created or written.
 *
 * @example
 * const recorder = await createRecorder({ recordingsDir: 'recordings' })
 * const server = await serve(recorder, { port: 8080 })
 */
export async function createRecorder(options: RecorderOptions): Promise<RecordingMocktopus> {
  const path = join(options.recordingsDir, options.recordingsFile ?? DEFAULT_RECORDINGS_FILE)
  const file = createRecordingsFile({ path })
  await file.prepare()
  const { settings } = await loadRecordSettings(options.recordingsDir, {
    ...settingsOptions(options),
    save: true,
  })
  const losses = lossCounter(options)
  const writtenFiles = new Set<string>()
  const proxy = createUpstreamProxy({
    ...proxyOptions(options),
    settings,
    onSkip: losses.onSkip,
    onRecord: async (info) => {
      const written = await file.add(info.rule)
      writtenFiles.add(written)
      options.onRecord?.({ ...info, file: written })
    },
  })
  const mock = await createMocktopus({
    ...mockOptions(options),
    mode: 'record',
    recording: { forwardAll: true, forward: proxy.forward },
  })
  return Object.assign(mock, {
    recordingsFile: path,
    recordSettings: settings,
    async flush() {
      await proxy.idle()
      await file.flush()
    },
    lostRecordings: losses.lost,
    keepReads: () => keepReads(options, writtenFiles),
  })
}

// Replay's read of each file written, kept now rather than at its first start.
function keepReads(options: RecorderOptions, files: ReadonlySet<string>): void {
  if (files.size === 0) return
  const cache = options.readCache ?? createReadCache()
  for (const file of files) cache.keep(file)
}

function settingsOptions(options: RecorderOptions) {
  return {
    ...(options.matchOn === undefined ? {} : { matchOn: options.matchOn }),
    ...(options.redact === undefined ? {} : { redact: options.redact }),
  }
}

/**
 * Replay mode: serves every recording in `recordingsDir` (YAML, and Python-era
 * `session_*.jsonl` cassettes) through the same responders as mock mode, with no network. A
 * request with no recording gets 404 naming the closest one, unless `recordMissing` is set.
 *
 * @example
 * const replayer = await createReplayer({ recordingsDir: 'recordings' })
 * const server = await serve(replayer, { port: 0 })
 */
export async function createReplayer(options: ReplayerOptions): Promise<ReplayingMocktopus> {
  const loaded = await loadRecordings(
    options.recordingsDir,
    options.readCache === undefined ? {} : { readCache: options.readCache },
  )
  const timing = options.replayTiming ?? 'none'
  // Recorded delays are waited only when asked for: by default replay is as fast as it can be.
  const recordings = { ...loaded, scenario: replayScenario(loaded.scenario, timing) }
  const origins: RecordingOrigin[] = [...recordings.origins]
  let rules: Rule[] = [...recordings.scenario.rules]
  const path = join(options.recordingsDir, options.recordingsFile ?? DEFAULT_RECORDINGS_FILE)
  const file = createRecordingsFile({ path })
  // Only a replayer that records needs to write; plain replay works from a read-only checkout.
  if (options.recordMissing) await file.prepare()
  const { settings } = await loadRecordSettings(options.recordingsDir, {
    ...settingsOptions(options),
    save: options.recordMissing === true,
  })
  const preparer = createMatchPreparer(settings)
  const losses = lossCounter(options)
  const writtenFiles = new Set<string>()
  let mock: Mocktopus | undefined
  const proxy = options.recordMissing
    ? createUpstreamProxy({
        ...proxyOptions(options),
        settings,
        onSkip: losses.onSkip,
        onRecord: async (info) => {
          const written = await file.add(info.rule)
          writtenFiles.add(written)
          const [recorded] = createScenario({ version: 1, rules: [info.rule] }).rules
          const rule = recorded && (timing === 'recorded' ? recorded : untimedRule(recorded))
          if (rule) {
            rules = [...rules, rule]
            origins.push({ file: relative(options.recordingsDir, written) })
            mock?.setScenario({ ...recordings.scenario, rules })
          }
          options.onRecord?.({ ...info, file: written })
        },
      })
    : undefined
  mock = await createMocktopus({
    ...mockOptions(options),
    scenario: recordings.scenario,
    mode: 'replay',
    recording: {
      describeMiss: describeRecordingMiss(origins),
      ...(proxy ? { forward: proxy.forward } : {}),
      ...(preparer ? { prepareMatch: preparer.prepare } : {}),
    },
  })
  return Object.assign(mock, {
    recordingsFile: path,
    recordSettings: settings,
    recordings,
    async flush() {
      await proxy?.idle()
      await file.flush()
    },
    lostRecordings: losses.lost,
    keepReads: () => keepReads(options, writtenFiles),
  })
}
