/**
 * Turns a responder's answer (plain data, the same the server sends) into what an SDK hands an
 * application: the JSON body, a stream of chunk objects, or a thrown error.
 */
import type { Clock, WireResult } from '@mocktopus/responders'
import type { Dialect } from './engine.js'
import { APIUserAbortError, MockAPIError, NoMatchingRuleError } from './errors.js'
import { MockStream } from './stream.js'

/**
 * Adds `_request_id` (the answer's `x-request-id`) as the SDK does: not enumerable, so it
 * stays out of `JSON.stringify` and `toEqual`.
 */
export function withRequestID<T>(value: T, requestID: string | null): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.defineProperty(value, '_request_id', { value: requestID, enumerable: false })
}

/** The `openai` SDK's way: `x-request-id`, `MockAPIError` and its subclasses. */
export const OPENAI_DIALECT: Dialect = {
  headers: { header: () => undefined },
  requestIdHeader: 'x-request-id',
  decorate: (value, headers) => withRequestID(value, headers['x-request-id'] ?? null),
  error: (init) => MockAPIError.generate(init),
  noMatch: (init) => new NoMatchingRuleError(init),
  aborted: () => new APIUserAbortError(),
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
  dialect: Dialect = OPENAI_DIALECT,
): Promise<Body | MockStream<Chunk>> {
  await clock.sleep(answer.delayMs, controller.signal)
  if (controller.signal.aborted) throw dialect.aborted()
  if (answer.kind === 'error') {
    throw dialect.error({ status: answer.status, headers: answer.headers, body: answer.body })
  }
  if (answer.kind === 'json') return dialect.decorate(answer.body as Body, answer.headers)
  const { chunks } = answer
  const { keep } = dialect
  const stream = keep
    ? new MockStream(async function* () {
        for await (const chunk of chunks) if (keep(chunk)) yield chunk
      }, controller)
    : new MockStream(() => chunks[Symbol.asyncIterator](), controller)
  // The SDKs keep the request id on the response, not on the stream; it is here, hidden, for
  // `messages.stream()`'s `request_id`.
  return dialect.decorate(stream, answer.headers)
}
