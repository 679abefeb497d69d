import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateFromSchema } from './generate.js'
import { stringForPattern } from './pattern.js'
import { checkSchema, type JSONSchema } from './validate.js'

const valid = (schema: JSONSchema, seed = 'seed') => {
  const { value, warnings } = generateFromSchema(schema, { seed })
  expect(warnings).toEqual([])
  expect(checkSchema(schema, value)).toEqual({ valid: true })
  return value
}

describe('generateFromSchema', () => {
  it('fills every property, required first, with strings named after them', () => {
    const value = valid({
      type: 'object',
      properties: {
        note: { type: 'string' },
        city: { type: 'string' },
        count: { type: 'integer' },
      },
      required: ['city'],
    })
    expect(Object.keys(value as object)).toEqual(['city', 'note', 'count'])
    expect((value as { city: string }).city).toMatch(/^city \d+$/)
  })

  it('gives the same value for the same seed and another for another seed', () => {
    const schema = { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string' } } }
    const one = generateFromSchema(schema, { seed: 'x' }).value
    expect(generateFromSchema(schema, { seed: 'x' }).value).toEqual(one)
    const others = ['y', 'z', 'w'].map((seed) => generateFromSchema(schema, { seed }).value)
    expect(others.some((other) => JSON.stringify(other) !== JSON.stringify(one))).toBe(true)
  })

  it('follows $ref into $defs and definitions and ends a recursive schema', () => {
    const tree = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        children: { type: 'array', items: { $ref: '#/$defs/Node' } },
        parent: { anyOf: [{ $ref: '#/definitions/Ref' }, { type: 'null' }] },
      },
      required: ['name', 'children', 'parent'],
      additionalProperties: false,
      $defs: { Node: { $ref: '#' } },
      definitions: {
        Ref: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
      },
    }
    const value = valid(tree) as { children: unknown[] }
    expect(value.children.length).toBeGreaterThan(0)
  })

  it('honours formats, bounds, multipleOf, enums, const and allOf', () => {
    const value = valid({
      type: 'object',
      properties: {
        when: { type: 'string', format: 'date-time' },
        day: { type: 'string', format: 'date' },
        mail: { type: 'string', format: 'email' },
        site: { type: 'string', format: 'uri' },
        id: { type: 'string', format: 'uuid' },
        code: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
        short: { type: 'string', maxLength: 3 },
        long: { type: 'string', minLength: 40 },
        price: { type: 'number', minimum: 0.5, maximum: 2, multipleOf: 0.25 },
        age: { type: 'integer', exclusiveMinimum: 17, maximum: 19 },
        color: { enum: ['red', 'green'] },
        kind: { const: 'fixed' },
        both: {
          allOf: [
            { properties: { a: { type: 'string' } }, required: ['a'] },
            { required: ['b'], properties: { b: { type: 'boolean' } } },
          ],
        },
        tags: {
          type: 'array',
          items: { type: 'string' },
          minItems: 3,
          maxItems: 3,
          uniqueItems: true,
        },
        maybe: { type: ['string', 'null'] },
      },
    }) as Record<string, unknown>
    expect(value.code).toMatch(/^[A-Z]{3}-\d{4}$/)
    expect(value.kind).toBe('fixed')
    expect((value.tags as string[]).length).toBe(3)
    expect(typeof value.maybe).toBe('string')
  })

  it('reports a pattern it cannot generate for and still returns a value', () => {
    const result = generateFromSchema(
      { type: 'string', pattern: '^(?=a)b$' },
      { seed: 's', name: 'x' },
    )
    expect(typeof result.value).toBe('string')
    expect(result.warnings[0]).toContain('pattern')
  })
})

describe('stringForPattern', () => {
  it('handles classes, groups and quantifiers', () => {
    for (const pattern of [
      '^(red|green|blue)$',
      '^[a-z0-9_]{2,5}$',
      '^\\+?\\d{3}(-\\d{2})?$',
      'ab*c',
    ]) {
      let i = 0
      const text = stringForPattern(pattern, (n) => i++ % n)
      expect(text === undefined ? undefined : new RegExp(pattern).test(text)).toBe(true)
    }
  })
})

// Schemas of the kinds the generator supports, nested a few levels.
const leaf: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({
    type: fc.constant('string'),
    minLength: fc.integer({ min: 0, max: 8 }),
    maxLength: fc.integer({ min: 8, max: 20 }),
  }),
  fc.record({
    type: fc.constant('string'),
    format: fc.constantFrom('date-time', 'date', 'email', 'uri', 'uuid'),
  }),
  fc.record({
    type: fc.constant('string'),
    pattern: fc.constantFrom('^[a-z]{3}$', '^\\d{2}-[A-F]+$', '^(yes|no)$'),
  }),
  fc
    .record({
      min: fc.integer({ min: -50, max: 50 }),
      span: fc.integer({ min: 0, max: 100 }),
      step: fc.constantFrom(1, 2, 5),
    })
    .map(({ min, span, step }) => ({
      type: 'integer',
      minimum: min,
      maximum: min + span + step,
      multipleOf: step,
    })),
  fc.record({
    type: fc.constant('number'),
    minimum: fc.double({ min: -10, max: 10, noNaN: true }),
  }),
  fc.constant({ type: 'boolean' }),
  fc.constant({ type: 'null' }),
  fc
    .uniqueArray(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 4 })
    .map((values) => ({ enum: values })),
  fc.jsonValue({ maxDepth: 2 }).map((value) => ({ const: value })),
)

const schemaArbitrary = fc.letrec<{ schema: Record<string, unknown> }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('schema'), { maxKeys: 4 })
      .chain((properties) =>
        fc.record({
          type: fc.constant('object'),
          properties: fc.constant(properties),
          required: fc.subarray(Object.keys(properties)),
          additionalProperties: fc.boolean(),
        }),
      ),
    fc
      .record({
        items: tie('schema'),
        minItems: fc.integer({ min: 0, max: 2 }),
        extra: fc.integer({ min: 0, max: 3 }),
      })
      .map(({ items, minItems, extra }) => ({
        type: 'array',
        items,
        minItems,
        maxItems: minItems + extra,
      })),
    fc.array(tie('schema'), { minLength: 1, maxLength: 3 }).map((anyOf) => ({ anyOf })),
    tie('schema').map((inner) => ({ anyOf: [inner, { type: 'null' }] })),
  ),
}))

// A $ref to $defs resolves from the root, so the definitions sit there.
const rootSchema = fc.oneof(
  schemaArbitrary.schema,
  schemaArbitrary.schema.map((inner) => ({
    type: 'object',
    properties: { item: { $ref: '#/$defs/Inner' } },
    required: ['item'],
    $defs: { Inner: inner },
  })),
)

describe('generateFromSchema, by property', () => {
  it('generates values Ajv accepts, the same twice', () => {
    fc.assert(
      fc.property(rootSchema, fc.string(), (schema, seed) => {
        const first = generateFromSchema(schema, { seed })
        expect(checkSchema(schema, first.value)).toEqual({ valid: true })
        expect(generateFromSchema(schema, { seed })).toEqual(first)
      }),
      { numRuns: 150 },
    )
  }, 60_000)
})
