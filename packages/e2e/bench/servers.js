/**
 * The servers under load, each in its own process so that the load generator (this process)
 * and the server share the machine's cores as a real client and server would: `mocktopus
 * serve` from the built CLI, and the bare `node:http` baseline.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '../../..')
export const CLI_BIN = join(ROOT, 'packages/cli/dist/bin.cjs')
const BARE_SERVER = join(import.meta.dirname, 'bare-server.js')

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set()

/**
 * @typedef {object} Server
 * @property {string} url The origin, e.g. `http://127.0.0.1:40123`.
 * @property {number} pid
 * @property {number} startMs Milliseconds from spawn to the printed address.
 * @property {() => Promise<void>} stop
 */

/**
 * Spawns `command` and resolves once a line of its stdout gives the address.
 *
 * @param {string[]} args node arguments
 * @param {RegExp} addressLine captures the origin in group 1
 * @param {Record<string, string>} [env] added to this process's environment
 * @returns {Promise<Server>}
 */
function spawnServer(args, addressLine, env = {}) {
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  exited.then(() => children.delete(child))
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString('utf8')
      const found = addressLine.exec(output)
      if (!found) return
      child.stdout?.off('data', onData)
      // Keep draining so a chatty server never blocks on a full pipe.
      child.stdout?.resume()
      resolve({
        url: found[1] ?? '',
        pid: child.pid ?? 0,
        startMs: performance.now() - started,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
          await exited
          clearTimeout(timer)
        },
      })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk) => {
      output += chunk.toString('utf8')
    })
    exited.then((code) =>
      reject(new Error(`server exited (${code}) before giving its address:\n${output}`)),
    )
  })
}

/**
 * `mocktopus serve --port 0`, on the default scenario or a scenario file; `bin` runs another
 * build of the CLI (an older one, to compare).
 *
 * @param {string} [scenarioFile]
 * @param {object} [options]
 * @param {string} [options.bin]
 * @param {string} [options.tmpdir] the server's temporary directory, where it looks for its
 *   code cache: an empty one makes it start as the first run after an install does
 */
export function startMocktopus(scenarioFile, { bin = CLI_BIN, tmpdir } = {}) {
  const args = [bin, 'serve', '--port', '0', '--host', '127.0.0.1']
  if (scenarioFile) args.push('--scenario', scenarioFile)
  /** @type {Record<string, string>} */
  const env = tmpdir === undefined ? {} : { TMPDIR: tmpdir }
  return spawnServer(args, /OpenAI\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/, env)
}

/**
 * The bare `node:http` baseline, answering with the fixed responses in `fixtureFile`.
 *
 * @param {string} fixtureFile
 */
export function startBare(fixtureFile) {
  return spawnServer([BARE_SERVER, fixtureFile], /listening on (http:\/\/127\.0\.0\.1:\d+)/)
}

// Headers of the connection, not of the answer: the baseline's server writes its own.
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])

/**
 * What the baseline sends for a workload: the status, headers and bytes Mocktopus sent, an SSE
 * body frame by frame and any other body with its length.
 *
 * @param {Response} res Mocktopus's answer, whose body has been read as `text`
 * @param {string} text
 * @returns {import('./bare-server.js').Fixture}
 */
export function baselineFixture(res, text) {
  /** @type {Record<string, string>} */
  const headers = {}
  res.headers.forEach((value, name) => {
    if (!CONNECTION_HEADERS.has(name)) headers[name] = value
  })
  if (headers['content-type']?.startsWith('text/event-stream')) {
    return { status: res.status, headers, frames: text.split(/(?<=\n\n)/) }
  }
  headers['content-length'] = String(Buffer.byteLength(text))
  return { status: res.status, headers, body: text }
}

/**
 * The resident set size of a process, in MB (Linux `/proc`; `ps` elsewhere).
 *
 * @param {number} pid
 */
export async function residentMB(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1])
    return kb / 1024
  } catch {
    const { execFileSync } = await import('node:child_process')
    return (
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
          .toString()
          .trim(),
      ) / 1024
    )
  }
}

/** Stops every server still running; the bench calls it on the way out, also on Ctrl+C. */
export async function stopAll() {
  const waits = [...children].map(
    (child) =>
      new Promise((resolve) => {
        child.once('exit', resolve)
        child.kill('SIGTERM')
      }),
  )
  await Promise.all(waits)
}
