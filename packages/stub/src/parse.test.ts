import { describe, expect, it } from 'vitest'
import { createStubClient } from './client.js'
import { ContentFilterFinishReasonError, LengthFinishReasonError } from './errors.js'

const SCENARIO = `
version: 1
rules:
  - type: llm
    when: { messages_contains: report }
    respond: { content: '{"city":"Paris","temperature_c":22}' }
  - type: llm
    when: { messages_contains: tool }
    respond:
      tool_calls:
        - id: call_1
          type: function
          function: { name: lookup, arguments: { city: Paris } }
  - type: llm
    when: { messages_contains: short }
    respond: { content: '{"ci', finish_reason: length }
  - type: llm.openai
    when: { messages_contains: filtered }
    respond: { content: "", finish_reason: content_filter }
`

const ask = (content: string) => ({
  model: 'gpt-4o',
  messages: [{ role: 'user' as const, content }],
})

// What `zodResponseFormat` builds: the format plus a non-enumerable `$brand` and `$parseRaw`.
function parseable<T>(format: object, parser: (content: string) => T) {
  return Object.defineProperties(
    { ...format },
    {
      $brand: { value: 'auto-parseable-response-format', enumerable: false },
      $parseRaw: { value: parser, enumerable: false },
    },
  ) as typeof format & { $parseRaw(content: string): T }
}

const JSON_SCHEMA = { type: 'json_schema', json_schema: { name: 'w', schema: {} } }

describe('chat.completions.parse', () => {
  it('parses content through the format parser, and with JSON.parse without one', async () => {
    const client = createStubClient(SCENARIO)
    const upper = parseable(JSON_SCHEMA, (content) => ({ raw: content.toUpperCase() }))
    const viaParser = await client.chat.completions.parse({
      ...ask('report'),
      response_format: upper,
    })
    expect(viaParser.choices[0]?.message.parsed).toEqual({
      raw: '{"CITY":"PARIS","TEMPERATURE_C":22}',
    })
    expect(viaParser._request_id).toMatch(/^req_/)
    const plain = await client.chat.completions.parse({
      ...ask('report'),
      response_format: JSON_SCHEMA,
    })
    expect(plain.choices[0]?.message.parsed).toEqual({ city: 'Paris', temperature_c: 22 })
    const text = await client.chat.completions.parse({
      ...ask('report'),
      response_format: { type: 'text' },
    })
    expect(text.choices[0]?.message.parsed).toBeNull()
  })

  it('sends the format without its parser, as JSON would', async () => {
    const client = createStubClient(SCENARIO)
    const format = parseable(JSON_SCHEMA, () => 1)
    await client.chat.completions.parse({ ...ask('report'), response_format: format })
    expect(client.requests()[0]?.body).toMatchObject({ response_format: JSON_SCHEMA })
  })

  it('parses strict tool arguments, and refuses a tool that is not strict', async () => {
    const client = createStubClient(SCENARIO)
    const strict = {
      type: 'function' as const,
      function: { name: 'lookup', strict: true, parameters: {} },
    }
    const completion = await client.chat.completions.parse({ ...ask('tool'), tools: [strict] })
    expect(completion.choices[0]?.message.tool_calls?.[0]?.function).toEqual({
      name: 'lookup',
      arguments: '{"city":"Paris"}',
      parsed_arguments: { city: 'Paris' },
    })
    const loose = { type: 'function' as const, function: { name: 'lookup', parameters: {} } }
    expect(() => client.chat.completions.parse({ ...ask('tool'), tools: [loose] })).toThrow(
      'The `lookup` tool is not marked with `strict: true`',
    )
  })

  it('throws LengthFinishReasonError and ContentFilterFinishReasonError', async () => {
    const client = createStubClient(SCENARIO)
    await expect(client.chat.completions.parse(ask('short'))).rejects.toThrow(
      LengthFinishReasonError,
    )
    await expect(client.chat.completions.parse(ask('filtered'))).rejects.toThrow(
      ContentFilterFinishReasonError,
    )
  })
})

describe('responses.parse', () => {
  it('gives output_parsed from the text format, as an enumerable getter', async () => {
    const client = createStubClient(SCENARIO)
    const format = parseable({ type: 'json_schema', name: 'w', schema: {} }, (content) =>
      JSON.parse(content),
    )
    const response = await client.responses.parse({
      model: 'gpt-4o',
      input: 'report',
      text: { format },
    })
    expect(response.output_parsed).toEqual({ city: 'Paris', temperature_c: 22 })
    expect(Object.keys(response)).toContain('output_parsed')
    expect(response.output_text).toBe('{"city":"Paris","temperature_c":22}')
    const plain = await client.responses.parse({ model: 'gpt-4o', input: 'report' })
    expect(plain.output_parsed).toBeNull()
  })
})
