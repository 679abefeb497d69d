import { type Colors, createColors, shouldUseColor } from './colors.js'

/** Where a command writes and what it may read of its environment; tests pass their own. */
export interface CLIContext {
  /** Writes `text` and a newline to standard output. */
  out(text: string): void
  /** Writes `text` and a newline to standard error. */
  err(text: string): void
  readonly colors: Colors
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  /** Aborts when the process is asked to stop (SIGINT, SIGTERM); `serve` runs until then. */
  readonly signal: AbortSignal
}

/** Options for {@link createContext}; every field has a default from `process`. */
export interface CreateContextOptions {
  readonly out?: (text: string) => void
  readonly err?: (text: string) => void
  readonly color?: boolean
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly cwd?: string
  readonly signal?: AbortSignal
}

/**
 * A context writing to the process's streams unless told otherwise.
 *
 * @example const lines: string[] = []; createContext({ out: (t) => lines.push(t), color: false })
 */
export function createContext(options: CreateContextOptions = {}): CLIContext {
  const env = options.env ?? process.env
  return {
    out: options.out ?? ((text) => process.stdout.write(`${text}\n`)),
    err: options.err ?? ((text) => process.stderr.write(`${text}\n`)),
    colors: createColors(options.color ?? shouldUseColor(process.stdout, env)),
    env,
    cwd: options.cwd ?? process.cwd(),
    signal: options.signal ?? new AbortController().signal,
  }
}
