import { describe, expect, it } from 'vitest'
import { createStubClient } from './client.js'
import { createStub } from './stub.js'

const SCENARIO = `version: 1
rules:
  - type: llm
    times: 2
    error: { error_type: rate_limit, message: slow down }
  - type: llm
    respond: { content: fallback }
`

const params = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }

async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call
    return 200
  } catch (error) {
    return (error as { status: number }).status
  }
}

describe('stub sessions', () => {
  it('keep times counters and journals apart, sharing the compiled rules', async () => {
    const stub = createStub(SCENARIO)
    const a = stub.session('a')
    const b = stub.session('b')
    const seen: Record<string, number[]> = { a: [], b: [], root: [] }
    for (let i = 0; i < 3; i++) {
      seen.a?.push(await statusOf(a.openai.chat.completions.create(params)))
      seen.b?.push(
        await statusOf(
          b.anthropic.messages.create({
            model: 'claude-sonnet-4-5',
            max_tokens: 10,
            messages: [{ role: 'user', content: 'hi' }],
          }),
        ),
      )
      seen.root?.push(await statusOf(stub.openai.chat.completions.create(params)))
    }
    expect(seen).toEqual({ a: [429, 429, 200], b: [429, 429, 200], root: [429, 429, 200] })
    expect(a.requests().map((entry) => entry.session)).toEqual(['a', 'a', 'a'])
    expect(stub.requests().every((entry) => entry.session === undefined)).toBe(true)
    expect(stub.session('a')).not.toBe(a)
    expect(stub.session('a').requests()).toHaveLength(3)
    a.reset()
    expect(a.requests()).toEqual([])
    expect(await statusOf(a.openai.chat.completions.create(params))).toBe(429)
    expect(b.requests()).toHaveLength(3)
  })

  it('answers a session from its own scenario', async () => {
    const client = createStubClient(SCENARIO)
    const own = client.session('own')
    own.useScenario({ version: 1, rules: [{ type: 'llm', respond: { content: 'mine' } }] })
    const completion = await own.chat.completions.create(params)
    expect(completion.choices[0]?.message.content).toBe('mine')
    expect(own.id).toBe('own')
    expect(await statusOf(client.chat.completions.create(params))).toBe(429)
    expect(() => own.useScenario('version: 1\nrules: [{ type: nope }]')).toThrow(/session own:/)
  })
})
