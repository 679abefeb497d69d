import { describe, expect, it } from 'vitest'
import { geminiSchemaToJSONSchema, geminiStructured } from './schema.js'

describe('geminiSchemaToJSONSchema', () => {
  it('lower-cases types, turns nullable into a null type, int64 strings into numbers', () => {
    expect(
      geminiSchemaToJSONSchema({
        type: 'OBJECT',
        properties: {
          tags: { type: 'ARRAY', items: { type: 'STRING' }, minItems: '1' },
          note: { type: 'STRING', nullable: true },
        },
        required: ['tags'],
        propertyOrdering: ['tags', 'note'],
      }),
    ).toEqual({
      type: 'object',
      properties: {
        tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
        note: { type: ['string', 'null'] },
      },
      required: ['tags'],
    })
  })
})

describe('geminiStructured', () => {
  it('reads a JSON response format, declarations and a forced call', () => {
    const structured = geminiStructured({
      generationConfig: {
        responseMimeType: 'application/json',
        responseJsonSchema: { type: 'object' },
      },
      tools: [
        { functionDeclarations: [{ name: 'a', parameters: { type: 'OBJECT' } }, { name: 'b' }] },
      ],
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['b'] } },
    })
    expect(structured.format).toEqual({ schema: { type: 'object' } })
    expect([...structured.tools]).toEqual([
      ['a', { type: 'object' }],
      ['b', undefined],
    ])
    expect(structured.forcedTool).toBe('b')
  })

  it('asks for nothing when the body asks for nothing structured', () => {
    const structured = geminiStructured({ contents: [] })
    expect(structured.format).toBeUndefined()
    expect(structured.tools.size).toBe(0)
  })
})
