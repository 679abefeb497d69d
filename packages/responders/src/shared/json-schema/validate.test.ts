import { describe, expect, it } from 'vitest'
import { checkSchema, SCHEMA_CACHE_SIZE } from './validate.js'

describe('checkSchema', () => {
  it('reads zod output: a 2020-12 $schema, $defs and an $id', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'person',
      type: 'object',
      properties: { friend: { $ref: '#/$defs/Friend' } },
      required: ['friend'],
      $defs: { Friend: { type: 'object', required: ['name'] } },
    }
    expect(checkSchema(schema, { friend: { name: 'Ada' } })).toEqual({ valid: true })
    expect(checkSchema(schema, { friend: {} })).toEqual({
      valid: false,
      error: "/friend: must have required property 'name'",
    })
  })

  it('checks the formats structured outputs use', () => {
    const schema = { type: 'string', format: 'date-time' }
    expect(checkSchema(schema, '2024-01-02T03:04:05Z').valid).toBe(true)
    expect(checkSchema(schema, 'yesterday').valid).toBe(false)
  })

  it('counts a schema Ajv cannot compile as valid, saying why', () => {
    const check = checkSchema({ type: 'nonsense' }, 1)
    expect(check.valid).toBe(true)
    expect(check.error).toMatch(/^the schema could not be compiled/)
  })

  it('keeps checking correctly past the cache bound', () => {
    for (let i = 0; i < SCHEMA_CACHE_SIZE + 20; i++) {
      expect(checkSchema({ type: 'integer', minimum: i }, i).valid).toBe(true)
      expect(checkSchema({ type: 'integer', minimum: i }, i - 1).valid).toBe(false)
    }
    expect(checkSchema({ type: 'integer', minimum: 0 }, -1).valid).toBe(false)
  })
})
