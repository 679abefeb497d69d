import { MocktopusError } from '@mocktopus/scenario'

/** Exit statuses of the `mocktopus` command. */
export const EXIT_OK = 0
/** Validation failures, no matching rule, a port in use: the command ran and said no. */
export const EXIT_FAILURE = 1
/** Unknown commands or flags, bad or missing option values. */
export const EXIT_USAGE = 2

/**
 * The command line itself is wrong; exits 2.
 *
 * @example throw new UsageError('--port must be a number from 0 to 65535, got "abc"')
 */
export class UsageError extends MocktopusError {
  override readonly code: string = 'MOCKTOPUS_CLI_USAGE'
  override name = 'UsageError'
  readonly exitCode: number = EXIT_USAGE
}

/**
 * The command ran and failed for a reason the message fully explains; exits 1.
 *
 * @example throw new CommandError('port 8080 is already in use; try --port 0')
 */
export class CommandError extends MocktopusError {
  override readonly code: string = 'MOCKTOPUS_CLI_FAILED'
  override name = 'CommandError'
  readonly exitCode: number = EXIT_FAILURE
}
