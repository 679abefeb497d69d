/**
 * `mocktopus drift --recordings-dir DIR`: sends every recording's request to the upstream again
 * and compares the shape of today's answer with the shape record mode kept
 * (`recorded.shape`): fields added or removed, types changed, enum values never seen. Exit 0
 * when nothing changed, 1 when something did, 2 when an upstream could not be reached.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseScenario } from '@mocktopus/scenario'
import type { DriftRecording, DriftReport, DriftResult } from '@mocktopus/server/record'
import { parse } from 'yaml'
import { CommandError, EXIT_FAILURE, EXIT_OK } from '../errors.js'
import type { CLIContext } from '../io.js'
import { booleanOption, integerOption, type RawOptions, requiredString } from '../options.js'
import { upstreamKeys, upstreamRoots } from '../upstreams.js'

/**
 * Exit status when an upstream could not be reached, or gave no answer to compare (rate
 * limited, the key refused): the check is incomplete, whatever else it found.
 */
export const EXIT_UNREACHABLE = 2

const YAML_FILE = /\.ya?ml$/

/** What `mocktopus drift --json` prints. */
export interface DriftJSONReport {
  /** What the exit status says: `same` 0, `drift` 1, `unreachable` or `failed` 2. */
  readonly outcome: 'same' | 'drift' | 'unreachable' | 'failed'
  readonly counts: DriftReport['counts']
  readonly results: readonly DriftResult[]
}

/**
 * Every rule of every YAML file in `dir` (name order), with its file and line. A file that is
 * not a valid scenario stops the check with its own message.
 */
export async function readRecordings(dir: string): Promise<DriftRecording[]> {
  const info = await stat(dir).catch(() => undefined)
  if (!info?.isDirectory()) {
    throw new CommandError(`recordings directory ${dir} does not exist; record into it first`)
  }
  const files = (await readdir(dir)).filter((name) => YAML_FILE.test(name)).sort()
  const recordings: DriftRecording[] = []
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8')
    const scenario = parseScenario(text, { source: file })
    const raw = (parse(text) as { rules?: unknown[] }).rules ?? []
    scenario.rules.forEach((rule, index) => {
      const item = (raw[index] ?? {}) as Omit<DriftRecording, 'file' | 'line'>
      recordings.push({
        file,
        line: rule.line ?? 1,
        ...(item.type === undefined ? {} : { type: item.type }),
        ...(item.when === undefined ? {} : { when: item.when }),
        ...(item.recorded === undefined ? {} : { recorded: item.recorded }),
        ...(item.error === undefined ? {} : { error: item.error }),
      })
    })
  }
  return recordings
}

function describe(result: DriftResult): string {
  const what = [result.endpoint, result.model].filter(Boolean).join(' ')
  return `${result.file}:${result.line}${what ? ` ${what}` : ''}`
}

/**
 * Runs the check; keys come from the environment as in record mode (each provider's, e.g.
 * `OPENAI_API_KEY`: `upstreams.ts`) and go only to the upstream.
 */
export async function runDrift(
  _args: readonly string[],
  options: RawOptions,
  context: CLIContext,
): Promise<number> {
  const dir = resolve(
    context.cwd,
    requiredString(options, 'recordingsDir', 'the directory record mode wrote'),
  )
  const roots = upstreamRoots(options)
  const timeoutMs = integerOption(options, 'upstreamTimeout', { min: 1, max: 2_147_483_647 })
  const json = booleanOption(options, 'json')
  const { env } = context
  const keys = upstreamKeys({}, env)

  const recordings = await readRecordings(dir)
  const { checkDrift, describeShapeChange } = await import('@mocktopus/server/record')
  const { colors } = context
  const report = await checkDrift({
    recordings,
    ...roots,
    ...keys,
    ...(timeoutMs === undefined ? {} : { upstreamTimeoutMs: timeoutMs }),
    onResult: (result) => {
      if (json) return
      if (result.status === 'drift') {
        const count = result.changes.length
        const head = count > 0 ? `${count} change${count === 1 ? '' : 's'}` : result.reason
        context.out(`${colors.red('drift')} ${describe(result)}: ${head}`)
        for (const change of result.changes) context.out(`  ${describeShapeChange(change)}`)
      } else if (result.status === 'failed') {
        context.out(`${colors.yellow('failed')} ${describe(result)}: ${result.reason}`)
      } else if (result.status === 'unchecked') {
        context.out(colors.dim(`unchecked ${describe(result)}: ${result.reason}`))
      }
    },
  })
  const outcome = report.unreachable
    ? 'unreachable'
    : report.counts.failed > 0
      ? 'failed'
      : report.counts.drift > 0
        ? 'drift'
        : 'same'
  if (json) {
    const out: DriftJSONReport = { outcome, counts: report.counts, results: report.results }
    context.out(JSON.stringify(out, null, 2))
  } else {
    const { same, drift, unchecked, failed } = report.counts
    const summary = `${recordings.length} recordings: ${same} unchanged, ${drift} changed, ${failed} failed, ${unchecked} not checked`
    context.out(
      outcome === 'same' ? colors.green(`no drift: ${summary}`) : `${outcome}: ${summary}`,
    )
  }
  if (outcome === 'unreachable' || outcome === 'failed') return EXIT_UNREACHABLE
  return outcome === 'drift' ? EXIT_FAILURE : EXIT_OK
}
