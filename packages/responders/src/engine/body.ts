/**
 * A request body as the engine takes it: text read under a size limit, or why it was refused
 * (a non-JSON content type, too many bytes, bytes that are not UTF-8), and the JSON parse that
 * refuses text nested absurdly deep. Transports read; this decides.
 */

/** Why a body was refused before parsing. */
export type BodyRefusal = 'too_large' | 'invalid_utf8' | 'unsupported_content_type'

export type BodyRead =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: BodyRefusal; readonly contentType?: string }

// ignoreBOM keeps a byte-order mark in the text, so JSON.parse refuses it as strict parsers do.
const DECODER_OPTIONS: TextDecoderOptions = { fatal: true, ignoreBOM: true }
// One decoder for every body read whole: a decode that does not stream keeps no state.
const WHOLE_BODY_DECODER = new TextDecoder('utf-8', DECODER_OPTIONS)

/** How deep objects and arrays may nest in a request body; deeper is answered 400. */
export const MAX_JSON_DEPTH = 128

// What the SDKs send (application/json), what `fetch` sends for a string body
// (text/plain;charset=UTF-8), and JSON media types such as application/vnd.api+json.
const JSON_CONTENT_TYPE = /^(?:application\/(?:[\w.+-]+\+)?json|text\/plain)\s*(?:;|$)/i

/**
 * Whether a request's content type can carry a JSON body; an absent one can.
 *
 * @example isJSONContentType('application/json; charset=utf-8') // true
 */
export function isJSONContentType(contentType: string | null): boolean {
  return contentType === null || contentType === '' || JSON_CONTENT_TYPE.test(contentType.trim())
}

/**
 * The body as text, or why it was refused: a content type that is not JSON, more than `limit`
 * bytes declared or arriving (an oversized body is never held in memory whole), or bytes that
 * are not UTF-8.
 *
 * @example const read = await readBody(request, 10 * 1024 * 1024)
 */
export async function readBody(request: Request, limit: number): Promise<BodyRead> {
  const contentType = request.headers.get('content-type')
  if (!isJSONContentType(contentType)) {
    await request.body?.cancel().catch(() => {})
    return { ok: false, reason: 'unsupported_content_type', contentType: contentType ?? '' }
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > limit) return { ok: false, reason: 'too_large' }
  // A declared length within the limit is read in one piece: on Node no body stream is built.
  if (declared >= 0) {
    const bytes = new Uint8Array(await request.arrayBuffer())
    // A Request made in process can carry more than it declares.
    if (bytes.byteLength > limit) return { ok: false, reason: 'too_large' }
    return decodeBody(bytes)
  }
  if (!request.body) return { ok: true, text: '' }
  const reader = request.body.getReader()
  const decoder = new TextDecoder('utf-8', DECODER_OPTIONS)
  let size = 0
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      return { ok: false, reason: 'too_large' }
    }
    const decoded = decode(decoder, value)
    if (decoded === undefined) {
      await reader.cancel().catch(() => {})
      return { ok: false, reason: 'invalid_utf8' }
    }
    text += decoded
  }
  const rest = decode(decoder)
  return rest === undefined
    ? { ok: false, reason: 'invalid_utf8' }
    : { ok: true, text: text + rest }
}

/**
 * A whole body's bytes as text, or `invalid_utf8`.
 *
 * @example decodeBody(new TextEncoder().encode('{}')) // { ok: true, text: '{}' }
 */
export function decodeBody(bytes: Uint8Array): BodyRead {
  const text = decode(WHOLE_BODY_DECODER, bytes, false)
  return text === undefined ? { ok: false, reason: 'invalid_utf8' } : { ok: true, text }
}

// A fatal decoder throws on bytes that are not UTF-8; that is the client's mistake, not ours.
function decode(decoder: TextDecoder, bytes?: Uint8Array, stream = true): string | undefined {
  try {
    return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream })
  } catch {
    return undefined
  }
}

/**
 * The status, message and code to answer a refused body with, for the route's error envelope.
 *
 * @example route.errors(bodyRefusal(read, ctx.bodyLimit))
 */
export function bodyRefusal(
  read: { readonly reason: BodyRefusal; readonly contentType?: string },
  limit: number,
): { status: number; message: string; code: string } {
  switch (read.reason) {
    case 'too_large':
      return {
        status: 413,
        message: `Request body too large: the limit is ${limit} bytes (option bodyLimit).`,
        code: 'request_too_large',
      }
    case 'invalid_utf8':
      return {
        status: 400,
        message:
          'We could not parse the JSON body of your request: it is not valid UTF-8. (HINT: send the JSON text encoded as UTF-8.)',
        code: 'invalid_json',
      }
    case 'unsupported_content_type':
      return {
        status: 400,
        message: `Unsupported content-type '${read.contentType}': the API expects a JSON body; send it with content-type: application/json.`,
        code: 'unsupported_content_type',
      }
  }
}

/**
 * How deep the objects and arrays of a JSON text nest, counted without recursion and without
 * parsing, so a hostile body costs one pass over its characters.
 *
 * @example jsonDepth('{"a":[1]}') // 2
 */
export function jsonDepth(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 92) i++
      else if (char === 34) inString = false
    } else if (char === 34) {
      inString = true
    } else if (char === 123 || char === 91) {
      depth++
      if (depth > max) max = depth
    } else if (char === 125 || char === 93) {
      depth--
    }
  }
  return max
}

/**
 * Parses a JSON body; text that is not JSON, or that nests deeper than {@link MAX_JSON_DEPTH}
 * (which would overflow the stack of whatever walks it later), is refused.
 *
 * @example parseJSONBody('{"model":"gpt-4o"}') // { ok: true, value: { model: 'gpt-4o' } }
 */
export function parseJSONBody(text: string): { ok: true; value: unknown } | { ok: false } {
  // JSON nested d deep has at least 2d characters, so a shorter text needs no depth count.
  if (text.length > 2 * MAX_JSON_DEPTH && jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}
