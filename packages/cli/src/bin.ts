#!/usr/bin/env node
/**
 * The `mocktopus` executable. The command itself is one bundled CommonJS file, `command.cjs`
 * (see tsup.config.ts for why bundled, and why CommonJS); this launcher runs it through V8's
 * code cache, one per subcommand, saved when the first run exits.
 */
import { join } from 'node:path'
import { runWithCodeCache } from './code-cache.js'

const variant = process.argv.slice(2).find((arg) => !arg.startsWith('-'))
const run = runWithCodeCache(join(__dirname, 'command.cjs'), variant ? { variant } : {})
if (run.status === 'miss' || run.status === 'rejected') process.once('exit', () => run.save())
