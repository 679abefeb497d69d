/**
 * Reading an upstream's JSON answer and stream events for record mode (each provider's
 * `record.ts`): fields taken only when they have the expected type, usage renamed to a rule's
 * names.
 */
import type { RecordedEvent } from '../engine/endpoint.js'

export type Data = Record<string, unknown>

export function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined
}

/** `{ [key]: value }`, or nothing when the value is `undefined`: for spreading. */
export function optional<K extends string>(key: K, value: unknown): Partial<Record<K, unknown>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, unknown>)
}

/**
 * A rule's `usage` from an answer's (`input_tokens`, `output_tokens`, `total_tokens`), read
 * under the API's own names.
 *
 * @example usageOf({ prompt_tokens: 3 }, { input: 'prompt_tokens' }) // { input_tokens: 3 }
 */
export function usageOf(raw: unknown, names: { input: string; output?: string }): Data | undefined {
  if (!isRecord(raw)) return undefined
  const usage: Data = {}
  const input = count(raw[names.input])
  const output = names.output ? count(raw[names.output]) : undefined
  const total = count(raw.total_tokens)
  if (input !== undefined) usage.input_tokens = input
  if (output !== undefined) usage.output_tokens = output
  if (total !== undefined) usage.total_tokens = total
  return Object.keys(usage).length > 0 ? usage : undefined
}

/** An event's JSON object, or nothing (`[DONE]`, not JSON, not an object). */
export function parseData(event: RecordedEvent): Data | undefined {
  if (event.data === '[DONE]') return undefined
  try {
    const value: unknown = JSON.parse(event.data)
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}

/** Why a stream failed, when an event is an error object. */
export function errorReason(data: Data): string | undefined {
  if (!isRecord(data.error)) return undefined
  const message = data.error.message
  return `the stream carried an error: ${typeof message === 'string' ? message : 'no message'}`
}
