import { type FSWatcher, watch } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { ENDPOINTS, type Scenario } from '@mocktopus/scenario'
import type { Exchange, Mocktopus } from '@mocktopus/server'
import type { SkipInfo } from '@mocktopus/server/record'
import { CommandError, EXIT_FAILURE, UsageError } from '../errors.js'
import type { CLIContext } from '../io.js'
import {
  booleanOption,
  choiceOption,
  integerOption,
  type RawOptions,
  repeatedList,
  stringOption,
} from '../options.js'
import { readScenarioFile, scenarioFromOption, scenarioLabel } from '../scenario-file.js'
import { UPSTREAMS, upstreamKeyFlags, upstreamKeys, upstreamRoots } from '../upstreams.js'
import { VERSION } from '../version.js'

const MODES = ['mock', 'record', 'replay'] as const
const RELOAD_DEBOUNCE_MS = 100

/**
 * Whether `host` only accepts connections from this machine.
 *
 * @example isLoopback('127.0.0.1') // true
 */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\./.test(h) || /^::ffff:127\./.test(h)
}

/** The base URL a client on this machine uses to reach a server bound to `host:port`. */
export function baseURL(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '')
  // A server bound to every interface is reachable here on loopback.
  const reachable = bare === '0.0.0.0' ? '127.0.0.1' : bare === '::' ? '::1' : bare
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`
}

function bindError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EADDRINUSE') {
    return new CommandError(
      `port ${port} on ${host} is already in use; stop the other server, or pick another port with --port (--port 0 picks a free one)`,
      { cause: error },
    )
  }
  if (code === 'EACCES') {
    return new CommandError(
      `not allowed to listen on ${host}:${port}; ports below 1024 need privileges, so use --port 8080 or --port 0`,
      { cause: error },
    )
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new CommandError(
      `cannot listen on ${host}: no such address on this machine; try --host 127.0.0.1`,
      { cause: error },
    )
  }
  return error
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve()
  return new Promise((done) => signal.addEventListener('abort', () => done(), { once: true }))
}

function clockTime(): string {
  return new Date().toTimeString().slice(0, 8)
}

/** `mocktopus serve`'s flags, checked and with their defaults. */
export interface ServeSettings {
  readonly mode: (typeof MODES)[number]
  readonly port: number
  readonly host: string
  /** The scenario file; absent for the built-in scenario. */
  readonly file?: string
  readonly watch: boolean
  readonly fixedTime?: number
  readonly verbose: boolean
  readonly pricingFile?: string
  /** Required on every request but /health; never printed. */
  readonly authToken?: string
  /** `false` with --no-admin: /_mocktopus/* answers 404. */
  readonly admin: boolean
  readonly bodyLimit?: number
  /** --strict: refuse what the real API refuses; absent, the scenario's `strict:` decides. */
  readonly strict?: true
  /** The journal's bounds: entries (--journal-size) and bytes of kept bodies (--journal-bytes). */
  readonly journal?: { readonly size?: number; readonly bytes?: number }
  /** How long a client has to send a whole request, in ms (--request-timeout). */
  readonly requestTimeoutMs?: number
  /** Host names allowed besides localhost and IP addresses, or `all` (--allowed-hosts). */
  readonly allowedHosts?: readonly string[] | 'all'
  /** Origins a browser app may call from (--cors-origins); absent: any, in mock and replay. */
  readonly corsOrigins?: readonly string[]
  /** Chaos, stream timing and rate limits (--chaos, --chaos-seed, --ttft-ms, ...). */
  readonly chaos?: Readonly<Record<string, number | boolean>>
  /**
   * For record and replay modes. Keys are only ever handed to the upstream client: never
   * print, log or store this object.
   */
  readonly upstream: {
    readonly recordingsDir?: string
    /** The upstream roots given (`--gemini-upstream`), by option name (`upstreams.ts`). */
    readonly roots?: Readonly<Record<string, string>>
    /** The keys given (`--openai-key`), by option name; the environment's are added later. */
    readonly keys?: Readonly<Record<string, string>>
    /** Replay mode: proxy and record requests with no recording. */
    readonly recordMissing?: boolean
    /** How long the upstream may stay silent, in ms (--upstream-timeout). */
    readonly timeoutMs?: number
    /** Added to the directory's match_on (--match-on tools,params). */
    readonly matchOn?: readonly ('tools' | 'params')[]
    /** `header:NAME` and `body:PATH` words added to the directory's redact (--redact). */
    readonly redact?: readonly string[]
    /** Replay mode: `recorded` waits the recorded delays (--replay-timing). */
    readonly replayTiming?: 'none' | 'recorded'
  }
}

function nonEmpty<T extends object>(entries: T): T | undefined {
  return Object.keys(entries).length > 0 ? entries : undefined
}

function defined<T extends object>(entries: T): T {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as T
}

/**
 * Checks `serve`'s flags; throws a {@link UsageError} for a bad value.
 *
 * @example serveSettings({ port: 0 }).port // 0
 */
export function serveSettings(options: RawOptions): ServeSettings {
  const file = stringOption(options, 'scenario')
  const watch = booleanOption(options, 'watch')
  if (watch && file === undefined) {
    throw new UsageError('--watch needs a scenario file to watch: add -s FILE')
  }
  const mode = choiceOption(options, 'mode', MODES, 'mock')
  const recordMissing = booleanOption(options, 'recordMissing')
  if (mode !== 'mock') {
    if (stringOption(options, 'recordingsDir') === undefined) {
      throw new UsageError(
        `--mode ${mode} needs --recordings-dir DIR: where recordings are ${mode === 'record' ? 'written' : 'read'}`,
      )
    }
    if (file !== undefined) {
      throw new UsageError(
        `--mode ${mode} serves recordings, not a scenario: drop -s, or use --mode mock`,
      )
    }
  }
  if (recordMissing && mode !== 'replay') {
    throw new UsageError('--record-missing is for --mode replay (record mode records everything)')
  }
  const recordingFlags = recordingOptions(options, mode)
  return defined({
    mode,
    port: integerOption(options, 'port', { min: 0, max: 65535, fallback: 8080 }) as number,
    host: stringOption(options, 'host') ?? '127.0.0.1',
    file,
    watch,
    fixedTime: integerOption(options, 'fixedTime', { min: 0, max: 253402300799 }),
    verbose: booleanOption(options, 'verbose'),
    pricingFile: stringOption(options, 'pricing'),
    authToken: authTokenOption(options),
    // --no-admin sets admin to false; absent, the admin routes stay on.
    admin: options.admin !== false,
    bodyLimit: integerOption(options, 'bodyLimit', { min: 1, max: 2 ** 31 }),
    strict: booleanOption(options, 'strict') ? (true as const) : undefined,
    requestTimeoutMs: integerOption(options, 'requestTimeout', { min: 1, max: 3_600_000 }),
    journal: journalOption(options),
    allowedHosts: allowedHostsOption(options),
    corsOrigins: listOption(options, 'corsOrigins'),
    chaos: chaosOption(options),
    upstream: defined({
      recordingsDir: stringOption(options, 'recordingsDir'),
      roots: nonEmpty(upstreamRoots(options)),
      keys: nonEmpty(upstreamKeyFlags(options)),
      recordMissing: recordMissing || undefined,
      timeoutMs: integerOption(options, 'upstreamTimeout', { min: 1, max: 2_147_483_647 }),
      ...recordingFlags,
    }),
  })
}

const MATCH_ON = ['tools', 'params'] as const
const REPLAY_TIMINGS = ['none', 'recorded'] as const

// --match-on, --redact and --replay-timing: for the modes that read a recordings directory.
function recordingOptions(
  options: RawOptions,
  mode: string,
): Pick<ServeSettings['upstream'], 'matchOn' | 'redact' | 'replayTiming'> {
  const matchOn = repeatedList(options, 'matchOn')
  const redact = repeatedList(options, 'redact')
  const timing = stringOption(options, 'replayTiming')
  for (const [flag, given] of [
    ['--match-on', matchOn],
    ['--redact', redact],
    ['--replay-timing', timing],
  ] as const) {
    if (given !== undefined && mode === 'mock') {
      throw new UsageError(`${flag} is for --mode record and --mode replay`)
    }
  }
  for (const word of matchOn ?? []) {
    if (!(MATCH_ON as readonly string[]).includes(word)) {
      throw new UsageError(`--match-on takes ${MATCH_ON.join(', ')}; got "${word}"`)
    }
  }
  for (const word of redact ?? []) {
    if (!/^(header|body):./.test(word)) {
      throw new UsageError(`--redact takes header:NAME or body:PATH; got "${word}"`)
    }
  }
  if (timing !== undefined && mode !== 'replay') {
    throw new UsageError('--replay-timing is for --mode replay')
  }
  return defined({
    matchOn: matchOn as ('tools' | 'params')[] | undefined,
    redact,
    replayTiming:
      timing === undefined
        ? undefined
        : choiceOption(options, 'replayTiming', REPLAY_TIMINGS, 'none'),
  })
}

// `--chaos rate_limit=0.1,server_error=0.05` and the timing and rate-limit flags, as the
// server's chaos settings; the server checks the keys and ranges.
function chaosOption(options: RawOptions): ServeSettings['chaos'] {
  const settings: Record<string, number | boolean> = {}
  // --no-rate-limit-headers; absent, the headers stay on.
  if (options.rateLimitHeaders === false) settings.rate_limit_headers = false
  const raw = stringOption(options, 'chaos')
  for (const pair of raw === undefined ? [] : raw.split(',')) {
    if (pair.trim() === '') continue
    const [key, value, extra] = pair.split('=').map((part) => part.trim())
    const number = Number(value)
    if (
      !key ||
      value === undefined ||
      value === '' ||
      extra !== undefined ||
      !Number.isFinite(number)
    ) {
      throw new UsageError(
        `--chaos takes key=number pairs separated by commas, e.g. rate_limit=0.1,server_error=0.05; got "${pair}"`,
      )
    }
    settings[key] = number
  }
  const numbers: [string, string][] = [
    ['chaosSeed', 'seed'],
    ['ttftMs', 'ttft_ms'],
    ['tokensPerSecond', 'tokens_per_second'],
    ['jitterMs', 'jitter_ms'],
    ['rateLimitRequests', 'rate_limit_requests'],
    ['rateLimitTokens', 'rate_limit_tokens'],
    ['rateLimitWindow', 'rate_limit_window_ms'],
  ]
  for (const [flag, key] of numbers) {
    const text = stringOption(options, flag)
    if (text === undefined) continue
    const number = Number(text)
    if (text.trim() === '' || !Number.isFinite(number)) {
      throw new UsageError(`--${kebab(flag)} must be a number, got "${text}"`)
    }
    settings[key] = number
  }
  return Object.keys(settings).length === 0 ? undefined : settings
}

function journalOption(options: RawOptions): ServeSettings['journal'] {
  const size = integerOption(options, 'journalSize', { min: 0, max: 10_000_000 })
  const bytes = integerOption(options, 'journalBytes', { min: 0, max: 2 ** 40 })
  if (size === undefined && bytes === undefined) return undefined
  return defined({ size, bytes })
}

// `a,b` -> ['a', 'b']; absent -> undefined.
function listOption(options: RawOptions, name: string): string[] | undefined {
  const raw = stringOption(options, name)
  if (raw === undefined) return undefined
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
  if (items.length === 0) throw new UsageError(`--${kebab(name)} needs a comma-separated list`)
  return items
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

function allowedHostsOption(options: RawOptions): readonly string[] | 'all' | undefined {
  const hosts = listOption(options, 'allowedHosts')
  return hosts?.includes('all') ? 'all' : hosts
}

function authTokenOption(options: RawOptions): string | undefined {
  const token = stringOption(options, 'authToken')
  if (token !== undefined && token.trim() === '') {
    throw new UsageError('--auth-token needs a non-empty token')
  }
  return token
}

// The rule that answered, as the header and the journal number it; `no rule` only where rules
// answer (a miss), `-` on the endpoints that never consult them (models, stored responses).
function ruleLabel(exchange: Exchange): string {
  if (exchange.ruleIndex !== null) return `rules[${exchange.ruleIndex}]`
  return RULE_PATHS.has(exchange.endpoint) ? 'no rule' : '-'
}

const RULE_PATHS: ReadonlySet<string> = new Set(Object.values(ENDPOINTS))

/**
 * `mocktopus serve`: runs the server until `context.signal` aborts (SIGINT or SIGTERM), then
 * closes it and prints the cost-savings summary when any request was mocked.
 */
export async function runServe(
  _args: readonly string[],
  options: RawOptions,
  context: CLIContext,
): Promise<number> {
  const settings = serveSettings(options)
  const { mode, port, host, file, fixedTime, verbose, pricingFile } = settings

  // Start-up time is measured: load the server while the scenario file is read and parsed.
  const [scenario, core, node] = await Promise.all([
    mode === 'mock' ? scenarioFromOption(file, context.cwd) : undefined,
    import('@mocktopus/server'),
    import('@mocktopus/server/node'),
  ])
  const { serve, loadPricingFile } = node
  const pricing =
    pricingFile === undefined ? undefined : await loadPricingFile(resolve(context.cwd, pricingFile))
  const authToken = settings.authToken ?? (context.env.MOCKTOPUS_AUTH_TOKEN || undefined)
  const mockOptions = {
    ...(fixedTime === undefined ? {} : { fixedTime }),
    ...(pricing === undefined ? {} : { pricing }),
    ...(authToken === undefined ? {} : { authToken }),
    ...(settings.admin ? {} : { admin: false }),
    ...(settings.bodyLimit === undefined ? {} : { bodyLimit: settings.bodyLimit }),
    ...(settings.strict ? { strict: true } : {}),
    ...(settings.journal === undefined ? {} : { journal: settings.journal }),
    // The name the server was bound to reaches it too.
    allowedHosts:
      settings.allowedHosts === 'all' ? ('all' as const) : [host, ...(settings.allowedHosts ?? [])],
    ...(settings.corsOrigins === undefined ? {} : { cors: { origin: settings.corsOrigins } }),
    ...(settings.chaos === undefined ? {} : { chaos: settings.chaos }),
  }
  const recording =
    mode === 'mock' ? undefined : await startRecording(settings, context, node, mockOptions)
  const mock = recording?.mock ?? (await core.createMocktopus({ scenario, ...mockOptions }))

  const { colors } = context
  if (verbose) {
    mock.on('exchange', (exchange) => {
      const rule = ruleLabel(exchange)
      const status =
        exchange.status >= 400
          ? colors.red(`${exchange.status}${exchange.error ? ` ${exchange.error}` : ''}`)
          : colors.green(String(exchange.status))
      context.out(
        `${colors.dim(clockTime())} ${exchange.method} ${exchange.endpoint} ${exchange.model ?? '-'} ${rule} ${status} ${Math.round(exchange.durationMs)}ms${exchange.stream ? ' (stream)' : ''}`,
      )
    })
  }

  if (!isLoopback(host)) {
    context.err(
      `${colors.yellow('warning:')} --host ${host} is not a loopback address: anyone who can reach this machine can call the mock server`,
    )
  }
  let server: Awaited<ReturnType<typeof serve>>
  try {
    // The warning for a non-loopback host is printed above, in the CLI's words.
    server = await serve(mock, {
      port,
      hostname: host,
      onWarning: false,
      ...(settings.requestTimeoutMs === undefined
        ? {}
        : { requestTimeoutMs: settings.requestTimeoutMs }),
    })
  } catch (error) {
    throw bindError(error, host, port)
  }

  const url = baseURL(host, server.port)
  context.out(`${colors.bold('Mocktopus')} ${VERSION} ${colors.dim('mode:')} ${mode}`)
  if (recording) context.out(recording.banner)
  else if (scenario) {
    context.out(`Scenario   ${scenarioLabel(scenario)} (${plural(scenario.rules.length, 'rule')})`)
  }
  context.out(`OpenAI     ${colors.cyan(`${url}/v1`)}  ${colors.dim('baseURL for the openai SDK')}`)
  context.out(`Anthropic  ${colors.cyan(url)}  ${colors.dim('baseURL for @anthropic-ai/sdk')}`)
  if (authToken !== undefined) {
    context.out(`Auth       ${colors.dim('every request but /health needs the token given')}`)
  }
  if (!settings.admin) context.out(`Admin      ${colors.dim('off: /_mocktopus/* answers 404')}`)
  else {
    const where = `${url}/_mocktopus/ui`
    context.out(`Inspector  ${colors.cyan(where)}  ${colors.dim('every request, and why')}`)
  }

  let watcher: FSWatcher | undefined
  if (settings.watch && file !== undefined) {
    watcher = watchScenario(file, context, (next) => mock.setScenario(next))
    context.out(`Watching   ${file}`)
  }
  context.out(colors.dim('Press Ctrl+C to stop.'))

  await waitForAbort(context.signal)
  watcher?.close()
  await server.close()
  await recording?.mock.flush()
  // The first replay of what was just recorded then starts as fast as any later one.
  recording?.mock.keepReads()
  const summary = costSummary(mock)
  if (summary) context.out(`\n${summary}\n`)
  context.out('Mocktopus stopped.')
  const lost = recording?.mock.lostRecordings() ?? 0
  if (lost > 0) {
    context.err(
      `${colors.red(colors.bold('error:'))} ${plural(lost, 'recording')} lost: the clients got their answers, but ${recording?.dir} does not have them (see the errors above)`,
    )
    return EXIT_FAILURE
  }
  return 0
}

type ServerNode = typeof import('@mocktopus/server/node')

interface Recording {
  readonly mock: Awaited<ReturnType<ServerNode['createRecorder']>>
  readonly banner: string
  /** The recordings directory, resolved. */
  readonly dir: string
}

// One line per exchange not recorded, naming the endpoint and the cause; the stack only with
// --verbose. A lost recording is an error: the client has an answer the recordings do not.
function reportSkip(context: CLIContext, verbose: boolean): (info: SkipInfo) => void {
  const { colors } = context
  return ({ endpoint, reason, kind, stack }) => {
    const label =
      kind === 'lost' ? colors.red(colors.bold('recording lost:')) : colors.yellow('not recorded:')
    context.err(`${label} ${endpoint}: ${reason}`)
    if (verbose && stack) context.err(colors.dim(stack))
  }
}

// Record and replay: keys come from the flags, else the environment, and go only to the
// upstream client; the banner names the upstreams and the directory, never a key. The
// recorder test-writes the directory before the server listens.
async function startRecording(
  settings: ServeSettings,
  context: CLIContext,
  node: ServerNode,
  mockOptions: Omit<Parameters<ServerNode['createRecorder']>[0], 'recordingsDir'>,
): Promise<Recording> {
  const { upstream, verbose } = settings
  const recordingsDir = resolve(context.cwd, upstream.recordingsDir ?? '.')
  const roots = upstream.roots ?? {}
  const { dim, cyan } = context.colors
  const options = {
    ...mockOptions,
    recordingsDir,
    ...roots,
    ...upstreamKeys(upstream.keys ?? {}, context.env),
    ...(upstream.timeoutMs === undefined ? {} : { upstreamTimeoutMs: upstream.timeoutMs }),
    ...(upstream.matchOn === undefined ? {} : { matchOn: upstream.matchOn }),
    ...(upstream.redact === undefined ? {} : { redact: redactSettings(node, upstream.redact) }),
    onSkip: reportSkip(context, verbose),
    ...(verbose
      ? {
          onRecord: ({ endpoint, file }: { endpoint: string; file: string }) =>
            context.out(`${dim(clockTime())} recorded ${endpoint} in ${basename(file)}`),
        }
      : {}),
  }
  // The roots requests go to; a provider with no default and none given (Azure) is left out.
  const upstreams = UPSTREAMS.flatMap((record) => {
    const root = roots[record.upstreamOption] ?? record.defaultUpstream
    return root === undefined ? [] : [root]
  }).join(', ')
  if (settings.mode === 'record') {
    const mock = await node.createRecorder(options)
    return {
      mock,
      banner: `Recording  to ${cyan(mock.recordingsFile)} ${dim(`from ${upstreams}`)}${settingsLines(node, mock.recordSettings, context)}`,
      dir: recordingsDir,
    }
  }
  const mock = await node.createReplayer({
    ...options,
    recordMissing: upstream.recordMissing === true,
    ...(upstream.replayTiming === undefined ? {} : { replayTiming: upstream.replayTiming }),
  })
  const { recordings } = mock
  for (const skip of recordings.skipped) {
    context.err(`${context.colors.yellow('skipped:')} ${skip.file}:${skip.line}: ${skip.reason}`)
  }
  const missing = upstream.recordMissing ? `; recording misses from ${upstreams}` : ''
  return {
    mock,
    banner: `Replaying  ${plural(recordings.scenario.rules.length, 'recording')} from ${cyan(recordingsDir)}${dim(missing)}${dim(upstream.replayTiming === 'recorded' ? '; with the recorded timing' : '')}${settingsLines(node, mock.recordSettings, context, upstream.recordMissing !== true)}`,
    dir: recordingsDir,
  }
}

// `--redact` words as the recorder takes them; a path it cannot read is a usage error.
function redactSettings(node: ServerNode, words: readonly string[]) {
  try {
    return node.parseRedactFlag(words.join(','))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

// The directory's settings under the banner, one indented line each: what is matched on,
// normalised and (when recording) redacted.
function settingsLines(
  node: ServerNode,
  settings: Parameters<ServerNode['describeRecordSettings']>[0],
  context: CLIContext,
  replayOnly = false,
): string {
  const lines = node
    .describeRecordSettings(settings)
    .filter((line) => !(replayOnly && line.startsWith('redacted:')))
  return lines.map((line) => `\n           ${context.colors.dim(line)}`).join('')
}

function costSummary(mock: Mocktopus): string | undefined {
  const { report, summary } = mock.costReport()
  return report.requests_mocked > 0 ? summary : undefined
}

function watchScenario(
  file: string,
  context: CLIContext,
  apply: (scenario: Scenario) => void,
): FSWatcher {
  const path = resolve(context.cwd, file)
  const name = basename(path)
  let timer: ReturnType<typeof setTimeout> | undefined
  let reloading = Promise.resolve()
  const reload = async () => {
    try {
      const next = await readScenarioFile(file, context.cwd)
      apply(next)
      context.out(
        `${context.colors.dim(clockTime())} reloaded ${file} (${plural(next.rules.length, 'rule')})`,
      )
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      context.err(
        `${context.colors.yellow('reload failed')}, still serving the previous scenario:\n${message}`,
      )
    }
  }
  // Watch the folder, not the file: editors save by writing a new file and renaming it over
  // the old one, after which a watch on the old file sees nothing.
  const watcher = watch(dirname(path), (_event, changed) => {
    if (changed !== null && changed !== name) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      reloading = reloading.then(reload)
    }, RELOAD_DEBOUNCE_MS)
  })
  watcher.on('close', () => clearTimeout(timer))
  return watcher
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
