import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Exchange } from '@mocktopus/responders'
import { encodeFloat32Base64, encodeSSE } from '@mocktopus/responders'
import { parseScenario } from '@mocktopus/scenario'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecordingsError } from '../../record/errors.js'
import type { SkipInfo } from '../../record/proxy.js'
import { createReadCache } from './read-cache.js'
import { createRecorder, createReplayer } from './recorder.js'

const OPENAI_KEY = 'sk-client-0123456789abcdef'
const ANTHROPIC_KEY = 'sk-ant-client-0123456789'

interface Seen {
  readonly url: string
  readonly headers: Headers
  readonly body: Record<string, unknown>
}

// An upstream that answers like OpenAI and Anthropic, and remembers what it was sent.
function fakeUpstream(options: { gate?: Promise<void> } = {}) {
  const seen: Seen[] = []
  const handle = async (request: Request): Promise<Response> => {
    const body = (await request.json()) as Record<string, unknown>
    seen.push({ url: request.url, headers: request.headers, body })
    const path = new URL(request.url).pathname
    const messages = (body.messages ?? []) as { content: string }[]
    const prompt = String(messages.at(-1)?.content ?? '')
    const json = (status: number, data: unknown, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(data), {
        status,
        headers: { 'content-type': 'application/json', 'x-request-id': 'req_up_1', ...headers },
      })
    if (path.endsWith('/messages')) {
      if (request.headers.get('x-api-key') !== ANTHROPIC_KEY) {
        return json(401, {
          type: 'error',
          error: { type: 'authentication_error', message: 'invalid x-api-key' },
        })
      }
      return json(200, {
        id: 'msg_up_1',
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [{ type: 'text', text: `Claude says: ${prompt}` }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 4, output_tokens: 5 },
      })
    }
    if (path.endsWith('/embeddings')) {
      const inputs = ([] as string[]).concat(body.input as string)
      return json(200, {
        object: 'list',
        model: body.model,
        data: inputs.map((_, index) => ({
          object: 'embedding',
          index,
          embedding: encodeFloat32Base64([index + 0.5, -0.25]),
        })),
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      })
    }
    if (prompt.includes('fail')) {
      return json(
        429,
        {
          error: {
            message: `Rate limit reached for key ${OPENAI_KEY.slice(0, 8)}****${OPENAI_KEY.slice(-4)}`,
            type: 'requests',
            param: null,
            code: 'rate_limit_exceeded',
          },
        },
        { 'retry-after': '3' },
      )
    }
    const content = `Echo: ${prompt}`
    if (body.stream) {
      const words = content.split(' ')
      const chunk = (delta: unknown, finish: string | null = null) => ({
        id: 'chatcmpl-up',
        object: 'chat.completion.chunk',
        created: 1,
        model: body.model,
        choices: [{ index: 0, delta, finish_reason: finish }],
      })
      const encoder = new TextEncoder()
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(
            encoder.encode(encodeSSE({ data: chunk({ role: 'assistant', content: '' }) })),
          )
          controller.enqueue(encoder.encode(encodeSSE({ data: chunk({ content: words[0] }) })))
          await options.gate
          for (const word of words.slice(1)) {
            controller.enqueue(encoder.encode(encodeSSE({ data: chunk({ content: ` ${word}` }) })))
          }
          controller.enqueue(encoder.encode(encodeSSE({ data: chunk({}, 'stop') })))
          controller.enqueue(encoder.encode('data: [DONE]\n\n'))
          controller.close()
        },
      })
      return new Response(stream, { headers: { 'content-type': 'text/event-stream' } })
    }
    return json(200, {
      id: 'chatcmpl-up',
      object: 'chat.completion',
      created: 1,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 6, completion_tokens: 7, total_tokens: 13 },
    })
  }
  return { seen, fetch: handle }
}

function chat(
  prompt: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return new Request('http://mocktopus.local/v1/chat/completions', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${OPENAI_KEY}`,
      'openai-organization': 'org-1',
      cookie: 'session=1',
      ...headers,
    },
    body: JSON.stringify({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: prompt }],
      ...extra,
    }),
  })
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-recorder-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function allRecorded(): Promise<string> {
  const names = await readdir(dir)
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')))
  return texts.join('\n')
}

describe('createRecorder', () => {
  it("forwards the client's credentials and hands back the upstream's answer unchanged", async () => {
    const upstream = fakeUpstream()
    const recorder = await createRecorder({
      recordingsDir: dir,
      upstream: 'https://upstream.test/v1/',
      fetch: upstream.fetch,
    })
    const exchanges: Exchange[] = []
    recorder.on('exchange', (exchange) => exchanges.push(exchange))
    const response = await recorder.fetch(chat('hello'))
    expect(response.status).toBe(200)
    expect(response.headers.get('x-request-id')).toBe('req_up_1')
    expect(await response.json()).toMatchObject({
      id: 'chatcmpl-up',
      choices: [{ message: { content: 'Echo: hello' } }],
    })

    const sent = upstream.seen[0]
    expect(sent?.url).toBe('https://upstream.test/v1/chat/completions')
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${OPENAI_KEY}`)
    expect(sent?.headers.get('openai-organization')).toBe('org-1')
    expect(sent?.headers.get('cookie')).toBeNull()

    expect(exchanges).toMatchObject([
      {
        endpoint: '/v1/chat/completions',
        status: 200,
        mocked: false,
        ruleIndex: null,
        usage: { input_tokens: 6, output_tokens: 7 },
      },
    ])
    expect(recorder.costReport().report.requests_mocked).toBe(0)

    const scenario = parseScenario(await readFile(recorder.recordingsFile, 'utf8'))
    expect(scenario.rules).toMatchObject([
      {
        type: 'llm.openai',
        when: {
          endpoint: '/v1/chat/completions',
          model: 'gpt-4o',
          conversation: [{ role: 'user', content: 'hello' }],
        },
        respond: { content: 'Echo: hello', finish_reason: 'stop', id: 'chatcmpl-up' },
      },
    ])
  })

  it('replaces the credentials with the configured keys', async () => {
    const upstream = fakeUpstream()
    const recorder = await createRecorder({
      recordingsDir: dir,
      fetch: upstream.fetch,
      openaiKey: 'sk-configured-openai-1',
      anthropicKey: ANTHROPIC_KEY,
    })
    await recorder.fetch(chat('hello', {}, { authorization: 'Bearer placeholder' }))
    const message = await recorder.fetch(
      new Request('http://mocktopus.local/v1/messages', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer other',
          'anthropic-version': '2023-06-01',
        },
        body: JSON.stringify({
          model: 'claude-sonnet-4-5',
          max_tokens: 10,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      }),
    )
    expect(message.status).toBe(200)
    expect(upstream.seen[0]?.url).toBe('https://api.openai.com/v1/chat/completions')
    expect(upstream.seen[0]?.headers.get('authorization')).toBe('Bearer sk-configured-openai-1')
    expect(upstream.seen[1]?.url).toBe('https://api.anthropic.com/v1/messages')
    expect(upstream.seen[1]?.headers.get('x-api-key')).toBe(ANTHROPIC_KEY)
    expect(upstream.seen[1]?.headers.get('authorization')).toBeNull()
    expect(upstream.seen[1]?.headers.get('anthropic-version')).toBe('2023-06-01')
    const recorded = await allRecorded()
    for (const secret of ['sk-configured-openai-1', ANTHROPIC_KEY, 'placeholder']) {
      expect(recorded).not.toContain(secret)
    }
  })

  it('keeps the token that guards Mocktopus itself (authToken) away from the upstream', async () => {
    const upstream = fakeUpstream()
    const recorder = await createRecorder({
      recordingsDir: dir,
      fetch: upstream.fetch,
      authToken: 'local-guard-token',
      openaiKey: OPENAI_KEY,
    })
    const refused = await recorder.fetch(chat('hello', {}, { authorization: 'Bearer wrong' }))
    expect(refused.status).toBe(401)
    expect(upstream.seen).toHaveLength(0)
    const response = await recorder.fetch(
      chat('hello', {}, { authorization: 'Bearer local-guard-token' }),
    )
    expect(response.status).toBe(200)
    expect(upstream.seen[0]?.headers.get('authorization')).toBe(`Bearer ${OPENAI_KEY}`)
    const withoutKey = await createRecorder({
      recordingsDir: dir,
      fetch: upstream.fetch,
      authToken: 'local-guard-token',
    })
    await withoutKey.fetch(chat('hello', {}, { authorization: 'Bearer local-guard-token' }))
    expect(upstream.seen[1]?.headers.get('authorization')).toBeNull()
    expect(await allRecorded()).not.toContain('local-guard-token')
  })

  it('passes a stream through chunk by chunk and records the whole answer', async () => {
    let open = () => {}
    const gate = new Promise<void>((resolve) => {
      open = resolve
    })
    const upstream = fakeUpstream({ gate })
    const recorder = await createRecorder({ recordingsDir: dir, fetch: upstream.fetch })
    const response = await recorder.fetch(chat('stream this please', { stream: true }))
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    let text = ''
    // The upstream holds back the rest until the client has seen the first words: a proxy
    // that buffered the stream would never get here.
    while (!text.includes('"Echo:"')) text += decoder.decode((await reader.read()).value)
    open()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value)
    }
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true)
    await recorder.flush()
    const [rule] = parseScenario(await readFile(recorder.recordingsFile, 'utf8')).rules
    expect(rule?.respond).toMatchObject({
      content: 'Echo: stream this please',
      finish_reason: 'stop',
    })
  })

  it('still records a stream the client abandons, read to its end', async () => {
    let open = () => {}
    const gate = new Promise<void>((resolve) => {
      open = resolve
    })
    const recorder = await createRecorder({
      recordingsDir: dir,
      fetch: fakeUpstream({ gate }).fetch,
    })
    const exchanges: Exchange[] = []
    recorder.on('exchange', (exchange) => exchanges.push(exchange))
    const response = await recorder.fetch(chat('leave early', { stream: true }))
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    // A cancelled branch of a tee settles once the source ends: the upstream is read on.
    const cancelled = reader.cancel()
    open()
    await cancelled
    await recorder.flush()
    const [rule] = parseScenario(await readFile(recorder.recordingsFile, 'utf8')).rules
    expect(rule?.respond?.content).toBe('Echo: leave early')
    expect(exchanges).toMatchObject([{ status: 200, stream: true, mocked: false }])
  })

  it('records an upstream error as an error rule, without the key it quotes', async () => {
    const recorder = await createRecorder({ recordingsDir: dir, fetch: fakeUpstream().fetch })
    const response = await recorder.fetch(chat('please fail'))
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('3')
    const text = await allRecorded()
    const [rule] = parseScenario(text).rules
    expect(rule?.error).toEqual({
      error_type: 'rate_limit',
      status_code: 429,
      message: 'Rate limit reached for key sk-[REDACTED]',
      code: 'rate_limit_exceeded',
      retry_after: 3,
    })
    expect(text).not.toContain(OPENAI_KEY)
    expect(text).not.toContain(OPENAI_KEY.slice(-4))
  })

  it("answers 502 in the provider's envelope when the upstream cannot be reached", async () => {
    const recorder = await createRecorder({
      recordingsDir: dir,
      fetch: () =>
        Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })),
    })
    const openai = await recorder.fetch(chat('hello'))
    expect(openai.status).toBe(502)
    expect(await openai.json()).toEqual({
      error: {
        message:
          '[mocktopus] could not reach the upstream https://api.openai.com (ECONNREFUSED); check --upstream and your network',
        type: 'server_error',
        param: null,
        code: 'upstream_unreachable',
      },
    })
    const anthropic = await recorder.fetch(
      new Request('http://mocktopus.local/v1/messages', {
        method: 'POST',
        body: JSON.stringify({
          model: 'claude',
          max_tokens: 5,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      }),
    )
    expect(anthropic.status).toBe(502)
    expect(await anthropic.json()).toMatchObject({
      type: 'error',
      error: { message: expect.stringContaining('--anthropic-upstream') },
    })
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps every recording when requests arrive together', async () => {
    const recorder = await createRecorder({ recordingsDir: dir, fetch: fakeUpstream().fetch })
    await Promise.all(Array.from({ length: 12 }, (_, i) => recorder.fetch(chat(`question ${i}`))))
    await recorder.flush()
    const scenario = parseScenario(await readFile(recorder.recordingsFile, 'utf8'))
    expect(scenario.rules).toHaveLength(12)
  })

  it('fails at start, naming the directory, when the recordings directory cannot be created', async () => {
    await writeFile(join(dir, 'plain-file'), '')
    const where = join(dir, 'plain-file', 'recordings')
    const error = await createRecorder({ recordingsDir: where, fetch: fakeUpstream().fetch }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(RecordingsError)
    expect((error as Error).message).toContain(`cannot create the recordings directory ${where}`)
  })

  it('counts and reports a recording that cannot be written, while the client gets its answer', async () => {
    const skipped: SkipInfo[] = []
    const recorder = await createRecorder({
      recordingsDir: dir,
      fetch: fakeUpstream().fetch,
      onSkip: (info) => skipped.push(info),
    })
    await recorder.fetch(chat('kept'))
    await recorder.flush()
    // The recordings file turned into something no recording can be written to.
    await rm(recorder.recordingsFile)
    await mkdir(recorder.recordingsFile)
    const response = await recorder.fetch(chat('lost'))
    expect(response.status).toBe(200)
    expect(((await response.json()) as { choices: unknown[] }).choices).toHaveLength(1)
    await recorder.fetch(chat('lost too'))
    await recorder.flush()
    expect(recorder.lostRecordings()).toBe(2)
    expect(skipped).toEqual([
      expect.objectContaining({
        endpoint: '/v1/chat/completions',
        kind: 'lost',
        reason: expect.stringMatching(/^the recording could not be written: EISDIR/),
      }),
      expect.objectContaining({ kind: 'lost' }),
    ])
  })

  it('reports /health in record mode', async () => {
    const recorder = await createRecorder({ recordingsDir: dir, fetch: fakeUpstream().fetch })
    expect(await (await recorder.fetch('http://mocktopus.local/health')).json()).toMatchObject({
      mode: 'record',
    })
  })
})

describe('createReplayer', () => {
  async function record(): Promise<void> {
    const recorder = await createRecorder({ recordingsDir: dir, fetch: fakeUpstream().fetch })
    await recorder.fetch(chat('hello'))
    await recorder.fetch(chat('please fail'))
    await recorder.fetch(
      new Request('http://mocktopus.local/v1/embeddings', {
        method: 'POST',
        body: JSON.stringify({
          model: 'text-embedding-3-small',
          input: ['a', 'b'],
          encoding_format: 'float',
        }),
      }),
    )
    await recorder.flush()
  }

  it('serves the recordings with no network, streamed when asked, counted as mocked', async () => {
    await record()
    const replayer = await createReplayer({
      recordingsDir: dir,
      fetch: () => Promise.reject(new Error('no network in replay')),
    })
    const answer = await replayer.fetch(chat('hello'))
    expect(await answer.json()).toMatchObject({
      id: 'chatcmpl-up',
      choices: [{ message: { content: 'Echo: hello' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 6, completion_tokens: 7, total_tokens: 13 },
    })
    const streamed = await (await replayer.fetch(chat('hello', { stream: true }))).text()
    expect(streamed).toContain('"Echo:"')
    expect(streamed.trimEnd().endsWith('data: [DONE]')).toBe(true)
    const failed = await replayer.fetch(chat('please fail'))
    expect(failed.status).toBe(429)
    expect(failed.headers.get('retry-after')).toBe('3')
    const embeddings = await replayer.fetch(
      new Request('http://mocktopus.local/v1/embeddings', {
        method: 'POST',
        body: JSON.stringify({
          model: 'text-embedding-3-small',
          input: ['a', 'b'],
          encoding_format: 'float',
        }),
      }),
    )
    expect(await embeddings.json()).toMatchObject({
      data: [{ embedding: [0.5, -0.25] }, { embedding: [1.5, -0.25] }],
    })
    expect(replayer.costReport().report.requests_mocked).toBeGreaterThan(0)
    expect(await (await replayer.fetch('http://mocktopus.local/health')).json()).toMatchObject({
      mode: 'replay',
    })
  })

  it('answers an unrecorded request with 404 naming the closest recording', async () => {
    await record()
    const replayer = await createReplayer({ recordingsDir: dir })
    const response = await replayer.fetch(chat('hello there'))
    expect(response.status).toBe(404)
    const body = (await response.json()) as { error: { message: string; code: string } }
    expect(body.error.code).toBe('no_matching_rule')
    expect(body.error.message).toMatch(
      /^no recording matches this request; the closest is recordings\.yaml:\d+: conversation differs at message 1: expected user "hello", got user "hello there"/,
    )
  })

  it('with recordMissing, records what it has no recording for and replays it next time', async () => {
    await record()
    const upstream = fakeUpstream()
    const replayer = await createReplayer({
      recordingsDir: dir,
      recordMissing: true,
      fetch: upstream.fetch,
    })
    expect(await (await replayer.fetch(chat('hello'))).json()).toMatchObject({ id: 'chatcmpl-up' })
    expect(upstream.seen).toHaveLength(0)
    const fresh = await replayer.fetch(chat('something new'))
    expect(await fresh.json()).toMatchObject({
      choices: [{ message: { content: 'Echo: something new' } }],
    })
    expect(upstream.seen).toHaveLength(1)
    const again = await replayer.fetch(chat('something new'))
    expect(again.headers.get('x-mocktopus-rule')).not.toBeNull()
    expect(upstream.seen).toHaveLength(1)
    const scenario = parseScenario(await readFile(replayer.recordingsFile, 'utf8'))
    expect(scenario.rules).toHaveLength(4)
  })

  it('replays a Python-era cassette', async () => {
    await writeFile(
      join(dir, 'session_1718000000.jsonl'),
      `${JSON.stringify({
        timestamp: 1718000000,
        request_method: 'POST',
        request_path: '/v1/chat/completions',
        request_headers: {},
        request_body: { model: 'gpt-4', messages: [{ role: 'user', content: 'Hello' }] },
        response_status: 200,
        response_headers: {},
        response_body: {
          id: 'chatcmpl-py',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: 'Recorded in Python' },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 },
        },
        response_time_ms: 100,
        model: 'gpt-4',
        provider: 'openai',
        interaction_id: 'x',
      })}\n`,
    )
    const replayer = await createReplayer({ recordingsDir: dir })
    const response = await replayer.fetch(chat('Hello', { model: 'gpt-4' }))
    expect(await response.json()).toMatchObject({
      id: 'chatcmpl-py',
      choices: [{ message: { content: 'Recorded in Python' } }],
    })
  })
})

describe('keepReads', () => {
  it("keeps replay's read of the files written, so the first replay reads the cache", async () => {
    const upstream = fakeUpstream()
    const cacheDir = join(dir, '.read-cache')
    const readCache = createReadCache({ directory: cacheDir, env: {}, minChars: 0 })
    const recordingsDir = join(dir, 'recordings')
    const recorder = await createRecorder({ recordingsDir, fetch: upstream.fetch, readCache })
    recorder.keepReads()
    // Nothing written yet: nothing kept.
    await expect(readdir(cacheDir)).rejects.toThrow(/ENOENT/)
    expect((await recorder.fetch(chat('hello'))).status).toBe(200)
    await recorder.flush()
    recorder.keepReads()
    const entries = await readdir(cacheDir)
    expect(entries).toHaveLength(1)

    // The replay's read comes from the entry: one changed there shows in what is replayed.
    const entry = join(cacheDir, entries[0] as string)
    await writeFile(entry, (await readFile(entry, 'utf8')).replace('Echo: hello', 'From the cache'))
    const replayer = await createReplayer({ recordingsDir, readCache })
    const replayed = await replayer.fetch(chat('hello'))
    expect(
      ((await replayed.json()) as { choices: { message: { content: string } }[] }).choices[0]
        ?.message.content,
    ).toBe('From the cache')
  })
})
