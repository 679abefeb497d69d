import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCLI } from '../cli.js'
import { captureContext } from '../test-context.js'

const RECORDINGS = `version: 1
rules:
  - type: llm.openai
    when:
      endpoint: /v1/chat/completions
      model: gpt-4o-mini
      conversation:
        - role: user
          content: Say hello
    respond:
      content: Hello!
    recorded:
      request: { max_tokens: 8 }
      shape: choices[].finish_reason:"stop" choices[].message.content:string choices[].message.role:"assistant" object:"chat.completion" usage.total_tokens:number
  - type: llm.openai
    when:
      endpoint: /v1/chat/completions
      model: gpt-4o-mini
      conversation:
        - role: user
          content: Old recording
    respond:
      content: From before drift checks
`

let dir: string
let server: Server | undefined
let answer: Record<string, unknown>
const bodies: unknown[] = []

async function listen(): Promise<string> {
  const started = createServer((request, response) => {
    let text = ''
    request.on('data', (chunk) => {
      text += chunk
    })
    request.on('end', () => {
      bodies.push(JSON.parse(text))
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(answer))
    })
  })
  server = started
  await new Promise<void>((done) => started.listen(0, '127.0.0.1', done))
  return `http://127.0.0.1:${(started.address() as AddressInfo).port}/v1`
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-drift-'))
  await writeFile(join(dir, 'recordings.yaml'), RECORDINGS)
  bodies.length = 0
  answer = {
    object: 'chat.completion',
    choices: [{ message: { role: 'assistant', content: 'Hi again' }, finish_reason: 'stop' }],
    usage: { total_tokens: 9 },
  }
})
afterEach(async () => {
  await new Promise((done) => (server ? server.close(done) : done(undefined)))
  server = undefined
  await rm(dir, { recursive: true, force: true })
})

describe('mocktopus drift', () => {
  it('exits 0 when the upstream answers in the recorded shape', async () => {
    const url = await listen()
    const context = captureContext({ cwd: dir })
    expect(await runCLI(`mocktopus drift --recordings-dir . --upstream ${url}`, context)).toBe(0)
    expect(bodies).toEqual([
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello' }], max_tokens: 8 },
    ])
    expect(context.stdout).toEqual([
      'unchecked recordings.yaml:15 /v1/chat/completions gpt-4o-mini: no recorded shape (recorded before drift checks, or converted); record it again',
      'no drift: 2 recordings: 1 unchanged, 0 changed, 0 failed, 1 not checked',
    ])
  })

  it('exits 1 and names each change with the file and line', async () => {
    answer = {
      object: 'chat.completion',
      choices: [{ message: { role: 'assistant', content: 'x' }, finish_reason: 'completed' }],
    }
    const url = await listen()
    const context = captureContext({ cwd: dir })
    expect(await runCLI(`mocktopus drift --recordings-dir . --upstream ${url}`, context)).toBe(1)
    expect(context.stdout.slice(0, 3)).toEqual([
      'drift recordings.yaml:3 /v1/chat/completions gpt-4o-mini: 2 changes',
      '  choices[].finish_reason: new value "completed" (recorded "stop")',
      '  usage: removed (was object)',
    ])
  })

  it('prints a JSON report with --json', async () => {
    answer = { ...answer, usage: null }
    const url = await listen()
    const context = captureContext({ cwd: dir })
    expect(
      await runCLI(`mocktopus drift --recordings-dir . --upstream ${url} --json`, context),
    ).toBe(1)
    const report = JSON.parse(context.stdout.join('\n'))
    expect(report.outcome).toBe('drift')
    expect(report.counts).toEqual({ same: 0, drift: 1, unchecked: 1, failed: 0 })
    expect(report.results[0]).toMatchObject({
      file: 'recordings.yaml',
      line: 3,
      status: 'drift',
      changes: [{ kind: 'type-changed', path: 'usage', recorded: ['object'], now: ['null'] }],
    })
  })

  it('exits 2 when the upstream cannot be reached', async () => {
    const url = await listen()
    await new Promise((done) => server?.close(done))
    server = undefined
    const context = captureContext({ cwd: dir })
    expect(
      await runCLI(
        `mocktopus drift --recordings-dir . --upstream ${url} --upstream-timeout 2000`,
        context,
      ),
    ).toBe(2)
    expect(context.stdout[0]).toMatch(/^failed recordings\.yaml:3 .*could not reach the upstream/)
    expect(context.stdout.at(-1)).toMatch(/^unreachable: /)
  })

  it('needs --recordings-dir, and a directory that exists', async () => {
    const context = captureContext({ cwd: dir })
    expect(await runCLI('mocktopus drift', context)).toBe(2)
    expect(await runCLI('mocktopus drift --recordings-dir missing', context)).toBe(1)
    expect(context.stderr.join('\n')).toContain('--recordings-dir is required')
  })
})
