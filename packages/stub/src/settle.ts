/**
 * Turns a responder's answer (plain data, the same the server sends) into what the `openai`
 * SDK hands an application: the JSON body, a stream of chunk objects, or a thrown error.
 */
import type { Clock, WireResult } from '@mocktopus/responders'
import { APIUserAbortError, MockAPIError } from './errors.js'
import { MockStream } from './stream.js'

/**
 * Adds `_request_id` (the answer's `x-request-id`) as the SDK does: not enumerable, so it
 * stays out of `JSON.stringify` and `toEqual`.
 */
export function withRequestID<T>(value: T, requestID: string | null): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.defineProperty(value, '_request_id', { value: requestID, enumerable: false })
}

/**
 * The body of a JSON answer, a {@link MockStream} of a streamed answer's chunks, or throws the
 * error answer as the SDK's class for its status. Waits the answer's `delay_ms` on `clock`.
 * `controller` is the one whose signal the responder got, so aborting the stream also cuts
 * short a chunk delay in progress.
 */
export async function settle<Body, Chunk>(
  answer: WireResult<Chunk>,
  clock: Clock,
  controller: AbortController = new AbortController(),
): Promise<Body | MockStream<Chunk>> {
  await clock.sleep(answer.delayMs, controller.signal)
  if (controller.signal.aborted) throw new APIUserAbortError()
  if (answer.kind === 'error') {
    throw MockAPIError.generate({
      status: answer.status,
      headers: answer.headers,
      body: answer.body,
    })
  }
  if (answer.kind === 'json') {
    return withRequestID(answer.body as Body, answer.headers['x-request-id'] ?? null)
  }
  const { chunks } = answer
  return new MockStream(() => chunks[Symbol.asyncIterator](), controller)
}
