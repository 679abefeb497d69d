import { describe, expect, it } from 'vitest'
import { DURATION_RANGES } from './durations.js'
import { scenarioSchema } from './schema.js'

// Every schema property whose name says it is a duration, with the path to it.
function durationFields(node: unknown, path: string[] = []): [string, Record<string, unknown>][] {
  if (typeof node !== 'object' || node === null) return []
  const found: [string, Record<string, unknown>][] = []
  for (const [key, value] of Object.entries(node)) {
    if (/_ms$|^retry_after$|_seconds$|timeout/.test(key) && typeof value === 'object') {
      found.push([[...path, key].join('.'), value as Record<string, unknown>])
    }
    found.push(...durationFields(value, [...path, key]))
  }
  return found
}

describe('DURATION_RANGES', () => {
  it('bounds every duration of the schema, well under the 2^31 - 1 ms a timer takes', () => {
    const fields = durationFields(scenarioSchema)
    // respond's durations count twice: a single respond's, and those of the items of a list.
    expect(fields.length).toBe(13)
    for (const [path, field] of fields) {
      const range = DURATION_RANGES[path.split('.').pop() as string]
      expect(range, path).toBeDefined()
      // A list of durations (`chunk_delays_ms`) bounds each item.
      const schema = field.type === 'array' ? (field.items as Record<string, unknown>) : field
      expect(schema, path).toMatchObject({ minimum: 0, maximum: range?.max })
      const ms = range?.unit === 'seconds' ? (range?.max ?? 0) * 1000 : (range?.max ?? 0)
      expect(ms).toBeLessThan(2 ** 31 - 1)
    }
  })
})
