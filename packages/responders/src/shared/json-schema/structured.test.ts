import { describe, expect, it } from 'vitest'
import {
  anthropicStructured,
  chatStructured,
  responsesStructured,
  structuredAnswer,
  UNSTRUCTURED,
  warningHeader,
} from './structured.js'

const CITY = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }

describe('reading what a request asks for', () => {
  it('reads chat response_format, tools and a forced tool', () => {
    const request = chatStructured({
      response_format: { type: 'json_schema', json_schema: { name: 'where', schema: CITY } },
      tools: [{ type: 'function', function: { name: 'lookup', parameters: CITY } }],
      tool_choice: { type: 'function', function: { name: 'lookup' } },
    })
    expect(request.format).toEqual({ name: 'where', schema: CITY })
    expect([...request.tools]).toEqual([['lookup', CITY]])
    expect(request.forcedTool).toBe('lookup')
  })

  it('forces the first tool offered when tool_choice asks for any call', () => {
    const tools = [
      { type: 'function', function: { name: 'lookup', parameters: CITY } },
      { type: 'function', function: { name: 'other' } },
    ]
    expect(chatStructured({ tools, tool_choice: 'required' }).forcedTool).toBe('lookup')
    expect(chatStructured({ tools, tool_choice: 'auto' }).forcedTool).toBeUndefined()
    expect(
      responsesStructured({
        tools: [{ type: 'function', name: 'find', parameters: CITY }],
        tool_choice: 'required',
      }).forcedTool,
    ).toBe('find')
    const anthropicTools = [{ name: 'search', input_schema: CITY }, { name: 'fetch' }]
    expect(
      anthropicStructured({ tools: anthropicTools, tool_choice: { type: 'any' } }).forcedTool,
    ).toBe('search')
    expect(
      anthropicStructured({ tools: anthropicTools, tool_choice: { type: 'auto' } }).forcedTool,
    ).toBeUndefined()
    expect(chatStructured({ tool_choice: 'required' }).forcedTool).toBeUndefined()
  })

  it('reads Responses text.format and Anthropic output_config.format (and the beta output_format)', () => {
    expect(responsesStructured({ text: { format: { type: 'json_object' } } }).format).toEqual({})
    expect(
      anthropicStructured({ output_config: { format: { type: 'json_schema', schema: CITY } } })
        .format,
    ).toEqual({ schema: CITY })
    expect(
      anthropicStructured({ output_format: { type: 'json_schema', schema: CITY } }).format,
    ).toEqual({ schema: CITY })
  })

  it('gives UNSTRUCTURED for a plain request', () => {
    expect(chatStructured({ response_format: { type: 'text' }, tool_choice: 'auto' })).toBe(
      UNSTRUCTURED,
    )
  })
})

describe('structuredAnswer', () => {
  it('leaves a plain rule alone on a plain request', () => {
    const { respond, warnings, generated } = structuredAnswer({ content: 'Hi' }, UNSTRUCTURED, 's')
    expect(respond).toEqual({ content: 'Hi' })
    expect([warnings, generated]).toEqual([[], false])
  })

  it('sends respond.json without a requested format too', () => {
    expect(structuredAnswer({ json: [1, 'a'] }, UNSTRUCTURED, 's').respond).toEqual({
      content: '[1,"a"]',
    })
  })

  it('checks given arguments against the tool schema', () => {
    const request = chatStructured({
      tools: [{ type: 'function', function: { name: 'lookup', parameters: CITY } }],
    })
    const { warnings } = structuredAnswer(
      { tool_calls: [{ type: 'function', function: { name: 'lookup', arguments: '{}' } }] },
      request,
      's',
    )
    expect(warnings).toEqual([
      "respond.tool_calls[0].function.arguments does not match the requested schema at /: must have required property 'city'",
    ])
  })
})

describe('warningHeader', () => {
  it('joins, keeps to printable ASCII and bounds the length', () => {
    expect(warningHeader([])).toEqual({})
    expect(warningHeader(['a é', 'b'])).toEqual({ 'x-mocktopus-warning': 'a ?; b' })
    expect(warningHeader(['x'.repeat(2000)])['x-mocktopus-warning']).toHaveLength(1000)
  })
})
