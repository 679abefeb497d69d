import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCLI } from '../cli.js'
import { type CapturedContext, captureContext } from '../test-context.js'
import { baseURL, isLoopback, serveSettings } from './serve.js'

interface Started {
  readonly context: CapturedContext
  readonly url: string
  readonly exit: Promise<number>
  stop(): Promise<number>
}

const fixtures = join(import.meta.dirname, '../../test/fixtures')
const running: Started[] = []
const cleanups: (() => Promise<void>)[] = []

afterEach(async () => {
  for (const server of running.splice(0)) await server.stop()
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`timed out waiting for ${what}`)
}

async function start(args: string, cwd?: string): Promise<Started> {
  const context = captureContext(cwd ? { cwd } : {})
  const exit = runCLI(`mocktopus serve --port 0 ${args}`, context)
  let finished = false
  exit.then(() => {
    finished = true
  })
  await until(() => finished || context.stdout.includes('Press Ctrl+C to stop.'), 'the banner')
  const line = context.stdout.find((l) => l.startsWith('OpenAI'))
  if (!line) throw new Error(`serve exited early: ${context.stderr.join('\n')}`)
  const url = (/http:\/\/\S+\/v1/.exec(line) as RegExpExecArray)[0]
  const started: Started = {
    context,
    url,
    exit,
    stop: () => {
      context.controller.abort()
      return exit
    },
  }
  running.push(started)
  return started
}

interface ChatBody {
  readonly created: number
  readonly choices: readonly { readonly message: { readonly content: string } }[]
}

async function chat(url: string, content: string, model = 'gpt-4o-mini') {
  const res = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
  })
  return { status: res.status, body: (await res.json()) as ChatBody }
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mocktopus-serve-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

describe('isLoopback and baseURL', () => {
  it('knows loopback addresses', () => {
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      'localhost',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopback(host), host).toBe(true)
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.4', 'example.com']) {
      expect(isLoopback(host), host).toBe(false)
    }
  })

  it('gives the URL a local client uses', () => {
    expect(baseURL('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080')
    expect(baseURL('::1', 80)).toBe('http://[::1]:80')
    expect(baseURL('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000')
  })
})

describe('serveSettings', () => {
  it('applies the defaults', () => {
    expect(serveSettings({})).toEqual({
      mode: 'mock',
      port: 8080,
      host: '127.0.0.1',
      watch: false,
      verbose: false,
      admin: true,
      upstream: {},
    })
  })

  it('reads --auth-token, --no-admin and --body-limit', () => {
    expect(serveSettings({ authToken: 's3cret', admin: false, bodyLimit: '2048' })).toMatchObject({
      authToken: 's3cret',
      admin: false,
      bodyLimit: 2048,
    })
    expect(() => serveSettings({ authToken: '' })).toThrow('--auth-token needs a non-empty token')
    expect(() => serveSettings({ bodyLimit: '0' })).toThrow('--body-limit must be from 1')
  })

  it('keeps the record and replay options for those modes', () => {
    const settings = serveSettings({
      mode: 'record',
      recordingsDir: 'rec',
      upstream: 'https://api.openai.com',
      openaiKey: 'sk-1',
      anthropicKey: 'sk-ant-1',
    })
    expect(settings.upstream).toEqual({
      recordingsDir: 'rec',
      roots: { upstream: 'https://api.openai.com' },
      keys: { openaiKey: 'sk-1', anthropicKey: 'sk-ant-1' },
    })
  })

  it('rejects a bad port, mode or time', () => {
    expect(() => serveSettings({ port: 'http' })).toThrow(
      '--port must be a whole number, got "http"',
    )
    expect(() => serveSettings({ mode: 'live' })).toThrow(
      '--mode must be one of mock, record, replay; got "live"',
    )
    expect(() => serveSettings({ fixedTime: 'yesterday' })).toThrow(
      /--fixed-time must be a whole number/,
    )
  })

  it('reads the chaos, timing and rate-limit flags as one set of chaos settings', () => {
    const settings = serveSettings({
      chaos: 'rate_limit=0.1, server_error=0.05,disconnect=0.02,malformed=0.01',
      chaosSeed: 42,
      ttftMs: '300',
      tokensPerSecond: 50,
      jitterMs: 20,
      rateLimitRequests: 1000,
      rateLimitTokens: 100000,
    })
    expect(settings.chaos).toEqual({
      rate_limit: 0.1,
      server_error: 0.05,
      disconnect: 0.02,
      malformed: 0.01,
      seed: 42,
      ttft_ms: 300,
      tokens_per_second: 50,
      jitter_ms: 20,
      rate_limit_requests: 1000,
      rate_limit_tokens: 100000,
    })
    expect(serveSettings({}).chaos).toBeUndefined()
    expect(serveSettings({ rateLimitHeaders: true }).chaos).toBeUndefined()
    expect(serveSettings({ rateLimitHeaders: false }).chaos).toEqual({ rate_limit_headers: false })
    expect(() => serveSettings({ chaos: 'rate_limit:0.1' })).toThrow(/key=number pairs/)
    expect(() => serveSettings({ ttftMs: 'soon' })).toThrow('--ttft-ms must be a number')
  })
})

describe('mocktopus serve', () => {
  it('sends rate-limit headers by default, and none with --no-rate-limit-headers', async () => {
    const ask = (url: string) =>
      fetch(`${url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      })
    const on = await start('')
    expect((await ask(on.url)).headers.get('x-ratelimit-remaining-requests')).toBe('9999')
    const off = await start('--no-rate-limit-headers')
    const answer = await ask(off.url)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('x-ratelimit-remaining-requests')).toBeNull()
  })

  it('serves the built-in scenario and prints the summary, the URLs and the mode', async () => {
    const server = await start('')
    const { stdout } = server.context
    expect(stdout[0]).toBe('Mocktopus 0.1.0 mode: mock')
    expect(stdout[1]).toBe('Scenario   built-in default scenario (3 rules)')
    expect(stdout[2]).toMatch(
      /^OpenAI {5}http:\/\/127\.0\.0\.1:(\d+)\/v1 {2}baseURL for the openai SDK$/,
    )
    const port = new URL(server.url).port
    expect(port).not.toBe('0')
    expect(stdout[3]).toBe(`Anthropic  http://127.0.0.1:${port}  baseURL for @anthropic-ai/sdk`)
    expect(stdout[4]).toBe(
      `Inspector  http://127.0.0.1:${port}/_mocktopus/ui  every request, and why`,
    )

    const hello = await chat(server.url, 'Hello!')
    expect(hello.body.choices[0]?.message.content).toMatch(/^Hello from Mocktopus!/)
    const other = await chat(server.url, 'Summarise this contract')
    expect(other.body.choices[0]?.message.content).toMatch(/mocktopus init/)
    const embeddings = await fetch(`${server.url}/embeddings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'text-embedding-3-small',
        input: 'hi',
        encoding_format: 'float',
      }),
    }).then((r) => r.json())
    expect(embeddings.data[0].embedding).toHaveLength(1536)

    expect(await server.stop()).toBe(0)
    expect(stdout.at(-1)).toBe('Mocktopus stopped.')
    // Three mocked requests: the cost-savings summary comes before the last line.
    expect(stdout.join('\n')).toMatch(/^Mocktopus saved \$\d+\.\d+ on 3 mocked requests/m)
  })

  it('prints no cost summary when nothing was mocked', async () => {
    const server = await start('')
    await server.stop()
    const printed = server.context.stdout
    expect(printed.slice(printed.indexOf('Press Ctrl+C to stop.') + 1)).toEqual([
      'Mocktopus stopped.',
    ])
  })

  it('logs one line per request with --verbose', async () => {
    const server = await start('--verbose')
    await chat(server.url, 'hi', 'gpt-4o')
    await until(() => server.context.stdout.some((l) => l.includes('POST')), 'the request line')
    expect(server.context.stdout.find((l) => l.includes('POST'))).toMatch(
      /^\d\d:\d\d:\d\d POST \/v1\/chat\/completions gpt-4o rules\[0\] 200 \d+ms$/,
    )
  })

  it('numbers rules as the header does, says why on 4xx, and "no rule" only where rules answer', async () => {
    const server = await start('--verbose')
    await chat(server.url, 'hi', 'gpt-4o')
    await fetch(`${server.url}/models`)
    await fetch(`${server.url}/chat/completions`, { method: 'POST', body: '{not json' })
    const lines = () => server.context.stdout.filter((l) => / (GET|POST) \//.test(l))
    await until(() => lines().length >= 3, 'three request lines')
    const [answered, models, broken] = lines()
    expect(answered).toMatch(/ rules\[0\] 200 \d+ms$/)
    expect(models).toMatch(/GET \/v1\/models - - 200 \d+ms$/)
    expect(broken).toMatch(/POST \/v1\/chat\/completions - no rule 400 invalid_json \d+ms$/)
  })

  it('freezes created with --fixed-time', async () => {
    const server = await start('--fixed-time 1700000000')
    expect((await chat(server.url, 'hi')).body.created).toBe(1700000000)
  })

  it('reloads the file with --watch and keeps the previous scenario after a broken edit', async () => {
    const dir = await tempDir()
    const file = join(dir, 'live.yaml')
    const scenario = (content: string) =>
      `version: 1\nrules:\n  - type: llm\n    respond:\n      content: ${content}\n`
    await writeFile(file, scenario('first'))
    const server = await start('-s live.yaml --watch', dir)
    expect(server.context.stdout).toContain('Watching   live.yaml')
    expect((await chat(server.url, 'x')).body.choices[0]?.message.content).toBe('first')

    await writeFile(file, scenario('second'))
    await until(() => server.context.stdout.some((l) => l.includes('reloaded live.yaml')), 'reload')
    expect((await chat(server.url, 'x')).body.choices[0]?.message.content).toBe('second')

    await writeFile(file, 'version: 1\nrules:\n  - type: llm\n    respnd: {}\n')
    await until(() => server.context.stderr.some((l) => l.includes('reload failed')), 'the error')
    expect(server.context.stderr.join('\n')).toContain(
      'live.yaml:4:5 rules[0].respnd: unknown key "respnd"; did you mean "respond"?',
    )
    expect((await chat(server.url, 'x')).body.choices[0]?.message.content).toBe('second')
  })

  it('says in one line what record and replay need (exit 2)', async () => {
    const cases = [
      ['--mode record', '--mode record needs --recordings-dir DIR: where recordings are written'],
      ['--mode replay', '--mode replay needs --recordings-dir DIR: where recordings are read'],
      [
        '--mode replay --recordings-dir rec -s a.yaml',
        '--mode replay serves recordings, not a scenario: drop -s, or use --mode mock',
      ],
      [
        '--mode record --recordings-dir rec --record-missing',
        '--record-missing is for --mode replay (record mode records everything)',
      ],
    ]
    for (const [args, message] of cases) {
      const context = captureContext()
      expect(await runCLI(`mocktopus serve ${args}`, context)).toBe(2)
      expect(context.stderr).toEqual([`error: ${message}`])
      expect(context.stdout).toEqual([])
    }
  })

  it('replays a recordings directory, and fails in one line when it is missing', async () => {
    const dir = await tempDir()
    await writeFile(
      join(dir, 'recordings.yaml'),
      [
        'version: 1',
        'rules:',
        '  - type: llm.openai',
        '    when:',
        '      endpoint: /v1/chat/completions',
        '      model: gpt-4o-mini',
        '      conversation: [{ role: user, content: hi }]',
        '    respond: { content: recorded hello }',
        '',
      ].join('\n'),
    )
    const server = await start(`--mode replay --recordings-dir ${dir}`)
    expect(server.context.stdout).toContain(`Replaying  1 recording from ${dir}`)
    expect((await chat(server.url, 'hi')).body.choices[0]?.message.content).toBe('recorded hello')
    const miss = await chat(server.url, 'hello')
    expect(miss.status).toBe(404)
    expect(await server.stop()).toBe(0)

    const context = captureContext()
    expect(
      await runCLI(`mocktopus serve --mode replay --recordings-dir ${dir}/none`, context),
    ).toBe(1)
    expect(context.stderr).toEqual([
      `error: recordings directory ${dir}/none does not exist; record into it first with mocktopus serve --mode record --recordings-dir ${dir}/none`,
    ])
  })

  it('needs a file to --watch (exit 2)', async () => {
    const context = captureContext()
    expect(await runCLI('mocktopus serve --watch', context)).toBe(2)
    expect(context.stderr).toEqual(['error: --watch needs a scenario file to watch: add -s FILE'])
  })

  it('reports a port in use in one line with a hint (exit 1)', async () => {
    const blocker: Server = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()))
    cleanups.push(() => new Promise((r) => blocker.close(() => r())))
    const { port } = blocker.address() as { port: number }
    const context = captureContext()
    expect(await runCLI(`mocktopus serve --port ${port}`, context)).toBe(1)
    expect(context.stderr).toEqual([
      `error: port ${port} on 127.0.0.1 is already in use; stop the other server, or pick another port with --port (--port 0 picks a free one)`,
    ])
  })

  it('warns before binding an address that is not loopback', async () => {
    // 192.0.2.1 (TEST-NET-1) is never assigned to this machine, so nothing is exposed.
    const context = captureContext()
    expect(await runCLI('mocktopus serve --port 0 --host 192.0.2.1', context)).toBe(1)
    expect(context.stderr).toEqual([
      'warning: --host 192.0.2.1 is not a loopback address: anyone who can reach this machine can call the mock server',
      'error: cannot listen on 192.0.2.1: no such address on this machine; try --host 127.0.0.1',
    ])
  })

  it('requires --auth-token on every request but /health, and never prints it', async () => {
    const token = 'mocktopus-NEVER-PRINT-ME'
    const server = await start(`--auth-token ${token} --verbose`)
    const ask = (headers: Record<string, string>) =>
      fetch(`${server.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      })
    const refused = await ask({})
    expect(refused.status).toBe(401)
    expect((await refused.json()).error.code).toBe('invalid_api_key')
    expect((await ask({ authorization: `Bearer ${token}` })).status).toBe(200)
    expect((await fetch(server.url.replace(/\/v1$/, '/health'))).status).toBe(200)
    await server.stop()
    expect(server.context.stdout).toContain(
      'Auth       every request but /health needs the token given',
    )
    const everything = [...server.context.stdout, ...server.context.stderr].join('\n')
    expect(everything).not.toContain(token)
  })

  it('turns the admin routes off with --no-admin and limits bodies with --body-limit', async () => {
    const server = await start('--no-admin --body-limit 64')
    const root = server.url.replace(/\/v1$/, '')
    expect((await fetch(`${root}/_mocktopus/requests`)).status).toBe(404)
    expect((await fetch(`${root}/_mocktopus/ui`)).status).toBe(404)
    expect(server.context.stdout.join('\n')).not.toContain('Inspector')
    const big = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'x'.repeat(64) }],
      }),
    })
    expect(big.status).toBe(413)
    expect((await big.json()).error.code).toBe('request_too_large')
  })

  it('refuses an unknown body field with --strict, and answers it without', async () => {
    const ask = (url: string) =>
      fetch(`${url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'hi' }],
          foo: 1,
        }),
      })
    const strict = await start('--strict')
    const refused = await ask(strict.url)
    expect(refused.status).toBe(400)
    expect((await refused.json()).error.message).toBe('Unrecognized request argument supplied: foo')
    const relaxed = await start('')
    expect((await ask(relaxed.url)).status).toBe(200)
  })

  it('accepts the record-mode options and never prints a key', async () => {
    const secret = 'sk-test-NEVER-PRINT-ME'
    const server = await start(
      `--openai-key ${secret} --anthropic-key ${secret} --upstream https://api.openai.com --recordings-dir rec --verbose`,
    )
    await chat(server.url, 'hi')
    await server.stop()
    const everything = [...server.context.stdout, ...server.context.stderr].join('\n')
    expect(everything).not.toContain(secret)
  })

  it('prices requests with --pricing in the shutdown summary', async () => {
    const server = await start('-s valid.yaml --pricing prices.yaml', fixtures)
    expect((await chat(server.url, 'hello', 'my-model')).status).toBe(200)
    await server.stop()
    // 3 input tokens at $1 each and 4 output tokens at $2 each, as priced in prices.yaml.
    expect(server.context.stdout.join('\n')).toMatch(
      /^Mocktopus saved \$11\.0+ on 1 mocked request/m,
    )
  })

  it('rejects an invalid pricing file in one line (exit 1)', async () => {
    const context = captureContext({ cwd: fixtures })
    expect(await runCLI('mocktopus serve --port 0 --pricing bad-prices.yaml', context)).toBe(1)
    expect(context.stderr).toHaveLength(1)
    expect(context.stderr[0]).toMatch(/^error: .*bad-prices\.yaml.*my-model/)
  })

  it('reports an invalid scenario as file:line:column lines (exit 1)', async () => {
    const context = captureContext({ cwd: fixtures })
    expect(await runCLI('mocktopus serve -s invalid.yaml --port 0', context)).toBe(1)
    expect(context.stderr).toEqual([
      'error: invalid.yaml:5:7 rules[0].when.modle: unknown key "modle"; did you mean "model"?',
      'error: invalid.yaml:10:23 rules[1].when.messages_regex: invalid regular expression "(unclosed": Unterminated group',
    ])
  })
})
