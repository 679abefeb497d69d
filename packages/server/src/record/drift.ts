/**
 * Drift checks: each recording's request is sent to the upstream again, through the record
 * proxy (so keys, timeouts, stream reassembly and redaction are record mode's own), and the
 * shape of the new answer is compared with the shape the recording kept. Web standard only;
 * reading the files and printing is the CLI's business (`mocktopus drift`).
 */
import { createRouter, type ProviderRecord, type WireError } from '@mocktopus/responders'
import type { ChatMessage, MatchRequest } from '@mocktopus/scenario'
import type { ForwardInfo } from './hooks.js'
import { createUpstreamProxy, type SkipInfo, type UpstreamProxyOptions } from './proxy.js'
import { type RecordedFacts, rebuildRequest, unescapeGlob } from './recorded-request.js'
import { compareShapes, type ShapeChange } from './shape.js'
import type { RecordedRule, RecordedWhen } from './to-rule.js'

/** One recording to check, and where it is written. */
export interface DriftRecording {
  readonly file: string
  /** 1-based line of the rule in `file`. */
  readonly line: number
  readonly type?: string
  readonly when?: RecordedWhen
  readonly recorded?: RecordedFacts
  /** A recorded refusal: not checked, a shape is only kept for answers. */
  readonly error?: unknown
}

/**
 * `same`: the shape held; `drift`: it changed (see `changes`), or the upstream now refuses the
 * request; `unchecked`: the recording keeps no shape (recorded before drift checks, an error,
 * a cassette); `failed`: no answer to compare (unreachable, silent, cut short, rate limited,
 * the key refused).
 */
export type DriftStatus = 'same' | 'drift' | 'unchecked' | 'failed'

export interface DriftResult {
  readonly file: string
  readonly line: number
  readonly endpoint?: string
  readonly model?: string
  readonly status: DriftStatus
  readonly changes: readonly ShapeChange[]
  /** Why the recording was not checked, failed, or was refused; never holds a key. */
  readonly reason?: string
  /** The upstream's status when it answered. */
  readonly upstreamStatus?: number
}

export interface DriftReport {
  readonly results: readonly DriftResult[]
  readonly counts: Readonly<Record<DriftStatus, number>>
  /** Whether an upstream could not be reached (or stayed silent): the exit status 2 case. */
  readonly unreachable: boolean
}

/**
 * The proxy's upstream roots and keys (every provider's), its timeout and `fetch`; what it
 * records and reports is drift's own.
 */
export type DriftOptions = Omit<
  UpstreamProxyOptions,
  'onRecord' | 'onSkip' | 'settings' | 'localToken'
> & {
  readonly recordings: readonly DriftRecording[]
  /** Hears about each result as it comes, for progress output. */
  readonly onResult?: (result: DriftResult) => void
}

// Any origin: the proxy sends the path to the configured upstream, never here.
const LOCAL_ORIGIN = 'http://mocktopus.drift'
const ROUTER = createRouter()

function localError(init: { status: number; message: string; code?: string | null }): WireError {
  return {
    kind: 'error',
    status: init.status,
    headers: {},
    delayMs: 0,
    body: { error: { message: init.message, code: init.code ?? null } },
  }
}

function matchOf(when: RecordedWhen): MatchRequest {
  return {
    endpoint: when.endpoint,
    ...(when.model === undefined ? {} : { model: unescapeGlob(when.model) }),
    ...(when.input ? { input: when.input } : {}),
    ...(when.conversation ? { messages: when.conversation as readonly ChatMessage[] } : {}),
  }
}

// Refusals that say nothing about the API's shape: the key, the rate, the server's health.
function cannotCheck(status: number): boolean {
  return status === 401 || status === 403 || status === 408 || status === 429 || status >= 500
}

function errorLine(rule: RecordedRule): string {
  const error = rule.error as { status_code?: number; message?: string; code?: string }
  const code = error.code ? ` (${error.code})` : ''
  return `the upstream answered ${error.status_code}${code}: ${error.message ?? ''}`.trim()
}

/**
 * Sends every recording's request again and compares the answers' shapes with the recorded
 * ones. Once an upstream cannot be reached, the recordings bound for it are not sent.
 *
 * @example const report = await checkDrift({ recordings, upstream: 'http://127.0.0.1:9000/v1' })
 */
export async function checkDrift(options: DriftOptions): Promise<DriftReport> {
  const results: DriftResult[] = []
  // A provider's record trait (its upstream) → why it is unreachable, once it was.
  const down = new Map<ProviderRecord | undefined, string>()
  let unreachable = false
  for (const recording of options.recordings) {
    const result = await checkOne(recording)
    results.push(result)
    options.onResult?.(result)
  }
  const counts: Record<DriftStatus, number> = { same: 0, drift: 0, unchecked: 0, failed: 0 }
  for (const result of results) counts[result.status]++
  return { results, counts, unreachable }

  async function checkOne(recording: DriftRecording): Promise<DriftResult> {
    const { when } = recording
    const base = {
      file: recording.file,
      line: recording.line,
      ...(when?.endpoint ? { endpoint: when.endpoint } : {}),
      ...(when?.model ? { model: unescapeGlob(when.model) } : {}),
      changes: [] as ShapeChange[],
    }
    if (recording.error !== undefined) {
      return { ...base, status: 'unchecked', reason: 'a recorded error keeps no answer shape' }
    }
    const shape = recording.recorded?.shape
    if (!when?.endpoint || shape === undefined) {
      return {
        ...base,
        status: 'unchecked',
        reason: 'no recorded shape (recorded before drift checks, or converted); record it again',
      }
    }
    const rebuilt = rebuildRequest({
      when,
      ...(recording.recorded ? { recorded: recording.recorded } : {}),
    })
    const headers = new Headers({ 'content-type': 'application/json' })
    const found = ROUTER.find('POST', rebuilt.path, {
      header: (name) => headers.get(name) ?? undefined,
    })
    const provider = found?.endpoint.provider.record
    for (const [name, value] of Object.entries(provider?.requestHeaders ?? {})) {
      headers.set(name, value)
    }
    const gone = down.get(provider)
    if (gone !== undefined) return { ...base, status: 'failed', reason: gone }

    const text = JSON.stringify(rebuilt.body)
    let rule: RecordedRule | undefined
    let skip: SkipInfo | undefined
    let faultCode: string | null | undefined
    const proxy = createUpstreamProxy({
      ...options,
      onRecord: (info) => {
        rule = info.rule
      },
      onSkip: (info) => {
        skip = info
      },
    })
    const info: ForwardInfo = {
      request: new Request(`${LOCAL_ORIGIN}${rebuilt.path}${rebuilt.search}`, {
        method: 'POST',
        headers,
        body: text,
      }),
      endpoint: rebuilt.path,
      text,
      match: matchOf(when),
      errors: (init) => {
        faultCode = init.code
        return localError(init)
      },
      reply: (wire) =>
        new Response(JSON.stringify('body' in wire ? wire.body : null), { status: wire.status }),
      finish: () => {},
    }
    const response = await proxy.forward(info)
    // A stream is recorded from the upstream whether or not anyone reads this side.
    await response.body?.cancel().catch(() => {})
    await proxy.idle()
    if (skip) {
      // Nothing came back: the next recordings for this upstream would fare the same, so they
      // are not sent.
      if (faultCode === 'upstream_unreachable' || faultCode === 'upstream_timeout') {
        down.set(provider, skip.reason)
        unreachable = true
      }
      return { ...base, status: 'failed', reason: skip.reason }
    }
    if (!rule) return { ...base, status: 'failed', reason: 'the answer could not be read' }
    if (rule.error) {
      const status = (rule.error as { status_code?: number }).status_code ?? response.status
      return {
        ...base,
        status: cannotCheck(status) ? 'failed' : 'drift',
        reason: errorLine(rule),
        upstreamStatus: status,
      }
    }
    const now = rule.recorded?.shape ?? ''
    const changes = compareShapes(shape, now)
    return {
      ...base,
      status: changes.length > 0 ? 'drift' : 'same',
      changes,
      upstreamStatus: response.status,
    }
  }
}
