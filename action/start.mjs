/**
 * The GitHub Action's start step: runs `mocktopus serve` in the background, waits until
 * `/health` answers, and hands the URLs to the job's later steps through `GITHUB_ENV` and the
 * step's outputs through `GITHUB_OUTPUT`. Plain Node (no dependencies), so it runs on a runner
 * before anything is installed and can be tested by running it with those files set.
 *
 * Reads: INPUT_SCENARIO, INPUT_PORT, INPUT_VERSION, INPUT_MODE, INPUT_ARGS (the action's
 * inputs), MOCKTOPUS_BIN (a command to run instead of `npx @mocktopus/cli@<version>`, e.g.
 * `node packages/cli/dist/bin.cjs`), MOCKTOPUS_START_TIMEOUT (seconds, default 120), RUNNER_TEMP.
 */
import { spawn } from 'node:child_process'
import { appendFileSync, mkdtempSync, openSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const MODES = ['mock', 'record', 'replay']

/** Splits `args` as a shell would split plain words and '…' or "…" quoted ones; no expansion. */
function splitArgs(text) {
  const words = []
  let word = null
  let quote = null
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null
      else word += char
    } else if (char === '"' || char === "'") {
      quote = char
      word ??= ''
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word)
      word = null
    } else {
      word = (word ?? '') + char
    }
  }
  if (quote) throw new Error(`args has an unclosed ${quote}: ${text}`)
  if (word !== null) words.push(word)
  return words
}

function fail(message) {
  console.log(`::error title=Mocktopus::${message.replaceAll('%', '%25').replaceAll('\n', '%0A')}`)
  process.exit(1)
}

function append(file, values) {
  if (!file) return
  appendFileSync(
    file,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  )
}

const env = process.env
const mode = env.INPUT_MODE || 'mock'
if (!MODES.includes(mode)) fail(`mode must be one of ${MODES.join(', ')}, got "${mode}"`)
const port = env.INPUT_PORT || '8080'
if (!/^\d+$/.test(port) || Number(port) > 65535) fail(`port must be 0 to 65535, got "${port}"`)
const version = env.INPUT_VERSION || 'latest'

const command = env.MOCKTOPUS_BIN
  ? splitArgs(env.MOCKTOPUS_BIN)
  : ['npx', '--yes', `@mocktopus/cli@${version}`]
const args = ['serve', '--port', port, '--mode', mode]
if (env.INPUT_SCENARIO) args.push('--scenario', env.INPUT_SCENARIO)
args.push(...splitArgs(env.INPUT_ARGS ?? ''))

const logDir = env.RUNNER_TEMP || mkdtempSync(join(tmpdir(), 'mocktopus-'))
const log = join(logDir, `mocktopus-${Date.now()}.log`)
const out = openSync(log, 'a')
console.log(`Starting: ${[...command, ...args].join(' ')}`)
console.log(`Log: ${log}`)
// Its own process group, so the summary step can stop npx and the server it started together.
const server = spawn(command[0], [...command.slice(1), ...args], {
  detached: true,
  env: { ...env, NO_COLOR: '1' },
  stdio: ['ignore', out, out],
})
let exited = null
server.on('exit', (code, signal) => {
  exited = signal ?? code
})
server.on('error', (error) => {
  exited = error.message
})
server.unref()

const deadline = Date.now() + Number(env.MOCKTOPUS_START_TIMEOUT || 120) * 1000
let url = null
while (url === null) {
  if (exited !== null) {
    fail(`mocktopus serve exited (${exited}) before it was ready:\n${readFileSync(log, 'utf8')}`)
  }
  if (Date.now() > deadline) {
    fail(`mocktopus serve did not start in time:\n${readFileSync(log, 'utf8')}`)
  }
  // The banner's Anthropic line is the server's root URL, whatever port 0 picked.
  const printed = /^Anthropic\s+(https?:\/\/\S+)/m.exec(readFileSync(log, 'utf8'))?.[1]
  if (printed) {
    try {
      const health = await fetch(`${printed}/health`, { signal: AbortSignal.timeout(2000) })
      await health.body?.cancel()
      if (health.ok) url = printed
    } catch {}
  }
  if (url === null) await sleep(200)
}

append(env.GITHUB_ENV, {
  MOCKTOPUS_URL: url,
  OPENAI_BASE_URL: `${url}/v1`,
  ANTHROPIC_BASE_URL: url,
  MOCKTOPUS_PID: server.pid,
  MOCKTOPUS_LOG: log,
})
append(env.GITHUB_OUTPUT, {
  url,
  'openai-base-url': `${url}/v1`,
  'anthropic-base-url': url,
  pid: server.pid,
  log,
})
console.log(`Mocktopus is up at ${url} (OPENAI_BASE_URL=${url}/v1, ANTHROPIC_BASE_URL=${url})`)
process.exit(0)
