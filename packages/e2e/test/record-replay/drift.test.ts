import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import { parseScenario } from '@mocktopus/scenario'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { type BuiltCLI, buildCLI } from './cli-child.js'
import { type DriftedUpstream, startDriftedUpstream } from './drifted-upstream.js'
import {
  type FakeUpstream,
  startFakeUpstream,
  UPSTREAM_ANTHROPIC_KEY,
  UPSTREAM_OPENAI_KEY,
} from './fake-upstream.js'

const KEYS = { OPENAI_API_KEY: UPSTREAM_OPENAI_KEY, ANTHROPIC_API_KEY: UPSTREAM_ANTHROPIC_KEY }

interface RecordedRuleYAML {
  when: { endpoint: string; conversation: { content: string }[] }
  recorded?: { request?: Record<string, unknown>; shape?: string }
}

// A port nothing listens on: one the system gave out and took back.
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  await new Promise((done) => server.close(done))
  return port
}

describe('mocktopus drift', () => {
  let cli: BuiltCLI
  let upstream: FakeUpstream
  let drifted: DriftedUpstream
  let dir: string
  // The line of each recording, by its prompt.
  const lines = new Map<string, number>()

  beforeAll(async () => {
    ;[cli, upstream] = await Promise.all([buildCLI(), startFakeUpstream()])
    drifted = await startDriftedUpstream(upstream.url)
    dir = await mkdtemp(join(tmpdir(), 'mocktopus-e2e-drift-'))
  }, 120_000)
  afterAll(async () => {
    await drifted?.close()
    await upstream?.close()
    await cli?.dispose()
    await rm(dir, { recursive: true, force: true })
  })

  it('records with the SDKs, keeping with each recording its request and answer shape', async () => {
    const serving = await cli.serve(
      [
        '--mode',
        'record',
        '--recordings-dir',
        dir,
        '--upstream',
        `${upstream.url}/v1`,
        '--anthropic-upstream',
        upstream.url,
      ],
      KEYS,
    )
    const openai = new OpenAI({
      baseURL: `${serving.url}/v1`,
      apiKey: 'sk-placeholder',
      maxRetries: 0,
    })
    const hello = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say hello' }],
      max_tokens: 20,
    })
    expect(hello.usage?.total_tokens).toBe(16)
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Count to three' }],
      stream: true,
    })
    let streamed = ''
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? ''
    expect(streamed).toBe('Upstream answer to "Count to three"')
    const weather = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'What is the weather in Lisbon?' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } } },
          },
        },
      ],
    })
    expect(weather.choices[0]?.finish_reason).toBe('tool_calls')
    const anthropic = new Anthropic({ baseURL: serving.url, apiKey: 'placeholder', maxRetries: 0 })
    const message = await anthropic.messages
      .stream({
        model: 'claude-sonnet-4-5',
        max_tokens: 64,
        messages: [{ role: 'user', content: 'Write a haiku' }],
      })
      .finalMessage()
    expect(message.stop_reason).toBe('end_turn')
    expect((await serving.stop()).code).toBe(0)

    const text = await readFile(join(dir, 'recordings.yaml'), 'utf8')
    expect(text).not.toContain(UPSTREAM_OPENAI_KEY)
    expect(text).not.toContain(UPSTREAM_ANTHROPIC_KEY)
    const scenario = parseScenario(text, { source: 'recordings.yaml' })
    const rules = (parse(text) as { rules: RecordedRuleYAML[] }).rules
    expect(rules).toHaveLength(4)
    rules.forEach((rule, index) => {
      lines.set(rule.when.conversation.at(-1)?.content ?? '', scenario.rules[index]?.line ?? 0)
    })
    expect(rules.map((rule) => rule.recorded?.request)).toEqual([
      { max_tokens: 20 },
      { stream: true },
      {
        tools: [
          {
            type: 'function',
            function: {
              name: 'get_weather',
              parameters: { type: 'object', properties: { city: { type: 'string' } } },
            },
          },
        ],
      },
      { max_tokens: 64, stream: true },
    ])
    const shapes = rules.map((rule) => rule.recorded?.shape ?? '')
    expect(shapes[0]).toContain('choices[].finish_reason:"stop"')
    expect(shapes[0]).toContain('usage.total_tokens:number')
    expect(shapes[0]).not.toContain('Upstream answer')
    expect(shapes[1]).toContain('@chunk.choices[].finish_reason:"stop"|null')
    expect(shapes[2]).toContain('choices[].finish_reason:"tool_calls"')
    expect(shapes[3]).toContain('@message_delta.delta.stop_reason:"end_turn"')
  })

  it('exits 0 against the unchanged upstream', async () => {
    const seen = upstream.seen.length
    const result = await cli.run(
      [
        'drift',
        '--recordings-dir',
        dir,
        '--upstream',
        `${upstream.url}/v1`,
        '--anthropic-upstream',
        upstream.url,
      ],
      KEYS,
    )
    expect(result.stdout.trim()).toBe(
      'no drift: 4 recordings: 4 unchanged, 0 changed, 0 failed, 0 not checked',
    )
    expect(result.code).toBe(0)
    // Each request went out again as recorded, with the key from the environment.
    const again = upstream.seen.slice(seen)
    expect(again.map((request) => request.apiKey)).toEqual([
      UPSTREAM_OPENAI_KEY,
      UPSTREAM_OPENAI_KEY,
      UPSTREAM_OPENAI_KEY,
      UPSTREAM_ANTHROPIC_KEY,
    ])
    expect(again[0]?.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say hello' }],
      max_tokens: 20,
    })
    expect(again[3]?.body).toMatchObject({ stream: true, max_tokens: 64 })
  })

  it('exits 1 against an upstream that dropped usage and renamed finish reasons, naming each with file:line', async () => {
    const result = await cli.run(
      [
        'drift',
        '--recordings-dir',
        dir,
        '--upstream',
        `${drifted.url}/v1`,
        '--anthropic-upstream',
        drifted.url,
      ],
      KEYS,
    )
    expect(result.code).toBe(1)
    const out = result.stdout
    expect(out).toContain(
      [
        `drift recordings.yaml:${lines.get('Say hello')} /v1/chat/completions gpt-4o-mini: 2 changes`,
        '  choices[].finish_reason: new value "completed" (recorded "stop")',
        '  usage: removed (was object)',
      ].join('\n'),
    )
    expect(out).toContain(
      [
        `drift recordings.yaml:${lines.get('Count to three')} /v1/chat/completions gpt-4o-mini: 1 change`,
        '  @chunk.choices[].finish_reason: new value "completed" (recorded "stop"|null)',
      ].join('\n'),
    )
    expect(out).toContain(
      `drift recordings.yaml:${lines.get('What is the weather in Lisbon?')} /v1/chat/completions gpt-4o-mini: 2 changes`,
    )
    expect(out).toContain('  choices[].finish_reason: new value "tool_use" (recorded "tool_calls")')
    expect(out).toContain(
      `drift recordings.yaml:${lines.get('Write a haiku')} /v1/messages claude-sonnet-4-5: 3 changes`,
    )
    expect(out).toContain(
      '  @message_delta.delta.stop_reason: new value "done" (recorded "end_turn")',
    )
    expect(out).toContain('  @message_delta.usage: removed (was object)')
    expect(out).toContain('  @message_start.message.usage: removed (was object)')
    expect(out.trim().split('\n').at(-1)).toBe(
      'drift: 4 recordings: 0 unchanged, 4 changed, 0 failed, 0 not checked',
    )
    for (const text of [result.stdout, result.stderr]) {
      expect(text).not.toContain(UPSTREAM_OPENAI_KEY)
      expect(text).not.toContain(UPSTREAM_ANTHROPIC_KEY)
    }
  })

  it('prints the same findings as JSON with --json', async () => {
    const result = await cli.run(
      [
        'drift',
        '--recordings-dir',
        dir,
        '--upstream',
        `${drifted.url}/v1`,
        '--anthropic-upstream',
        drifted.url,
        '--json',
      ],
      KEYS,
    )
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as {
      outcome: string
      results: { file: string; line: number; changes: { kind: string; path: string }[] }[]
    }
    expect(report.outcome).toBe('drift')
    expect(report.results[0]).toMatchObject({
      file: 'recordings.yaml',
      line: lines.get('Say hello'),
      changes: [
        { kind: 'new-enum-value', path: 'choices[].finish_reason' },
        { kind: 'removed', path: 'usage' },
      ],
    })
  })

  it('exits 2 when the upstream cannot be reached', async () => {
    const port = await closedPort()
    const result = await cli.run(
      [
        'drift',
        '--recordings-dir',
        dir,
        '--upstream',
        `http://127.0.0.1:${port}/v1`,
        '--anthropic-upstream',
        `http://127.0.0.1:${port}`,
        '--upstream-timeout',
        '5000',
      ],
      KEYS,
    )
    expect(result.code).toBe(2)
    expect(result.stdout).toContain(
      `failed recordings.yaml:${lines.get('Say hello')} /v1/chat/completions gpt-4o-mini: could not reach the upstream http://127.0.0.1:${port} (ECONNREFUSED)`,
    )
    expect(result.stdout.trim().split('\n').at(-1)).toBe(
      'unreachable: 4 recordings: 0 unchanged, 0 changed, 4 failed, 0 not checked',
    )
  })
})
