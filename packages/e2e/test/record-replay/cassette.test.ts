import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createReplayer, serve } from '@mocktopus/server/node'
import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'

// Two interactions as the Python Mocktopus recorder (evalops/mocktopus 2610f99,
// src/mocktopus/recorder.py) appended them to session_<unix time>.jsonl.
const CASSETTE = [
  {
    timestamp: 1718000001.25,
    request_method: 'POST',
    request_path: '/v1/chat/completions',
    request_headers: { 'Content-Type': 'application/json' },
    request_body: {
      model: 'gpt-3.5-turbo',
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'What is the capital of France?' },
      ],
      temperature: 0.7,
    },
    response_status: 200,
    response_headers: { 'Content-Type': 'application/json' },
    response_body: {
      id: 'chatcmpl-8pythonera',
      object: 'chat.completion',
      created: 1718000001,
      model: 'gpt-3.5-turbo-0125',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'The capital of France is Paris.' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 24, completion_tokens: 7, total_tokens: 31 },
    },
    response_time_ms: 640.2,
    model: 'gpt-3.5-turbo',
    provider: 'openai',
    interaction_id: '3f2a9b1c7d4e',
  },
  {
    timestamp: 1718000000.5,
    request_method: 'POST',
    request_path: 'https://api.openai.com/v1/embeddings',
    request_headers: { 'Content-Type': 'application/json' },
    request_body: { model: 'text-embedding-ada-002', input: 'Paris' },
    response_status: 200,
    response_headers: {},
    response_body: {
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.125, -0.5, 0.75] }],
      model: 'text-embedding-ada-002',
      usage: { prompt_tokens: 1, total_tokens: 1 },
    },
    response_time_ms: 120,
    model: 'text-embedding-ada-002',
    provider: 'openai',
    interaction_id: '9c8b7a6f5e4d',
  },
]

describe('a Python-era JSONL cassette', () => {
  it('replays through the official SDK, streamed or not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mocktopus-e2e-cassette-'))
    await writeFile(
      join(dir, 'session_1718000000.jsonl'),
      `${CASSETTE.map((line) => JSON.stringify(line)).join('\n')}\n`,
    )
    const replayer = await createReplayer({ recordingsDir: dir })
    const server = await serve(replayer, { port: 0 })
    try {
      const openai = new OpenAI({ apiKey: 'test', baseURL: `${server.url}/v1`, maxRetries: 0 })
      const messages = [
        { role: 'system' as const, content: 'You are a helpful assistant.' },
        { role: 'user' as const, content: 'What is the capital of France?' },
      ]
      const chat = await openai.chat.completions.create({ model: 'gpt-3.5-turbo', messages })
      expect(chat).toMatchObject({
        id: 'chatcmpl-8pythonera',
        choices: [
          { message: { content: 'The capital of France is Paris.' }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 24, completion_tokens: 7, total_tokens: 31 },
      })
      const stream = await openai.chat.completions.create({
        model: 'gpt-3.5-turbo',
        messages,
        stream: true,
      })
      let text = ''
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
      expect(text).toBe('The capital of France is Paris.')
      const embedding = await openai.embeddings.create({
        model: 'text-embedding-ada-002',
        input: 'Paris',
      })
      expect(embedding.data[0]?.embedding).toEqual([0.125, -0.5, 0.75])
      expect(replayer.recordings.origins).toEqual([
        { file: 'session_1718000000.jsonl', line: 2 },
        { file: 'session_1718000000.jsonl', line: 1 },
      ])
    } finally {
      await server.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
