import * as scenario from '@mocktopus/scenario'
import * as server from '@mocktopus/server'
import * as serverNode from '@mocktopus/server/node'
import * as stub from '@mocktopus/stub'
import { describe, expect, it } from 'vitest'
import * as mocktopus from './index.js'
import * as node from './node.js'

describe('mocktopus', () => {
  it('re-exports the scoped packages’ own functions and classes', () => {
    const sources: Record<string, unknown> = { ...scenario, ...server, ...stub }
    for (const [name, value] of Object.entries(mocktopus)) {
      expect(value, name).toBe(sources[name])
    }
  })

  it('serves a scenario through createMocktopus', async () => {
    const mock = await mocktopus.createMocktopus({
      scenario: 'version: 1\nrules:\n  - type: llm\n    respond: { content: unscoped }\n',
    })
    const response = await mock.fetch(
      new Request('http://mocktopus.local/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
      }),
    )
    const body = (await response.json()) as { choices: { message: { content: string } }[] }
    expect(body.choices[0]?.message.content).toBe('unscoped')
  })
})

describe('mocktopus/node', () => {
  it('re-exports the Node server of @mocktopus/server/node', () => {
    expect(node.startMocktopus).toBe(serverNode.startMocktopus)
    expect(node.serve).toBe(serverNode.serve)
  })
})
