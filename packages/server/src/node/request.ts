/**
 * A `node:http` request as the handler reads it: no Web `Request` is built unless a `forward`
 * hook asks for one (the upstream proxy reads `headerEntries` and `onClose` instead), and the
 * body is read by callbacks, so an answer built at once goes out in the same turn of the event
 * loop.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type BodyRead, decodeBody, isJSONContentType } from '@mocktopus/responders'
import type { HttpRequest } from '../handler.js'
import { watchSignal } from '../record/hooks.js'

// Percent-escapes decoded as Hono decodes a path (decodeURI), so both adapters see one path;
// a malformed escape is kept as sent.
function decodePath(path: string): string {
  if (!path.includes('%')) return path
  try {
    return decodeURI(path)
  } catch {
    return path
  }
}

export class NodeRequest implements HttpRequest {
  readonly method: string
  readonly path: string
  readonly query: string
  readonly #incoming: IncomingMessage
  readonly #response: ServerResponse
  #controller: AbortController | undefined

  constructor(incoming: IncomingMessage, response: ServerResponse) {
    this.#incoming = incoming
    this.#response = response
    this.method = incoming.method ?? 'GET'
    const url = incoming.url ?? '/'
    const at = url.indexOf('?')
    this.path = decodePath(at === -1 ? url : url.slice(0, at))
    this.query = at === -1 ? '' : url.slice(at + 1)
  }

  get host(): string | undefined {
    return this.#incoming.headers.host
  }

  header(name: string): string | undefined {
    const value = this.#incoming.headers[name]
    return Array.isArray(value) ? value.join(', ') : value
  }

  readBody(limit: number, done: (read: BodyRead) => void, failed: (error: unknown) => void): void {
    const contentType = this.header('content-type')
    if (!isJSONContentType(contentType ?? null)) {
      done({ ok: false, reason: 'unsupported_content_type', contentType: contentType ?? '' })
      return
    }
    if (Number(this.header('content-length')) > limit) {
      done({ ok: false, reason: 'too_large' })
      return
    }
    readNodeBody(this.#incoming, limit, done, failed)
  }

  get signal(): AbortSignal {
    if (this.#controller) return this.#controller.signal
    const controller = new AbortController()
    this.#controller = controller
    const response = this.#response
    // The client went away: the response closed before its last byte was handed on.
    const abort = () => {
      if (!response.writableFinished)
        controller.abort(new Error('the client closed the connection'))
    }
    if (response.destroyed) abort()
    else response.once('close', abort)
    return controller.signal
  }

  *headerEntries(): Iterable<readonly [string, string]> {
    const headers = this.#incoming.headers
    for (const name in headers) {
      const value = headers[name]
      if (value !== undefined) yield [name, Array.isArray(value) ? value.join(', ') : value]
    }
  }

  // As `signal`, without an AbortController: the upstream proxy only needs to hear of it.
  onClose(listener: () => void): () => void {
    if (this.#controller) return watchSignal(this.#controller.signal, listener)
    const response = this.#response
    const close = () => {
      if (!response.writableFinished) listener()
    }
    if (response.destroyed) {
      close()
      return () => {}
    }
    response.once('close', close)
    return () => response.off('close', close)
  }

  toRequest(): Request {
    const headers = new Headers()
    for (const [name, value] of Object.entries(this.#incoming.headers)) {
      if (value === undefined) continue
      headers.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    const host = this.header('host') ?? 'localhost'
    const url = this.query === '' ? this.path : `${this.path}?${this.query}`
    return new Request(`http://${host}${url}`, {
      method: this.method,
      headers,
      signal: this.signal,
    })
  }
}

// The whole body; past `limit` bytes the rest is read and dropped, then refused. The listeners
// stay on the request, which is dropped once answered: taking them off is needless work.
function readNodeBody(
  request: IncomingMessage,
  limit: number,
  done: (read: BodyRead) => void,
  failed: (error: Error) => void,
): void {
  const chunks: Uint8Array[] = []
  let size = 0
  let ended = false
  request.on('data', (chunk: Uint8Array) => {
    size += chunk.byteLength
    if (size <= limit) chunks.push(chunk)
  })
  request.on('end', () => {
    ended = true
    if (size > limit) done({ ok: false, reason: 'too_large' })
    else if (chunks.length === 0) done({ ok: true, text: '' })
    else done(decodeBody(chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks)))
  })
  // Also told after a normal end ('close' follows it), which it then leaves alone.
  const broken = (error?: Error) => {
    if (!ended)
      failed(error ?? new Error('the client closed the connection before sending the body'))
  }
  request.on('error', broken)
  request.on('close', broken)
}
