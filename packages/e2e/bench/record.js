/**
 * `node packages/e2e/bench/record.js [--against BIN] [--runs N]` (`pnpm bench:record`): what
 * record and replay cost at scale, through the built CLI (or another build, `--against
 * path/to/bin.cjs`, to compare). Against a local upstream in its own process, one request
 * after another: recording 400 distinct chat requests (ms per request over the first and the
 * last 100), the upstream alone (ms per request, and the ratio), and `mocktopus serve --mode
 * replay` start-up (spawn to the first answered `GET /health`) with an empty recordings
 * directory, the 400 recorded, and 10,000 recordings in the same format, first on new files and
 * then started again on the same files (as a test suite starts one server per file, finding
 * what the first start kept in the read cache), and the 400 once with the read cache off (as a
 * fresh clone's first start, with nothing kept by the recorder). Prints a table of the
 * median of N runs (default 3) and their range; asserts nothing.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLI_BIN } from './servers.js'
import { formatNumber, median } from './table.js'

const RECORDED = 400
const WINDOW = 100
const LARGE_SET = 10_000
const UPSTREAM = join(import.meta.dirname, 'record-upstream.js')

/** @param {string} name */
function flag(name) {
  const at = process.argv.indexOf(name)
  return at === -1 ? undefined : process.argv[at + 1]
}

const bin = flag('--against') ?? CLI_BIN
const runs = Number(flag('--runs') ?? 3)

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set()

/**
 * Spawns `node args` and resolves once its output holds `addressLine` (the origin in group 1).
 *
 * @param {string[]} args
 * @param {RegExp} addressLine
 * @param {Record<string, string>} [env]
 */
function start(args, addressLine, env = {}) {
  const spawned = performance.now()
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NO_COLOR: '1', TMPDIR: codeCache, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  void exited.then(() => children.delete(child))
  let output = ''
  return new Promise((resolve, reject) => {
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      output += chunk.toString('utf8')
      const url = addressLine.exec(output)?.[1]
      if (url === undefined) return
      child.stdout?.off('data', onData)
      child.stdout?.resume()
      resolve({
        url,
        spawned,
        pid: child.pid ?? 0,
        output: () => output,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          await exited
        },
      })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk) => {
      output += chunk.toString('utf8')
    })
    void exited.then((code) => reject(new Error(`${args[1]} exited (${code}):\n${output}`)))
  })
}

// Linux counts a process's CPU time in clock ticks, nearly always 100 a second.
const TICK_MS = 10

/**
 * CPU time a process has used so far, in ms (user and system; `/proc`, so Linux only): unlike
 * wall time, it does not grow when other processes share the machine.
 *
 * @param {number} pid
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS
  } catch {
    return Number.NaN
  }
}

/** @param {string} base @param {string} prompt */
async function chat(base, prompt) {
  const res = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench-client' },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are a terse assistant for the record bench.' },
        { role: 'user', content: prompt },
      ],
    }),
  })
  const body = await res.json()
  if (res.status !== 200) throw new Error(`${prompt}: ${res.status} ${JSON.stringify(body)}`)
  return body
}

/**
 * Mean ms per request over consecutive windows of `WINDOW` requests, and the CPU ms per request
 * that process `pid` spent in each.
 *
 * @param {string} base @param {number} count @param {string} label @param {number} pid
 */
async function sequential(base, count, label, pid) {
  const windows = []
  const cpu = []
  let started = performance.now()
  let startedCpu = cpuMs(pid)
  for (let i = 0; i < count; i++) {
    await chat(base, `${label} request ${i}: what is ${i} squared?`)
    if ((i + 1) % WINDOW === 0) {
      const now = performance.now()
      const nowCpu = cpuMs(pid)
      windows.push((now - started) / WINDOW)
      cpu.push((nowCpu - startedCpu) / WINDOW)
      started = now
      startedCpu = nowCpu
    }
  }
  return { windows, cpu }
}

// node:http rather than fetch: fetch loads lazily on first use, which would count as start-up.
/** @param {string} url */
function getStatus(url) {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
    }).on('error', reject)
  })
}

/**
 * ms from spawning `mocktopus serve --mode replay` to its first answered `GET /health`, and
 * the CPU ms the server had used by then.
 *
 * With `replays`, also the ms per request of that many chat requests replayed one after
 * another, each asking for another of the `large set` recordings (see `synthesise`).
 *
 * @param {string} dir @param {number} expected recordings the banner must count
 * @param {number} [replays]
 * @param {Record<string, string>} [env]
 */
async function replayStart(dir, expected, replays = 0, env = {}) {
  const server = await start(
    [bin, 'serve', '--mode', 'replay', '--recordings-dir', dir, '--port', '0'],
    /OpenAI\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/,
    env,
  )
  try {
    const status = await getStatus(`${server.url}/health`)
    const ms = performance.now() - server.spawned
    const cpu = cpuMs(server.pid)
    if (status !== 200) throw new Error(`GET /health answered ${status}`)
    const loaded = Number(
      /Replaying\s+([\d,]+) recording/.exec(server.output())?.[1]?.replaceAll(',', ''),
    )
    if (loaded !== expected) throw new Error(`replay loaded ${loaded} recordings, not ${expected}`)
    if (replays === 0) return { ms, cpu, replayMs: Number.NaN, replayCpu: Number.NaN }
    // The first request builds what matching needs; the figure is for the ones after it.
    await chat(server.url, `large set request ${expected - 1}: what is ${expected - 1} squared?`)
    const started = performance.now()
    const startedCpu = cpuMs(server.pid)
    for (let i = 0; i < replays; i++) {
      const n = Math.floor((i * expected) / replays)
      const prompt = `large set request ${n}: what is ${n} squared?`
      const answer = await chat(server.url, prompt)
      if (!answer.choices[0].message.content.includes(prompt)) {
        throw new Error(`${prompt}: replayed ${JSON.stringify(answer.choices[0].message)}`)
      }
    }
    return {
      ms,
      cpu,
      replayMs: (performance.now() - started) / replays,
      replayCpu: (cpuMs(server.pid) - startedCpu) / replays,
    }
  } finally {
    await server.stop()
  }
}

/**
 * `count` recordings in the layout `mocktopus serve --mode record` writes for the bench's
 * requests (`sample` is one of its files: its header and first rule are the template).
 *
 * @param {string} sample @param {number} count
 */
function synthesise(sample, count) {
  const start = sample.indexOf('\n  - ')
  const next = sample.indexOf('\n  - ', start + 1)
  const head = sample.slice(0, start + 1)
  const rule = sample.slice(start + 1, next === -1 ? undefined : next + 1)
  if (!rule.includes('recorded request 0:')) throw new Error(`unexpected first rule:\n${rule}`)
  const parts = [head]
  for (let i = 0; i < count; i++) {
    parts.push(
      rule.replaceAll(
        'recorded request 0: what is 0 squared?',
        `large set request ${i}: what is ${i} squared?`,
      ),
    )
  }
  return parts.join('')
}

/** One run: every figure once. */
async function run() {
  const dir = await mkdtemp(join(tmpdir(), 'mocktopus-bench-record-'))
  const upstream = await start([UPSTREAM], /listening on (http:\/\/127\.0\.0\.1:\d+)/)
  try {
    // The upstream alone, warmed up as the recorder's connection to it will be.
    await sequential(upstream.url, WINDOW, 'warm-up', upstream.pid)
    const alone = median(
      (await sequential(upstream.url, RECORDED, 'upstream', upstream.pid)).windows,
    )

    const recordings = join(dir, 'recorded')
    const recorder = await start(
      [
        bin,
        ...['serve', '--mode', 'record', '--recordings-dir', recordings, '--port', '0'],
        ...['--upstream', `${upstream.url}/v1`],
      ],
      /OpenAI\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/,
      { OPENAI_API_KEY: 'sk-bench-upstream' },
    )
    let windows
    let cpu
    try {
      ;({ windows, cpu } = await sequential(recorder.url, RECORDED, 'recorded', recorder.pid))
    } finally {
      await recorder.stop()
    }
    const sample = await readFile(join(recordings, 'recordings.yaml'), 'utf8')
    const count = sample.match(/^ {2}- type:/gm)?.length ?? 0
    if (count !== RECORDED) throw new Error(`${count} recordings written, not ${RECORDED}`)

    const empty = join(dir, 'empty')
    await mkdir(empty)
    const large = join(dir, 'large')
    await mkdir(large)
    await writeFile(join(large, 'recordings.yaml'), synthesise(sample, LARGE_SET))

    const startEmpty = await replayStart(empty, 0)
    // As a fresh clone's first start: nothing kept by the recorder or an earlier start.
    const cold400 = await replayStart(recordings, RECORDED, 0, { MOCKTOPUS_NO_READ_CACHE: '1' })
    const start400 = await replayStart(recordings, RECORDED)
    const startLarge = await replayStart(large, LARGE_SET, WINDOW)
    // Started again on the same files, as a test suite starts one server per file: what the
    // first start keeps (the read cache) is there now.
    const again400 = await replayStart(recordings, RECORDED)
    const againLarge = await replayStart(large, LARGE_SET)
    return {
      first: windows[0] ?? Number.NaN,
      last: windows.at(-1) ?? Number.NaN,
      firstCpu: cpu[0] ?? Number.NaN,
      lastCpu: cpu.at(-1) ?? Number.NaN,
      ratio: median(windows) / alone,
      alone,
      startEmpty: startEmpty.ms,
      start400: start400.ms,
      startLarge: startLarge.ms,
      cold400: cold400.ms,
      again400: again400.ms,
      againLarge: againLarge.ms,
      cpuEmpty: startEmpty.cpu,
      cpu400: start400.cpu,
      cpuLarge: startLarge.cpu,
      replayLarge: startLarge.replayMs,
      replayLargeCpu: startLarge.replayCpu,
    }
  } finally {
    await upstream.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

/** @param {number[]} values @param {(n: number) => string} format */
function figure(values, format) {
  const sorted = [...values].sort((a, b) => a - b)
  const range =
    sorted.length > 1 ? ` (${format(sorted[0] ?? 0)}-${format(sorted.at(-1) ?? 0)})` : ''
  return `${format(median(values))}${range}`
}

const codeCache = await mkdtemp(join(tmpdir(), 'mocktopus-bench-cache-'))
const stop = async () => {
  await Promise.all([...children].map((child) => child.kill('SIGTERM')))
  await rm(codeCache, { recursive: true, force: true })
}
process.once('SIGINT', () => void stop().then(() => process.exit(130)))

try {
  // A first start fills the code cache, as every start after an install finds it.
  const warm = await mkdtemp(join(tmpdir(), 'mocktopus-bench-warm-'))
  await replayStart(warm, 0)
  await rm(warm, { recursive: true, force: true })

  /** @type {Awaited<ReturnType<typeof run>>[]} */
  const results = []
  for (let i = 0; i < runs; i++) results.push(await run())
  /** @param {keyof (typeof results)[number]} key */
  const all = (key) => results.map((result) => result[key])
  const ms = (/** @type {number} */ n) => `${formatNumber(n)} ms`
  const times = (/** @type {number} */ n) => `${n.toFixed(2)} x`
  const firstLast = results.map((result) => result.last / result.first)
  const vsEmpty = (/** @type {'start400' | 'startLarge' | 'again400' | 'cold400'} */ key) =>
    results.map((result) => result[key] / result.startEmpty)
  const rows = [
    ['recording a chat request, first 100 of 400', figure(all('first'), ms)],
    ['the same, last 100 of 400', figure(all('last'), ms)],
    ['  last 100 / first 100', figure(firstLast, times)],
    ['  recorder CPU per request, first 100', figure(all('firstCpu'), ms)],
    ['  recorder CPU per request, last 100', figure(all('lastCpu'), ms)],
    ['the upstream alone', figure(all('alone'), ms)],
    ['recording vs the upstream alone', figure(all('ratio'), times)],
    ['replay server start, empty set', figure(all('startEmpty'), ms)],
    ['replay server start, 400 recordings', figure(all('start400'), ms)],
    ['  400 / empty', figure(vsEmpty('start400'), times)],
    ['  the same with no read cache (a fresh clone)', figure(all('cold400'), ms)],
    ['  no read cache / empty', figure(vsEmpty('cold400'), times)],
    ['replay server start, 10,000 recordings', figure(all('startLarge'), ms)],
    ['started again, 400 recordings', figure(all('again400'), ms)],
    ['  400 again / empty', figure(vsEmpty('again400'), times)],
    ['started again, 10,000 recordings', figure(all('againLarge'), ms)],
    ['  server CPU until then: empty set', figure(all('cpuEmpty'), ms)],
    ['  400 recordings', figure(all('cpu400'), ms)],
    ['  10,000 recordings', figure(all('cpuLarge'), ms)],
    ['replaying a chat request among 10,000 recordings', figure(all('replayLarge'), ms)],
    ['  server CPU per request', figure(all('replayLargeCpu'), ms)],
  ]
  const width = Math.max(...rows.map(([label]) => label?.length ?? 0))
  console.log(`${bin}\n${runs} runs: median (range); CPU figures do not grow with the load\n`)
  for (const [label, value] of rows) console.log(`${label?.padEnd(width)}  ${value}`)
} finally {
  await stop()
}
