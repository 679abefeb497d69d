/**
 * The typed event sequence of a streamed Responses API answer, built from the finished
 * response object so that the stream and the non-streamed body always agree. On the wire each
 * event is framed with an `event:` line naming its type, and the stream has no `[DONE]` line.
 */
import { splitText } from '../../shared/chunking.js'
import { type Clock, systemClock } from '../../shared/clock.js'
import { pacedStream, type StreamParts, type StreamTiming } from '../../shared/paced-stream.js'
import { inProgressResponse } from './body.js'
import type { ResponseObject, ResponseStreamEvent } from './types.js'

type EventWithoutSequence = ResponseStreamEvent extends infer E
  ? E extends ResponseStreamEvent
    ? Omit<E, 'sequence_number'>
    : never
  : never

export interface ResponseEventsOptions {
  /** The finished response; the events build up to exactly this. */
  readonly response: ResponseObject
  /** Characters per delta; default word-sized pieces. */
  readonly chunkSize?: number
  /** Pause between deltas, through `clock.sleep`. */
  readonly chunkDelayMs?: number
  readonly clock?: Clock
  /** Time to the first delta, pace and jitter, when set. */
  readonly timing?: StreamTiming
  /** Stops the pauses early when the client hangs up. */
  readonly signal?: AbortSignal
}

// The events in order, before numbering; pacing (between deltas) and stopping are pacedStream's.
function* unsequenced(
  response: ResponseObject,
  chunkSize: number | undefined,
): Generator<EventWithoutSequence> {
  const start = inProgressResponse(response)
  yield { type: 'response.created', response: start }
  yield { type: 'response.in_progress', response: start }

  for (const [output_index, item] of response.output.entries()) {
    if (item.type === 'message') {
      yield {
        type: 'response.output_item.added',
        output_index,
        item: { ...item, status: 'in_progress', content: [] },
      }
      for (const [content_index, part] of item.content.entries()) {
        const where = { item_id: item.id, output_index, content_index }
        if (part.type === 'refusal') {
          const empty = { ...part, refusal: '' }
          yield { type: 'response.content_part.added', ...where, part: empty }
          for (const delta of splitText(part.refusal, chunkSize)) {
            yield { type: 'response.refusal.delta', ...where, delta }
          }
          yield { type: 'response.refusal.done', ...where, refusal: part.refusal }
          yield { type: 'response.content_part.done', ...where, part }
          continue
        }
        yield { type: 'response.content_part.added', ...where, part: { ...part, text: '' } }
        for (const delta of splitText(part.text, chunkSize)) {
          yield { type: 'response.output_text.delta', ...where, delta, logprobs: [] }
        }
        yield { type: 'response.output_text.done', ...where, text: part.text, logprobs: [] }
        yield { type: 'response.content_part.done', ...where, part }
      }
    } else {
      yield {
        type: 'response.output_item.added',
        output_index,
        item: { ...item, status: 'in_progress', arguments: '' },
      }
      for (const delta of splitText(item.arguments, chunkSize)) {
        yield {
          type: 'response.function_call_arguments.delta',
          item_id: item.id,
          output_index,
          delta,
        }
      }
      yield {
        type: 'response.function_call_arguments.done',
        item_id: item.id,
        output_index,
        name: item.name,
        arguments: item.arguments,
      }
    }
    yield { type: 'response.output_item.done', output_index, item }
  }

  yield {
    type: response.status === 'incomplete' ? 'response.incomplete' : 'response.completed',
    response,
  }
}

function* sequenced(
  response: ResponseObject,
  chunkSize: number | undefined,
): Generator<ResponseStreamEvent> {
  let sequence_number = 0
  for (const event of unsequenced(response, chunkSize)) {
    yield { ...event, sequence_number: sequence_number++ } as ResponseStreamEvent
  }
}

const isDelta = (event: ResponseStreamEvent) =>
  event.type === 'response.output_text.delta' ||
  event.type === 'response.refusal.delta' ||
  event.type === 'response.function_call_arguments.delta'

/**
 * The events, numbered from 0 by `sequence_number`, and their SSE frames (each under its
 * `event:` name, no `[DONE]`), each made by one generator; every pass starts afresh. The
 * signal is read when a pass starts.
 *
 * @example const { chunks, frames } = responseStream({ response, chunkSize: 8 })
 */
export function responseStream(options: ResponseEventsOptions): StreamParts<ResponseStreamEvent> {
  const { response, chunkSize, chunkDelayMs = 0, clock = systemClock } = options
  return pacedStream(
    () => sequenced(response, chunkSize),
    {
      chunkDelayMs,
      clock,
      signal: () => options.signal,
      paces: isDelta,
      ...(options.timing ? { timing: options.timing } : {}),
    },
    (event) => ({ event: event.type, data: event }),
  )
}

/**
 * The events in order, numbered from 0 by `sequence_number`.
 *
 * @example
 * for await (const event of responseEvents({ response })) console.log(event.type)
 * // response.created, response.in_progress, response.output_item.added, ...
 */
export async function* responseEvents(
  options: ResponseEventsOptions,
): AsyncGenerator<ResponseStreamEvent> {
  yield* responseStream(options).chunks
}
