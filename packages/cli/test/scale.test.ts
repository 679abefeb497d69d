/**
 * A 100k-rule scenario through the real CLI: `validate` accepts it, `serve` starts on it, the
 * last rule still answers, and the server holds at most 400 MB. How long each takes is printed
 * by `node packages/e2e/bench/scale.js`, not asserted here.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mocktopus, type RunningServe, startServe } from './run.js'

const RULES = 100_000
let dir: string
let file: string
const started: RunningServe[] = []

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-scale-'))
  file = join(dir, 'rules.yaml')
  const lines = ['version: 1', 'rules:']
  for (let i = 0; i < RULES; i++) {
    lines.push(
      '  - type: llm',
      `    when: { model: "gpt-4o*", messages_contains: "case ${i} status" }`,
      `    respond: { content: "Case ${i} is open." }`,
    )
  }
  await writeFile(file, `${lines.join('\n')}\n`)
})

afterAll(async () => {
  for (const server of started.splice(0)) await server.stop('SIGKILL')
  await rm(dir, { recursive: true, force: true })
})

describe.runIf(process.platform === 'linux')('a 100k-rule scenario', () => {
  it('validates', async () => {
    const result = await mocktopus(['validate', file])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain(`${RULES} rules`)
  }, 60_000)

  it('is served, its last rule answers, and the server stays under 400 MB', async () => {
    const server = await startServe(['-s', file, '--port', '0'])
    started.push(server)
    const res = await fetch(`${server.openaiURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: `what about case ${RULES - 1} status?` }],
      }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-mocktopus-rule')).toBe(String(RULES - 1))
    expect((await res.json()).choices[0].message.content).toBe(`Case ${RULES - 1} is open.`)
    const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8')
    const rssMB = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]) / 1024
    expect(rssMB).toBeLessThanOrEqual(400)
  }, 60_000)
})
