import type { Exchange } from '@mocktopus/responders'
import { afterEach, describe, expect, it } from 'vitest'
import { type StartedMocktopus, startMocktopus } from '../node.js'

const SCENARIO = `
version: 1
rules:
  - type: llm.openai
    when: { messages_contains: "hello" }
    times: 1
    respond: { content: "Hello from a real socket" }
`

const started: StartedMocktopus[] = []

async function start(options: Parameters<typeof startMocktopus>[0] = { scenario: SCENARIO }) {
  const mocktopus = await startMocktopus(options)
  started.push(mocktopus)
  return mocktopus
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((m) => m.close()))
})

function chat(baseURL: string, content: string) {
  return fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }] }),
  })
}

describe('startMocktopus', () => {
  it('serves on a free port on 127.0.0.1 and gives the OpenAI baseURL', async () => {
    const mocktopus = await start()
    expect(mocktopus.url).toBe(`http://127.0.0.1:${mocktopus.port}`)
    expect(mocktopus.port).toBeGreaterThan(0)
    expect(mocktopus.baseURL).toBe(`${mocktopus.url}/v1`)
    const response = await chat(mocktopus.baseURL, 'hello')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { choices: { message: { content: string } }[] }
    expect(body.choices[0]?.message.content).toBe('Hello from a real socket')
  })

  it('gives two servers two ports', async () => {
    const [a, b] = await Promise.all([start(), start()])
    expect(a?.port).not.toBe(b?.port)
  })

  it('exposes the journal locally and over HTTP, and reset() rewinds both', async () => {
    const mocktopus = await start()
    await chat(mocktopus.baseURL, 'hello')
    expect((await chat(mocktopus.baseURL, 'hello')).status).toBe(404)
    expect(mocktopus.requests().map((r) => r.status)).toEqual([200, 404])
    const overHTTP = (await (await fetch(`${mocktopus.url}/_mocktopus/requests`)).json()) as {
      requests: Exchange[]
    }
    expect(overHTTP.requests).toEqual(mocktopus.requests())
    mocktopus.reset()
    expect(mocktopus.requests()).toEqual([])
    expect((await chat(mocktopus.baseURL, 'hello')).status).toBe(200)
  })

  it('resets over HTTP as well', async () => {
    const mocktopus = await start()
    await chat(mocktopus.baseURL, 'hello')
    const reset = await fetch(`${mocktopus.url}/_mocktopus/reset`, { method: 'POST' })
    expect(await reset.json()).toEqual({ reset: true })
    expect(mocktopus.requests()).toEqual([])
    expect((await chat(mocktopus.baseURL, 'hello')).status).toBe(200)
  })

  it('passes createMocktopus options through', async () => {
    const mocktopus = await start({ scenario: SCENARIO, fixedTime: 1_700_000_000, journalSize: 1 })
    const body = (await (await chat(mocktopus.baseURL, 'hello')).json()) as { created: number }
    expect(body.created).toBe(1_700_000_000)
    await chat(mocktopus.baseURL, 'again')
    expect(mocktopus.requests()).toHaveLength(1)
    expect(mocktopus.mock.scenario.rules).toHaveLength(1)
  })

  it('stops accepting connections after close()', async () => {
    const mocktopus = await startMocktopus({ scenario: SCENARIO })
    await mocktopus.close()
    await expect(chat(mocktopus.baseURL, 'hello')).rejects.toThrow()
  })
})
