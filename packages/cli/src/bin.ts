#!/usr/bin/env node
/**
 * The `mocktopus` executable. The command itself is one bundled CommonJS file, `command.cjs`
 * (see tsup.config.ts for why bundled, and why CommonJS); this launcher runs it through V8's
 * code cache, one per subcommand, saved by the first run.
 */
import { join } from 'node:path'
import { runWithCodeCache } from './code-cache.js'

// Saved when start-up is over: at exit for a short command, a second in for `serve` (with its
// first requests, in a test suite), before V8 drops start-up code's bytecode from memory.
const SAVE_AFTER_MS = 1000

const variant = process.argv.slice(2).find((arg) => !arg.startsWith('-'))
const run = runWithCodeCache(join(__dirname, 'command.cjs'), variant ? { variant } : {})
if (run.status === 'miss' || run.status === 'rejected') {
  setTimeout(() => run.save(), SAVE_AFTER_MS).unref()
  process.once('exit', () => run.save())
}
