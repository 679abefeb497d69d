import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltCLI, buildCLI } from './cli-child.js'
import {
  type FakeUpstream,
  startFakeUpstream,
  UPSTREAM_ANTHROPIC_KEY,
  UPSTREAM_OPENAI_KEY,
  upstreamAnswer,
} from './fake-upstream.js'

// Record mode fails loudly: `mocktopus serve` as a child process, the real SDKs over real HTTP
// on 127.0.0.1, and an upstream that cuts, stalls and answers HTML on demand.

const KEYS = { OPENAI_API_KEY: UPSTREAM_OPENAI_KEY, ANTHROPIC_API_KEY: UPSTREAM_ANTHROPIC_KEY }

// A line of a stack trace, as Node prints them.
const STACK_LINE = /^\s+at /m

function clients(url: string) {
  return {
    openai: new OpenAI({ apiKey: 'placeholder', baseURL: `${url}/v1`, maxRetries: 0 }),
    anthropic: new Anthropic({ apiKey: 'placeholder', baseURL: url, maxRetries: 0 }),
  }
}

const ask = (openai: OpenAI, content: string) =>
  openai.chat.completions
    .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }] })
    .catch((caught: unknown) => caught)

const askClaude = (anthropic: Anthropic, content: string) =>
  anthropic.messages
    .create({ model: 'claude-sonnet-4-5', max_tokens: 20, messages: [{ role: 'user', content }] })
    .catch((caught: unknown) => caught)

function faultLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('not recorded:'))
}

let cli: BuiltCLI
let upstream: FakeUpstream
let dir: string
beforeAll(async () => {
  ;[cli, upstream, dir] = await Promise.all([
    buildCLI(),
    startFakeUpstream(),
    mkdtemp(join(tmpdir(), 'mocktopus-e2e-faults-')),
  ])
}, 120_000)
afterAll(async () => {
  await upstream?.close()
  await cli?.dispose()
  await rm(dir, { recursive: true, force: true })
})

function recordArgs(recordingsDir: string, ...extra: string[]): string[] {
  return [
    '--mode',
    'record',
    '--recordings-dir',
    recordingsDir,
    '--upstream',
    `${upstream.url}/v1`,
    '--anthropic-upstream',
    upstream.url,
    ...extra,
  ]
}

describe('record mode with an upstream that fails', () => {
  it("answers 502 upstream_error in the provider's envelope when the upstream cuts its answer", async () => {
    const serving = await cli.serve(recordArgs(join(dir, 'cut')), KEYS)
    const { openai, anthropic } = clients(serving.url)

    const error = await ask(openai, 'please cut short')
    expect(error).toBeInstanceOf(OpenAI.InternalServerError)
    expect(error).toMatchObject({ status: 502, code: 'upstream_error', type: 'server_error' })
    expect((error as Error).message).toBe(
      `502 [mocktopus] the upstream ${upstream.url} cut its answer short (terminated: other side closed)`,
    )

    const claudeError = await askClaude(anthropic, 'please cut short')
    expect(claudeError).toBeInstanceOf(Anthropic.InternalServerError)
    expect(claudeError).toMatchObject({
      status: 502,
      error: { type: 'error', error: { type: 'api_error' } },
    })

    const html = await ask(openai, 'answer not json')
    expect(html).toMatchObject({ status: 502, code: 'upstream_error' })
    expect((html as Error).message).toContain(
      'answered 200 with a body that is not JSON (text/html',
    )

    // The upstream still works for the next request.
    const fine = (await ask(openai, 'all good')) as OpenAI.ChatCompletion
    expect(fine.choices[0]?.message.content).toBe(upstreamAnswer('all good'))

    const result = await serving.stop()
    expect(result.code).toBe(0)
    const lines = faultLines(result.stderr)
    expect(lines).toEqual([
      `not recorded: /v1/chat/completions: the upstream ${upstream.url} cut its answer short (terminated: other side closed); the client got 502`,
      `not recorded: /v1/messages: the upstream ${upstream.url} cut its answer short (terminated: other side closed); the client got 502`,
      `not recorded: /v1/chat/completions: the upstream ${upstream.url} answered 200 with a body that is not JSON (text/html; charset=UTF-8, "<html><head><title>Bad Gateway</title></head><body>nginx</bo..."); check --upstream; the client got 502`,
    ])
    expect(result.stderr.trim().split('\n')).toHaveLength(3)
    expect(result.stderr).not.toMatch(STACK_LINE)
    expect(result.stdout).not.toMatch(STACK_LINE)
    const recorded = await readFile(join(dir, 'cut', 'recordings.yaml'), 'utf8')
    expect(recorded).toContain(upstreamAnswer('all good'))
    expect(recorded).not.toContain('cut short')
  })

  it('ends a stream the upstream cuts with an error the SDK throws, after what came before', async () => {
    const serving = await cli.serve(recordArgs(join(dir, 'stream-cut')), KEYS)
    const { openai, anthropic } = clients(serving.url)

    const stream = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'stream then cut short' }],
      stream: true,
    })
    let text = ''
    const thrown = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    })().catch((caught: unknown) => caught)
    expect(text).toBe('Upstream')
    expect(thrown).toBeInstanceOf(OpenAI.APIError)
    expect((thrown as Error).message).toBe(
      `[mocktopus] the upstream ${upstream.url} cut the stream short (terminated: other side closed)`,
    )

    const claudeThrown = await anthropic.messages
      .stream({
        model: 'claude-sonnet-4-5',
        max_tokens: 20,
        messages: [{ role: 'user', content: 'stream then cut short' }],
      })
      .finalMessage()
      .catch((caught: unknown) => caught)
    expect(claudeThrown).toBeInstanceOf(Anthropic.APIError)
    expect((claudeThrown as Error).message).toContain('cut the stream short')

    const result = await serving.stop()
    expect(result.code).toBe(0)
    expect(faultLines(result.stderr)).toEqual([
      `not recorded: /v1/chat/completions: the upstream ${upstream.url} cut the stream short (terminated: other side closed); the client's stream was ended with an error event`,
      `not recorded: /v1/messages: the upstream ${upstream.url} cut the stream short (terminated: other side closed); the client's stream was ended with an error event`,
    ])
    expect(result.stderr).not.toMatch(STACK_LINE)
  })

  it('prints the stack of a fault with -v only', async () => {
    const serving = await cli.serve(recordArgs(join(dir, 'verbose'), '-v'), KEYS)
    const { openai } = clients(serving.url)
    expect(await ask(openai, 'please cut short')).toMatchObject({ status: 502 })
    const result = await serving.stop()
    expect(faultLines(result.stderr)).toHaveLength(1)
    expect(result.stderr).toMatch(STACK_LINE)
    expect(result.stderr).toContain('Caused by: SocketError: other side closed')
    for (const secret of [UPSTREAM_OPENAI_KEY, UPSTREAM_ANTHROPIC_KEY]) {
      expect(result.stdout + result.stderr).not.toContain(secret)
    }
  })

  it('answers 504 within --upstream-timeout when the upstream stays silent', async () => {
    const serving = await cli.serve(
      recordArgs(join(dir, 'stall'), '--upstream-timeout', '1000'),
      KEYS,
    )
    const { openai, anthropic } = clients(serving.url)
    const before = upstream.stalled()

    let started = performance.now()
    const error = await ask(openai, 'please stall')
    const openaiMs = performance.now() - started
    expect(error).toBeInstanceOf(OpenAI.InternalServerError)
    expect(error).toMatchObject({ status: 504, code: 'upstream_timeout' })
    expect((error as Error).message).toBe(
      `504 [mocktopus] the upstream ${upstream.url} sent no answer within 1000 ms; check the upstream, or raise --upstream-timeout`,
    )
    expect(openaiMs).toBeGreaterThanOrEqual(990)
    expect(openaiMs).toBeLessThan(3000)

    started = performance.now()
    const claudeError = await askClaude(anthropic, 'please stall')
    const anthropicMs = performance.now() - started
    expect(claudeError).toBeInstanceOf(Anthropic.InternalServerError)
    expect(claudeError).toMatchObject({
      status: 504,
      error: { type: 'error', error: { type: 'timeout_error' } },
    })
    expect(anthropicMs).toBeLessThan(3000)
    expect(upstream.stalled() - before).toBe(2)

    const result = await serving.stop()
    expect(result.code).toBe(0)
    expect(faultLines(result.stderr)).toEqual([
      `not recorded: /v1/chat/completions: the upstream ${upstream.url} sent no answer within 1000 ms; check the upstream, or raise --upstream-timeout; the client got 504`,
      `not recorded: /v1/messages: the upstream ${upstream.url} sent no answer within 1000 ms; check the upstream, or raise --upstream-timeout; the client got 504`,
    ])
    console.info(
      `504 after ${Math.round(openaiMs)} ms (openai), ${Math.round(anthropicMs)} ms (anthropic)`,
    )
  })
})

describe('record mode with a recordings directory that fails', () => {
  it('exits non-zero before listening when the directory cannot be created', async () => {
    const underFile = join(dir, 'plain-file')
    await writeFile(underFile, '')
    for (const where of ['/dev/null/recordings', join(underFile, 'recordings')]) {
      const result = await cli.run(['serve', '--port', '0', ...recordArgs(where)], KEYS)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`error: cannot create the recordings directory ${where} (`)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stdout).not.toContain('OpenAI')
      expect(result.stdout).not.toContain('Press Ctrl+C')
    }
  })

  it('exits non-zero before listening when the recordings file there is not YAML', async () => {
    const where = join(dir, 'broken')
    await mkdir(where)
    await writeFile(join(where, 'recordings.yaml'), 'rules: [unclosed\n')
    const result = await cli.run(['serve', '--port', '0', ...recordArgs(where)], KEYS)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`error: ${join(where, 'recordings.yaml')} is not valid YAML`)
    expect(result.stdout).not.toContain('Press Ctrl+C')
  })

  it('logs a write that fails later as an error, and exits non-zero at shutdown', async () => {
    const where = join(dir, 'later')
    const serving = await cli.serve(recordArgs(where), KEYS)
    const { openai } = clients(serving.url)
    const first = (await ask(openai, 'recorded')) as OpenAI.ChatCompletion
    expect(first.choices[0]?.message.content).toBe(upstreamAnswer('recorded'))
    // The recordings file turns into something no recording can be written to.
    const file = join(where, 'recordings.yaml')
    await rm(file)
    await mkdir(file)
    const second = (await ask(openai, 'lost')) as OpenAI.ChatCompletion
    expect(second.choices[0]?.message.content).toBe(upstreamAnswer('lost'))
    await serving.waitForError(/^recording lost:/m)
    const result = await serving.stop()
    expect(result.code).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toEqual([
      expect.stringMatching(
        /^recording lost: \/v1\/chat\/completions: the recording could not be written: EISDIR: illegal operation on a directory, read$/,
      ),
      `error: 1 recording lost: the clients got their answers, but ${where} does not have them (see the errors above)`,
    ])
    expect(result.stdout).toContain('Mocktopus stopped.')
  })
})
