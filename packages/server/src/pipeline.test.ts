import { describe, expect, it } from 'vitest'
import { createMocktopus } from './mocktopus.js'
import { endpointOf, wireKindOf } from './pipeline.js'

describe('endpointOf', () => {
  it('keeps as many trailing segments as the route pattern has', () => {
    expect(endpointOf('/v1/chat/completions', '/v1/chat/completions')).toBe('/v1/chat/completions')
    expect(endpointOf('/llm/v1/chat/completions', '/v1/chat/completions')).toBe(
      '/v1/chat/completions',
    )
    expect(endpointOf('/a/b/v1/models/gpt-4o', '/v1/models/:id')).toBe('/v1/models/gpt-4o')
    expect(endpointOf('/prefix/health', '/health')).toBe('/health')
  })

  it('gives a path with fewer segments than the pattern as it is', () => {
    expect(endpointOf('/v1', '/v1/chat/completions')).toBe('/v1')
    expect(endpointOf('/', '/v1/models')).toBe('/')
    expect(endpointOf('/v1/x', '/v1/x')).toBe('/v1/x')
  })
})

describe('wireKindOf', () => {
  it('tells JSON from stream answers without reading headers, and nothing of others', async () => {
    const mock = await createMocktopus({
      scenario: 'version: 1\nrules:\n  - type: llm\n    respond: { content: hi }\n',
    })
    const request = (stream: boolean) =>
      mock.fetch('http://mock.local/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'gpt-4o',
          stream,
          messages: [{ role: 'user', content: 'x' }],
        }),
      })
    const json = await request(false)
    expect(wireKindOf(json)).toBe('json')
    const stream = await request(true)
    expect(wireKindOf(stream)).toBe('stream')
    await stream.text()
    const error = await mock.fetch('http://mock.local/v1/nope', { method: 'POST', body: '{}' })
    expect(error.status).toBe(404)
    expect(wireKindOf(error)).toBe('json')
    expect(wireKindOf(await mock.fetch('http://mock.local/cost-report'))).toBeUndefined()
    expect(wireKindOf(new Response('x'))).toBeUndefined()
  })
})
