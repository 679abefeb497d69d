import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { textResponse } from '../text-response.js'
import { sendResponse } from './write.js'

let server: Server | undefined
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = undefined
})

async function served(
  answer: () => Response,
  extra?: Record<string, string>,
): Promise<globalThis.Response> {
  server = createServer((_request, response) => void sendResponse(response, answer(), extra))
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return fetch(`http://127.0.0.1:${port}/`)
}

describe('sendResponse', () => {
  it('writes a body it holds whole with its length, not chunked', async () => {
    const text = '{"id":"chatcmpl-1","note":"héllo ☃"}'
    const res = await served(() =>
      textResponse(text, { status: 201, headers: { 'content-type': 'application/json' } }),
    )
    expect(res.status).toBe(201)
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)))
    expect(res.headers.get('transfer-encoding')).toBeNull()
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(await res.text()).toBe(text)
  })

  it('streams any other Response as it arrives, chunked', async () => {
    const res = await served(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('data: 1\n\n'))
              controller.enqueue(new TextEncoder().encode('data: 2\n\n'))
              controller.close()
            },
          }),
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    )
    expect(res.headers.get('transfer-encoding')).toBe('chunked')
    expect(await res.text()).toBe('data: 1\n\ndata: 2\n\n')
  })

  it("sets our headers over the answer's own, on either path", async () => {
    const cors = { 'access-control-allow-origin': '*', 'Access-Control-Expose-Headers': 'x-a' }
    const whole = await served(
      () => textResponse('{}', { headers: { 'access-control-allow-origin': 'https://up.test' } }),
      cors,
    )
    expect(whole.headers.get('access-control-allow-origin')).toBe('*')
    expect(whole.headers.get('access-control-expose-headers')).toBe('x-a')
    await whole.text()
    await new Promise((resolve) => server?.close(resolve))
    const streamed = await served(() => new Response('data: 1\n\n'), cors)
    expect(streamed.headers.get('access-control-allow-origin')).toBe('*')
    expect(await streamed.text()).toBe('data: 1\n\n')
  })
})
