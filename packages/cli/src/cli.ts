/**
 * The `mocktopus` program: `createCLI()` declares commands and flags, `parseCLI(argv)` turns a
 * command line into a checked command without running it, and `runCLI(argv)` runs it and gives
 * the exit status. Command code is imported only when that command runs, so `--help` or
 * `validate` never load the server.
 */
import { type CAC, type Command, cac } from 'cac'
import { type CommandName, loadCommand } from './commands.js'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './errors.js'
import { type CLIContext, createContext } from './io.js'
import type { RawOptions } from './options.js'
import { closest } from './suggest.js'
import { VERSION } from './version.js'

export type { CommandName } from './commands.js'

const PROGRAM = 'mocktopus'

/**
 * The cac program with every command and flag, not yet parsed.
 *
 * @example createCLI().parse(['node', 'mocktopus', 'validate', 'a.yaml'], { run: false })
 */
export function createCLI(): CAC {
  const cli = cac(PROGRAM)
  cli.option('-h, --help', 'Show help for the program or a command')
  cli.option('--version', 'Print the version')
  cli.option('-v, --verbose', 'Show stack traces with errors; serve also logs every request')

  cli
    .command('serve', 'Start the mock server (the built-in scenario unless -s is given)')
    .option('-s, --scenario <file>', 'Scenario YAML file (default: the built-in scenario)')
    .option('-p, --port <port>', 'Port to listen on; 0 picks a free port (default: 8080)')
    .option('--host <host>', 'Interface to bind (default: 127.0.0.1)')
    .option('--mode <mode>', 'mock, record or replay (default: mock)')
    .option('--recordings-dir <dir>', 'Where record mode writes and replay mode reads')
    .option(
      '--upstream <url>',
      'OpenAI-compatible API to record (default: https://api.openai.com/v1)',
    )
    .option(
      '--anthropic-upstream <url>',
      'Anthropic API to record (default: https://api.anthropic.com)',
    )
    .option('--ollama-upstream <url>', 'Ollama to record (default: http://127.0.0.1:11434)')
    .option(
      '--gemini-upstream <url>',
      'Gemini API to record (default: https://generativelanguage.googleapis.com)',
    )
    .option(
      '--azure-upstream <url>',
      'Azure OpenAI resource to record (https://NAME.openai.azure.com)',
    )
    .option('--record-missing', 'Replay mode: record requests that have no recording yet')
    .option('--openai-key <key>', 'OpenAI key for record mode (never printed or stored)')
    .option('--anthropic-key <key>', 'Anthropic key for record mode (never printed or stored)')
    .option('--gemini-key <key>', 'Gemini key for record mode (never printed or stored)')
    .option('--azure-key <key>', 'Azure OpenAI key for record mode (never printed or stored)')
    .option(
      '--upstream-timeout <ms>',
      'Record mode: how long the upstream may stay silent before 504 (default: 600000)',
    )
    .option(
      '--match-on <list>',
      'Record mode: also match on tools and/or params (kept in DIR/mocktopus.record.yaml)',
    )
    .option(
      '--redact <list>',
      'Record mode: header:NAME or body:PATH values never written (repeatable; kept in the settings)',
    )
    .option('--replay-timing <how>', 'Replay mode: none (default) or recorded delays')
    .option('--pricing <file>', 'YAML or JSON prices that extend the built-in pricing table')
    .option('--fixed-time <unix>', 'Freeze the clock: every `created` is this Unix time')
    .option('--watch', 'Reload the scenario file when it changes')
    .option(
      '--auth-token <token>',
      'Require this token (Bearer or x-api-key) on every request but /health; or MOCKTOPUS_AUTH_TOKEN',
    )
    .option('--no-admin', 'Turn off the admin routes /_mocktopus/*')
    .option('--body-limit <bytes>', 'Largest request body accepted (default: 10485760)')
    .option(
      '--strict',
      "Refuse with the provider's 400 what the real API refuses: unknown body fields, orphan tool results",
    )
    .option('--journal-size <n>', 'Requests the journal keeps; 0 keeps none (default: 1000)')
    .option(
      '--journal-bytes <bytes>',
      'Bytes of request bodies the journal keeps (default: 67108864); each body at most 64 KiB',
    )
    .option(
      '--request-timeout <ms>',
      'How long a client has to send a whole request (default: 60000)',
    )
    .option(
      '--allowed-hosts <names>',
      'Host names besides localhost and IP addresses that may reach the server (a,b; all: no check)',
    )
    .option(
      '--cors-origins <origins>',
      'Origins a browser app may call from (a,b); default any in mock and replay, none in record',
    )
    .option(
      '--chaos <faults>',
      'Seeded faults, e.g. rate_limit=0.1,server_error=0.05,disconnect=0.02,malformed=0.01 (docs/chaos.md)',
    )
    .option('--chaos-seed <n>', 'Seed of the chaos and jitter draws (default: 0)')
    .option('--ttft-ms <ms>', 'Streams: wait before the first chunk')
    .option('--tokens-per-second <n>', 'Streams: pace the chunks at this many tokens a second')
    .option('--jitter-ms <ms>', 'Streams: a seeded extra wait of up to this many ms per chunk')
    .option('--rate-limit-requests <n>', 'Enforce a rate limit: requests per window (429 past it)')
    .option('--rate-limit-tokens <n>', 'Enforce a rate limit: tokens per window (429 past it)')
    .option('--rate-limit-window <ms>', 'The rate-limit window (default: 60000)')
    .option(
      '--no-rate-limit-headers',
      'Leave the x-ratelimit-* / anthropic-ratelimit-* headers off',
    )
    .example(`  $ ${PROGRAM} serve`)
    .example(`  $ ${PROGRAM} serve -s scenario.yaml --port 0 --watch`)

  cli
    .command('validate [...files]', 'Check scenario files: errors exit 1, warnings exit 0')
    .option('--json', 'Print a machine-readable report')
    .example(`  $ ${PROGRAM} validate examples/*.yaml`)

  cli
    .command('explain', 'Show which rule answers a request, why the others do not, and the reply')
    .option('-s, --scenario <file>', 'Scenario YAML file (default: the built-in scenario)')
    .option('--prompt <text>', 'The user message')
    .option('--model <model>', 'Model id (default: gpt-4o-mini)')
    .option('--endpoint <path>', 'API path (default: /v1/chat/completions)')
    .option('--messages <file>', 'JSON file with the messages array (instead of --prompt)')
    .option(
      '--body <file>',
      'JSON file with a whole request body: tools, tool results, response_format (instead of --prompt)',
    )
    .example(`  $ ${PROGRAM} explain -s scenario.yaml --prompt "hello" --model gpt-4o`)
    .example(`  $ ${PROGRAM} explain -s agent.yaml --body second-turn.json`)

  cli
    .command('simulate', 'Print the response the server would send for a prompt')
    .option('-s, --scenario <file>', 'Scenario YAML file (default: the built-in scenario)')
    .option('--prompt <text>', 'The user message')
    .option('--model <model>', 'Model id (default: gpt-4o-mini)')
    .option('--messages <file>', 'JSON file with the messages array (instead of --prompt)')
    .option(
      '--body <file>',
      'JSON file with a whole chat completions body: tools, tool results (instead of --prompt)',
    )
    .option('--stream', 'Print the chunks as they would stream')
    .example(`  $ ${PROGRAM} simulate -s scenario.yaml --prompt "hello" --stream`)
    .example(`  $ ${PROGRAM} simulate -s agent.yaml --body second-turn.json`)

  cli
    .command('init', 'Write a starting scenario file')
    .option('--template <name>', 'basic, rag, agents, multimodal or enterprise (default: basic)')
    .option('-o, --output <file>', 'Where to write it (default: mocktopus.yaml)')
    .option('--force', 'Overwrite an existing file')
    .example(`  $ ${PROGRAM} init --template agents -o agents.yaml`)

  cli
    .command('example', 'Print an example scenario')
    .option(
      '--type <type>',
      'basic, streaming, tools, errors, embeddings or multi-model (default: basic)',
    )
    .example(`  $ ${PROGRAM} example --type tools > tools.yaml`)

  cli
    .command('doctor', 'Check the set-up offline: Node, a scenario, the port, the examples')
    .option('-s, --scenario <file>', 'Scenario YAML file to check')
    .option('-p, --port <port>', 'Port to check (default: 8080)')
    .example(`  $ ${PROGRAM} doctor -s scenario.yaml -p 8080`)

  cli
    .command(
      'drift',
      "Send each recording's request again and report where the answer's shape changed",
    )
    .option('--recordings-dir <dir>', 'The recordings to check (written by --mode record)')
    .option('--upstream <url>', 'OpenAI-compatible API (default: https://api.openai.com/v1)')
    .option('--anthropic-upstream <url>', 'Anthropic API (default: https://api.anthropic.com)')
    .option(
      '--gemini-upstream <url>',
      'Gemini API (default: https://generativelanguage.googleapis.com)',
    )
    .option('--ollama-upstream <url>', 'Ollama (default: http://127.0.0.1:11434)')
    .option('--azure-upstream <url>', 'Azure OpenAI resource (https://NAME.openai.azure.com)')
    .option('--upstream-timeout <ms>', 'How long the upstream may stay silent (default: 600000)')
    .option('--json', 'Print a machine-readable report')
    .example(`  $ ${PROGRAM} drift --recordings-dir recordings`)

  cli
    .command('convert [...files]', 'Write scenario YAML from aimock fixtures or Python cassettes')
    .option('--from <format>', 'aimock or python-cassette')
    .option('-o, --out <file>', 'Where to write the YAML (default: standard output)')
    .example(`  $ ${PROGRAM} convert --from aimock fixtures/*.json --out scenario.yaml`)

  return cli
}

/** A command line, checked: unknown commands and flags have already been rejected. */
export interface ParsedCLI {
  /** The command to run; absent with `--help` or `--version` (anywhere) or no command at all. */
  readonly command?: CommandName
  readonly args: readonly string[]
  readonly options: RawOptions
  readonly help: boolean
  readonly version: boolean
  /** The program, for printing help of the matched command. */
  readonly cli: CAC
}

function usageError(error: unknown, command: Command | undefined): unknown {
  if (error instanceof Error && error.name === 'CACError') {
    const message = error.message
      .replace(/^Unknown option `(.+)`$/, 'unknown option $1')
      .replace(/^option `(.+)` value is missing$/, 'option $1 needs a value')
      .replace(/^Unused args: (.+)$/, 'unexpected argument $1')
    const help = command ? `${PROGRAM} ${command.name} --help` : `${PROGRAM} --help`
    return new UsageError(`${message} (see "${help}")`)
  }
  return error
}

/**
 * Parses a command line starting with `mocktopus` (an array, or a string split on spaces)
 * without running anything. Throws a {@link UsageError} for unknown commands and flags.
 *
 * @example parseCLI('mocktopus serve --port 0').options.port // 0
 */
export function parseCLI(argv: string | readonly string[]): ParsedCLI {
  const list = typeof argv === 'string' ? argv.split(' ').filter(Boolean) : [...argv]
  if (list[0] !== PROGRAM) {
    throw new Error(`Expected "${PROGRAM}" as the first argument, got "${list[0]}"`)
  }
  const cli = createCLI()
  const { args, options } = cli.parse(['node', PROGRAM, ...list.slice(1)], { run: false })
  const command: Command | undefined = cli.matchedCommand
  const help = options.help === true
  const version = options.version === true
  if (!command && !help && !version && args[0] !== undefined) {
    const guess = closest(
      String(args[0]),
      cli.commands.map((c) => c.name),
    )
    const hint = guess ? `; did you mean "${guess}"?` : '.'
    throw new UsageError(
      `unknown command "${args[0]}"${hint} Run "${PROGRAM} --help" for the list of commands.`,
    )
  }
  if (!help) {
    try {
      const checked = command ?? cli.globalCommand
      checked.checkUnknownOptions()
      checked.checkOptionValue()
      if (command) {
        command.checkRequiredArgs()
        command.checkUnusedArgs()
      }
    } catch (error) {
      throw usageError(error, command)
    }
  }
  return {
    ...(command && !help && !version ? { command: command.name as CommandName } : {}),
    args: args.map(String),
    options,
    help,
    version,
    cli,
  }
}

function optionRows(options: readonly Command['options'][number][]): string {
  const width = Math.max(...options.map((o) => o.rawName.length))
  return options.map((o) => `  ${o.rawName.padEnd(width)}  ${o.description}`).join('\n')
}

/**
 * The help text of the program, or of `command` when given.
 *
 * @example formatHelp(createCLI())
 */
export function formatHelp(cli: CAC, command?: Command): string {
  const global = cli.globalCommand.options
  if (!command) {
    const width = Math.max(...cli.commands.map((c) => c.rawName.length))
    return [
      `${PROGRAM} ${VERSION}: a local, deterministic mock server for LLM APIs`,
      `Usage:\n  $ ${PROGRAM} <command> [options]`,
      `Commands:\n${cli.commands.map((c) => `  ${c.rawName.padEnd(width)}  ${c.description}`).join('\n')}`,
      `Options:\n${optionRows(global)}`,
      'Exit status: 0 success, 1 validation failure or no matching rule, 2 usage error.',
      `Run "${PROGRAM} <command> --help" for a command's options.`,
    ].join('\n\n')
  }
  const sections = [
    `Usage:\n  $ ${PROGRAM} ${command.rawName} [options]`,
    command.description,
    `Options:\n${optionRows([...command.options, ...global.filter((o) => o.name !== 'version')])}`,
  ]
  if (command.examples.length > 0) {
    sections.push(
      `Examples:\n${command.examples.map((e) => (typeof e === 'string' ? e : e(PROGRAM))).join('\n')}`,
    )
  }
  return sections.join('\n\n')
}

interface ScenarioIssueLike {
  readonly path: string
  readonly message: string
  readonly line?: number
  readonly column?: number
}

function hasIssues(error: unknown): error is Error & { issues: readonly ScenarioIssueLike[] } {
  return error instanceof Error && Array.isArray((error as { issues?: unknown }).issues)
}

/**
 * Prints an error as one line (a scenario error as one line per issue) and gives the exit
 * status. The stack trace is printed only with `--verbose`.
 */
export function reportError(error: unknown, context: CLIContext, verbose: boolean): number {
  const { colors } = context
  const prefix = colors.red(colors.bold('error:'))
  if (hasIssues(error)) {
    // One line per issue, each `file:line:column path: message`.
    for (const line of error.message.split('\n')) context.err(`${prefix} ${line}`)
  } else {
    const message = error instanceof Error ? error.message : String(error)
    context.err(`${prefix} ${message}`)
  }
  if (verbose && error instanceof Error && error.stack) context.err(colors.dim(error.stack))
  return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE
}

/**
 * Runs a command line and resolves to the exit status (0 ok, 1 failure, 2 usage error).
 * `serve` resolves only once `context.signal` aborts and the server has closed.
 *
 * @example process.exitCode = await runCLI(process.argv.slice(1))
 */
export async function runCLI(
  argv: string | readonly string[],
  context: CLIContext = createContext(),
): Promise<number> {
  let parsed: ParsedCLI
  try {
    parsed = parseCLI(argv)
  } catch (error) {
    return reportError(error, context, false)
  }
  const verbose = parsed.options.verbose === true
  if (parsed.help) {
    const command = parsed.cli.matchedCommand
    context.out(formatHelp(parsed.cli, command))
    return EXIT_OK
  }
  if (parsed.version) {
    context.out(VERSION)
    return EXIT_OK
  }
  if (!parsed.command) {
    context.err(formatHelp(parsed.cli))
    return EXIT_USAGE
  }
  try {
    const run = await loadCommand(parsed.command)
    return await run(parsed.args, parsed.options, context)
  } catch (error) {
    return reportError(error, context, verbose)
  }
}
