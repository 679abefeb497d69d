#!/usr/bin/env node
import { runCLI } from './cli.js'
import { createContext } from './io.js'

const controller = new AbortController()
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second Ctrl+C while closing means "now".
    if (stopping) process.exit(130)
    stopping = true
    controller.abort(signal)
  })
}

const code = await runCLI(
  ['mocktopus', ...process.argv.slice(2)],
  createContext({ signal: controller.signal }),
)
process.exitCode = code
// Open keep-alive sockets or a slow client could hold the loop after `serve` has closed;
// the timer is unref'd, so a process with nothing left exits at once without it.
setTimeout(() => process.exit(code), 1000).unref()
