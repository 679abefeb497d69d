/**
 * Start-up time and idle memory of a freshly spawned server.
 *
 * Run on its own (`pnpm bench:startup`, after `pnpm build`), it prints the time from spawn to
 * the first answered `GET /health` of `mocktopus serve` and of a bare `node -e` HTTP server,
 * measured alternately in the same run, their medians and the ratio (target: at most 1.5x).
 * `--runs N` (default 9). It also prints the first run after an install (no code cache yet).
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { residentMB, startMocktopus, stopAll } from './servers.js'

// Long enough for start-up work (module loading, the scenario) to settle, as a server waiting
// for its first test would.
const IDLE_MS = 1000

/** Issue #26: `mocktopus serve` answers its first /health within 1.5x a bare server's time. */
export const STARTUP_RATIO_TARGET = 1.5

/**
 * @typedef {object} StartupFigures
 * @property {number} ms from spawn to the first answered `GET /health`
 * @property {number} rssMB resident memory once idle
 */

/**
 * @param {() => Promise<import('./servers.js').Server>} start
 * @param {{ idle?: boolean }} [options] `idle: false` skips the wait for the idle memory figure
 * @returns {Promise<StartupFigures>}
 */
export async function measureStartup(start, { idle = true } = {}) {
  const spawned = performance.now()
  const server = await start()
  try {
    const status = await getStatus(`${server.url}/health`)
    const ms = performance.now() - spawned
    if (status !== 200) throw new Error(`GET /health answered ${status}`)
    if (!idle) return { ms, rssMB: Number.NaN }
    await sleep(IDLE_MS)
    return { ms, rssMB: await residentMB(server.pid) }
  } finally {
    await server.stop()
  }
}

// node:http rather than fetch: fetch loads lazily on first use, which would be counted as the
// server's start-up.
/** @param {string} url */
function getStatus(url) {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
    }).on('error', reject)
  })
}

// The least a Node HTTP server does before its first answer, given on the command line as
// `node -e` would run it: the yardstick for "start-up" that costs nothing but Node itself.
const BARE_SOURCE = [
  "const http = require('node:http')",
  "const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{\"status\":\"healthy\"}') })",
  "server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port))",
  "process.on('SIGTERM', () => server.close())",
].join('\n')

/** @returns {Promise<import('./servers.js').Server>} */
export function startBareNodeE() {
  const child = spawn(process.execPath, ['-e', BARE_SOURCE], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      if (!url) return
      resolve({
        url,
        pid: child.pid ?? 0,
        startMs: 0,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          await exited
        },
      })
    })
    exited.then((code) => reject(new Error(`bare server exited (${code}): ${output}`)))
  })
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

async function main() {
  const { values: flags } = parseArgs({ options: { runs: { type: 'string', default: '9' } } })
  const runs = Number(flags.runs)
  const scratch = await mkdtemp(join(tmpdir(), 'mocktopus-startup-'))
  try {
    // One start first, not counted, so the code cache exists as it does after any first run.
    await measureStartup(() => startMocktopus(), { idle: false })
    await sleep(1500)
    /** @type {number[]} */ const mock = []
    /** @type {number[]} */ const bare = []
    /** @type {number[]} */ const first = []
    for (let i = 0; i < runs; i++) {
      // Alternated, so a busy moment on the machine falls on both.
      mock.push((await measureStartup(() => startMocktopus(), { idle: false })).ms)
      bare.push((await measureStartup(startBareNodeE, { idle: false })).ms)
      const empty = await mkdtemp(join(scratch, 'first-run-'))
      first.push(
        (await measureStartup(() => startMocktopus(undefined, { tmpdir: empty }), { idle: false }))
          .ms,
      )
      process.stderr.write(
        `run ${i + 1}/${runs}: mocktopus ${mock.at(-1)?.toFixed(0)} ms, bare ${bare.at(-1)?.toFixed(0)} ms, first run ${first.at(-1)?.toFixed(0)} ms\n`,
      )
    }
    const ratio = median(mock) / median(bare)
    console.log(`Start-up to the first GET /health, median of ${runs} (Node ${process.version})`)
    console.log(`  mocktopus serve             ${median(mock).toFixed(0)} ms`)
    console.log(`  bare node -e http server    ${median(bare).toFixed(0)} ms`)
    console.log(
      `  ratio                       ${ratio.toFixed(2)}x (target <= ${STARTUP_RATIO_TARGET}x): ${ratio <= STARTUP_RATIO_TARGET ? 'met' : 'MISSED'}`,
    )
    console.log(`  first run after an install  ${median(first).toFixed(0)} ms (no code cache yet)`)
  } finally {
    await stopAll()
    await rm(scratch, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
