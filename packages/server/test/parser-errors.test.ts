/**
 * What Node's HTTP parser refuses, answered as the API would: a JSON envelope and a closed
 * connection, never Node's bare plain text. Sent over raw sockets, since no HTTP client will
 * send a request this broken.
 */
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createMocktopus } from '../src/mocktopus.js'
import { type RunningServer, serve } from '../src/node.js'

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close({ timeoutMs: 0 })
  server = undefined
})

// Writes `chunks` (waiting `gapMs` between them) and reads until the server closes.
function raw(port: number, chunks: readonly string[], gapMs = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (data: string) => {
      answer += data
    })
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return
        socket.write(chunk)
        if (gapMs > 0) await new Promise((done) => setTimeout(done, gapMs))
      }
    })
  })
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n')
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers = Object.fromEntries(
    lines.map((line) => {
      const at = line.indexOf(':')
      return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()]
    }),
  )
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) }
}

async function start(requestTimeoutMs?: number) {
  const mock = await createMocktopus({ scenario: 'version: 1\nrules: []\n' })
  server = await serve(mock, {
    port: 0,
    ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
  })
  return server
}

describe('parser-level errors', () => {
  it('answers a 20 KB header with 431 in the OpenAI envelope and closes', async () => {
    const { port } = await start()
    const answer = parse(
      await raw(port, [
        `GET /v1/models HTTP/1.1\r\nHost: localhost\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
      ]),
    )
    expect(answer.status).toBe(431)
    expect(answer.headers['content-type']).toBe('application/json')
    expect(answer.headers.connection).toBe('close')
    expect(answer.body.error).toMatchObject({
      code: 'invalid_http_request',
      type: expect.any(String),
    })
  })

  it('answers a request line that is not HTTP with 400 JSON', async () => {
    const { port } = await start()
    const answer = parse(await raw(port, ['NOT HTTP AT ALL\r\n\r\n']))
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('invalid_http_request')
  })

  it('ends a body that trickles in past the request timeout with 408 JSON', async () => {
    const { port } = await start(400)
    const head =
      'POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n'
    const answer = parse(await raw(port, [head, '{', '"', 'm', 'o', 'd', 'e', 'l'], 150))
    expect(answer.status).toBe(408)
    expect(answer.headers.connection).toBe('close')
    expect(answer.body.error.code).toBe('invalid_http_request')
  })
})
