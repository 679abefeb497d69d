/**
 * `pnpm bench:cpu`: server CPU time per request, the steadier figure to work on. Throughput on a
 * shared 2-core machine swings by a third between runs; CPU microseconds per request, read from
 * `/proc/PID/stat` around a load run, swing much less, and more so when the servers and the load
 * generator are pinned to different cores (with `taskset`, when the machine has it and two
 * cores). Prints medians for Mocktopus and the bare `node:http` baseline, and their ratio.
 *
 * Linux only (it reads `/proc`). Options: --rounds N (default 5), --duration SECONDS (default 4),
 * --connections N (default 32), --workload chat|stream|embeddings-float|embeddings-base64|
 * many-rules|anthropic|agent|sessions (default chat; sessions compares Mocktopus on 8 session
 * paths in turn with Mocktopus on the plain path, in place of the bare baseline),
 * --against PATH (also measure another build's `dist/bin.cjs`, or `dist/bin.js` for builds
 * before the CommonJS launcher, e.g. one built from an older commit, alternating with this one
 * in the same run: the fair way to compare two builds here).
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { baselineFixture, startBare, startMocktopus, stopAll } from './servers.js'
import { median } from './table.js'
import { REQUESTS, scenarioText } from './workloads.js'

const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    duration: { type: 'string', default: '4' },
    connections: { type: 'string', default: '32' },
    workload: { type: 'string', default: 'chat' },
    against: { type: 'string' },
  },
})

/** @type {Record<string, import('./workloads.js').BenchRequest>} */
const WORKLOADS = REQUESTS

const chosen = WORKLOADS[flags.workload ?? 'chat']
if (!chosen) throw new Error(`--workload: one of ${Object.keys(WORKLOADS).join(', ')}`)
const workload = chosen
const HEADERS = { 'content-type': 'application/json', authorization: 'Bearer bench' }

/** CPU time (user + system) of a process so far, in microseconds. */
async function cpuMicros(/** @type {number} */ pid) {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticksPerSecond = 100
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ticksPerSecond
}

/** Pins a process and its threads to one core; false when taskset is missing. */
function pin(/** @type {number} */ pid, /** @type {number} */ core) {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/**
 * One load run: the server's CPU microseconds per completed request, and requests per second.
 *
 * @param {string} url
 * @param {number} pid
 * @param {readonly string[]} [paths] POSTed to in turn on each connection
 */
async function measure(url, pid, paths = workload.paths) {
  const before = await cpuMicros(pid)
  const result = await autocannon({
    url: url + workload.path,
    method: 'POST',
    headers: HEADERS,
    body: workload.body,
    ...(workload.bodies && {
      requests: workload.bodies.map((body) => ({ method: 'POST', body })),
    }),
    ...(paths && {
      requests: paths.map((path) => ({ method: 'POST', path, body: workload.body })),
    }),
    connections: Number(flags.connections),
    duration: Number(flags.duration),
  })
  const after = await cpuMicros(pid)
  if (result.errors + result.timeouts + result.non2xx > 0) throw new Error(`${url}: failures`)
  return {
    micros: (after - before) / result.requests.total,
    rps: result.requests.total / result.duration,
  }
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'mocktopus-bench-cpu-'))
  try {
    const scenarioFile = join(dir, 'small.yaml')
    await writeFile(scenarioFile, scenarioText(workload.server))
    const mocktopus = await startMocktopus(scenarioFile)
    const sample = await fetch(mocktopus.url + workload.path, {
      method: 'POST',
      headers: HEADERS,
      body: workload.body,
    })
    const text = await sample.text()
    if (sample.status !== 200) throw new Error(`status ${sample.status}: ${text}`)
    const fixtures = join(dir, 'fixtures.json')
    await writeFile(fixtures, JSON.stringify({ [workload.path]: baselineFixture(sample, text) }))
    const bare = await startBare(fixtures)
    const other = flags.against
      ? await startMocktopus(scenarioFile, { bin: flags.against })
      : undefined

    const pinned =
      cpus().length >= 2 &&
      pin(mocktopus.pid, 1) &&
      pin(bare.pid, 1) &&
      (other === undefined || pin(other.pid, 1)) &&
      pin(process.pid, 0)
    process.stderr.write(
      `[bench:cpu] ${flags.workload}, ${flags.rounds} rounds of ${flags.duration} s, ${
        pinned ? 'servers on core 1, load on core 0' : 'not pinned (no taskset or one core)'
      }\n`,
    )
    const warm = Number(flags.duration)
    flags.duration = '1'
    await measure(mocktopus.url, mocktopus.pid)
    await measure(bare.url, bare.pid)
    if (other) await measure(other.url, other.pid)
    flags.duration = String(warm)

    /** @type {{ micros: number[], rps: number[] }} */
    const ours = { micros: [], rps: [] }
    /** @type {{ micros: number[], rps: number[] }} */
    const base = { micros: [], rps: [] }
    /** @type {{ micros: number[], rps: number[] }} */
    const against = { micros: [], rps: [] }
    // For sessions the baseline is Mocktopus itself on the plain path, loaded the same way.
    const { baselinePaths } = workload
    const plain = baselinePaths && {
      ...mocktopus,
      url: mocktopus.url,
      measure: () => measure(mocktopus.url, mocktopus.pid, baselinePaths),
    }
    /** @type {[import('./servers.js').Server & { measure?: () => ReturnType<typeof measure> }, typeof ours][]} */
    const servers = [
      [plain ?? bare, base],
      [mocktopus, ours],
    ]
    if (other) servers.push([other, against])
    for (let round = 0; round < Number(flags.rounds); round++) {
      // A different server goes first each round: the run after the baseline's is the dearer
      // one (about 25 us a request here, whichever build it is), so a fixed order would pick
      // the winner of an A/B comparison by its place.
      const rotated = servers.map((_, i) => servers[(i + round) % servers.length])
      for (const [server, into] of /** @type {typeof servers} */ (rotated)) {
        const { micros, rps } = server.measure
          ? await server.measure()
          : await measure(server.url, server.pid)
        into.micros.push(micros)
        into.rps.push(rps)
      }
    }
    const row = (/** @type {string} */ name, /** @type {typeof ours} */ figures) =>
      `${name.padEnd(12)} ${median(figures.micros).toFixed(1).padStart(8)} us/request ${Math.round(
        median(figures.rps),
      )
        .toLocaleString('en-US')
        .padStart(9)} req/s`
    console.log(row(baselinePaths ? 'no session' : 'node:http', base))
    console.log(row('Mocktopus', ours))
    if (other) console.log(row('--against', against))
    const ratio = (/** @type {typeof ours} */ figures) =>
      (median(base.micros) / median(figures.micros)).toFixed(2)
    console.log(
      `ratio        ${ratio(ours)} x${other ? ` (--against: ${ratio(against)} x)` : ''} (baseline CPU / Mocktopus CPU per request)`,
    )
  } finally {
    await stopAll()
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
