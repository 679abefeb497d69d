#!/usr/bin/env node
// The image's entry point: runs the installed `mocktopus` command in this process, so that it is
// the container's main process and gets `docker stop`'s SIGTERM itself (`serve` closes
// gracefully on it). For `serve` with no scenario on the command line, it serves the scenario
// mounted at /scenarios/scenario.yaml when there is one, and the built-in scenario otherwise.
//
// MOCKTOPUS_SCENARIO names another path; MOCKTOPUS_BIN another build of the command (the
// repository's tests run this file against packages/cli/dist/bin.cjs).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const SCENARIO = process.env.MOCKTOPUS_SCENARIO || '/scenarios/scenario.yaml'
const BIN = process.env.MOCKTOPUS_BIN || join(__dirname, 'node_modules/mocktopus/bin/mocktopus.cjs')

const args = process.argv.slice(2)
// -s and --scenario name the scenario; --mode record or replay serve recordings, not one.
const choosesScenario = (arg) =>
  arg === '-s' ||
  arg === '--scenario' ||
  arg.startsWith('--scenario=') ||
  arg === '--mode' ||
  arg.startsWith('--mode=')
if (args[0] === 'serve' && !args.some(choosesScenario) && existsSync(SCENARIO)) {
  args.push('--scenario', SCENARIO)
}
process.argv = [process.argv[0], BIN, ...args]
require(BIN)
