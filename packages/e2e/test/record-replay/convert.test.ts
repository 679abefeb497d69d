import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltCLI, buildCLI } from './cli-child.js'

// Fixtures in aimock's file format (CopilotKit/aimock: `{ fixtures: [{ match, response }] }`).
const AIMOCK = {
  fixtures: [
    { match: { userMessage: 'hello' }, response: { content: 'Hello from aimock!' } },
    {
      match: { toolName: 'get_weather', model: 'gpt-4o' },
      response: {
        toolCalls: [{ name: 'get_weather', arguments: { city: 'Porto' }, id: 'call_aimock_1' }],
      },
    },
    { match: { userMessage: 'joke', sequenceIndex: 0 }, response: { content: 'First joke' } },
    { match: { userMessage: 'joke', sequenceIndex: 1 }, response: { content: 'Second joke' } },
    {
      match: { userMessage: 'busy' },
      response: {
        error: {
          message: 'Rate limit exceeded',
          type: 'rate_limit_error',
          code: 'rate_limit_exceeded',
        },
        status: 429,
        retryAfter: 2,
      },
    },
    { match: { inputText: 'vector me' }, response: { embedding: [0.25, -0.5, 0.75] } },
    {
      match: { userMessage: 'think first' },
      response: { content: 'Thought through.', reasoning: 'Step one, step two.' },
    },
  ],
}

// One line as the Python Mocktopus recorder appended it to session_<unix time>.jsonl, and one
// it cannot replay.
const CASSETTE = [
  {
    timestamp: 1718000001.25,
    request_method: 'POST',
    request_path: '/v1/chat/completions',
    request_headers: { 'Content-Type': 'application/json' },
    request_body: {
      model: 'gpt-3.5-turbo',
      messages: [{ role: 'user', content: 'What is the capital of France?' }],
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
  },
  {
    timestamp: 1718000002,
    request_method: 'GET',
    request_path: '/v1/models',
    request_body: null,
    response_status: 200,
    response_body: { object: 'list', data: [] },
  },
]

describe('mocktopus convert: a round trip through validate and serve', () => {
  let cli: BuiltCLI
  let dir: string
  beforeAll(async () => {
    cli = await buildCLI()
    dir = await mkdtemp(join(tmpdir(), 'mocktopus-e2e-convert-'))
    await writeFile(join(dir, 'aimock.json'), JSON.stringify(AIMOCK, null, 2))
    await writeFile(
      join(dir, 'session_1718000000.jsonl'),
      `${CASSETTE.map((line) => JSON.stringify(line)).join('\n')}\n`,
    )
  }, 120_000)
  afterAll(async () => {
    await cli?.dispose()
    await rm(dir, { recursive: true, force: true })
  })

  it('converts aimock fixtures that validate and answer through the openai SDK', async () => {
    const scenario = join(dir, 'from-aimock.yaml')
    const converted = await cli.run([
      'convert',
      '--from',
      'aimock',
      join(dir, 'aimock.json'),
      '--out',
      scenario,
    ])
    expect(converted.code).toBe(0)
    expect(converted.stderr.trim().split('\n')).toEqual([
      'not carried over: aimock.json: fixtures[6]: response.reasoning is not carried over (Mocktopus does not send reasoning)',
      `converted 6 rules from 1 file to ${scenario}`,
    ])
    const validated = await cli.run(['validate', scenario])
    expect(validated.stdout).toContain('from-aimock.yaml: 6 rules')
    expect(validated.code).toBe(0)

    const serving = await cli.serve(['-s', scenario])
    try {
      const openai = new OpenAI({ baseURL: `${serving.url}/v1`, apiKey: 'sk-test', maxRetries: 0 })
      const ask = (
        content: string,
        extra: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming> = {},
      ) =>
        openai.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content }],
          ...extra,
        })
      expect((await ask('hello there')).choices[0]?.message.content).toBe('Hello from aimock!')
      const weather = await ask('Weather in Porto?', {
        model: 'gpt-4o-2024-08-06',
        tools: [
          { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } },
        ],
      })
      expect(weather.choices[0]?.message.tool_calls?.[0]).toMatchObject({
        id: 'call_aimock_1',
        function: { name: 'get_weather', arguments: '{"city":"Porto"}' },
      })
      expect((await ask('tell me a joke')).choices[0]?.message.content).toBe('First joke')
      expect((await ask('another joke')).choices[0]?.message.content).toBe('Second joke')
      const busy = await ask('busy now?').catch((error: unknown) => error)
      expect(busy).toBeInstanceOf(OpenAI.RateLimitError)
      expect((busy as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after')).toBe(
        '2',
      )
      const embedding = await openai.embeddings.create({
        model: 'text-embedding-3-small',
        input: 'please vector me',
        encoding_format: 'float',
      })
      expect(embedding.data[0]?.embedding).toEqual([0.25, -0.5, 0.75])
    } finally {
      await serving.stop()
    }
  })

  it('converts a Python cassette that replays through the openai SDK', async () => {
    const replayDir = join(dir, 'replay')
    await mkdir(replayDir)
    const out = join(replayDir, 'recordings.yaml')
    const converted = await cli.run([
      'convert',
      '--from',
      'python-cassette',
      join(dir, 'session_1718000000.jsonl'),
      '-o',
      out,
    ])
    expect(converted.code).toBe(0)
    const notes = converted.stderr.trim().split('\n')
    expect(notes[0]).toMatch(/^not carried over: session_1718000000\.jsonl:2: GET \/v1\/models/)
    expect(notes[1]).toBe(
      'not carried over: session_1718000000.jsonl: request parameters not part of the match (a recording matches on the model and conversation): temperature',
    )
    expect(await readFile(out, 'utf8')).toContain('content: The capital of France is Paris.')
    expect((await cli.run(['validate', out])).code).toBe(0)

    const serving = await cli.serve(['--mode', 'replay', '--recordings-dir', replayDir])
    try {
      const openai = new OpenAI({ baseURL: `${serving.url}/v1`, apiKey: 'sk-test', maxRetries: 0 })
      const answer = await openai.chat.completions.create({
        model: 'gpt-3.5-turbo',
        messages: [{ role: 'user', content: 'What is the capital of France?' }],
      })
      expect(answer.choices[0]?.message.content).toBe('The capital of France is Paris.')
      expect(answer.usage).toMatchObject({
        prompt_tokens: 24,
        completion_tokens: 7,
        total_tokens: 31,
      })
    } finally {
      await serving.stop()
    }
  })
})
