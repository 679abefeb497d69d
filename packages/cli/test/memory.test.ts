/**
 * Memory stays bounded in bytes under large requests: the run of 30 requests of 9 MB
 * and 300 of 1 MB against the real `mocktopus serve`, its resident memory read from /proc.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningServe, startServe } from './run.js'

const started: RunningServe[] = []
afterEach(async () => {
  for (const server of started.splice(0)) await server.stop('SIGKILL')
})

// Resident memory of a process in MB, from Linux's /proc.
function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1])
  return kb / 1024
}

async function send(url: string, bytes: number, n: number, peak: { mb: number }, pid: number) {
  const body = JSON.stringify({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: `hello ${'x'.repeat(bytes)}` }],
  })
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(res.status).toBe(200)
    await res.arrayBuffer()
    peak.mb = Math.max(peak.mb, rssMB(pid))
  }
}

describe.runIf(process.platform === 'linux')('memory under large requests', () => {
  it('stays alive and under 400 MB after 30 requests of 9 MB and 300 of 1 MB', async () => {
    const server = await startServe(['--port', '0'])
    started.push(server)
    const pid = server.child.pid as number
    const peak = { mb: 0 }
    await send(server.openaiURL, 9 * 1024 * 1024, 30, peak, pid)
    await send(server.openaiURL, 1024 * 1024, 300, peak, pid)
    const journal = await fetch(`http://127.0.0.1:${server.port}/_mocktopus/requests`)
    expect(journal.status).toBe(200)
    const { requests } = await journal.json()
    // Every body was over the 64 KiB a journal entry keeps.
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.every((r: { truncated?: boolean }) => r.truncated === true)).toBe(true)
    expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200)
    console.log(`[memory] peak RSS ${peak.mb.toFixed(0)} MB, after ${rssMB(pid).toFixed(0)} MB`)
    expect(peak.mb).toBeLessThanOrEqual(400)
  }, 120_000)
})
