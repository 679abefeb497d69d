/**
 * The CLI's own errors. They carry a stable `code` like the library's `MocktopusError` but do
 * not extend it: importing that class loads the whole scenario package (YAML parser, JSON
 * Schema validator), which `--help`, `--version`, `init` and `example` never need.
 */

/** Exit statuses of the `mocktopus` command. */
export const EXIT_OK = 0
/** Validation failures, no matching rule, a port in use: the command ran and said no. */
export const EXIT_FAILURE = 1
/** Unknown commands or flags, bad or missing option values. */
export const EXIT_USAGE = 2

/**
 * The command line itself is wrong; exits 2.
 *
 * @example throw new UsageError('--port must be a whole number, got "abc"')
 */
export class UsageError extends Error {
  readonly code: string = 'MOCKTOPUS_CLI_USAGE'
  override name = 'UsageError'
  readonly exitCode: number = EXIT_USAGE
}

/**
 * The command ran and failed for a reason the message fully explains; exits 1.
 *
 * @example throw new CommandError('mocktopus.yaml already exists; pass --force to overwrite it')
 */
export class CommandError extends Error {
  readonly code: string = 'MOCKTOPUS_CLI_FAILED'
  override name = 'CommandError'
  readonly exitCode: number = EXIT_FAILURE
}
