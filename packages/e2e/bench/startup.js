/** Start-up time and idle memory of a freshly spawned server. */
import { get } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { residentMB } from './servers.js'

// Long enough for start-up work (module loading, the scenario) to settle, as a server waiting
// for its first test would.
const IDLE_MS = 1000

/**
 * @typedef {object} StartupFigures
 * @property {number} ms from spawn to the first answered `GET /health`
 * @property {number} rssMB resident memory once idle
 */

/**
 * @param {() => Promise<import('./servers.js').Server>} start
 * @returns {Promise<StartupFigures>}
 */
export async function measureStartup(start) {
  const spawned = performance.now()
  const server = await start()
  try {
    const status = await getStatus(`${server.url}/health`)
    const ms = performance.now() - spawned
    if (status !== 200) throw new Error(`GET /health answered ${status}`)
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
