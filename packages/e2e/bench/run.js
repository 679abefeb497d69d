/**
 * `pnpm bench`: loads `mocktopus serve` and, in the same run, a bare `node:http` baseline with
 * autocannon, measures start-up, idle memory and the in-process stub, and prints one table of
 * medians with every server figure as a ratio to the baseline. See docs/performance.md.
 *
 * Options: --rounds N (default 3), --duration SECONDS per load run (default 3),
 * --connections N (default 32), --startups N (default 5).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { load } from './load.js'
import { baselineFixture, CLI_BIN, ROOT, startBare, startMocktopus, stopAll } from './servers.js'
import { measureStartup } from './startup.js'
import { stubCallsPerSecond } from './stub-load.js'
import { formatNumber, formatRatio, median, renderTable } from './table.js'
import {
  MANY_RULES,
  REQUESTS,
  SESSIONS,
  SMALL_SCENARIO,
  STREAM_ANSWER,
  scenarioText,
} from './workloads.js'

const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    startups: { type: 'string', default: '5' },
  },
})
const ROUNDS = Number(flags.rounds)
const DURATION = Number(flags.duration)
const CONNECTIONS = Number(flags.connections)
const STARTUPS = Number(flags.startups)
const WARMUP_SECONDS = 1
const PACKAGES = ['scenario', 'responders', 'server', 'stub', 'cli']

/** @param {string} message */
function progress(message) {
  process.stderr.write(`[bench] ${message}\n`)
}

/** Builds when a dist is missing; warns when one is older than its sources. */
function ensureBuilt() {
  const entries = PACKAGES.map((name) => join(ROOT, 'packages', name, 'dist/index.js'))
  if (!entries.every((file) => existsSync(file)) || !existsSync(CLI_BIN)) {
    progress('a dist folder is missing: running pnpm build')
    const built = spawnSync('pnpm', ['build'], { cwd: ROOT, stdio: 'inherit' })
    if (built.status !== 0) throw new Error('pnpm build failed; fix it, then run pnpm bench')
    return
  }
  for (const name of PACKAGES) {
    const src = join(ROOT, 'packages', name, 'src')
    const built = statSync(join(ROOT, 'packages', name, 'dist/index.js')).mtimeMs
    const newer = spawnSync('find', [src, '-name', '*.ts', '-newermt', `@${built / 1000}`])
      .stdout?.toString()
      .trim()
    if (newer) progress(`warning: packages/${name}/dist is older than its src; run pnpm build`)
  }
}

/**
 * @typedef {object} WorkloadReport
 * @property {string} key
 * @property {string} label
 * @property {string} unit
 * @property {(text: string) => string | undefined} check an error message, or undefined
 * @property {boolean} [latency] also report p50 and p99
 * @property {(text: string) => string | undefined} [checkLast] for several bodies, the last answer's check
 */

/** @typedef {import('./workloads.js').BenchRequest & WorkloadReport} Workload */

/** @param {string} text */
function sseContent(text) {
  const frames = text.split('\n\n').filter((frame) => frame.startsWith('data: {'))
  const content = frames
    .map((frame) => JSON.parse(frame.slice('data: '.length)).choices[0]?.delta?.content ?? '')
    .join('')
  return { frames: frames.length, content }
}

/** @type {Workload[]} */
const WORKLOADS = [
  {
    key: 'chat',
    label: 'chat, non-streaming',
    unit: 'req/s',
    ...REQUESTS.chat,
    latency: true,
    check: (text) =>
      JSON.parse(text).choices[0].message.content.includes('sunny') ? undefined : 'wrong answer',
  },
  {
    key: 'sessions',
    label: `chat, ${SESSIONS} sessions interleaved`,
    unit: 'req/s',
    ...REQUESTS.sessions,
    check: (text) =>
      JSON.parse(text).choices[0].message.content.includes('sunny') ? undefined : 'wrong answer',
  },
  {
    key: 'stream',
    label: `chat, streaming (2 KB)`,
    unit: 'streams/s',
    ...REQUESTS.stream,
    check: (text) => (sseContent(text).content === STREAM_ANSWER ? undefined : 'wrong stream'),
  },
  {
    key: 'embeddings-float',
    label: 'embeddings 1536-d, float',
    unit: 'req/s',
    ...REQUESTS['embeddings-float'],
    check: (text) =>
      JSON.parse(text).data[0].embedding.length === 1536 ? undefined : 'wrong dimensions',
  },
  {
    key: 'embeddings-base64',
    label: 'embeddings 1536-d, base64',
    unit: 'req/s',
    ...REQUESTS['embeddings-base64'],
    check: (text) =>
      Buffer.from(JSON.parse(text).data[0].embedding, 'base64').length === 1536 * 4
        ? undefined
        : 'wrong dimensions',
  },
  {
    key: 'many-rules',
    label: `${MANY_RULES.toLocaleString('en-US')} rules, last one matches`,
    unit: 'req/s',
    ...REQUESTS['many-rules'],
    check: (text) =>
      JSON.parse(text).choices[0].message.content === `Answer for ticket T${MANY_RULES}.`
        ? undefined
        : 'wrong rule',
  },
  {
    key: 'anthropic',
    label: 'Anthropic messages, non-streaming',
    unit: 'req/s',
    ...REQUESTS.anthropic,
    check: (text) =>
      JSON.parse(text).content[0].text.includes('sunny') ? undefined : 'wrong answer',
  },
  {
    key: 'gemini',
    label: 'Gemini generateContent, non-streaming',
    unit: 'req/s',
    ...REQUESTS.gemini,
    check: (text) =>
      JSON.parse(text).candidates[0].content.parts[0].text.includes('sunny')
        ? undefined
        : 'wrong answer',
  },
  {
    key: 'ollama',
    label: 'Ollama chat, non-streaming',
    unit: 'req/s',
    ...REQUESTS.ollama,
    check: (text) =>
      JSON.parse(text).message.content.includes('sunny') ? undefined : 'wrong answer',
  },
  {
    key: 'agent',
    label: 'two-step agent loop (tool call, then text)',
    unit: 'req/s',
    ...REQUESTS.agent,
    check: (text) =>
      JSON.parse(text).choices[0].message.tool_calls?.[0]?.function.name === 'get_weather'
        ? undefined
        : 'no tool call',
    checkLast: (text) =>
      JSON.parse(text).choices[0].message.content === 'It is sunny, 21 degrees in Lisbon.'
        ? undefined
        : 'wrong final answer',
  },
]

/**
 * Sends one request of each workload to Mocktopus, checks the answer, and keeps it as the
 * baseline's fixed response.
 *
 * @param {Record<'small' | 'many' | 'agent', string>} urls
 */
async function captureFixtures(urls) {
  /** @type {Record<string, import('./bare-server.js').Fixture>} */
  const fixtures = {}
  /** @type {Record<string, string>} */
  const notes = {}
  for (const workload of WORKLOADS) {
    const res = await fetch(`${urls[workload.server]}${workload.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
      body: workload.body,
    })
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8')
    if (res.status !== 200) throw new Error(`${workload.label}: status ${res.status}: ${text}`)
    const problem = workload.check(text)
    if (problem) throw new Error(`${workload.label}: ${problem}: ${text.slice(0, 300)}`)
    fixtures[`/${workload.key}`] = baselineFixture(res, text)
    const last = workload.bodies?.at(-1)
    if (last !== undefined && workload.checkLast) {
      const end = await fetch(`${urls[workload.server]}${workload.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
        body: last,
      })
      const endText = await end.text()
      const endProblem = end.status === 200 ? workload.checkLast(endText) : `status ${end.status}`
      if (endProblem) throw new Error(`${workload.label}: ${endProblem}: ${endText.slice(0, 300)}`)
    }
    notes[workload.key] =
      workload.key === 'stream'
        ? `${sseContent(text).frames} chunks, ${text.length} bytes`
        : `${text.length} bytes`
  }
  return { fixtures, notes }
}

/**
 * @param {string} message
 * @param {() => Promise<void>} step
 */
async function timed(message, step) {
  const started = performance.now()
  await step()
  progress(`${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
}

async function main() {
  const benchStarted = performance.now()
  ensureBuilt()
  const dir = await mkdtemp(join(tmpdir(), 'mocktopus-bench-'))
  try {
    const smallFile = join(dir, 'small.yaml')
    const manyFile = join(dir, 'many.yaml')
    const agentFile = join(dir, 'agent.yaml')
    const fixturesFile = join(dir, 'fixtures.json')
    await writeFile(smallFile, scenarioText('small'))
    await writeFile(manyFile, scenarioText('many'))
    await writeFile(agentFile, scenarioText('agent'))

    const small = await startMocktopus(smallFile)
    const many = await startMocktopus(manyFile)
    const agent = await startMocktopus(agentFile)
    const urls = { small: small.url, many: many.url, agent: agent.url }
    const { fixtures, notes } = await captureFixtures(urls)
    await writeFile(fixturesFile, JSON.stringify(fixtures))

    const bare = await startBare(fixturesFile)
    /** @param {Workload} workload */
    const targets = (workload) => ({
      mocktopus: `${urls[workload.server]}${workload.path}`,
      baseline: workload.baselinePaths
        ? `${urls[workload.server]}${workload.baselinePaths[0]}`
        : `${bare.url}/${workload.key}`,
    })
    // The bare server answers one path; a workload compared with Mocktopus itself (sessions)
    // loads both sides the same way, on several paths in turn.
    /**
     * @param {Workload} workload
     * @param {string} who
     */
    const pathsFor = (workload, who) => {
      const paths = who === 'mocktopus' ? workload.paths : workload.baselinePaths
      return paths ? { paths } : {}
    }
    await timed('warm-up', async () => {
      for (const workload of WORKLOADS) {
        for (const [who, url] of Object.entries(targets(workload))) {
          await load({
            url,
            ...pathsFor(workload, who),
            body: workload.body,
            bodies: workload.bodies,
            connections: CONNECTIONS,
            duration: WARMUP_SECONDS,
          })
        }
      }
    })

    /** @type {Record<string, { mocktopus: import('./load.js').LoadFigures[], baseline: import('./load.js').LoadFigures[] }>} */
    const figures = {}
    for (const workload of WORKLOADS) figures[workload.key] = { mocktopus: [], baseline: [] }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const workload of WORKLOADS) {
        const urlsFor = targets(workload)
        // Alternate who goes first, so drift on a shared machine favours neither.
        /** @type {('baseline' | 'mocktopus')[]} */
        const order = round % 2 === 1 ? ['baseline', 'mocktopus'] : ['mocktopus', 'baseline']
        const line = []
        for (const who of order) {
          const result = await load({
            url: urlsFor[who],
            ...pathsFor(workload, who),
            body: workload.body,
            bodies: workload.bodies,
            connections: CONNECTIONS,
            duration: DURATION,
          })
          figures[workload.key]?.[who].push(result)
          line.push(`${who} ${formatNumber(result.rps)}`)
        }
        progress(`round ${round}/${ROUNDS}: ${workload.label}: ${line.join(', ')} ${workload.unit}`)
      }
    }
    await Promise.all([small.stop(), many.stop(), agent.stop(), bare.stop()])

    /** @type {{ ms: number, rssMB: number }[]} */
    const mockStarts = []
    /** @type {{ ms: number, rssMB: number }[]} */
    const coldStarts = []
    /** @type {{ ms: number, rssMB: number }[]} */
    const bareStarts = []
    // Measured once the servers under load have stopped, so nothing else runs meanwhile; they
    // saved `mocktopus serve`'s code cache a second after they started. So `mockStarts` are
    // every start but the first, `coldStarts` the first after an install (or on a fresh CI
    // machine), each with a temporary directory of its own, empty.
    await timed('start-up measured', async () => {
      for (let i = 0; i < STARTUPS; i++) {
        const warm = await measureStartup(() => startMocktopus())
        const tmpdir = await mkdtemp(join(dir, 'first-run-'))
        const cold = await measureStartup(() => startMocktopus(undefined, { tmpdir }))
        const bareStart = await measureStartup(() => startBare(fixturesFile))
        mockStarts.push(warm)
        coldStarts.push(cold)
        bareStarts.push(bareStart)
        progress(
          `start-up ${i + 1}/${STARTUPS}: mocktopus ${warm.ms.toFixed(0)}, first run ${cold.ms.toFixed(0)}, bare ${bareStart.ms.toFixed(0)} ms`,
        )
      }
    })

    /** @type {number[]} */
    const stubRuns = []
    await timed('stub client measured', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        stubRuns.push(await stubCallsPerSecond(SMALL_SCENARIO, REQUESTS.chat.body, DURATION))
      }
    })

    const rows = buildRows(figures, { mockStarts, coldStarts, bareStarts }, stubRuns, notes)
    const cpu = cpus()[0]?.model ?? 'unknown CPU'
    console.log(
      `\nMocktopus benchmark: medians of ${ROUNDS} runs of ${DURATION} s, ${CONNECTIONS} connections (autocannon), ${STARTUPS} start-ups`,
    )
    console.log(
      `Node ${process.version}, ${cpus().length} x ${cpu}; load generator on the same cores\n`,
    )
    console.log(renderTable(rows))
    const missed = rows.filter((row) => row.met === false).length
    console.log(
      `\n${missed === 0 ? 'Every target met.' : `${missed} target(s) missed.`} Total ${((performance.now() - benchStarted) / 1000).toFixed(0)} s.`,
    )
  } finally {
    await stopAll()
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * @param {Record<string, { mocktopus: import('./load.js').LoadFigures[], baseline: import('./load.js').LoadFigures[] }>} figures
 * @param {Record<'mockStarts' | 'coldStarts' | 'bareStarts', { ms: number, rssMB: number }[]>} starts
 * @param {number[]} stubRuns
 * @param {Record<string, string>} notes
 * @returns {import('./table.js').Row[]}
 */
function buildRows(figures, { mockStarts, coldStarts, bareStarts }, stubRuns, notes) {
  /**
   * @param {string} key
   * @param {'rps' | 'p50' | 'p99'} field
   */
  const med = (key, field) => ({
    mocktopus: median((figures[key]?.mocktopus ?? []).map((f) => f[field])),
    baseline: median((figures[key]?.baseline ?? []).map((f) => f[field])),
  })
  const chat = med('chat', 'rps')
  const chatRatio = chat.mocktopus / chat.baseline
  const gemini = med('gemini', 'rps')
  const ollama = med('ollama', 'rps')
  const sessions = med('sessions', 'rps')
  // Two requests make one loop of the agent workload.
  const halved = (/** @type {{ mocktopus: number, baseline: number }} */ m) => ({
    mocktopus: m.mocktopus / 2,
    baseline: m.baseline / 2,
  })
  const many = med('many-rules', 'rps')
  const embeddingTarget = (/** @type {string} */ key) => {
    const m = med(key, 'rps')
    return { ...m, target: '>= 0.30 x', met: m.mocktopus / m.baseline >= 0.3 }
  }
  const startMs = median(mockStarts.map((s) => s.ms))
  const coldMs = median(coldStarts.map((s) => s.ms))
  const bareMs = median(bareStarts.map((s) => s.ms))
  const rss = median(mockStarts.map((s) => s.rssMB))
  return [
    {
      label: 'chat, non-streaming',
      unit: 'req/s',
      ...chat,
      target: '>= 0.60 x',
      met: chat.mocktopus / chat.baseline >= 0.6,
    },
    { label: '  latency p50', unit: 'ms', ...med('chat', 'p50') },
    { label: '  latency p99', unit: 'ms', ...med('chat', 'p99') },
    {
      // The baseline of this row is Mocktopus without sessions, loaded the same way.
      label: `chat, ${SESSIONS} sessions interleaved (baseline: no session)`,
      unit: 'req/s',
      ...sessions,
      target: '>= 0.95 x',
      met: sessions.mocktopus / sessions.baseline >= 0.95,
    },
    {
      label: `chat, streaming (${notes.stream})`,
      unit: 'streams/s',
      ...med('stream', 'rps'),
    },
    { label: 'embeddings 1536-d, float', unit: 'req/s', ...embeddingTarget('embeddings-float') },
    { label: 'embeddings 1536-d, base64', unit: 'req/s', ...embeddingTarget('embeddings-base64') },
    {
      label: `${MANY_RULES.toLocaleString('en-US')} rules, last one matches`,
      unit: 'req/s',
      ...many,
    },
    {
      label: '  ... as a ratio to small-scenario chat',
      unit: '',
      mocktopus: Number.NaN,
      baseline: undefined,
      ratio: formatRatio(many.mocktopus / chat.mocktopus),
      target: '>= 0.50 x',
      met: many.mocktopus / chat.mocktopus >= 0.5,
    },
    { label: 'Anthropic messages, non-streaming', unit: 'req/s', ...med('anthropic', 'rps') },
    {
      // Within 15% of the chat row's ratio to the bare server.
      label: 'Gemini generateContent, non-streaming',
      unit: 'req/s',
      ...gemini,
      target: `>= ${(0.85 * chatRatio).toFixed(2)} x`,
      met: gemini.mocktopus / gemini.baseline >= 0.85 * chatRatio,
    },
    {
      // Within 15% of the chat row's ratio to the bare server.
      label: 'Ollama chat, non-streaming',
      unit: 'req/s',
      ...ollama,
      target: `>= ${(0.85 * chatRatio).toFixed(2)} x`,
      met: ollama.mocktopus / ollama.baseline >= 0.85 * chatRatio,
    },
    {
      label: 'two-step agent loop (tool call, then text)',
      unit: 'loops/s',
      ...halved(med('agent', 'rps')),
    },
    {
      label: 'start-up to first answer',
      unit: 'ms',
      mocktopus: startMs,
      baseline: bareMs,
      target: '<= 200 ms',
      met: startMs <= 200,
    },
    {
      label: 'start-up, first run (no code cache)',
      unit: 'ms',
      mocktopus: coldMs,
      baseline: bareMs,
      target: '<= 200 ms',
      met: coldMs <= 200,
    },
    {
      label: 'idle RSS',
      unit: 'MB',
      mocktopus: rss,
      baseline: median(bareStarts.map((s) => s.rssMB)),
      target: '<= 60 MB',
      met: rss <= 60,
    },
    {
      label: 'stub client, in-process chat',
      unit: 'calls/s',
      mocktopus: median(stubRuns),
      baseline: undefined,
    },
  ]
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    progress(`${signal}: stopping the servers`)
    stopAll().finally(() => process.exit(130))
  })
}

main().catch(async (error) => {
  console.error(error)
  await stopAll()
  process.exitCode = 1
})
