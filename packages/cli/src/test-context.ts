import { type CLIContext, createContext } from './io.js'

export interface CapturedContext extends CLIContext {
  readonly stdout: string[]
  readonly stderr: string[]
  readonly controller: AbortController
}

/** A context that records output and never colours it, for in-process command tests. */
export function captureContext(options: { cwd?: string; color?: boolean } = {}): CapturedContext {
  const stdout: string[] = []
  const stderr: string[] = []
  const controller = new AbortController()
  const context = createContext({
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    color: options.color ?? false,
    env: {},
    cwd: options.cwd ?? process.cwd(),
    signal: controller.signal,
  })
  return { ...context, stdout, stderr, controller }
}
