import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Anthropic from '@anthropic-ai/sdk'
import { fixedClock } from '@mocktopus/responders'
import { createMocktopus, type Mocktopus } from '@mocktopus/server'
import { loadPricingFile, type RunningServer, serve } from '@mocktopus/server/node'
import OpenAI from 'openai'
import parsePrometheusTextFormat from 'parse-prometheus-text-format'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const SCENARIO = `
version: 1
pricing:
  house-model: { input: 3, output: 6 }
rules:
  - type: llm
    when: { messages_contains: "fail" }
    error: { error_type: rate_limit }
  - type: llm
    when: { model: "gpt-4o*", messages_contains: "hello" }
    respond: { content: "Hi there", usage: { input_tokens: 1000, output_tokens: 500 } }
  - type: embeddings
    when: { model: "text-embedding-3-*" }
    respond: { usage: { input_tokens: 5000 } }
  - type: llm
    when: { model: "claude-*" }
    respond: { content: "Bonjour", usage: { input_tokens: 100, output_tokens: 200 } }
  - type: llm
    when: { model: house-model }
    respond: { content: "ok", usage: { input_tokens: 1000000, output_tokens: 1000000 } }
  - type: llm
    when: { model: "unknown-*" }
    respond: { content: "ok", usage: { input_tokens: 7, output_tokens: 9 } }
`

let dir: string
let mock: Mocktopus
let server: RunningServer
let openai: OpenAI
let anthropic: Anthropic

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mocktopus-cost-'))
  const pricingFile = join(dir, 'prices.yaml')
  // As `--pricing FILE` gives it: laid over the scenario's block, so house-model costs 4 / 8.
  await writeFile(pricingFile, 'house-model:\n  input: 4\n  output: 8\n')
  mock = await createMocktopus({
    scenario: SCENARIO,
    clock: fixedClock(1_700_000_000, { instant: true }),
    pricing: await loadPricingFile(pricingFile),
  })
  server = await serve(mock, { port: 0 })
  openai = new OpenAI({ apiKey: 'test', baseURL: `${server.url}/v1`, maxRetries: 0 })
  anthropic = new Anthropic({ apiKey: 'test', baseURL: server.url, maxRetries: 0 })
})

afterAll(async () => {
  await server?.close()
  await rm(dir, { recursive: true, force: true })
})

async function getJSON(path: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url}${path}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Record<string, unknown>
}

describe('cost tracking over real HTTP with the real SDKs', () => {
  it('starts at zero', async () => {
    expect(await getJSON('/health')).toMatchObject({
      status: 'healthy',
      mode: 'mock',
      scenario_loaded: true,
      rules: 6,
      requests_mocked: 0,
      cost_saved: '$0.00',
    })
  })

  it('counts every successful mocked response, streamed or not, on every endpoint', async () => {
    const user = { role: 'user' as const, content: 'hello there' }
    const chat = await openai.chat.completions.create({
      model: 'gpt-4o-2024-08-06',
      messages: [user],
    })
    expect(chat.usage).toMatchObject({ prompt_tokens: 1000, completion_tokens: 500 })

    const stream = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [user],
      stream: true,
      stream_options: { include_usage: true },
    })
    let streamedUsage: unknown
    for await (const chunk of stream) if (chunk.usage) streamedUsage = chunk.usage
    expect(streamedUsage).toMatchObject({ prompt_tokens: 1000, completion_tokens: 500 })

    const response = await openai.responses.create({
      model: 'gpt-4o-mini-2024-07-18',
      input: 'hello again',
    })
    expect(response.usage).toMatchObject({ input_tokens: 1000, output_tokens: 500 })

    for (const model of ['text-embedding-3-small', 'text-embedding-3-large']) {
      const embedding = await openai.embeddings.create({ model, input: 'some text' })
      expect(embedding.usage.prompt_tokens).toBe(5000)
    }

    const message = await anthropic.messages.create({
      model: 'claude-3-5-sonnet-20241022',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Salut' }],
    })
    expect(message.usage).toMatchObject({ input_tokens: 100, output_tokens: 200 })
    const streamed = await anthropic.messages
      .stream({
        model: 'claude-3-5-sonnet-20241022',
        max_tokens: 64,
        messages: [{ role: 'user', content: 'Salut' }],
      })
      .finalMessage()
    expect(streamed.usage).toMatchObject({ input_tokens: 100, output_tokens: 200 })

    await openai.chat.completions.create({ model: 'house-model', messages: [user] })
    await openai.chat.completions.create({ model: 'unknown-model', messages: [user] })
  })

  it('does not count error rules or no-match answers', async () => {
    await expect(
      openai.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'please fail' }],
      }),
    ).rejects.toMatchObject({ status: 429 })
    await expect(
      openai.chat.completions.create({ model: 'zzz', messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toMatchObject({ status: 404 })
  })

  it('reports exact totals on /cost-report, /health and mock.costReport()', async () => {
    const body = await getJSON('/cost-report')
    const report = body.report as ReturnType<Mocktopus['costReport']>['report']
    // The same report in process, but for the runtime, which moves on between the two reads.
    expect({ ...mock.costReport().report, runtime_hours: 0 }).toEqual({
      ...report,
      runtime_hours: 0,
    })
    expect(report.runtime_hours).toBeGreaterThanOrEqual(0)
    // 2 x 0.0075 (gpt-4o) + 0.00045 (gpt-4o-mini) + 0.0001 + 0.00065 (embeddings)
    // + 2 x 0.0033 (claude-3-5-sonnet) + 12 (house-model at the --pricing price) + 0 (unknown)
    expect(report).toMatchObject({
      total_saved: 12.0228,
      requests_mocked: 9,
      input_tokens_mocked: 1_013_207,
      output_tokens_mocked: 1_001_909,
      unpriced_models: ['unknown-model'],
      breakdown_by_hour: { '2023-11-14 22:00': 12.0228 },
      session_start: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    })
    expect(report.breakdown_by_model).toEqual({
      'claude-3-5-sonnet-20241022': {
        requests: 2,
        input_tokens: 200,
        output_tokens: 400,
        cost_saved: 0.0066,
        priced_as: 'claude-3-5-sonnet',
      },
      'gpt-4o': {
        requests: 1,
        input_tokens: 1000,
        output_tokens: 500,
        cost_saved: 0.0075,
        priced_as: 'gpt-4o',
      },
      'gpt-4o-2024-08-06': {
        requests: 1,
        input_tokens: 1000,
        output_tokens: 500,
        cost_saved: 0.0075,
        priced_as: 'gpt-4o',
      },
      'gpt-4o-mini-2024-07-18': {
        requests: 1,
        input_tokens: 1000,
        output_tokens: 500,
        cost_saved: 0.00045,
        priced_as: 'gpt-4o-mini',
      },
      'house-model': {
        requests: 1,
        input_tokens: 1_000_000,
        output_tokens: 1_000_000,
        cost_saved: 12,
        priced_as: 'house-model',
      },
      'text-embedding-3-large': {
        requests: 1,
        input_tokens: 5000,
        output_tokens: 0,
        cost_saved: 0.00065,
        priced_as: 'text-embedding-3-large',
      },
      'text-embedding-3-small': {
        requests: 1,
        input_tokens: 5000,
        output_tokens: 0,
        cost_saved: 0.0001,
        priced_as: 'text-embedding-3-small',
      },
      'unknown-model': {
        requests: 1,
        input_tokens: 7,
        output_tokens: 9,
        cost_saved: 0,
        priced_as: null,
      },
    })
    expect(body.summary).toMatch(/^Mocktopus saved \$12\.0228 on 9 mocked requests/)
    expect(body.summary).toContain('Unpriced (tokens counted, $0): unknown-model.')

    expect(await getJSON('/health')).toMatchObject({ requests_mocked: 9, cost_saved: '$12.02' })
  })

  it('serves Prometheus metrics that a text-format parser reads', async () => {
    const res = await fetch(`${server.url}/_mocktopus/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
    const families = parsePrometheusTextFormat(await res.text())
    const byName = Object.fromEntries(families.map((f) => [f.name, f]))
    const requests = byName.mocktopus_requests_total?.metrics ?? []
    const count = (endpoint: string, rule: string, status: string) =>
      requests.find(
        (m) =>
          m.labels?.endpoint === endpoint && m.labels?.rule === rule && m.labels?.status === status,
      )?.value
    expect(count('/v1/chat/completions', '1', '200')).toBe('2')
    expect(count('/v1/chat/completions', '0', '429')).toBe('1')
    expect(count('/v1/chat/completions', 'none', '404')).toBe('1')
    expect(count('/v1/chat/completions', '4', '200')).toBe('1')
    expect(count('/v1/embeddings', '2', '200')).toBe('2')
    expect(count('/v1/messages', '3', '200')).toBe('2')
    expect(count('/v1/responses', '1', '200')).toBe('1')
    const total = requests.reduce((sum, m) => sum + Number(m.value), 0)
    expect(total).toBe(11)
    expect(byName.mocktopus_request_duration_seconds?.type).toBe('HISTOGRAM')
    expect(byName.mocktopus_request_duration_seconds?.metrics[0]?.count).toBe('11')
    expect(byName.mocktopus_tokens_total?.metrics).toEqual([
      { labels: { direction: 'input' }, value: '1013207' },
      { labels: { direction: 'output' }, value: '1001909' },
    ])
    expect(Number(byName.mocktopus_cost_saved_usd_total?.metrics[0]?.value)).toBe(12.0228)
  })
})
