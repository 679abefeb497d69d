import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import { createContext, runCLI } from '@mocktopus/cli'
import { createMocktopus } from '@mocktopus/server'
import { serve } from '@mocktopus/server/node'
import OpenAI, { AzureOpenAI } from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type FakeUpstream,
  startFakeUpstream,
  UPSTREAM_ANTHROPIC_KEY,
  UPSTREAM_OPENAI_KEY,
  upstreamAnswer,
} from './fake-upstream.js'

interface Serving {
  readonly url: string
  readonly output: string[]
  stop(): Promise<number>
}

// `mocktopus serve` in process, over real HTTP, with the environment given.
async function serveCLI(args: string[], env: Record<string, string> = {}): Promise<Serving> {
  const output: string[] = []
  const controller = new AbortController()
  const context = createContext({
    out: (line) => output.push(line),
    err: (line) => output.push(line),
    color: false,
    env,
    cwd: process.cwd(),
    signal: controller.signal,
  })
  const exit = runCLI(['mocktopus', 'serve', '--port', '0', ...args], context)
  let done = false
  void exit.finally(() => {
    done = true
  })
  for (let i = 0; i < 400 && !done && !output.includes('Press Ctrl+C to stop.'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  const line = output.find((text) => text.startsWith('OpenAI'))
  if (!line) throw new Error(`serve did not start:\n${output.join('\n')}`)
  const url = (/http:\/\/\S+(?=\/v1)/.exec(line) as RegExpExecArray)[0]
  return {
    url,
    output,
    stop: () => {
      controller.abort()
      return exit
    },
  }
}

describe('mocktopus serve --mode record | replay', () => {
  let dir: string
  let upstream: FakeUpstream
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mocktopus-e2e-cli-'))
    upstream = await startFakeUpstream()
  })
  afterAll(async () => {
    await upstream.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('records with the keys from the environment in place of the client placeholders', async () => {
    const serving = await serveCLI(
      [
        '--mode',
        'record',
        '--recordings-dir',
        dir,
        '--upstream',
        `${upstream.url}/v1`,
        '--anthropic-upstream',
        upstream.url,
        '--verbose',
      ],
      { OPENAI_API_KEY: UPSTREAM_OPENAI_KEY, ANTHROPIC_API_KEY: UPSTREAM_ANTHROPIC_KEY },
    )
    const openai = new OpenAI({
      apiKey: 'placeholder',
      baseURL: `${serving.url}/v1`,
      maxRetries: 0,
    })
    const anthropic = new Anthropic({ apiKey: 'placeholder', baseURL: serving.url, maxRetries: 0 })
    const chat = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'From the CLI' }],
    })
    const message = await anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 20,
      messages: [{ role: 'user', content: 'Also from the CLI' }],
    })
    expect(await serving.stop()).toBe(0)
    expect(chat.choices[0]?.message.content).toBe(upstreamAnswer('From the CLI'))
    expect(message.content).toMatchObject([{ text: upstreamAnswer('Also from the CLI') }])
    expect(
      upstream.seen.map(({ path, authorization, apiKey }) => [path, authorization, apiKey]),
    ).toEqual([
      ['/v1/chat/completions', `Bearer ${UPSTREAM_OPENAI_KEY}`, UPSTREAM_OPENAI_KEY],
      ['/v1/messages', null, UPSTREAM_ANTHROPIC_KEY],
    ])
    expect(serving.output).toContain('Mocktopus stopped.')
    expect(
      serving.output.some((line) => /recorded \/v1\/messages in recordings\.yaml$/.test(line)),
    ).toBe(true)
    const logged = serving.output.join('\n')
    const recorded = await readFile(join(dir, 'recordings.yaml'), 'utf8')
    for (const secret of [UPSTREAM_OPENAI_KEY, UPSTREAM_ANTHROPIC_KEY]) {
      expect(logged).not.toContain(secret)
      expect(recorded).not.toContain(secret)
    }
  })

  it('records Azure OpenAI from --azure-upstream with AZURE_OPENAI_API_KEY, never showing it', async () => {
    const key = 'azure-env-key-5678'
    // The resource: a Mocktopus answering Azure's paths, refusing any other key.
    const resource = await serve(
      await createMocktopus({
        scenario:
          'version: 1\nrules:\n  - type: llm.openai\n    respond: { content: From Azure }\n',
        authToken: key,
      }),
      { port: 0 },
    )
    const azureDir = join(dir, 'azure')
    try {
      const serving = await serveCLI(
        ['--mode', 'record', '--recordings-dir', azureDir, '--azure-upstream', resource.url],
        { AZURE_OPENAI_API_KEY: key },
      )
      const azure = new AzureOpenAI({
        apiKey: 'placeholder',
        endpoint: serving.url,
        apiVersion: '2024-10-21',
        deployment: 'gpt4o-prod',
        maxRetries: 0,
      })
      const chat = await azure.chat.completions.create({
        model: 'gpt4o-prod',
        messages: [{ role: 'user', content: 'From the CLI, on Azure' }],
      })
      expect(await serving.stop()).toBe(0)
      expect(chat.choices[0]?.message.content).toBe('From Azure')
      expect(serving.output.join('\n')).toContain(resource.url)
      const recorded = await readFile(join(azureDir, 'recordings.yaml'), 'utf8')
      expect(recorded).toContain('endpoint: /openai/deployments/:deployment/chat/completions')
      expect(`${serving.output.join('\n')}\n${recorded}`).not.toContain(key)
    } finally {
      await resource.close()
    }
  })

  it('replays with no upstream, says 404 for the rest, and records misses when asked', async () => {
    const replay = await serveCLI(['--mode', 'replay', '--recordings-dir', dir])
    expect(replay.output).toContain(`Replaying  2 recordings from ${dir}`)
    const openai = new OpenAI({ apiKey: 'any', baseURL: `${replay.url}/v1`, maxRetries: 0 })
    const ask = (content: string) =>
      openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content }],
      })
    expect((await ask('From the CLI')).choices[0]?.message.content).toBe(
      upstreamAnswer('From the CLI'),
    )
    await expect(ask('Not recorded')).rejects.toBeInstanceOf(OpenAI.NotFoundError)
    expect(await replay.stop()).toBe(0)
    expect(replay.output.some((line) => line.includes('Mocktopus saved'))).toBe(true)

    const before = upstream.seen.length
    const missing = await serveCLI(
      [
        '--mode',
        'replay',
        '--recordings-dir',
        dir,
        '--record-missing',
        '--upstream',
        `${upstream.url}/v1`,
      ],
      { OPENAI_API_KEY: UPSTREAM_OPENAI_KEY },
    )
    const client = new OpenAI({ apiKey: 'any', baseURL: `${missing.url}/v1`, maxRetries: 0 })
    const fresh = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Not recorded' }],
    })
    expect(fresh.choices[0]?.message.content).toBe(upstreamAnswer('Not recorded'))
    expect(await missing.stop()).toBe(0)
    expect(upstream.seen.length).toBe(before + 1)
    expect(await readFile(join(dir, 'recordings.yaml'), 'utf8')).toContain('Not recorded')
  })
})
