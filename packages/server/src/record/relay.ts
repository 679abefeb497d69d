/**
 * What one call to the upstream needs beyond `fetch`: a clock that ends a silent upstream, and
 * cutters that hand a client's stream whole SSE events (or NDJSON lines) only, so that a stream
 * cut short can still end with an error event the SDKs read. Web standard only.
 */

/** Calls `listener` once when the client goes away; returns what stops listening. */
export type ClientWatcher = (listener: () => void) => () => void

/** Why an upstream call was ended by us rather than by the upstream. */
export type DeadlineEnd = 'timeout' | 'client'

export interface UpstreamDeadline {
  /** Aborts the upstream `fetch`. */
  readonly signal: AbortSignal
  /** Why the call was ended, once it was. */
  readonly ended: DeadlineEnd | undefined
  /** Rejects with the abort reason when the call is ended; never resolves. */
  readonly aborted: Promise<never>
  /** The upstream sent something: it has the whole timeout again for its next bytes. */
  restart(): void
  /** From here on a client that leaves no longer ends the call (the answer is still recorded). */
  releaseClient(): void
  /** The call is over: clears the timer and the client listener. */
  stop(): void
}

/**
 * The clock on one upstream call: the upstream has `timeoutMs` to send its headers, then
 * `timeoutMs` between two pieces of its body; a client that goes away ends the call too until
 * {@link UpstreamDeadline.releaseClient}. The client is its signal, or a watcher
 * (`ForwardedRequest.onClose`) that spares building one: the call's own controller is then
 * the only one made.
 *
 * @example
 * const deadline = createDeadline(600_000, request.signal)
 * const response = await Promise.race([fetch(url, { signal: deadline.signal }), deadline.aborted])
 */
export function createDeadline(
  timeoutMs: number,
  client?: AbortSignal | ClientWatcher,
): UpstreamDeadline {
  const controller = new AbortController()
  let ended: DeadlineEnd | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
      once: true,
    })
  })
  // Read only when the call is ended early; never an unhandled rejection otherwise.
  aborted.catch(() => {})
  const end = (why: DeadlineEnd, reason: Error): void => {
    if (controller.signal.aborted) return
    ended = why
    clearTimeout(timer)
    controller.abort(reason)
  }
  const onClient = (): void => end('client', new Error('the client went away'))
  const restart = (): void => {
    clearTimeout(timer)
    if (controller.signal.aborted) return
    timer = setTimeout(
      () => end('timeout', new Error(`the upstream sent nothing for ${timeoutMs} ms`)),
      timeoutMs,
    )
    // A pending upstream call keeps the process alive by its socket, never by this timer.
    ;(timer as { unref?: () => void }).unref?.()
  }
  let releaseClient = (): void => {}
  restart()
  if (typeof client === 'function') releaseClient = client(onClient)
  else if (client?.aborted) onClient()
  else if (client) {
    client.addEventListener('abort', onClient, { once: true })
    releaseClient = () => client.removeEventListener('abort', onClient)
  }
  return {
    signal: controller.signal,
    get ended() {
      return ended
    },
    aborted,
    restart,
    releaseClient: () => releaseClient(),
    stop() {
      clearTimeout(timer)
      releaseClient()
    },
  }
}

export interface EventCutter {
  /** Takes the next bytes; returns the whole events they complete, if any. */
  push(bytes: Uint8Array): Uint8Array | undefined
  /** The bytes held back since the last whole event (a stream that ended without a blank line). */
  rest(): Uint8Array | undefined
}

const LF = 0x0a
const CR = 0x0d

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.byteLength
  }
  return out
}

// A cutter that passes on the bytes up to where `endOf` says the last whole unit ends (-1: none
// in these bytes) and holds back the rest until a later push completes it.
function cutterAt(endOf: (bytes: Uint8Array) => number): EventCutter {
  let held: Uint8Array[] = []
  return {
    push(bytes) {
      const end = endOf(bytes)
      if (end === -1) {
        if (bytes.byteLength > 0) held.push(bytes)
        return undefined
      }
      const ready = concat([...held, bytes.subarray(0, end)])
      held = end < bytes.byteLength ? [bytes.subarray(end)] : []
      return ready
    },
    rest() {
      if (held.length === 0) return undefined
      const rest = concat(held)
      held = []
      return rest
    },
  }
}

/**
 * Cuts a byte stream after the blank line that ends an SSE event (`\n\n` or `\n\r\n`). An
 * upstream sends whole events per chunk, so nothing is delayed in practice; when a stream is
 * cut mid-event, the client has whole events only and an error event can follow them.
 *
 * @example
 * const cutter = createEventCutter()
 * cutter.push(bytes('data: 1\n\ndata: 2')) // bytes('data: 1\n\n')
 */
export function createEventCutter(): EventCutter {
  // The last two bytes pushed so far, for an event end that straddles two pushes.
  let last = 0
  let beforeLast = 0
  const byteAt = (bytes: Uint8Array, i: number): number =>
    i >= 0 ? (bytes[i] as number) : i === -1 ? last : beforeLast
  return cutterAt((bytes) => {
    let end = -1
    for (let i = bytes.byteLength - 1; i >= 0; i--) {
      if (bytes[i] !== LF) continue
      const previous = byteAt(bytes, i - 1)
      if (previous === LF || (previous === CR && byteAt(bytes, i - 2) === LF)) {
        end = i + 1
        break
      }
    }
    if (bytes.byteLength >= 2) {
      last = bytes[bytes.byteLength - 1] as number
      beforeLast = bytes[bytes.byteLength - 2] as number
    } else if (bytes.byteLength === 1) {
      beforeLast = last
      last = bytes[0] as number
    }
    return end
  })
}

/**
 * Cuts a byte stream after its last line break, holding back a line not yet whole: an NDJSON
 * stream's cutter, as {@link createEventCutter} is an SSE stream's.
 *
 * @example
 * const cutter = createLineCutter()
 * cutter.push(bytes('{"a":1}\n{"b"')) // bytes('{"a":1}\n')
 */
export function createLineCutter(): EventCutter {
  return cutterAt((bytes) => {
    const last = bytes.lastIndexOf(LF)
    return last === -1 ? -1 : last + 1
  })
}
