import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { mocktopus, type RunningServe, startServe } from './run.js'

const examples = join(import.meta.dirname, '../../../examples')
const started: RunningServe[] = []

afterEach(async () => {
  for (const server of started.splice(0)) await server.stop('SIGKILL')
})

async function serve(args: string[], cwd?: string): Promise<RunningServe> {
  const server = await startServe(args, cwd ? { cwd } : {})
  started.push(server)
  return server
}

async function ask(openaiURL: string, content: string) {
  const res = await fetch(`${openaiURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content }] }),
  })
  return { status: res.status, body: await res.json() }
}

describe('mocktopus serve (subprocess)', () => {
  it('prints the real port for --port 0 and answers there', async () => {
    const server = await serve(['--port', '0'])
    expect(server.port).toBeGreaterThan(0)
    expect(server.stdout()).toContain(`Anthropic  http://127.0.0.1:${server.port}  `)
    const health = await fetch(`http://127.0.0.1:${server.port}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'healthy', mode: 'mock', rules: 3 })
  })

  it('closes gracefully on SIGTERM and prints the cost summary', async () => {
    const server = await serve(['-s', 'chat-basics.yaml', '--port', '0'], examples)
    expect((await ask(server.openaiURL, 'hello')).body.choices[0].message.content).toBe(
      'Hello! How can I assist you today?',
    )
    const result = await server.stop('SIGTERM')
    expect(result.signal).toBeNull()
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Mocktopus saved \$\d+\.\d+ on 1 mocked request/m)
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Mocktopus stopped.')
    expect(result.stderr).toBe('')
  })

  it('closes gracefully on SIGINT', async () => {
    const server = await serve(['--port', '0'])
    const result = await server.stop('SIGINT')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Mocktopus stopped.')
    expect(result.stdout).not.toContain('saved')
  })

  it('logs one line per request with -v', async () => {
    const server = await serve(['-s', 'tool-calling.yaml', '--port', '0', '-v'], examples)
    const call = await ask(server.openaiURL, 'weather in SF?')
    expect(call.body.choices[0].message.tool_calls[0].function.name).toBe('get_current_weather')
    await server.waitFor(/POST \/v1\/chat\/completions gpt-4o rules\[1\] 200 \d+ms/)
  })

  it('reloads a watched file, and keeps serving the previous scenario after a broken edit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mocktopus-watch-'))
    try {
      const file = join(dir, 'scenario.yaml')
      const rule = (content: string) =>
        `version: 1\nrules:\n  - type: llm\n    respond:\n      content: ${content}\n`
      await writeFile(file, rule('before'))
      const server = await serve(['-s', 'scenario.yaml', '--port', '0', '--watch'], dir)
      await writeFile(file, rule('after'))
      await server.waitFor(/reloaded scenario\.yaml \(1 rule\)/)
      expect((await ask(server.openaiURL, 'x')).body.choices[0].message.content).toBe('after')
      await writeFile(file, 'version: 1\nrules: [\n')
      await server.waitFor(/reload failed, still serving the previous scenario/, 'stderr')
      expect((await ask(server.openaiURL, 'x')).body.choices[0].message.content).toBe('after')
      expect((await server.stop()).code).toBe(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('reports a port in use in one line and exits 1', async () => {
    const blocker: Server = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()))
    const { port } = blocker.address() as { port: number }
    try {
      const result = await mocktopus(['serve', '--port', String(port)])
      expect(result.code).toBe(1)
      expect(result.stderr).toBe(
        `error: port ${port} on 127.0.0.1 is already in use; stop the other server, or pick another port with --port (--port 0 picks a free one)\n`,
      )
    } finally {
      blocker.close()
    }
  })

  it('says in one line that record mode needs --recordings-dir and exits 2', async () => {
    const result = await mocktopus(['serve', '--mode', 'record', '--openai-key', 'sk-secret-1'])
    expect(result.code).toBe(2)
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain('--recordings-dir')
    expect(result.stderr).not.toContain('sk-secret-1')
  })

  it('exits 1 with one line per issue for an invalid scenario', async () => {
    const result = await mocktopus(['serve', '-s', 'invalid.yaml', '--port', '0'], {
      cwd: join(import.meta.dirname, 'fixtures'),
    })
    expect(result.code).toBe(1)
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'error: invalid.yaml:5:7 rules[0].when.modle: unknown key "modle"; did you mean "model"?',
      'error: invalid.yaml:10:23 rules[1].when.messages_regex: invalid regular expression "(unclosed": Unterminated group',
    ])
  })
})
