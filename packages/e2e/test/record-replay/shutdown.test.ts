/**
 * No recording already answered is lost when `mocktopus serve --mode record` is stopped:
 * SIGTERM flushes what is still being written (a stream is recorded once its last event went
 * out), and even a crash (SIGKILL) between requests keeps every JSON answer, each appended to
 * the file before the client gets it. `mocktopus serve` as a child process, the openai SDK
 * over real HTTP on 127.0.0.1.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseScenario } from '@mocktopus/scenario'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltCLI, buildCLI } from './cli-child.js'
import {
  type FakeUpstream,
  startFakeUpstream,
  UPSTREAM_OPENAI_KEY,
  upstreamAnswer,
} from './fake-upstream.js'

let cli: BuiltCLI
let upstream: FakeUpstream
let dir: string
beforeAll(async () => {
  ;[cli, upstream, dir] = await Promise.all([
    buildCLI(),
    startFakeUpstream(),
    mkdtemp(join(tmpdir(), 'mocktopus-e2e-shutdown-')),
  ])
}, 120_000)
afterAll(async () => {
  await upstream?.close()
  await cli?.dispose()
  await rm(dir, { recursive: true, force: true })
})

function record(recordingsDir: string) {
  return cli.serve(
    ['--mode', 'record', '--recordings-dir', recordingsDir, '--upstream', `${upstream.url}/v1`],
    { OPENAI_API_KEY: UPSTREAM_OPENAI_KEY },
  )
}

function client(url: string): OpenAI {
  return new OpenAI({ apiKey: 'placeholder', baseURL: `${url}/v1`, maxRetries: 0 })
}

async function ask(openai: OpenAI, prompt: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: prompt }],
  })
  return completion.choices[0]?.message.content ?? ''
}

async function askStreamed(openai: OpenAI, prompt: string): Promise<string> {
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: prompt }],
    stream: true,
  })
  let text = ''
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
  return text
}

// Prompt to answer, for every rule of the recordings file.
async function recorded(recordingsDir: string): Promise<Map<string, unknown>> {
  const text = await readFile(join(recordingsDir, 'recordings.yaml'), 'utf8')
  return new Map(
    parseScenario(text).rules.map((rule): [string, unknown] => [
      String(rule.when.conversation?.at(-1)?.content),
      rule.respond?.content,
    ]),
  )
}

describe('stopping record mode', () => {
  it('SIGTERM right after the answers: every one answered is in the file, streams included', async () => {
    const recordingsDir = join(dir, 'sigterm')
    const serving = await record(recordingsDir)
    const openai = client(serving.url)
    const prompts = Array.from({ length: 12 }, (_, i) => `question ${i}`)
    // Four at a time, half of them streamed: the last streams' recordings are still being
    // written when the signal comes.
    const answers: string[] = []
    for (let i = 0; i < prompts.length; i += 4) {
      const batch = prompts.slice(i, i + 4)
      answers.push(
        ...(await Promise.all(
          batch.map((prompt, j) => (j % 2 ? askStreamed(openai, prompt) : ask(openai, prompt))),
        )),
      )
    }
    expect(answers).toEqual(prompts.map(upstreamAnswer))
    const result = await serving.stop()
    expect(result.stderr).not.toContain('recording lost')
    expect(result.code).toBe(0)
    const file = await recorded(recordingsDir)
    expect(file.size).toBe(prompts.length)
    for (const prompt of prompts) expect(file.get(prompt)).toBe(upstreamAnswer(prompt))
  })

  it("stopping keeps replay's read of the file, which the first replay then reads", async () => {
    const recordingsDir = join(dir, 'kept')
    // A temporary directory of its own, to find the read cache in.
    const tmp = join(dir, 'kept-tmp')
    await mkdir(tmp)
    const env = { OPENAI_API_KEY: UPSTREAM_OPENAI_KEY, TMPDIR: tmp }
    const serving = await cli.serve(
      ['--mode', 'record', '--recordings-dir', recordingsDir, '--upstream', `${upstream.url}/v1`],
      env,
    )
    const openai = client(serving.url)
    // Long prompts: only files of 32 KiB or more are worth a cache entry.
    const prompts = Array.from({ length: 12 }, (_, i) => `long question ${i} ${'x'.repeat(3000)}`)
    for (const prompt of prompts) expect(await ask(openai, prompt)).toBe(upstreamAnswer(prompt))
    expect((await serving.stop()).code).toBe(0)
    const cacheDir = join(tmp, `mocktopus-read-cache-${process.getuid?.() ?? ''}`.replace(/-$/, ''))
    const entries = (await readdir(cacheDir)).filter((name) => name.endsWith('.json'))
    expect(entries).toHaveLength(1)

    // The entry is what the replay reads: an answer changed there is what it replays.
    const entry = join(cacheDir, entries[0] as string)
    const first = JSON.stringify(upstreamAnswer(prompts[0] as string))
    const text = await readFile(entry, 'utf8')
    expect(text).toContain(first)
    await writeFile(entry, text.replace(first, '"kept by the recorder"'))
    const replay = await cli.serve(['--mode', 'replay', '--recordings-dir', recordingsDir], env)
    try {
      expect(await ask(client(replay.url), prompts[0] as string)).toBe('kept by the recorder')
      expect(await ask(client(replay.url), prompts[1] as string)).toBe(
        upstreamAnswer(prompts[1] as string),
      )
    } finally {
      await replay.stop()
    }
  })

  it('a crash (SIGKILL) between requests keeps every JSON answer already given', async () => {
    const recordingsDir = join(dir, 'sigkill')
    const serving = await record(recordingsDir)
    const openai = client(serving.url)
    const prompts = Array.from({ length: 8 }, (_, i) => `crash question ${i}`)
    for (const prompt of prompts) expect(await ask(openai, prompt)).toBe(upstreamAnswer(prompt))
    process.kill(serving.pid, 'SIGKILL')
    const result = await serving.stop()
    expect(result.code).toBeNull()
    const file = await recorded(recordingsDir)
    expect([...file.keys()]).toEqual(prompts)
  })
})
