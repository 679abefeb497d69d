/**
 * The `mocktopus` command as a child process, for what only a process shows: its exit status
 * and what it prints. Built once per suite by the CLI package's own test builder
 * (packages/cli/test/build-cli.ts), so it never races with a `pnpm build` cleaning `dist/`.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildCLI as buildCommand } from '../../../cli/test/build-cli.js'

export interface BuiltCLI {
  /** Runs `mocktopus ARGS` to completion. */
  run(args: readonly string[], env?: Record<string, string>): Promise<RunResult>
  /** Starts `mocktopus serve ARGS` and resolves once its banner is printed. */
  serve(args: readonly string[], env?: Record<string, string>): Promise<RunningServe>
  dispose(): Promise<void>
}

export interface RunResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface RunningServe {
  /** The server's root URL, e.g. `http://127.0.0.1:43121`. */
  readonly url: string
  /** The child's process id, for a signal other than `stop`'s SIGTERM. */
  readonly pid: number
  stdout(): string
  stderr(): string
  /** Resolves when stderr has printed text matching `pattern`. */
  waitForError(pattern: RegExp): Promise<void>
  /** Sends SIGTERM and resolves with the exit. */
  stop(): Promise<RunResult>
}

/** Builds the CLI into a private folder. */
export async function buildCLI(): Promise<BuiltCLI> {
  const outDir = await mkdtemp(join(tmpdir(), 'mocktopus-e2e-cli-'))
  const bin = await buildCommand(outDir)
  // The children's code cache goes here, never into a real one.
  const childTmp = join(outDir, 'tmp')
  await mkdir(childTmp)
  const start = (args: readonly string[], env: Record<string, string>): ChildProcess =>
    spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? '', TMPDIR: childTmp, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })

  return {
    run: (args, env = {}) => collect(start(args, env)).done,
    async serve(args, env = {}) {
      const child = start(['serve', '--port', '0', ...args], env)
      const output = collect(child)
      await output.waitFor(/^Press Ctrl\+C to stop\.$/m, 'stdout')
      const url = /^OpenAI\s+(http:\/\/\S+)\/v1/m.exec(output.stdout())?.[1] as string
      return {
        url,
        pid: child.pid as number,
        stdout: output.stdout,
        stderr: output.stderr,
        waitForError: (pattern) => output.waitFor(pattern, 'stderr'),
        stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          return output.done
        },
      }
    },
    dispose: () => rm(outDir, { recursive: true, force: true }),
  }
}

function collect(child: ChildProcess) {
  const text = { stdout: '', stderr: '' }
  const waiters = new Set<() => void>()
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]?.setEncoding('utf8').on('data', (data: string) => {
      text[stream] += data
      for (const check of [...waiters]) check()
    })
  }
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout: text.stdout, stderr: text.stderr }))
  })
  const waitFor = (pattern: RegExp, stream: 'stdout' | 'stderr') =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(text[stream])) return
        waiters.delete(check)
        resolve()
      }
      waiters.add(check)
      check()
      void done.then((result) => {
        if (waiters.has(check)) {
          reject(
            new Error(
              `mocktopus exited (${result.code}) before printing ${pattern}:\n${result.stdout}\n${result.stderr}`,
            ),
          )
        }
      })
    })
  return {
    done,
    waitFor,
    stdout: () => text.stdout,
    stderr: () => text.stderr,
  }
}
