/**
 * Chaos, stream timing and rate limits as the server takes them (docs/chaos.md): one flat set
 * of keys for the `chaos` option, `POST /_mocktopus/chaos` and the CLI's flags, checked here and
 * turned into the engine's `ChaosOptions`.
 */
import type { BodyRead, ChaosControl, ChaosOptions } from '@mocktopus/responders'
import { MocktopusError } from '@mocktopus/scenario'
import { jsonOutput, type Output } from './output.js'

/** The flat settings: fault chances, stream cuts, timing, rate limits and the seed. */
export interface ChaosSettings {
  /** The seed of the fault and jitter draws; default 0. */
  readonly seed?: number
  readonly rate_limit?: number
  readonly server_error?: number
  readonly disconnect?: number
  readonly malformed?: number
  readonly disconnect_after_chunks?: number
  readonly stall_after_chunks?: number
  readonly stall_ms?: number
  readonly ttft_ms?: number
  readonly tokens_per_second?: number
  readonly jitter_ms?: number
  /** Requests per window (default 10000); setting a limit enforces it with 429s. */
  readonly rate_limit_requests?: number
  /** Tokens per window (default 2000000); setting a limit enforces it with 429s. */
  readonly rate_limit_tokens?: number
  /** The rate-limit window in ms; default 60000. */
  readonly rate_limit_window_ms?: number
  /** `false` leaves the rate-limit headers off every answer; default true. */
  readonly rate_limit_headers?: boolean
}

const MAX_MS = 600_000
type Check = (value: number) => boolean
const chance: [Check, string] = [(v) => v >= 0 && v <= 1, 'a chance from 0 to 1']
const count: [Check, string] = [(v) => Number.isSafeInteger(v) && v >= 0, 'a whole number ≥ 0']
const ms: [Check, string] = [
  (v) => Number.isSafeInteger(v) && v >= 0 && v <= MAX_MS,
  `whole milliseconds from 0 to ${MAX_MS}`,
]
const positive: [Check, string] = [(v) => v > 0 && Number.isFinite(v), 'a number above 0']
const limit: [Check, string] = [(v) => Number.isSafeInteger(v) && v >= 1, 'a whole number ≥ 1']

const KEYS: Readonly<Record<Exclude<keyof ChaosSettings, 'rate_limit_headers'>, [Check, string]>> =
  {
    seed: [(v) => Number.isSafeInteger(v), 'a whole number'],
    rate_limit: chance,
    server_error: chance,
    disconnect: chance,
    malformed: chance,
    disconnect_after_chunks: count,
    stall_after_chunks: count,
    stall_ms: ms,
    ttft_ms: ms,
    tokens_per_second: positive,
    jitter_ms: ms,
    rate_limit_requests: limit,
    rate_limit_tokens: limit,
    rate_limit_window_ms: [(v) => Number.isSafeInteger(v) && v >= 1, 'whole milliseconds ≥ 1'],
  }

/** The keys the settings take, for messages and the CLI. */
export const CHAOS_KEYS: readonly string[] = [...Object.keys(KEYS), 'rate_limit_headers']

/**
 * Checks plain data as chaos settings; throws a `MocktopusError` naming the key at fault.
 *
 * @example checkChaosSettings({ rate_limit: 0.1, seed: 42 })
 */
export function checkChaosSettings(data: unknown): ChaosSettings {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new MocktopusError(
      'chaos settings must be an object, e.g. {"rate_limit": 0.1, "seed": 42}',
    )
  }
  for (const [key, value] of Object.entries(data)) {
    if (key === 'rate_limit_headers') {
      if (value === null || typeof value === 'boolean') continue
      throw new MocktopusError(
        `chaos key "rate_limit_headers" must be true or false; got ${JSON.stringify(value)}`,
      )
    }
    const rule = KEYS[key as keyof typeof KEYS]
    if (!rule) {
      throw new MocktopusError(`unknown chaos key "${key}"; the keys are ${CHAOS_KEYS.join(', ')}`)
    }
    if (value === null) continue
    if (typeof value !== 'number' || !rule[0](value)) {
      throw new MocktopusError(
        `chaos key "${key}" must be ${rule[1]}; got ${JSON.stringify(value)}`,
      )
    }
  }
  const settings = data as Record<string, number | boolean | null>
  const sum = ['rate_limit', 'server_error', 'disconnect', 'malformed'].reduce(
    (total, key) => total + Number(settings[key] ?? 0),
    0,
  )
  if (sum > 1)
    throw new MocktopusError(`the fault chances add up to ${sum}; keep them at 1 or less`)
  return data as ChaosSettings
}

function defined<T extends object>(entries: T): T | undefined {
  const kept = Object.fromEntries(Object.entries(entries).filter(([, v]) => v != null))
  return Object.keys(kept).length === 0 ? undefined : (kept as T)
}

/**
 * The engine's options from checked settings.
 *
 * @example toChaosOptions({ rate_limit: 0.1, seed: 42 }) // { seed: 42, faults: { rate_limit: 0.1 } }
 */
export function toChaosOptions(settings: ChaosSettings): ChaosOptions {
  const faults = defined({
    rate_limit: settings.rate_limit,
    server_error: settings.server_error,
    disconnect: settings.disconnect,
    malformed: settings.malformed,
    disconnect_after_chunks: settings.disconnect_after_chunks,
    stall_after_chunks: settings.stall_after_chunks,
    stall_ms: settings.stall_ms,
  })
  const timing = defined({
    ttft_ms: settings.ttft_ms,
    tokens_per_second: settings.tokens_per_second,
    jitter_ms: settings.jitter_ms,
  })
  const rateLimits = defined({
    requests: settings.rate_limit_requests,
    tokens: settings.rate_limit_tokens,
    windowMs: settings.rate_limit_window_ms,
  })
  return {
    ...(settings.seed == null ? {} : { seed: settings.seed }),
    ...(faults ? { faults } : {}),
    ...(timing ? { timing } : {}),
    ...(rateLimits ? { rateLimits } : {}),
    ...(settings.rate_limit_headers == null
      ? {}
      : { rateLimitHeaders: settings.rate_limit_headers }),
  }
}

function describe(control: ChaosControl): ChaosSettings {
  const { seed, faults, timing, rateLimits } = control.options
  return {
    seed: seed ?? 0,
    rate_limit_headers: control.headers,
    ...faults,
    ...timing,
    ...(rateLimits?.requests === undefined ? {} : { rate_limit_requests: rateLimits.requests }),
    ...(rateLimits?.tokens === undefined ? {} : { rate_limit_tokens: rateLimits.tokens }),
    ...(rateLimits?.windowMs === undefined ? {} : { rate_limit_window_ms: rateLimits.windowMs }),
  }
}

/**
 * `POST /_mocktopus/chaos`: the body's keys replace the fault, timing or rate-limit settings
 * they belong to (`{}` turns all chaos off, a group given as nulls turns it off); a `seed`
 * restarts the draws. Answers the settings now in force.
 *
 * @example chaosAnswer(state.chaos, { ok: true, text: '{"rate_limit":0.5,"seed":1}' })
 */
export function chaosAnswer(control: ChaosControl, body: BodyRead | undefined): Output {
  const text = body?.ok ? body.text.trim() : ''
  let settings: ChaosSettings
  try {
    settings = checkChaosSettings(text === '' ? {} : JSON.parse(text))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return jsonOutput(400, {
      error: { message, type: 'invalid_request_error', param: null, code: 'invalid_chaos' },
    })
  }
  const options = toChaosOptions(settings)
  const given = (keys: readonly string[]) => keys.some((key) => key in settings)
  const off =
    Object.keys(settings).filter((key) => key !== 'seed' && key !== 'rate_limit_headers').length ===
    0
  control.configure({
    ...options,
    ...(off ||
    given([
      'rate_limit',
      'server_error',
      'disconnect',
      'malformed',
      'disconnect_after_chunks',
      'stall_after_chunks',
      'stall_ms',
    ])
      ? { faults: options.faults ?? {} }
      : {}),
    ...(off || given(['ttft_ms', 'tokens_per_second', 'jitter_ms'])
      ? { timing: options.timing ?? {} }
      : {}),
    ...(off || given(['rate_limit_requests', 'rate_limit_tokens', 'rate_limit_window_ms'])
      ? { rateLimits: options.rateLimits ?? {} }
      : {}),
    // Not chaos: `{}` leaves the headers as they are; `null` puts them back on.
    ...(given(['rate_limit_headers'])
      ? { rateLimitHeaders: settings.rate_limit_headers !== false }
      : {}),
  })
  control.reset()
  return jsonOutput(200, { chaos: describe(control) })
}
