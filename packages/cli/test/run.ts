import { type ChildProcess, spawn } from 'node:child_process'
import { inject } from 'vitest'

export interface RunResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export interface RunOptions {
  readonly cwd?: string
  readonly env?: Readonly<Record<string, string | undefined>>
}

function childEnv(extra: RunOptions['env']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: inject('cliTmpdir'), ...extra }
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key]
  return env
}

/** Runs the built `mocktopus` with `args` to completion. */
export function mocktopus(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const child = spawn(process.execPath, [inject('cliBin'), ...args], {
    cwd: options.cwd,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return collect(child)
}

function collect(child: ChildProcess): Promise<RunResult> {
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    stdout += d
  })
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

export interface RunningServe {
  readonly child: ChildProcess
  /** The OpenAI base URL the banner printed, e.g. `http://127.0.0.1:43121/v1`. */
  readonly openaiURL: string
  readonly port: number
  /** Output so far. */
  stdout(): string
  stderr(): string
  /** Resolves when stdout or stderr has printed text matching `pattern`. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<void>
  /** Sends `signal` and resolves with the exit. */
  stop(signal?: NodeJS.Signals): Promise<RunResult>
}

/** Starts `mocktopus serve ARGS` and resolves once its banner is printed. */
export async function startServe(
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunningServe> {
  const child = spawn(process.execPath, [inject('cliBin'), 'serve', ...args], {
    cwd: options.cwd,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const done = collect(child)
  const output = { stdout: '', stderr: '' }
  const waiters: (() => void)[] = []
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]?.on('data', (d: Buffer | string) => {
      output[stream] += d.toString()
      for (const check of [...waiters]) check()
    })
  }
  const waitFor = (pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout') =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(output[stream])) {
          waiters.splice(waiters.indexOf(check), 1)
          resolve()
        }
      }
      waiters.push(check)
      check()
      done.then((result) => {
        if (!pattern.test(output[stream])) {
          reject(
            new Error(
              `mocktopus serve exited (${result.code}) before printing ${pattern}:\n${result.stdout}\n${result.stderr}`,
            ),
          )
        }
      })
    })
  // The last banner line: by then the URLs are printed and any --watch is in place.
  await waitFor(/^Press Ctrl\+C to stop\.$/m)
  const openaiURL = /^OpenAI\s+(http:\/\/\S+\/v1)/m.exec(output.stdout)?.[1] as string
  return {
    child,
    openaiURL,
    port: Number(new URL(openaiURL).port),
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    waitFor,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return done
    },
  }
}
