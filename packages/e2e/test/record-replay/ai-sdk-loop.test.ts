/**
 * An AI SDK agent loop (generateText with a tool and stopWhen) recorded turn by turn against
 * the fake upstream, then replayed offline with the upstream stopped: the same steps, tool calls
 * and final text, one recording per turn.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOpenAI } from '@ai-sdk/openai'
import { parseScenario } from '@mocktopus/scenario'
import { createRecorder, createReplayer, serve } from '@mocktopus/server/node'
import { generateText, jsonSchema, stepCountIs, tool } from 'ai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FakeUpstream, startFakeUpstream, UPSTREAM_OPENAI_KEY } from './fake-upstream.js'

const weatherInput = jsonSchema<{ city: string; unit?: string }>({
  type: 'object',
  properties: { city: { type: 'string' }, unit: { type: 'string' } },
  required: ['city'],
})

// The app under test: asks, runs the tool the model asks for, sends its result back, and
// returns what the loop did.
async function runLoop(baseURL: string) {
  const calls: string[] = []
  const get_weather = tool({
    description: 'Current weather for a city',
    inputSchema: weatherInput,
    execute: async ({ city, unit }) => {
      calls.push(city)
      return `sunny, 21 degrees ${unit ?? 'celsius'} in ${city}`
    },
  })
  const openai = createOpenAI({ apiKey: 'sk-placeholder', baseURL })
  const result = await generateText({
    model: openai.chat('gpt-4o-mini'),
    system: 'You are a weather bot.',
    prompt: 'What is the weather in Lisbon?',
    tools: { get_weather },
    stopWhen: stepCountIs(4),
    maxRetries: 0,
  })
  return {
    calls,
    text: result.text,
    finishReason: result.finishReason,
    steps: result.steps.map((step) => ({
      finishReason: step.finishReason,
      toolCalls: step.toolCalls.map((call) => ({
        id: call.toolCallId,
        name: call.toolName,
        input: call.input,
      })),
      text: step.text,
    })),
  }
}

describe('an AI SDK tool loop, recorded turn by turn and replayed offline', () => {
  let dir: string
  let upstream: FakeUpstream
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mocktopus-e2e-ai-loop-'))
    upstream = await startFakeUpstream()
  })
  afterAll(async () => {
    await upstream.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('gives the same steps, tool calls and final text with the upstream stopped', async () => {
    const recorder = await createRecorder({
      recordingsDir: dir,
      upstream: `${upstream.url}/v1`,
      openaiKey: UPSTREAM_OPENAI_KEY,
    })
    const recording = await serve(recorder, { port: 0 })
    const recorded = await runLoop(`${recording.url}/v1`)
    await recording.close()
    await recorder.flush()
    expect(recorder.lostRecordings()).toBe(0)

    // What the upstream did: a tool call, then an answer to the tool's result.
    expect(recorded.calls).toEqual(['Lisbon'])
    expect(recorded.steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'stop'])
    expect(recorded.steps[0]?.toolCalls).toEqual([
      { id: 'call_up_weather', name: 'get_weather', input: { city: 'Lisbon', unit: 'celsius' } },
    ])
    expect(recorded.text).toBe('Upstream answer to "sunny, 21 degrees celsius in Lisbon"')
    const turns = upstream.seen.filter((request) => request.path === '/v1/chat/completions')
    expect(turns).toHaveLength(2)

    // One recording per turn, in the order of the loop, in a file `validate` accepts.
    const text = await readFile(join(dir, 'recordings.yaml'), 'utf8')
    const rules = parseScenario(text).rules
    expect(rules).toHaveLength(2)
    expect(rules.map((rule) => rule.when.conversation?.map((message) => message.role))).toEqual([
      ['system', 'user'],
      ['system', 'user', 'assistant', 'tool'],
    ])

    await upstream.close()
    const replayer = await createReplayer({ recordingsDir: dir })
    const replaying = await serve(replayer, { port: 0 })
    try {
      const replayed = await runLoop(`${replaying.url}/v1`)
      expect(replayed).toEqual(recorded)
    } finally {
      await replaying.close()
    }
    // Every turn came from a recording: nothing reached the (stopped) upstream.
    expect(upstream.seen.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(
      2,
    )
  })
})
