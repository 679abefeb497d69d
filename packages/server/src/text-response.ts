/**
 * Web `Response`s whose whole body we made ourselves and still hold as text: a recorded
 * upstream's JSON answer, passed on. Any transport can send one as a `Response`; the Node server
 * writes the text in the same write as the headers, instead of reading the body stream back
 * chunk by chunk after a write of the headers alone (two syscalls, and a stream read per answer).
 *
 * A registry, not a subclass: `class extends Response` would read the global `Response` when
 * this module loads, and Node loads undici (some 30 ms of start-up) on that first read.
 */
const texts = new WeakMap<Response, string>()

/**
 * A `Response` of `text` that remembers it.
 *
 * @example textResponse('{"id":"chatcmpl-1"}', { status: 200, headers })
 */
export function textResponse(text: string, init: ResponseInit): Response {
  const response = new Response(text, init)
  texts.set(response, text)
  return response
}

/** The text a `textResponse` was made of, while its body is still unread; else `undefined`. */
export function heldText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : texts.get(response)
}
