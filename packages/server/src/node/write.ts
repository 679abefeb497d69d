/** Writes the handler's outputs to `node:http` responses, without a Web `Response` for ours. */
import type { ServerResponse } from 'node:http'
import { ChaosDisconnect, encodeSSE } from '@mocktopus/responders'
import type { JSONOutput, StreamOutput } from '../output.js'
import { heldText } from '../text-response.js'

// JSON answers made while the event loop handles one round of I/O, written together once that
// round is over (setImmediate runs after it), as Redis writes its replies before it next waits
// for the network: one wake-up of a waiting client serves the round. A lone answer waits one
// hop of the loop.
let pendingJSON: [ServerResponse, JSONOutput][] = []

/**
 * Queues a JSON answer for the end of this round of I/O.
 *
 * @example sendJSON(response, { kind: 'json', status: 200, headers: {}, text: '{}' })
 */
export function sendJSON(response: ServerResponse, output: JSONOutput): void {
  if (pendingJSON.length === 0) setImmediate(writePendingJSON)
  pendingJSON.push([response, output])
}

function writePendingJSON(): void {
  const round = pendingJSON
  pendingJSON = []
  for (const [response, output] of round) {
    try {
      writeJSON(response, output)
    } catch {
      // Never the rest of the round for one answer Node would not write: that client's
      // connection closes instead of waiting.
      response.destroy()
    }
  }
}

// One writeHead with the length among the headers: fewer calls into Node per answer. The
// record is this answer's own (the handler builds one per answer).
function writeJSON(response: ServerResponse, output: JSONOutput): void {
  const headers: Record<string, string | number> = output.headers
  // A 204 (a preflight's) carries no body and so no length (RFC 9110 8.6).
  if (output.status !== 204) headers['Content-Length'] = Buffer.byteLength(output.text)
  response.writeHead(output.status, headers)
  response.end(output.text)
}

/**
 * Writes an SSE answer frame by frame, waiting when the socket is full; a client that leaves
 * ends the loop, whose `return()` stops the source and reports the exchange.
 *
 * @example void sendStream(response, output)
 */
export async function sendStream(response: ServerResponse, output: StreamOutput): Promise<void> {
  response.writeHead(output.status, output.headers)
  response.flushHeaders()
  try {
    for await (const frame of output.frames) {
      if (response.destroyed) break
      if (!response.write(encodeSSE(frame))) await drained(response)
    }
    response.end()
  } catch (error) {
    // A chaos cut (docs/chaos.md): the chunks written reach the client, then the connection
    // closes mid-body, as a dropped upstream connection looks.
    const socket = response.socket
    if (error instanceof ChaosDisconnect && socket) socket.end()
    else response.destroy()
  }
}

/**
 * Writes a Web `Response` (an upstream's, in record mode) as it arrives, with `extra` (our CORS
 * headers) over its own.
 *
 * @example await sendResponse(response, upstreamAnswer, { 'access-control-allow-origin': '*' })
 */
export async function sendResponse(
  response: ServerResponse,
  answer: Response,
  extra?: Readonly<Record<string, string>>,
): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  answer.headers.forEach((value, name) => {
    headers[name] = value
  })
  // Ours (CORS) over the answer's, as `Headers.set` would.
  if (extra) for (const name in extra) headers[name.toLowerCase()] = extra[name] as string
  const cookies = answer.headers.getSetCookie?.()
  if (cookies && cookies.length > 0) headers['set-cookie'] = cookies
  // A body we hold whole goes out with the headers, in one write.
  const text = heldText(answer)
  if (text !== undefined) {
    if (answer.status !== 204 && answer.status !== 304) {
      headers['content-length'] = String(Buffer.byteLength(text))
    }
    response.writeHead(answer.status, headers)
    response.end(text)
    return
  }
  response.writeHead(answer.status, headers)
  if (!answer.body) {
    response.end()
    return
  }
  response.flushHeaders()
  const reader = answer.body.getReader()
  try {
    for (;;) {
      if (response.destroyed) {
        await reader.cancel()
        return
      }
      const { done, value } = await reader.read()
      if (done) break
      if (!response.write(value)) await drained(response)
    }
    response.end()
  } catch {
    response.destroy()
    await reader.cancel().catch(() => {})
  }
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done)
      response.off('close', done)
      resolve()
    }
    response.once('drain', done)
    response.once('close', done)
  })
}
