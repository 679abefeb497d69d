/**
 * What a recording matches on, keeps and hides, over real HTTP with the openai SDK: a
 * directory's `--match-on tools,params` tells apart requests that differ only in temperature,
 * every `n` choice is recorded and replayed, a timestamp in a prompt still matches tomorrow,
 * the upstream's timing (each gap, a stall where it was) is kept and waited only with
 * `replayTiming: 'recorded'`, and redacted headers and body fields never reach the file.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Clock } from '@mocktopus/responders'
import { parseScenario } from '@mocktopus/scenario'
import { createRecorder, createReplayer, type RunningServer, serve } from '@mocktopus/server/node'
import OpenAI from 'openai'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  completionAnswer,
  type MatchingUpstream,
  matchingAnswer,
  STREAM_STALL_AT,
  STREAM_STALL_MS,
  startMatchingUpstream,
} from './matching-upstream.js'

let dir: string
let upstream: MatchingUpstream
const servers: RunningServer[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-matching-'))
  upstream = await startMatchingUpstream()
})

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
  await upstream.close()
  await rm(dir, { recursive: true, force: true })
})

function client(url: string): OpenAI {
  return new OpenAI({ apiKey: 'sk-test-key-0000', baseURL: `${url}/v1`, maxRetries: 0 })
}

type RecorderOptions = Omit<Parameters<typeof createRecorder>[0], 'recordingsDir' | 'upstream'>

// Records what `run` does through a recorder in front of the upstream, then closes it.
async function record(run: (openai: OpenAI) => Promise<void>, options: RecorderOptions = {}) {
  const recorder = await createRecorder({
    recordingsDir: dir,
    upstream: `${upstream.url}/v1`,
    onSkip: (info) => {
      throw new Error(`not recorded: ${info.reason}`)
    },
    ...options,
  })
  const server = await serve(recorder, { port: 0 })
  try {
    await run(client(server.url))
  } finally {
    await server.close()
    await recorder.flush()
  }
  return recorder
}

type ReplayerOptions = Omit<Parameters<typeof createReplayer>[0], 'recordingsDir'>

// Replays the directory with the upstream gone.
async function replay(options: ReplayerOptions = {}): Promise<OpenAI> {
  await upstream.close()
  const replayer = await createReplayer({ recordingsDir: dir, ...options })
  const server = await serve(replayer, { port: 0 })
  servers.push(server)
  return client(server.url)
}

async function recordings(): Promise<string> {
  return readFile(join(dir, 'recordings.yaml'), 'utf8')
}

const WEATHER_TOOL = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: {} } },
}

describe('--match-on tools,params', () => {
  it('tells apart two requests that differ only in temperature, and in tools', async () => {
    const ask = (openai: OpenAI, temperature: number, tools?: boolean) =>
      openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Pick a number' }],
        temperature,
        ...(tools ? { tools: [WEATHER_TOOL], tool_choice: 'auto' as const } : {}),
      })
    const live: string[] = []
    await record(
      async (openai) => {
        for (const [temperature, tools] of [
          [0.2, false],
          [0.9, false],
          [0.2, true],
        ] as const) {
          const answer = await ask(openai, temperature, tools)
          live.push(answer.choices[0]?.message.content ?? '')
        }
      },
      { matchOn: ['tools', 'params'] },
    )
    const file = parseScenario(await recordings())
    expect(file.rules.map((rule) => [rule.when.params, rule.when.tools])).toEqual([
      [{ temperature: 0.2 }, []],
      [{ temperature: 0.9 }, []],
      [{ temperature: 0.2, tool_choice: 'auto' }, ['get_weather']],
    ])
    expect(await readFile(join(dir, 'mocktopus.record.yaml'), 'utf8')).toContain('- params')

    const openai = await replay()
    const replayed: string[] = []
    for (const [temperature, tools] of [
      [0.2, false],
      [0.9, false],
      [0.2, true],
    ] as const) {
      replayed.push((await ask(openai, temperature, tools)).choices[0]?.message.content ?? '')
    }
    expect(replayed).toEqual(live)
    expect(new Set(live).size).toBe(3)
    const miss = await ask(openai, 0.5).catch((error: unknown) => error)
    expect(miss).toBeInstanceOf(OpenAI.NotFoundError)
    expect((miss as Error).message).toContain('params.temperature is 0.5, the rule expects 0.2')
  })
})

describe('n choices', () => {
  it('records every choice and replays each, as JSON and as a stream', async () => {
    const messages = [{ role: 'user' as const, content: 'Two ideas' }]
    const body = { model: 'gpt-4o-mini', messages, n: 2 }
    await record(async (openai) => {
      await openai.chat.completions.create(body)
    })
    const rule = parseScenario(await recordings()).rules[0]
    expect(rule?.respond?.choices?.map((choice) => choice.finish_reason)).toEqual([
      'stop',
      'length',
    ])

    const openai = await replay()
    const answer = await openai.chat.completions.create(body)
    const expected = [0, 1].map((index) => matchingAnswer(body, index, undefined))
    expect(answer.choices.map((choice) => choice.message.content)).toEqual(expected)
    expect(answer.choices.map((choice) => choice.finish_reason)).toEqual(['stop', 'length'])

    const stream = await openai.chat.completions.create({ ...body, stream: true })
    const texts = ['', '']
    for await (const chunk of stream) {
      for (const choice of chunk.choices) texts[choice.index] += choice.delta.content ?? ''
    }
    expect(texts).toEqual(expected)
  })
})

describe('n choices of a legacy completion', () => {
  it('records every choice of every prompt, echoed prompts once, and replays each', async () => {
    const prompts = ['Name a colour', 'Name a fruit']
    const body = { model: 'gpt-3.5-turbo-instruct', prompt: prompts, n: 2, echo: true }
    await record(async (openai) => {
      await openai.completions.create(body)
    })
    const rule = parseScenario(await recordings()).rules[0]
    // The text after each prompt: replay puts the prompt back from the request.
    expect(rule?.respond?.choices?.map((choice) => choice.content)).toEqual([
      completionAnswer(prompts[0] as string, 0),
      completionAnswer(prompts[0] as string, 1),
      completionAnswer(prompts[1] as string, 0),
      completionAnswer(prompts[1] as string, 1),
    ])

    const openai = await replay()
    const expected = prompts.flatMap((prompt) =>
      [0, 1].map((choice) => `${prompt}${completionAnswer(prompt, choice)}`),
    )
    const answer = await openai.completions.create(body)
    expect(answer.choices.map((choice) => [choice.index, choice.text])).toEqual(
      expected.map((text, index) => [index, text]),
    )
    expect(answer.choices.map((choice) => choice.finish_reason)).toEqual([
      'stop',
      'length',
      'stop',
      'length',
    ])

    const stream = await openai.completions.create({ ...body, stream: true })
    const texts = ['', '', '', '']
    const finishes: (string | null)[] = [null, null, null, null]
    for await (const chunk of stream) {
      for (const choice of chunk.choices) {
        texts[choice.index] += choice.text
        if (choice.finish_reason) finishes[choice.index] = choice.finish_reason
      }
    }
    expect(texts).toEqual(expected)
    expect(finishes).toEqual(['stop', 'length', 'stop', 'length'])
  })
})

describe('normalize', () => {
  it('matches a prompt recorded with one timestamp and UUID, replayed with others', async () => {
    await writeFile(
      join(dir, 'mocktopus.record.yaml'),
      [
        'normalize:',
        '  - timestamps',
        '  - uuids',
        "  - { pattern: 'ticket-\\d+', replace: '<ticket>' }",
        '',
      ].join('\n'),
    )
    const ask = (openai: OpenAI, when: string, id: string, ticket: number) =>
      openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: `Now is ${when}. Session ${id}.` },
          { role: 'user', content: `Summarise ticket-${ticket}` },
        ],
      })
    let live = ''
    await record(async (openai) => {
      const answer = await ask(
        openai,
        '2026-12-06T20:46:49Z',
        '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
        17,
      )
      live = answer.choices[0]?.message.content ?? ''
    })
    // `when` holds the prompt normalised; `recorded.request` keeps it as sent, for drift.
    expect(parseScenario(await recordings()).rules[0]?.when.conversation).toEqual([
      { role: 'system', content: 'Now is <timestamp>. Session <uuid>.' },
      { role: 'user', content: 'Summarise <ticket>' },
    ])

    const openai = await replay()
    const tomorrow = await ask(
      openai,
      '2026-12-07T08:01:02.123+01:00',
      '6fa459ea-ee8a-3ca4-894e-db77e160355e',
      4242,
    )
    expect(tomorrow.choices[0]?.message.content).toBe(live)
  })
})

// A clock whose waits are written down and end at once: replay's delays are then the rule's
// values exactly, whatever the machine's speed.
function recordingClock(): Clock & { readonly waits: number[] } {
  const waits: number[] = []
  return {
    waits,
    now: () => 1_760_000_000_000,
    sleep: async (ms) => {
      if (ms > 0) waits.push(ms)
    },
  }
}

describe('--replay-timing', () => {
  const ask = (openai: OpenAI) =>
    openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Be slow' }],
      stream: true,
    })

  async function recordSlowStream() {
    await record(async (openai) => {
      for await (const _chunk of await ask(openai)) {
        // Read to the end.
      }
    })
    const respond = parseScenario(await recordings()).rules[0]?.respond
    return respond as {
      delay_ms: number
      ttft_ms: number
      chunk_delay_ms: number
      chunk_delays_ms: number[]
    }
  }

  it('keeps the time to the first chunk and each gap, and waits them with recorded', async () => {
    const timing = await recordSlowStream()
    // The upstream waited before its first chunk and between chunks: those waits were kept,
    // each in turn, the stall where it was.
    expect(timing.delay_ms).toBeGreaterThanOrEqual(0)
    expect(timing.ttft_ms).toBeGreaterThan(0)
    expect(timing.chunk_delay_ms).toBeGreaterThan(0)
    const gaps = timing.chunk_delays_ms
    const stall = gaps[STREAM_STALL_AT - 1] as number
    expect(stall).toBeGreaterThanOrEqual(STREAM_STALL_MS - 5)
    expect(Math.max(...gaps.filter((_, i) => i !== STREAM_STALL_AT - 1))).toBeLessThan(stall)

    const clock = recordingClock()
    const openai = await replay({ replayTiming: 'recorded', clock })
    let chunks = 0
    for await (const _chunk of await ask(openai)) chunks += 1
    // The headers wait delay_ms, the first chunk ttft_ms, the next ones each recorded gap in
    // turn, and any chunk past the list the mean, chunk_delay_ms.
    const later = Array.from({ length: chunks - 1 }, (_, i) => gaps[i] ?? timing.chunk_delay_ms)
    const expected = [timing.ttft_ms, ...later]
    if (timing.delay_ms > 0) expected.unshift(timing.delay_ms)
    expect(clock.waits.slice(0, expected.length)).toEqual(expected)
    expect(clock.waits).toContain(stall)
  })

  it('answers as fast as it can by default', async () => {
    await recordSlowStream()
    const clock = recordingClock()
    const openai = await replay({ clock })
    let text = ''
    for await (const chunk of await ask(openai)) text += chunk.choices[0]?.delta.content ?? ''
    expect(text).toContain('choice 0 to "Be slow"')
    expect(clock.waits).toEqual([])
  })
})

describe('redact', () => {
  it('keeps a redacted header and body fields out of the file, and still replays', async () => {
    await writeFile(join(dir, 'mocktopus.record.yaml'), 'redact:\n  body: [metadata.customer_id]\n')
    const ask = (openai: OpenAI) =>
      openai.chat.completions.create(
        {
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'Status of order for cid-98765?' }],
          metadata: { customer_id: 'cid-98765' },
          user: 'alice@example.com',
          store: true,
        },
        { headers: { 'x-customer-id': 'cust-secret-4242' } },
      )
    let live = ''
    await record(
      async (openai) => {
        live = (await ask(openai)).choices[0]?.message.content ?? ''
      },
      { redact: { headers: ['x-customer-id'], body: ['user'] } },
    )
    // The upstream quoted all three back; none of them was written.
    expect(live).toContain('cust-secret-4242')
    expect(live).toContain('cid-98765')
    const text = await recordings()
    for (const secret of ['cust-secret-4242', 'cid-98765', 'alice@example.com']) {
      expect(text).not.toContain(secret)
    }
    expect(text).toContain('[REDACTED]')
    const settings = await readFile(join(dir, 'mocktopus.record.yaml'), 'utf8')
    expect(settings).toContain('x-customer-id')

    // The prompt's value is blanked on both sides, so the request still finds its recording.
    const openai = await replay()
    const again = await ask(openai)
    expect(again.choices[0]?.message.content).toBe(
      live.replaceAll('cust-secret-4242', '[REDACTED]').replaceAll('cid-98765', '[REDACTED]'),
    )
  })
})
