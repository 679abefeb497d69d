import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fixedClock } from '@mocktopus/responders'
import { parseScenario } from '@mocktopus/scenario'
import { createMocktopus } from '@mocktopus/server'
import { createRecorder, createReplayer, type RunningServer, serve } from '@mocktopus/server/node'
import { Ollama } from 'ollama'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The upstream stands in for a local Ollama: another Mocktopus answering its API.
const UPSTREAM = `
version: 1
rules:
  - type: llm.ollama
    when: { messages_contains: "weather" }
    respond:
      tool_calls:
        - function: { name: get_weather, arguments: { city: Lisbon } }
  - type: llm.ollama
    when: { messages_contains: "busy" }
    error: { error_type: server_error, status_code: 503, message: "server busy" }
  - type: llm.ollama
    respond: { content: "Hello from the real Ollama.", usage: { input_tokens: 7, output_tokens: 6 } }
  - type: embeddings
    respond: { embeddings: [{ embedding: [0.1, 0.2, 0.3] }] }
`

async function session(ollama: Ollama) {
  const chat = await ollama.chat({
    model: 'llama3.2',
    messages: [{ role: 'user', content: 'Say hello' }],
    stream: false,
  })
  let streamed = ''
  for await (const part of await ollama.chat({
    model: 'llama3.2',
    messages: [{ role: 'user', content: 'Stream hello' }],
    stream: true,
  })) {
    streamed += part.message.content
  }
  const tool = await ollama.chat({
    model: 'llama3.2',
    messages: [{ role: 'user', content: 'weather?' }],
    stream: false,
  })
  const embed = await ollama.embed({ model: 'all-minilm', input: 'hello' })
  const busy = await ollama
    .chat({ model: 'llama3.2', messages: [{ role: 'user', content: 'busy?' }], stream: false })
    .catch((error: unknown) => error)
  return {
    chat: chat.message.content,
    usage: [chat.prompt_eval_count, chat.eval_count],
    streamed,
    calls: tool.message.tool_calls,
    embed: embed.embeddings,
    busy,
  }
}

let upstream: RunningServer
let dir: string

beforeAll(async () => {
  const mock = await createMocktopus({ scenario: UPSTREAM, clock: fixedClock(1_700_000_000) })
  upstream = await serve(mock, { port: 0 })
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-ollama-'))
})

afterAll(async () => {
  await upstream.close()
  await rm(dir, { recursive: true, force: true })
})

describe('record and replay with an Ollama upstream', () => {
  it('records chat, a stream, a tool call, embed and an error as rules, then replays them', async () => {
    const recorder = await createRecorder({ recordingsDir: dir, ollamaUpstream: upstream.url })
    const recording = await serve(recorder, { port: 0 })
    let recorded: Awaited<ReturnType<typeof session>>
    try {
      recorded = await session(new Ollama({ host: recording.url }))
      await recorder.flush()
    } finally {
      await recording.close()
    }
    expect(recorded).toMatchObject({
      chat: 'Hello from the real Ollama.',
      usage: [7, 6],
      streamed: 'Hello from the real Ollama.',
      calls: [{ function: { name: 'get_weather', arguments: { city: 'Lisbon' } } }],
      embed: [[0.1, 0.2, 0.3]],
      busy: { name: 'ResponseError', status_code: 503, error: 'server busy' },
    })
    const files = await readdir(dir)
    const text = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n')
    expect(text).toContain('type: llm.ollama')
    expect(text).toContain('endpoint: /api/chat')
    expect(text).toContain('endpoint: /api/embed')

    // Replay never reaches the upstream: it answers from the recordings alone.
    const replayer = await createReplayer({ recordingsDir: dir })
    const replay = await serve(replayer, { port: 0 })
    try {
      const replayed = await session(new Ollama({ host: replay.url }))
      expect(replayed).toEqual(recorded)
    } finally {
      await replay.close()
    }
  })
})

describe('replay timing of an Ollama stream', () => {
  it('keeps the time to the first line and each gap between lines, the stall where it was', async () => {
    // An upstream that waits 40 ms for its first line, then stalls 150 ms before its third.
    const slow = await serve(
      await createMocktopus({
        scenario: `
version: 1
rules:
  - type: llm.ollama
    respond:
      content: one two three four
      ttft_ms: 40
      chunk_delays_ms: [10, 150, 10]
`,
      }),
      { port: 0 },
    )
    const timedDir = await mkdtemp(join(tmpdir(), 'mocktopus-ollama-timing-'))
    try {
      const recorder = await createRecorder({ recordingsDir: timedDir, ollamaUpstream: slow.url })
      const recording = await serve(recorder, { port: 0 })
      const ask = { model: 'llama3.2', messages: [{ role: 'user', content: 'Slowly' }] }
      let text = ''
      for await (const part of await new Ollama({ host: recording.url }).chat({
        ...ask,
        stream: true,
      })) {
        text += part.message.content
      }
      await recording.close()
      await recorder.flush()
      expect(text).toBe('one two three four')
      const recorded = await readFile(join(timedDir, 'recordings.yaml'), 'utf8')
      const respond = parseScenario(recorded).rules[0]?.respond
      expect(respond?.ttft_ms).toBeGreaterThanOrEqual(35)
      const gaps = respond?.chunk_delays_ms ?? []
      expect(gaps[1]).toBeGreaterThanOrEqual(145)
      expect(Math.max(...gaps.filter((_, i) => i !== 1))).toBeLessThan(gaps[1] as number)

      // Replayed with the recorded timing, through a clock that keeps the waits.
      const waits: number[] = []
      const clock = {
        now: () => 1_700_000_000_000,
        sleep: async (ms: number) => void (ms > 0 && waits.push(ms)),
      }
      const replayer = await createReplayer({
        recordingsDir: timedDir,
        replayTiming: 'recorded',
        clock,
      })
      const replay = await serve(replayer, { port: 0 })
      try {
        let replayed = ''
        for await (const part of await new Ollama({ host: replay.url }).chat({
          ...ask,
          stream: true,
        })) {
          replayed += part.message.content
        }
        expect(replayed).toBe('one two three four')
        expect(waits).toContain(respond?.ttft_ms)
        expect(waits).toContain(gaps[1])
      } finally {
        await replay.close()
      }
    } finally {
      await slow.close()
      await rm(timedDir, { recursive: true, force: true })
    }
  })
})
