/**
 * Reading an upstream's JSON answer for record mode (each provider's `record.ts`): fields
 * taken only when they have the expected type, usage renamed to a rule's names.
 */

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
