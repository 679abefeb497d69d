import Anthropic from '@anthropic-ai/sdk'
import { fixedClock } from '@mocktopus/responders'
import { connectMocktopus, RemoteMocktopusError } from '@mocktopus/server'
import { type StartedMocktopus, startMocktopus } from '@mocktopus/server/node'
import { useMocktopusSession } from '@mocktopus/server/vitest'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const SCENARIO = `version: 1
rules:
  - type: llm
    times: 2
    error: { error_type: rate_limit, message: slow down }
  - type: llm
    respond:
      content: fallback
      usage: { input_tokens: 10, output_tokens: 5 }
`

let server: StartedMocktopus

beforeAll(async () => {
  server = await startMocktopus({
    scenario: SCENARIO,
    clock: fixedClock(1_700_000_000, { instant: true }),
  })
})

afterAll(() => server.close())

function openai(baseURL: string, headers: Record<string, string> = {}): OpenAI {
  return new OpenAI({ apiKey: 'test', baseURL, maxRetries: 0, defaultHeaders: headers })
}

function anthropic(baseURL: string, headers: Record<string, string> = {}): Anthropic {
  return new Anthropic({ apiKey: 'test', baseURL, maxRetries: 0, defaultHeaders: headers })
}

async function status(call: Promise<unknown>): Promise<number> {
  try {
    await call
    return 200
  } catch (error) {
    if (error instanceof OpenAI.APIError || error instanceof Anthropic.APIError) {
      return error.status ?? 0
    }
    throw error
  }
}

const chat = (client: OpenAI) =>
  client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })

const message = (client: Anthropic) =>
  client.messages.create({
    model: 'claude-sonnet-5',
    max_tokens: 32,
    messages: [{ role: 'user', content: 'hi' }],
  })

describe('sessions on one server, with the real SDKs', () => {
  it('keeps times counters and journals apart for sessions by prefix and by header', async () => {
    const remote = connectMocktopus(server.url)
    const prefix = remote.session('openai-prefix')
    const header = remote.session('openai-header')
    const anthropicPrefix = remote.session('anthropic-prefix')
    const anthropicHeader = remote.session('anthropic-header')
    const clients = {
      'openai-prefix': () => chat(openai(prefix.baseURL)),
      'openai-header': () => chat(openai(server.baseURL, header.headers)),
      'anthropic-prefix': () => message(anthropic(anthropicPrefix.anthropicBaseURL)),
      'anthropic-header': () => message(anthropic(server.url, anthropicHeader.headers)),
    }
    const seen: Record<string, number[]> = {}
    for (let round = 0; round < 3; round++) {
      // Every session's call of a round is in flight at once.
      const statuses = await Promise.all(Object.values(clients).map((call) => status(call())))
      Object.keys(clients).forEach((name, i) => {
        seen[name] = [...(seen[name] ?? []), statuses[i] as number]
      })
    }
    expect(seen).toEqual({
      'openai-prefix': [429, 429, 200],
      'openai-header': [429, 429, 200],
      'anthropic-prefix': [429, 429, 200],
      'anthropic-header': [429, 429, 200],
    })
    // The default session has its own counters, untouched by the sessions.
    expect(await status(chat(openai(server.baseURL)))).toBe(429)

    const journal = await prefix.requests()
    expect(journal.map((entry) => [entry.session, entry.status, entry.endpoint])).toEqual([
      ['openai-prefix', 429, '/v1/chat/completions'],
      ['openai-prefix', 429, '/v1/chat/completions'],
      ['openai-prefix', 200, '/v1/chat/completions'],
    ])
    expect(journal[0]?.path).toBe('/sessions/openai-prefix/v1/chat/completions')
    const messages = await anthropicHeader.requests()
    expect(messages.map((entry) => [entry.session, entry.status, entry.endpoint])).toEqual([
      ['anthropic-header', 429, '/v1/messages'],
      ['anthropic-header', 429, '/v1/messages'],
      ['anthropic-header', 200, '/v1/messages'],
    ])
    const costs = await fetch(`${server.url}/cost-report?session=openai-prefix`)
    expect(await costs.json()).toMatchObject({ report: { requests_mocked: 1 } })

    await prefix.reset()
    expect(await prefix.requests()).toEqual([])
    expect(await status(chat(openai(prefix.baseURL)))).toBe(429)
    expect(await header.requests()).toHaveLength(3)
    for (const session of [prefix, header, anthropicPrefix, anthropicHeader]) await session.end()
  })

  it('installs a session scenario over HTTP and refuses a broken one with file:line:col', async () => {
    const session = connectMocktopus(server.url).session('own-scenario')
    await session.useScenario(`version: 1
rules:
  - type: llm
    respond: { content: answered from the session scenario }
`)
    const completion = await chat(openai(session.baseURL))
    expect(completion.choices[0]?.message.content).toBe('answered from the session scenario')
    const reply = await message(anthropic(session.anthropicBaseURL))
    expect(reply.content[0]).toMatchObject({ text: 'answered from the session scenario' })

    const broken = 'version: 1\nrules:\n  - type: llm\n    respond: { content: 42, tokens: 3 }\n'
    const refused = await session.useScenario(broken).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(RemoteMocktopusError)
    expect((refused as RemoteMocktopusError).status).toBe(400)
    expect((refused as Error).message).toMatch(/sessions\/own-scenario\/scenario:4:\d+ rules\[0\]/)

    const raw = await fetch(`${server.url}/_mocktopus/sessions/own-scenario/scenario`, {
      method: 'PUT',
      body: '{"version": 1, "rules": [{"type": "llm"}]}',
    })
    expect(raw.status).toBe(400)
    const body = (await raw.json()) as { error: { code: string }; issues: { line: number }[] }
    expect(body.error.code).toBe('invalid_scenario')
    expect(body.issues[0]?.line).toBe(1)
    // The scenario in place is kept; ending the session forgets it.
    expect((await chat(openai(session.baseURL))).choices[0]?.message.content).toBe(
      'answered from the session scenario',
    )
    await session.end()
    expect(await status(chat(openai(session.baseURL)))).toBe(429)
  })
})

describe('useMocktopusSession', () => {
  const session = useMocktopusSession(() => connectMocktopus(server.url))

  it('gives this test a session named after it', async () => {
    expect(session.id).toMatch(/^useMocktopusSession-gives-this-test-a-session-named-after-it\./)
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push(await status(chat(openai(session.baseURL))))
    expect(statuses).toEqual([429, 429, 200])
  })

  it('gives the next test fresh counters', async () => {
    expect(await status(chat(openai(session.baseURL)))).toBe(429)
    expect(await session.requests()).toHaveLength(1)
  })
})
