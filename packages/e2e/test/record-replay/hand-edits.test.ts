/**
 * Recording into a file someone reviewed by hand: new recordings are appended after what is
 * there, byte for byte, so comments and edits stay where they were; re-recording a request
 * replaces its rule and keeps the comments too. The file stays one that `validate` accepts and
 * replay serves, the hand-edited answer included. The openai SDK over real HTTP on 127.0.0.1.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createContext, runCLI } from '@mocktopus/cli'
import { createRecorder, createReplayer, serve } from '@mocktopus/server/node'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type FakeUpstream,
  startFakeUpstream,
  UPSTREAM_OPENAI_KEY,
  upstreamAnswer,
} from './fake-upstream.js'

const REVIEWED = `# Reviewed by Ana on 3 May: keep the greeting short.
version: 1

rules:
  # The greeting the app shows first.
  - type: llm.openai
    when:
      endpoint: /v1/chat/completions
      model: gpt-4o-mini
      conversation:
        - role: user
          content: Say hello
    respond:
      content: Hello! # trimmed by hand, the model said more
      finish_reason: stop
# Below: what the model said, not reviewed yet.
`

async function ask(baseURL: string, prompt: string): Promise<string> {
  const openai = new OpenAI({ apiKey: 'placeholder', baseURL, maxRetries: 0 })
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: prompt }],
  })
  return completion.choices[0]?.message.content ?? ''
}

async function validate(file: string): Promise<{ code: number; output: string[] }> {
  const output: string[] = []
  const context = createContext({
    out: (line) => output.push(line),
    err: (line) => output.push(line),
    color: false,
  })
  const code = await runCLI(['mocktopus', 'validate', file], context)
  return { code, output }
}

describe('recording into a file edited by hand', () => {
  let dir: string
  let upstream: FakeUpstream
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mocktopus-e2e-hand-edits-'))
    upstream = await startFakeUpstream()
  })
  afterAll(async () => {
    await upstream.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('appends after the comments and edits, keeps them on a re-recording, and replays it all', async () => {
    const file = join(dir, 'recordings.yaml')
    await writeFile(file, REVIEWED)
    const recorder = await createRecorder({
      recordingsDir: dir,
      upstream: `${upstream.url}/v1`,
      openaiKey: UPSTREAM_OPENAI_KEY,
    })
    const recording = await serve(recorder, { port: 0 })
    try {
      expect(await ask(`${recording.url}/v1`, 'What is new?')).toBe(upstreamAnswer('What is new?'))
      expect(await ask(`${recording.url}/v1`, 'Anything else?')).toBe(
        upstreamAnswer('Anything else?'),
      )
      await recorder.flush()
      const appended = await readFile(file, 'utf8')
      // Appended: what was there is untouched, byte for byte.
      expect(appended.startsWith(REVIEWED)).toBe(true)
      expect(appended.slice(REVIEWED.length)).toMatch(/^ {2}- type: llm\.openai\n/)

      // Recorded again: its rule is replaced, and every comment stays.
      expect(await ask(`${recording.url}/v1`, 'What is new?')).toBe(upstreamAnswer('What is new?'))
      await recorder.flush()
    } finally {
      await recording.close()
    }
    const rewritten = await readFile(file, 'utf8')
    for (const comment of [
      '# Reviewed by Ana on 3 May: keep the greeting short.',
      '# The greeting the app shows first.',
      '# trimmed by hand, the model said more',
      '# Below: what the model said, not reviewed yet.',
    ]) {
      expect(rewritten).toContain(comment)
    }
    expect(rewritten.match(/content: What is new\?/g)).toHaveLength(1)

    const checked = await validate(file)
    expect(checked.output.join('\n')).not.toMatch(/warning|error/i)
    expect(checked.code).toBe(0)

    const replayer = await createReplayer({ recordingsDir: dir })
    expect(replayer.recordings.scenario.rules).toHaveLength(3)
    const replaying = await serve(replayer, { port: 0 })
    try {
      expect(await ask(`${replaying.url}/v1`, 'Say hello')).toBe('Hello!')
      expect(await ask(`${replaying.url}/v1`, 'Anything else?')).toBe(
        upstreamAnswer('Anything else?'),
      )
    } finally {
      await replaying.close()
    }
  })
})
