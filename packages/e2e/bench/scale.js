/**
 * `node packages/e2e/bench/scale.js [rules]`: how a large scenario fares through the built CLI:
 * `mocktopus validate` wall time and peak memory, `mocktopus serve` time to its first answer
 * (from the last rule) and its resident memory then. Prints figures; asserts nothing.
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLI_BIN } from './servers.js'

const RULES = Number(process.argv[2] ?? 100_000)

/** @param {number} count */
function scenario(count) {
  const lines = ['version: 1', 'rules:']
  for (let i = 0; i < count; i++) {
    lines.push(
      '  - type: llm',
      `    when: { model: "gpt-4o*", messages_contains: "case ${i} status" }`,
      `    respond: { content: "Case ${i} is open." }`,
    )
  }
  return `${lines.join('\n')}\n`
}

/** @param {number} pid */
function rssMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]) / 1024
}

/** @param {string} file */
function validate(file) {
  const started = performance.now()
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI_BIN, 'validate', file])
  const ms = performance.now() - started
  const peakKB = Number(run.stderr.toString().trim().split('\n').at(-1))
  return { ms, peakMB: peakKB / 1024, ok: run.status === 0 }
}

/**
 * Starts `mocktopus serve -s file` and resolves with its base URL, pid and start time once
 * its banner names the port.
 * @param {string} file
 * @returns {Promise<{ base: string, pid: number, started: number, stop: () => void }>}
 */
function startServer(file) {
  return new Promise((resolve) => {
    const started = performance.now()
    const child = spawn(process.execPath, [CLI_BIN, 'serve', '-s', file, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    let ready = false
    child.stdout.on('data', (data) => {
      out += data
      const port = /127\.0\.0\.1:(\d+)\/v1/.exec(out)?.[1]
      if (!port || ready) return
      ready = true
      const base = `http://127.0.0.1:${port}`
      resolve({ base, pid: child.pid ?? 0, started, stop: () => child.kill() })
    })
  })
}

/** @param {string} base @param {string} content */
function chat(base, content) {
  return fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content }] }),
  })
}

/** @param {string} file */
async function serve(file) {
  const server = await startServer(file)
  const res = await chat(server.base, `case ${RULES - 1} status`)
  const ms = performance.now() - server.started
  const rule = res.headers.get('x-mocktopus-rule')
  const mb = rssMB(server.pid)
  server.stop()
  if (rule !== String(RULES - 1)) throw new Error(`the last rule did not answer: ${rule}`)
  return { ms, rssMB: mb }
}

const PATTERNS = String.raw`version: 1
rules:
  - type: llm
    when: { messages_regex: '^(a+)+$' }
    respond: { content: "only a's" }
  - type: llm
    when: { messages_regex: '\d+\s*\+\s*\d+' }
    respond: { content: "a sum" }
  - type: llm
    respond: { content: "fallback" }
`

/**
 * The two patterns that stall a backtracking engine, each with `/health` asked while it runs.
 * @param {string} file
 */
async function patterns(file) {
  const server = await startServer(file)
  /** @param {string} content */
  const timed = async (content) => {
    const started = performance.now()
    const [answer, healthMs] = await Promise.all([
      chat(server.base, content).then(() => performance.now() - started),
      fetch(`${server.base}/health`).then(() => performance.now() - started),
    ])
    return { answer, healthMs }
  }
  const nested = await timed(`${'a'.repeat(33)}!`)
  const digits = await timed('1'.repeat(200_000))
  server.stop()
  return { nested, digits }
}

const dir = await mkdtemp(join(tmpdir(), 'mocktopus-scale-bench-'))
try {
  const file = join(dir, 'rules.yaml')
  await writeFile(file, scenario(RULES))
  const patternsFile = join(dir, 'patterns.yaml')
  await writeFile(patternsFile, PATTERNS)
  const timed = await patterns(patternsFile)
  const checked = validate(file)
  const served = await serve(file)
  console.log(`${RULES} rules`)
  console.log(
    `validate   ${(checked.ms / 1000).toFixed(2)} s   peak ${checked.peakMB.toFixed(0)} MB${checked.ok ? '' : '  (failed)'}`,
  )
  console.log(
    `serve      ${(served.ms / 1000).toFixed(2)} s to the last rule's answer   RSS ${served.rssMB.toFixed(0)} MB`,
  )
  /** @param {string} name @param {{ answer: number, healthMs: number }} figures */
  const line = (name, { answer, healthMs }) =>
    `${name}  answered in ${answer.toFixed(1)} ms; /health meanwhile in ${healthMs.toFixed(1)} ms`
  console.log(line("^(a+)+$ on 33 a's and !        ", timed.nested))
  console.log(line('\\d+\\s*\\+\\s*\\d+ on 200k digits    ', timed.digits))
} finally {
  await rm(dir, { recursive: true, force: true })
}
