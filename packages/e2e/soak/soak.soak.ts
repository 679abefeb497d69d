/**
 * The soak: SOAK_SECONDS (default 60) of mixed load against a real server on 127.0.0.1: chat,
 * streams read to the end, streams the client abandons mid-way, embeddings, error rules,
 * Anthropic streams, Responses (stored, bounded), malformed bodies. It prints RSS and heap at
 * the start, after warm-up and at the end (each after a full GC), the handles left open, and the errors;
 * it fails when memory grows more than 10% after warm-up, on any unexpected answer, or when a
 * handle outlives the server.
 */
import { Agent, request } from 'node:http'
import { createMocktopus } from '@mocktopus/server'
import { serve } from '@mocktopus/server/node'
import { expect, it } from 'vitest'

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60)
// Long enough for the bounded stores (journal: 1000 exchanges, Responses: 1000 answers) to fill.
const WARMUP_SECONDS = Math.max(5, Math.round(SECONDS / 3))
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 8)
const MAX_GROWTH = 0.1
const SAMPLE_MS = 2000

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

const SCENARIO = `
version: 1
rules:
  - type: llm
    when: { messages_contains: "rate limit me" }
    error: { error_type: rate_limit, retry_after: 1 }
  - type: llm
    when: { messages_contains: "break" }
    error: { error_type: server_error }
  - type: llm
    when: { messages_contains: "stream" }
    respond:
      content: "A streamed answer, long enough to be cut into many chunks before it ends here."
      chunk_size: 4
  - type: llm
    respond: { content: "A plain answer." }
  - type: embeddings
    respond: {}
`

interface Operation {
  readonly name: string
  readonly path: string
  readonly body: string
  readonly status: number
  /** Abandon the response after its first chunk. */
  readonly abort?: boolean
}

const chat = (content: string, stream = false) =>
  JSON.stringify({ model: 'gpt-4o', stream, messages: [{ role: 'user', content }] })

function operations(i: number): Operation {
  // Each body differs, so ids, matching and the stores see fresh input every time.
  const n = String(i)
  const all: Operation[] = [
    { name: 'chat', path: '/v1/chat/completions', body: chat(`hello ${n}`), status: 200 },
    {
      name: 'chat stream',
      path: '/v1/chat/completions',
      body: chat(`stream ${n}`, true),
      status: 200,
    },
    {
      name: 'chat stream, client aborts',
      path: '/v1/chat/completions',
      body: chat(`stream ${n}`, true),
      status: 200,
      abort: true,
    },
    {
      name: 'embeddings',
      path: '/v1/embeddings',
      body: JSON.stringify({ model: 'text-embedding-3-small', input: [`a ${n}`, `b ${n}`] }),
      status: 200,
    },
    {
      name: 'rate limit rule',
      path: '/v1/chat/completions',
      body: chat(`rate limit me ${n}`),
      status: 429,
    },
    {
      name: 'server error rule',
      path: '/v1/chat/completions',
      body: chat(`break ${n}`),
      status: 500,
    },
    {
      name: 'anthropic stream',
      path: '/v1/messages',
      body: JSON.stringify({
        model: 'claude-sonnet-4-5',
        max_tokens: 64,
        stream: true,
        messages: [{ role: 'user', content: `stream ${n}` }],
      }),
      status: 200,
    },
    {
      name: 'responses',
      path: '/v1/responses',
      body: JSON.stringify({ model: 'gpt-4.1', input: `hello ${n}` }),
      status: 200,
    },
    { name: 'malformed body', path: '/v1/chat/completions', body: '{"model": ', status: 400 },
  ]
  return all[i % all.length] as Operation
}

function send(agent: Agent, port: number, op: Operation): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: op.path,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(op.body),
        },
      },
      (res) => {
        if (op.abort) {
          res.once('data', () => {
            req.destroy()
            resolve(res.statusCode ?? 0)
          })
        } else {
          res.on('data', () => {})
          res.once('end', () => resolve(res.statusCode ?? 0))
        }
        res.once('error', (error) => (op.abort ? resolve(res.statusCode ?? 0) : reject(error)))
      },
    )
    req.once('error', reject)
    req.end(op.body)
  })
}

interface Memory {
  readonly rss: number
  readonly heapUsed: number
}

function measure(): Memory {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run the soak with --expose-gc (pnpm soak does)')
  gc()
  gc()
  const { rss, heapUsed } = process.memoryUsage()
  return { rss, heapUsed }
}

function countHandles(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1
  return counts
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`

it(`stays flat under ${SECONDS} s of mixed load`, async () => {
  const handlesBefore = countHandles()
  const atStart = measure()
  const mock = await createMocktopus({ scenario: SCENARIO })
  const server = await serve(mock, { port: 0 })
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const counts = new Map<string, number>()
  const errors: string[] = []
  let next = 0
  let warm: Memory | undefined
  const started = performance.now()
  const deadline = started + SECONDS * 1000
  const samples: { second: number; rss: number; heapUsed: number }[] = []

  const sampler = setInterval(() => {
    const second = Math.round((performance.now() - started) / 1000)
    const now = measure()
    samples.push({ second, ...now })
    if (!warm && second >= WARMUP_SECONDS) warm = now
  }, SAMPLE_MS)

  const worker = async () => {
    while (performance.now() < deadline) {
      const op = operations(next++)
      try {
        const status = await send(agent, server.port, op)
        if (status !== op.status) errors.push(`${op.name}: status ${status}, expected ${op.status}`)
        counts.set(op.name, (counts.get(op.name) ?? 0) + 1)
      } catch (error) {
        errors.push(`${op.name}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  clearInterval(sampler)
  const elapsed = (performance.now() - started) / 1000
  const end = measure()
  agent.destroy()
  await server.close()
  await new Promise((resolve) => setTimeout(resolve, 100))
  const handlesAfter = countHandles()

  // RSS after a GC still moves by tens of MiB as the allocator keeps or returns pages, so the
  // growth compares medians: the first third of the samples after warm-up against the last.
  const steady = samples.filter((sample) => sample.second >= WARMUP_SECONDS)
  const third = Math.max(1, Math.floor(steady.length / 3))
  const early = steady.slice(0, third)
  const late = [...steady.slice(-third), end]
  const growth = (key: keyof Memory) => {
    const before = median(early.map((sample) => sample[key]))
    return before ? (median(late.map((sample) => sample[key])) - before) / before : 0
  }
  const rssGrowth = growth('rss')
  const heapGrowth = growth('heapUsed')
  const baseline = warm ?? end
  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  const report = [
    `soak: ${elapsed.toFixed(0)} s, ${CONCURRENCY} clients, ${total} requests (${(total / elapsed).toFixed(0)}/s)`,
    ...[...counts].map(([name, count]) => `  ${name}: ${count}`),
    `RSS at the start ${mib(atStart.rss)} (heap ${mib(atStart.heapUsed)})`,
    `RSS after ${WARMUP_SECONDS} s warm-up ${mib(baseline.rss)}, at the end ${mib(end.rss)}`,
    `heap after warm-up ${mib(baseline.heapUsed)}, at the end ${mib(end.heapUsed)}`,
    `median growth after warm-up, first third to last: RSS ${percent(rssGrowth)}, heap ${percent(heapGrowth)}`,
    `RSS every ${SAMPLE_MS / 1000} s: ${samples.map((s) => `${s.second}s ${mib(s.rss)}`).join(', ')}`,
    `handles before ${JSON.stringify(handlesBefore)}, after close ${JSON.stringify(handlesAfter)}`,
    `journal kept ${mock.requests().length} exchanges`,
    `errors: ${errors.length}${errors.length ? `\n  ${errors.slice(0, 10).join('\n  ')}` : ''}`,
  ].join('\n')
  process.stdout.write(`\n${report}\n\n`)

  expect(errors).toEqual([])
  expect(rssGrowth).toBeLessThan(MAX_GROWTH)
  expect(heapGrowth).toBeLessThan(MAX_GROWTH)
  for (const kind of ['TCPServerWrap', 'TCPSocketWrap']) {
    expect(handlesAfter[kind] ?? 0, kind).toBeLessThanOrEqual(handlesBefore[kind] ?? 0)
  }
})
