import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRecorder, createReplayer } from '@mocktopus/server/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openaiErrors, openaiSchema } from '../../src/contracts.js'

// What record and replay add to the wire (the 502, the replay 404, bodies regenerated from
// recordings) checked against the official OpenAI spec.
const RECORDINGS = `version: 1
rules:
  - type: llm.openai
    when:
      endpoint: /v1/chat/completions
      model: gpt-4o-mini
      conversation: [{ role: user, content: Say hello }]
    respond:
      content: Hello!
      finish_reason: stop
      usage: { input_tokens: 9, output_tokens: 2, total_tokens: 11 }
      id: chatcmpl-recorded
  - type: llm.openai
    when:
      endpoint: /v1/chat/completions
      model: gpt-4o-mini
      conversation: [{ role: user, content: Weather? }]
    respond:
      tool_calls:
        - { id: call_1, type: function, function: { name: get_weather, arguments: '{"city":"Lisbon"}' } }
      finish_reason: tool_calls
  - type: embeddings
    when: { endpoint: /v1/embeddings, model: text-embedding-3-small, input: [a] }
    respond: { embeddings: [{ embedding: [0.5, -0.25] }], usage: { input_tokens: 1, total_tokens: 1 } }
`

function post(path: string, body: unknown): Request {
  return new Request(`http://mocktopus.local${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

describe('record and replay against the OpenAI spec', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mocktopus-contract-recordings-'))
    await writeFile(join(dir, 'recordings.yaml'), RECORDINGS)
    // Parsing the 3 MB spec is slow; do it once, outside any single test's timeout.
    for (const name of [
      'CreateChatCompletionResponse',
      'CreateChatCompletionStreamResponse',
      'CreateEmbeddingResponse',
      'ErrorResponse',
    ]) {
      openaiSchema(name)
    }
  }, 60_000)
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('regenerates spec-valid bodies and chunks from recordings', async () => {
    const replayer = await createReplayer({ recordingsDir: dir })
    for (const content of ['Say hello', 'Weather?']) {
      const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content }] }
      const json = await (await replayer.fetch(post('/v1/chat/completions', body))).json()
      expect(openaiErrors('CreateChatCompletionResponse', json)).toEqual([])
      const text = await (
        await replayer.fetch(post('/v1/chat/completions', { ...body, stream: true }))
      ).text()
      const chunks = text
        .split('\n\n')
        .filter((frame) => frame.startsWith('data: {'))
        .map((frame) => JSON.parse(frame.slice('data: '.length)))
      expect(chunks.length).toBeGreaterThan(1)
      for (const chunk of chunks) {
        expect(openaiErrors('CreateChatCompletionStreamResponse', chunk)).toEqual([])
      }
    }
    const embeddings = await (
      await replayer.fetch(
        post('/v1/embeddings', {
          model: 'text-embedding-3-small',
          input: ['a'],
          encoding_format: 'float',
        }),
      )
    ).json()
    expect(openaiErrors('CreateEmbeddingResponse', embeddings)).toEqual([])
  })

  it('answers a miss and an unreachable upstream in the spec error envelope', async () => {
    const replayer = await createReplayer({ recordingsDir: dir })
    const miss = await replayer.fetch(
      post('/v1/chat/completions', {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    )
    expect(miss.status).toBe(404)
    expect(openaiErrors('ErrorResponse', await miss.json())).toEqual([])

    const recorder = await createRecorder({
      recordingsDir: join(dir, 'unused'),
      fetch: () =>
        Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })),
    })
    const unreachable = await recorder.fetch(
      post('/v1/chat/completions', {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    )
    expect(unreachable.status).toBe(502)
    expect(openaiErrors('ErrorResponse', await unreachable.json())).toEqual([])
  })
})
