/**
 * What the OpenAI tokenizer's load costs a freshly started server, and when: spawns
 * `mocktopus serve` (the built CLI) with a scenario that names a `gpt-4o*` model and with the
 * built-in default scenario, and prints medians of
 *
 * - start-up: spawn to the printed address, and to the first answered `GET /health`;
 * - the first chat completion (`gpt-4o-mini`, counted with `o200k_base`) sent at once after
 *   `/health`, and the one after it;
 * - the first chat completion sent after 1.5 s of idleness, as a test suite that boots after
 *   the server would;
 * - the slowest `/health` of probes sent every 200 ms meanwhile (the event loop is busy while
 *   an encoding loads: any request then waits; the server warms up only after 100 ms without a
 *   request, so probes much closer together would keep it from warming up at all);
 * - resident memory once idle and after the first answer.
 *
 * Run after `pnpm build`: `node packages/e2e/bench/first-answer.js [--runs N]` (default 5).
 * `--bin path/to/bin.cjs` measures another build of the CLI (an older one, to compare).
 */
import { writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { CLI_BIN, residentMB, startMocktopus, stopAll } from './servers.js'
import { median } from './table.js'

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    bin: { type: 'string', default: CLI_BIN },
  },
})
const RUNS = Number(flags.runs)
const IDLE_MS = 1500
const PROBE_MS = 200

const NAMED = `version: 1
rules:
  - type: llm
    when: { model: "gpt-4o*" }
    respond: { content: "The tokenizer counts this answer." }
  - type: llm
    respond: { content: "Anything else." }
`

const CHAT = JSON.stringify({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'How many tokens is this prompt?' }],
})

/**
 * One request over node:http (fetch loads lazily: it would be counted as the client's time).
 *
 * @param {string} url
 * @param {string} [body] POST it as JSON when given
 * @returns {Promise<{ ms: number, status: number, text: string }>}
 */
function send(url, body) {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => {
          text += chunk
        })
        res.on('end', () =>
          resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, text }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** @param {{ ms: number, status: number, text: string }} answer */
function usageOf(answer) {
  if (answer.status !== 200) throw new Error(`chat answered ${answer.status}: ${answer.text}`)
  return JSON.parse(answer.text).usage
}

/** @param {string | undefined} scenarioFile */
async function atOnce(scenarioFile) {
  const server = await startMocktopus(scenarioFile, { bin: flags.bin })
  try {
    const health = await send(`${server.url}/health`)
    const first = await send(`${server.url}/v1/chat/completions`, CHAT)
    const second = await send(`${server.url}/v1/chat/completions`, CHAT)
    return {
      startMs: server.startMs,
      healthMs: server.startMs + health.ms,
      firstMs: first.ms,
      secondMs: second.ms,
      usage: usageOf(first),
    }
  } finally {
    await server.stop()
  }
}

/** @param {string | undefined} scenarioFile */
async function afterIdle(scenarioFile) {
  const server = await startMocktopus(scenarioFile, { bin: flags.bin })
  try {
    let slowest = 0
    const until = performance.now() + IDLE_MS
    while (performance.now() < until) {
      slowest = Math.max(slowest, (await send(`${server.url}/health`)).ms)
      await sleep(PROBE_MS)
    }
    const idleMB = await residentMB(server.pid)
    const first = await send(`${server.url}/v1/chat/completions`, CHAT)
    return {
      slowestHealthMs: slowest,
      idleMB,
      firstMs: first.ms,
      afterMB: await residentMB(server.pid),
      usage: usageOf(first),
    }
  } finally {
    await server.stop()
  }
}

/** @param {number} n */
const f = (n) => n.toFixed(n < 10 ? 1 : 0)

async function main() {
  const named = join(tmpdir(), `mocktopus-first-answer-${process.pid}.yaml`)
  await writeFile(named, NAMED)
  try {
    for (const [label, file] of /** @type {const} */ ([
      ['scenario naming gpt-4o*', named],
      ['built-in default scenario', undefined],
    ])) {
      /** @type {Awaited<ReturnType<typeof atOnce>>[]} */
      const fast = []
      /** @type {Awaited<ReturnType<typeof afterIdle>>[]} */
      const idle = []
      for (let i = 0; i < RUNS; i++) {
        fast.push(await atOnce(file))
        idle.push(await afterIdle(file))
      }
      const usages = new Set([...fast, ...idle].map((run) => JSON.stringify(run.usage)))
      const med = (/** @type {number[]} */ values) => f(median(values))
      console.log(`\n${label} (medians of ${RUNS})`)
      console.log(`  spawn to address            ${med(fast.map((r) => r.startMs))} ms`)
      console.log(`  spawn to first /health      ${med(fast.map((r) => r.healthMs))} ms`)
      console.log(`  first chat, sent at once    ${med(fast.map((r) => r.firstMs))} ms`)
      console.log(`  second chat                 ${med(fast.map((r) => r.secondMs))} ms`)
      console.log(`  first chat after ${IDLE_MS} ms idle ${med(idle.map((r) => r.firstMs))} ms`)
      console.log(`  slowest /health meanwhile   ${med(idle.map((r) => r.slowestHealthMs))} ms`)
      console.log(`  RSS idle                    ${med(idle.map((r) => r.idleMB))} MB`)
      console.log(`  RSS after the first answer  ${med(idle.map((r) => r.afterMB))} MB`)
      console.log(`  usage seen                  ${[...usages].join(' ')}`)
    }
  } finally {
    await stopAll()
  }
}

await main()
