import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GoogleGenAI } from '@google/genai'
import { createRecorder, createReplayer, serve } from '@mocktopus/server/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const UPSTREAM_KEY = 'AIzaUpstreamGeminiKey0123456789abcdefghij'
const CLIENT_KEY = 'client-gemini-key-9876'

interface Seen {
  readonly url: string
  readonly key: string | undefined
  readonly body: unknown
}

// A Gemini upstream on loopback: answers generateContent, its alt=sse stream (frames ended
// \r\n\r\n, as the API sends them) and batchEmbedContents, and remembers what it was sent.
async function fakeGemini() {
  const seen: Seen[] = []
  const read = async (req: IncomingMessage) => {
    let text = ''
    for await (const chunk of req) text += chunk
    return text === '' ? undefined : JSON.parse(text)
  }
  const server = createServer(async (req, res) => {
    const body = await read(req)
    const url = req.url ?? ''
    seen.push({ url, key: req.headers['x-goog-api-key'] as string | undefined, body })
    const meta = { modelVersion: 'gemini-2.5-flash', responseId: 'upstreamResp1' }
    if (url.includes(':streamGenerateContent')) {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      const chunks = [
        {
          candidates: [{ content: { parts: [{ text: 'Once ' }], role: 'model' }, index: 0 }],
          ...meta,
        },
        {
          candidates: [
            {
              content: { parts: [{ text: 'upon a time.' }], role: 'model' },
              finishReason: 'STOP',
              index: 0,
            },
          ],
          usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 5, totalTokenCount: 9 },
          ...meta,
        },
      ]
      for (const chunk of chunks) res.write(`data: ${JSON.stringify(chunk)}\r\n\r\n`)
      res.end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' })
    if (url.includes(':batchEmbedContents')) {
      res.end(JSON.stringify({ embeddings: [{ values: [0.1, 0.2, 0.3] }] }))
      return
    }
    res.end(
      JSON.stringify({
        candidates: [
          {
            content: {
              parts: [{ functionCall: { name: 'get_weather', args: { city: 'Rome' } } }],
              role: 'model',
            },
            finishReason: 'STOP',
            index: 0,
          },
        ],
        usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 3, totalTokenCount: 10 },
        ...meta,
      }),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function conversation(ai: GoogleGenAI) {
  const call = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: 'Weather in Rome?',
    config: { tools: [{ functionDeclarations: [{ name: 'get_weather' }] }] },
  })
  let story = ''
  for await (const chunk of await ai.models.generateContentStream({
    model: 'gemini-2.5-flash',
    contents: 'Tell me a story',
  })) {
    story += chunk.text ?? ''
  }
  const embedded = await ai.models.embedContent({
    model: 'gemini-embedding-001',
    contents: ['hello'],
  })
  return {
    calls: call.functionCalls,
    usage: call.usageMetadata?.totalTokenCount,
    story,
    embeddings: embedded.embeddings,
  }
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-gemini-record-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('recording a Gemini upstream and replaying it', () => {
  it('records through --gemini-upstream with its key, keeps no key on disk, and replays offline', async () => {
    const upstream = await fakeGemini()
    const recorder = await createRecorder({
      recordingsDir: dir,
      geminiUpstream: upstream.url,
      geminiKey: UPSTREAM_KEY,
    })
    const server = await serve(recorder, { port: 0 })
    let recorded: Awaited<ReturnType<typeof conversation>>
    try {
      const ai = new GoogleGenAI({ apiKey: CLIENT_KEY, httpOptions: { baseUrl: server.url } })
      recorded = await conversation(ai)
      await recorder.flush()
    } finally {
      await server.close()
      await upstream.close()
    }
    expect(recorded).toEqual({
      calls: [{ name: 'get_weather', args: { city: 'Rome' } }],
      usage: 10,
      story: 'Once upon a time.',
      embeddings: [{ values: [0.1, 0.2, 0.3] }],
    })
    expect(upstream.seen.map((s) => s.url)).toEqual([
      '/v1beta/models/gemini-2.5-flash:generateContent',
      '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      '/v1beta/models/gemini-embedding-001:batchEmbedContents',
    ])
    expect(upstream.seen.every((s) => s.key === UPSTREAM_KEY)).toBe(true)

    const text = await readFile(join(dir, 'recordings.yaml'), 'utf8')
    expect(text).not.toContain(UPSTREAM_KEY)
    expect(text).not.toContain(CLIENT_KEY)
    expect(text).toContain('type: llm.gemini')
    expect(text).toContain('/v1beta/models/:model:generateContent')

    const replayer = await createReplayer({ recordingsDir: dir })
    const offline = await serve(replayer, { port: 0 })
    try {
      const ai = new GoogleGenAI({ apiKey: 'any', httpOptions: { baseUrl: offline.url } })
      expect(await conversation(ai)).toEqual(recorded)
    } finally {
      await offline.close()
    }
  })

  it('redacts a key sent as ?key= and never forwards Mocktopus own token', async () => {
    const upstream = await fakeGemini()
    const recorder = await createRecorder({
      recordingsDir: join(dir, 'query-key'),
      geminiUpstream: upstream.url,
      authToken: 'local-token-1234',
    })
    const server = await serve(recorder, { port: 0 })
    try {
      const body = JSON.stringify({ contents: [{ parts: [{ text: 'Weather in Rome?' }] }] })
      const res = await fetch(
        `${server.url}/v1beta/models/gemini-2.5-flash:generateContent?key=local-token-1234`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body },
      )
      expect(res.status).toBe(200)
      await res.arrayBuffer()
      await recorder.flush()
    } finally {
      await server.close()
      await upstream.close()
    }
    expect(upstream.seen[0]?.url).toBe('/v1beta/models/gemini-2.5-flash:generateContent')
    const text = await readFile(join(dir, 'query-key', 'recordings.yaml'), 'utf8')
    expect(text).not.toContain('local-token-1234')
    expect(text).toContain('get_weather')
  })
})
