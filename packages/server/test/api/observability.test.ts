import type { Exchange } from '@mocktopus/responders'
import { fixedClock } from '@mocktopus/responders'
import { Hono } from 'hono'
import parsePrometheusTextFormat from 'parse-prometheus-text-format'
import { describe, expect, it } from 'vitest'
import { createMocktopus } from '../../src/mocktopus.js'

const SCENARIO = `
version: 1
pricing:
  house-model: { input: 1, output: 2 }
rules:
  - type: llm
    when: { messages_contains: "boom" }
    error: { error_type: server_error }
  - type: llm
    when: { model: "*" }
    respond: { content: "ok", usage: { input_tokens: 1000000, output_tokens: 1000000 } }
`

function chat(model: string, content = 'hi', extra: Record<string, unknown> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }], ...extra }),
  }
}

async function mock(options: Parameters<typeof createMocktopus>[0] = {}) {
  return createMocktopus({ scenario: SCENARIO, clock: fixedClock(1_700_000_000), ...options })
}

describe('GET /health', () => {
  it('reports mode, scenario, rules, requests mocked, cost saved and uptime', async () => {
    const m = await mock()
    await m.app.request('/v1/chat/completions', chat('gpt-4o-mini'))
    expect(await (await m.app.request('/health')).json()).toEqual({
      status: 'healthy',
      mode: 'mock',
      scenario_loaded: true,
      rules: 2,
      requests_mocked: 1,
      cost_saved: '$0.75',
      uptime_s: expect.any(Number),
    })
  })

  it('gives uptime in whole seconds', async () => {
    const m = await mock()
    const { uptime_s } = await (await m.app.request('/health')).json()
    expect(Number.isInteger(uptime_s) && uptime_s >= 0).toBe(true)
  })

  it('says no scenario is loaded when none was given', async () => {
    const m = await createMocktopus()
    expect(await (await m.app.request('/health')).json()).toMatchObject({
      scenario_loaded: false,
      rules: 0,
    })
  })
})

describe('GET /cost-report', () => {
  it('returns the report and the summary, priced with the scenario and the pricing option', async () => {
    const m = await mock({ pricing: { 'GPT-4o-mini': { input: 0.5 } } })
    await m.app.request('/v1/chat/completions', chat('house-model'))
    await m.app.request('/v1/chat/completions', chat('gpt-4o-mini-2024-07-18'))
    await (
      await m.app.request('/v1/chat/completions', chat('gpt-4o', 'hi', { stream: true }))
    ).text()
    await m.app.request('/v1/chat/completions', chat('gpt-4o', 'boom'))
    const res = await m.app.request('/cost-report')
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const body = await res.json()
    const again = m.costReport()
    expect({ ...body.report, runtime_hours: 0 }).toEqual({ ...again.report, runtime_hours: 0 })
    expect(body.report).toMatchObject({
      total_saved: 16,
      requests_mocked: 3,
      breakdown_by_model: {
        'house-model': { cost_saved: 3, priced_as: 'house-model' },
        'gpt-4o-mini-2024-07-18': { cost_saved: 0.5, priced_as: 'gpt-4o-mini' },
        'gpt-4o': { cost_saved: 12.5, priced_as: 'gpt-4o' },
      },
      breakdown_by_hour: { '2023-11-14 22:00': 16 },
      unpriced_models: [],
    })
    expect(body.summary).toMatch(/^Mocktopus saved \$16\.0000 on 3 mocked requests/)
  })

  it('keeps the totals across reset(), which only restores rule counters', async () => {
    const m = await mock()
    await m.app.request('/v1/chat/completions', chat('house-model'))
    m.reset()
    await m.app.request('/v1/chat/completions', chat('house-model'))
    expect(m.costReport().report).toMatchObject({ requests_mocked: 2, total_saved: 6 })
  })

  it('re-prices later responses when the scenario is replaced', async () => {
    const m = await mock()
    await m.app.request('/v1/chat/completions', chat('house-model'))
    m.setScenario(SCENARIO.replace('{ input: 1, output: 2 }', '{ input: 10, output: 0 }'))
    await m.app.request('/v1/chat/completions', chat('house-model'))
    expect(m.costReport().report.total_saved).toBe(13)
  })
})

describe('GET /_mocktopus/metrics', () => {
  it('serves Prometheus text that counts API requests only', async () => {
    const m = await mock()
    const seen: Exchange[] = []
    m.on('exchange', (e) => seen.push(e))
    await m.app.request('/v1/chat/completions', chat('gpt-4o'))
    await m.app.request('/v1/chat/completions', chat('gpt-4o', 'boom'))
    await m.app.request('/v1/models/gpt-4o')
    await m.app.request('/v1/no/such/path')
    await m.app.request('/health')
    await m.app.request('/cost-report')
    const res = await m.app.request('/_mocktopus/metrics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(seen).toHaveLength(4)
    const families = parsePrometheusTextFormat(await res.text())
    const requests = families.find((f) => f.name === 'mocktopus_requests_total')
    expect(requests?.metrics.map((m) => m.labels)).toEqual([
      { endpoint: '/v1/chat/completions', rule: '0', status: '500' },
      { endpoint: '/v1/chat/completions', rule: '1', status: '200' },
      { endpoint: '/v1/models/:id', rule: 'none', status: '200' },
      { endpoint: 'other', rule: 'none', status: '404' },
    ])
    const cost = families.find((f) => f.name === 'mocktopus_cost_saved_usd_total')
    expect(cost?.metrics[0]?.value).toBe('12.5')
  })

  it('answers under a mount prefix', async () => {
    const m = await mock()
    const parent = new Hono().route('/llm', m.app)
    await parent.request('/llm/v1/chat/completions', chat('gpt-4o'))
    expect((await parent.request('/llm/_mocktopus/metrics')).status).toBe(200)
    expect(await (await parent.request('/llm/health')).json()).toMatchObject({
      requests_mocked: 1,
      cost_saved: '$12.50',
    })
  })
})
