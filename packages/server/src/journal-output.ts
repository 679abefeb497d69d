/**
 * `GET /_mocktopus/requests`: the journal as `{ "requests": [...], "cursor": N }`, a page at a
 * time with `?limit=` and `?after=`, written entry by entry so even a full journal never
 * becomes one string in memory.
 */
import { type Exchange, type Journal, openaiError } from '@mocktopus/responders'
import { jsonOutput, type Output } from './output.js'

// `?after=12&limit=50`, or why not; absent values are undefined.
function pageQuery(
  query: string,
): { ok: true; after?: number; limit?: number } | { ok: false; message: string } {
  const params = new URLSearchParams(query)
  const read = (name: string) => {
    const raw = params.get(name)
    if (raw === null) return undefined
    const value = Number(raw)
    return Number.isSafeInteger(value) && value >= 0 ? value : Number.NaN
  }
  const after = read('after')
  const limit = read('limit')
  if (Number.isNaN(after))
    return { ok: false, message: 'after must be a cursor from an earlier page (a whole number).' }
  if (Number.isNaN(limit)) return { ok: false, message: 'limit must be a whole number >= 0.' }
  return {
    ok: true,
    ...(after === undefined ? {} : { after }),
    ...(limit === undefined ? {} : { limit }),
  }
}

/**
 * The journal page a query asks for; with `scope`, only the entries its filter keeps, numbered
 * after its `after` (a session's view).
 *
 * @example journalOutput(journal, 'limit=100')
 */
export function journalOutput(
  journal: Journal<Exchange>,
  query: string,
  scope?: { readonly after: number; readonly filter: (entry: Exchange) => boolean },
): Output {
  const asked = pageQuery(query)
  if (!asked.ok) {
    const wire = openaiError({ status: 400, message: asked.message, code: 'invalid_cursor' })
    return jsonOutput(400, wire.body)
  }
  const { entries, cursor } = journal.page(
    scope
      ? {
          ...asked,
          after: Math.max(asked.after ?? scope.after, scope.after),
          filter: scope.filter,
        }
      : asked,
  )
  const encoder = new TextEncoder()
  let index = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index === 0) controller.enqueue(encoder.encode('{"requests":['))
      // A few entries a pull: each is at most the per-entry body limit.
      for (let n = 0; n < 16 && index < entries.length; n++, index++) {
        const text = JSON.stringify(entries[index])
        controller.enqueue(encoder.encode(index === 0 ? text : `,${text}`))
      }
      if (index >= entries.length) {
        controller.enqueue(encoder.encode(`],"cursor":${cursor === null ? 'null' : cursor}}`))
        controller.close()
      }
    },
  })
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' }
  return { kind: 'response', response: new Response(body, { status: 200, headers }) }
}
