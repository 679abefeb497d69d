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

const watched = new WeakSet<NodeJS.WritableStream>()

/**
 * Writes lines to `stream` until its reader goes away. `mocktopus explain | head -1` closes the
 * pipe after one line; like other Unix tools the command then stops printing, quietly, and
 * still exits with its own status, instead of dying of an unhandled EPIPE.
 */
function lineWriter(stream: NodeJS.WriteStream): (text: string) => void {
  if (!watched.has(stream)) {
    watched.add(stream)
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // The stream is destroyed by now, so the writes below stop; any other error is a fault.
      if (error.code !== 'EPIPE') throw error
    })
  }
  return (text) => {
    if (!stream.destroyed) stream.write(`${text}\n`)
  }
}

/**
 * A context writing to the process's streams unless told otherwise.
 *
 * @example const lines: string[] = []; createContext({ out: (t) => lines.push(t), color: false })
 */
export function createContext(options: CreateContextOptions = {}): CLIContext {
  const env = options.env ?? process.env
  return {
    out: options.out ?? lineWriter(process.stdout),
    err: options.err ?? lineWriter(process.stderr),
    colors: createColors(options.color ?? shouldUseColor(process.stdout, env)),
    env,
    cwd: options.cwd ?? process.cwd(),
    signal: options.signal ?? new AbortController().signal,
  }
}
