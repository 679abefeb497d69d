/**
 * An upstream that changed since the recordings were made: it stands in front of the fake
 * upstream and passes every answer on with `usage` dropped and the finish reasons renamed
 * (`stop` → `completed`, `tool_calls` → `tool_use`, `end_turn` → `done`), in JSON answers and
 * in every event of a stream alike. Everything else (status, keys checked, text) is the fake
 * upstream's.
 */
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface DriftedUpstream {
  readonly url: string
  close(): Promise<void>
}

const RENAMED: Record<string, string> = {
  stop: 'completed',
  tool_calls: 'tool_use',
  end_turn: 'done',
}

function drift(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(drift)
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (key === 'usage') continue
    out[key] =
      (key === 'finish_reason' || key === 'stop_reason') && typeof item === 'string'
        ? (RENAMED[item] ?? item)
        : drift(item)
  }
  return out
}

// Each `data:` line of a stream, drifted; `[DONE]` and event names as they were.
function driftStream(text: string): string {
  return text.replace(/^data: (\{.*\})$/gm, (_, json: string) => {
    return `data: ${JSON.stringify(drift(JSON.parse(json)))}`
  })
}

async function read(request: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of request) text += chunk
  return text
}

export async function startDriftedUpstream(target: string): Promise<DriftedUpstream> {
  const server = createServer(async (request, response) => {
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length')
        headers.set(name, value)
    }
    const upstream = await fetch(`${target}${request.url}`, {
      method: request.method ?? 'POST',
      headers,
      body: await read(request),
    })
    const type = upstream.headers.get('content-type') ?? ''
    const text = await upstream.text()
    const body = type.startsWith('text/event-stream')
      ? driftStream(text)
      : type.startsWith('application/json') && upstream.ok
        ? JSON.stringify(drift(JSON.parse(text)))
        : text
    response.writeHead(upstream.status, { 'content-type': type })
    response.end(body)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
