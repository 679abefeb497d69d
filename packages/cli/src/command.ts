/**
 * The `mocktopus` command as a process: arguments from `process.argv`, output to the process's
 * streams, SIGINT and SIGTERM to stop. `bin.ts` runs it (built as `dist/command.cjs`).
 */
import { parseCLI, runCLI } from './cli.js'
import { createContext } from './io.js'

const argv = ['mocktopus', ...process.argv.slice(2)]
// Asked when a signal comes, not at start-up, where runCLI already parses the command line.
const serving = () => {
  try {
    return parseCLI(argv).command === 'serve'
  } catch {
    return false
  }
}

const controller = new AbortController()
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // `serve` closes gracefully on the first signal; a second one while closing, or any
    // signal to a short command, ends the process at once with the shell's 128 + n status.
    if (stopping || !serving()) process.exit(signal === 'SIGINT' ? 130 : 143)
    stopping = true
    controller.abort(signal)
  })
}

// No top-level await: this file is CommonJS (see bin.ts). runCLI reports every error itself
// and resolves with the exit status.
void runCLI(argv, createContext({ signal: controller.signal })).then((code) => {
  process.exitCode = code
  // Open keep-alive sockets or a slow client could hold the loop after `serve` has closed;
  // the timer is unref'd, so a process with nothing left exits at once without it.
  setTimeout(() => process.exit(code), 1000).unref()
})

// Run by the launcher just before it saves the code cache (see warm-up.ts).
export { warmUpCodeCache } from './warm-up.js'
