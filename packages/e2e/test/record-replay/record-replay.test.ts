import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import { createContext, runCLI } from '@mocktopus/cli'
import { createMocktopus, type Exchange } from '@mocktopus/server'
import { createRecorder, createReplayer, type RunningServer, serve } from '@mocktopus/server/node'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type FakeUpstream,
  startFakeUpstream,
  UPSTREAM_ANTHROPIC_KEY,
  UPSTREAM_OPENAI_KEY,
  upstreamAnswer,
  upstreamVector,
} from './fake-upstream.js'

// What the app under test sends and gets back: the same calls in record and in replay.
async function conversation(openai: OpenAI, anthropic: Anthropic) {
  const chat = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Say hello' },
    ],
  })
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Tell me a story' }],
    stream: true,
    stream_options: { include_usage: true },
  })
  let streamed = ''
  let streamedUsage: unknown
  for await (const chunk of stream) {
    streamed += chunk.choices[0]?.delta.content ?? ''
    if (chunk.usage) streamedUsage = chunk.usage
  }
  const tools = await openai.chat.completions
    .stream({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'What is the weather in Lisbon?' }],
      tools: [
        { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } },
      ],
    })
    .finalChatCompletion()
  const embeddings = await openai.embeddings.create({
    model: 'text-embedding-3-small',
    input: ['first text', 'second'],
  })
  const response = await openai.responses.create({ model: 'gpt-4.1', input: 'Summarise this' })
  const responseStream = await openai.responses.create({
    model: 'gpt-4.1',
    input: 'Summarise that',
    stream: true,
  })
  let responseText = ''
  for await (const event of responseStream) {
    if (event.type === 'response.output_text.delta') responseText += event.delta
  }
  const message = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 100,
    messages: [{ role: 'user', content: 'Bonjour' }],
  })
  const messageStream = await anthropic.messages
    .stream({
      model: 'claude-sonnet-4-5',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Guten Tag' }],
    })
    .finalMessage()
  const error = await openai.chat.completions
    .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'are you overloaded?' }] })
    .catch((caught: unknown) => caught)
  return {
    chat: { id: chat.id, message: chat.choices[0]?.message.content, usage: chat.usage },
    streamed: { text: streamed, usage: streamedUsage },
    tools: {
      calls: tools.choices[0]?.message.tool_calls,
      finish: tools.choices[0]?.finish_reason,
    },
    embeddings: embeddings.data.map((item) => item.embedding),
    response: { id: response.id, text: response.output_text, usage: response.usage?.total_tokens },
    responseStream: responseText,
    message: {
      id: message.id,
      content: message.content,
      stop: message.stop_reason,
      usage: message.usage,
    },
    messageStream: { content: messageStream.content, stop: messageStream.stop_reason },
    error: {
      isRateLimit: error instanceof OpenAI.RateLimitError,
      status: (error as { status?: number }).status,
      message: (error as Error).message,
    },
  }
}

function clients(url: string) {
  return {
    openai: new OpenAI({ apiKey: UPSTREAM_OPENAI_KEY, baseURL: `${url}/v1`, maxRetries: 0 }),
    anthropic: new Anthropic({ apiKey: UPSTREAM_ANTHROPIC_KEY, baseURL: url, maxRetries: 0 }),
  }
}

async function filesIn(dir: string): Promise<{ name: string; text: string }[]> {
  const names = await readdir(dir)
  return Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })),
  )
}

describe('record with the official SDKs, then replay with the upstream gone', () => {
  let dir: string
  let upstream: FakeUpstream
  let recorded: Awaited<ReturnType<typeof conversation>>
  const exchanges: Exchange[] = []

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mocktopus-e2e-recordings-'))
    upstream = await startFakeUpstream()
  })
  afterAll(async () => {
    await upstream.close()
    await rm(dir, { recursive: true, force: true })
  })

  it("records: the client gets the upstream's answers and the upstream gets the client's keys", async () => {
    const recorder = await createRecorder({
      recordingsDir: dir,
      upstream: `${upstream.url}/v1`,
      anthropicUpstream: upstream.url,
    })
    recorder.on('exchange', (exchange) => exchanges.push(exchange))
    const server = await serve(recorder, { port: 0 })
    try {
      const { openai, anthropic } = clients(server.url)
      recorded = await conversation(openai, anthropic)
      await recorder.flush()
    } finally {
      await server.close()
    }
    expect(recorded.chat).toEqual({
      id: 'chatcmpl-upstream1',
      message: upstreamAnswer('Say hello'),
      usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
    })
    expect(recorded.streamed.text).toBe(upstreamAnswer('Tell me a story'))
    expect(recorded.tools).toEqual({
      calls: [
        {
          id: 'call_up_weather',
          type: 'function',
          function: { name: 'get_weather', arguments: '{"city":"Lisbon","unit":"celsius"}' },
        },
      ],
      finish: 'tool_calls',
    })
    expect(recorded.embeddings).toEqual([upstreamVector('first text'), upstreamVector('second')])
    expect(recorded.response).toEqual({
      id: 'resp_upstream1',
      text: upstreamAnswer('Summarise this'),
      usage: 15,
    })
    expect(recorded.responseStream).toBe(upstreamAnswer('Summarise that'))
    expect(recorded.message).toMatchObject({
      id: 'msg_01Upstream',
      content: [{ type: 'text', text: upstreamAnswer('Bonjour') }],
      stop: 'end_turn',
    })
    expect(recorded.messageStream.content).toMatchObject([
      { type: 'text', text: upstreamAnswer('Guten Tag') },
    ])
    expect(recorded.error).toMatchObject({ isRateLimit: true, status: 429 })

    const keys = upstream.seen.map((seen) =>
      seen.path === '/v1/messages' ? seen.apiKey : seen.authorization,
    )
    expect(keys).toHaveLength(9)
    expect(new Set(keys)).toEqual(
      new Set([`Bearer ${UPSTREAM_OPENAI_KEY}`, UPSTREAM_ANTHROPIC_KEY]),
    )
    expect(exchanges.every((exchange) => !exchange.mocked)).toBe(true)
  })

  it('writes YAML that mocktopus validate accepts, with no credential in any file', async () => {
    const files = await filesIn(dir)
    expect(files.map((file) => file.name)).toEqual(['recordings.yaml'])
    for (const { text } of files) {
      for (const secret of [UPSTREAM_OPENAI_KEY, UPSTREAM_ANTHROPIC_KEY]) {
        expect(text).not.toContain(secret)
        // Not even the masked form the 429 message quoted.
        expect(text).not.toContain(secret.slice(-4))
      }
    }
    const out: string[] = []
    const context = createContext({
      out: (line) => out.push(line),
      err: (line) => out.push(line),
      color: false,
      env: {},
      cwd: dir,
    })
    const status = await runCLI(['mocktopus', 'validate', 'recordings.yaml'], context)
    expect(out).toEqual(['✓ recordings.yaml: 9 rules'])
    expect(status).toBe(0)
    // And it is a scenario like any other: `serve -s recordings.yaml` answers from it.
    const mock = await createMocktopus({ scenarioFile: join(dir, 'recordings.yaml') })
    const answer = await mock.fetch('http://mocktopus.local/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'user', content: 'Say hello' },
        ],
      }),
    })
    expect(await answer.json()).toMatchObject({
      choices: [{ message: { content: upstreamAnswer('Say hello') } }],
    })
  })

  it('replays the same answers with the upstream stopped, streams included', async () => {
    await upstream.close()
    const replayer = await createReplayer({ recordingsDir: dir })
    const replayed: Exchange[] = []
    replayer.on('exchange', (exchange) => replayed.push(exchange))
    const server = await serve(replayer, { port: 0 })
    try {
      const { openai, anthropic } = clients(server.url)
      const again = await conversation(openai, anthropic)
      // The replay adds the usage details the real API sends and this upstream left out.
      expect(again.chat).toMatchObject(recorded.chat)
      expect(again.streamed).toMatchObject(recorded.streamed as object)
      expect(again.tools).toEqual(recorded.tools)
      expect(again.embeddings).toEqual(recorded.embeddings)
      expect(again.response).toEqual(recorded.response)
      expect(again.responseStream).toEqual(recorded.responseStream)
      expect(again.message).toMatchObject(recorded.message)
      expect(again.messageStream).toEqual(recorded.messageStream)
      // The same error, except that the key the upstream quoted was never written down.
      expect(again.error).toEqual({
        ...recorded.error,
        message: '429 Rate limit reached for gpt-4o-mini on key sk-[REDACTED]',
      })
      expect(replayed).toHaveLength(9)
      expect(replayed.every((exchange) => exchange.mocked)).toBe(true)
      expect(replayed.filter((exchange) => exchange.stream)).toHaveLength(4)
      expect(replayer.costReport().report.requests_mocked).toBeGreaterThan(0)
    } finally {
      await server.close()
    }
  })

  it('answers a request with no recording with 404 naming the closest recording', async () => {
    const replayer = await createReplayer({ recordingsDir: dir })
    const server = await serve(replayer, { port: 0 })
    try {
      const { openai, anthropic } = clients(server.url)
      const error = await openai.chat.completions
        .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say goodbye' }] })
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(OpenAI.NotFoundError)
      expect((error as Error).message).toMatch(
        /^404 no recording matches this request; the closest is recordings\.yaml:\d+: conversation/,
      )
      const anthropicError = await anthropic.messages
        .create({
          model: 'claude-sonnet-4-5',
          max_tokens: 5,
          messages: [{ role: 'user', content: 'Hallo' }],
        })
        .catch((caught: unknown) => caught)
      expect(anthropicError).toBeInstanceOf(Anthropic.NotFoundError)
      expect((anthropicError as Error).message).toContain('no recording matches this request')
    } finally {
      await server.close()
    }
  })

  it('with --record-missing, records what is new and then replays it', async () => {
    const fresh = await startFakeUpstream()
    const replayer = await createReplayer({
      recordingsDir: dir,
      recordMissing: true,
      upstream: `${fresh.url}/v1`,
      anthropicUpstream: fresh.url,
    })
    const server = await serve(replayer, { port: 0 })
    try {
      const { openai } = clients(server.url)
      const known = await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'user', content: 'Say hello' },
        ],
      })
      expect(known.choices[0]?.message.content).toBe(upstreamAnswer('Say hello'))
      expect(fresh.seen).toHaveLength(0)
      const ask = () =>
        openai.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'Something new' }],
        })
      expect((await ask()).choices[0]?.message.content).toBe(upstreamAnswer('Something new'))
      expect(fresh.seen).toHaveLength(1)
      await fresh.close()
      expect((await ask()).choices[0]?.message.content).toBe(upstreamAnswer('Something new'))
      const text = await readFile(join(dir, 'recordings.yaml'), 'utf8')
      expect(text).toContain('Something new')
      expect(text).not.toContain(UPSTREAM_OPENAI_KEY)
    } finally {
      await server.close()
      await fresh.close().catch(() => {})
    }
  })
})

describe('a stream passing through record mode', () => {
  it('reaches the client chunk by chunk, before the upstream has finished', async () => {
    const upstream = await startFakeUpstream()
    const dir = await mkdtemp(join(tmpdir(), 'mocktopus-e2e-stream-'))
    const recorder = await createRecorder({ recordingsDir: dir, upstream: `${upstream.url}/v1` })
    const server: RunningServer = await serve(recorder, { port: 0 })
    try {
      const { openai } = clients(server.url)
      const stream = await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'answer slowly' }],
        stream: true,
      })
      let text = ''
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? ''
        // The upstream holds the rest back until the client has its first word: a proxy that
        // buffered the stream would wait here forever.
        if (text === 'Upstream') upstream.release()
      }
      expect(text).toBe(upstreamAnswer('answer slowly'))
      await recorder.flush()
      expect(await readFile(recorder.recordingsFile, 'utf8')).toContain(
        upstreamAnswer('answer slowly'),
      )
    } finally {
      await server.close()
      await upstream.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it("gives a clear 502 in the provider's envelope when the upstream is unreachable", async () => {
    const upstream = await startFakeUpstream()
    const gone = upstream.url
    await upstream.close()
    const dir = await mkdtemp(join(tmpdir(), 'mocktopus-e2e-502-'))
    const recorder = await createRecorder({
      recordingsDir: dir,
      upstream: `${gone}/v1`,
      anthropicUpstream: gone,
    })
    const server = await serve(recorder, { port: 0 })
    try {
      const { openai, anthropic } = clients(server.url)
      const error = await openai.chat.completions
        .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(OpenAI.InternalServerError)
      expect(error).toMatchObject({ status: 502, code: 'upstream_unreachable' })
      expect((error as Error).message).toContain(`could not reach the upstream ${gone}`)
      const anthropicError = await anthropic.messages
        .create({
          model: 'claude-sonnet-4-5',
          max_tokens: 5,
          messages: [{ role: 'user', content: 'hi' }],
        })
        .catch((caught: unknown) => caught)
      expect(anthropicError).toBeInstanceOf(Anthropic.InternalServerError)
      expect(anthropicError).toMatchObject({ status: 502 })
      expect(await readdir(dir)).toEqual([])
    } finally {
      await server.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
