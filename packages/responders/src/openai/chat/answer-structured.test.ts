import type { MatchResult, Respond } from '@mocktopus/scenario'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../shared/clock.js'
import { checkSchema } from '../../shared/json-schema/validate.js'
import { answerChat } from './answer.js'
import { parseChatRequest } from './request.js'
import type { ChatCompletion, ChatCompletionChunk } from './types.js'

const clock = fixedClock(1_700_000_000, { instant: true })
const messages = [{ role: 'user', content: 'Extract the person.' }]
const PERSON = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0, maximum: 120 } },
  required: ['name', 'age'],
  additionalProperties: false,
}
const jsonSchema = {
  type: 'json_schema',
  json_schema: { name: 'person', schema: PERSON, strict: true },
}
const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
}

function answer(body: Record<string, unknown>, respond: Respond) {
  const parsed = parseChatRequest({ model: 'gpt-4o', messages, ...body })
  if (!parsed.ok) throw new Error('bad test body')
  const match: MatchResult = {
    rule: { type: 'llm', when: {}, times: null, respond },
    index: 0,
    use: 1,
  }
  return answerChat({ params: parsed.params, match, clock })
}

function completion(result: ReturnType<typeof answerChat>): ChatCompletion {
  if (result.kind !== 'json') throw new Error(`expected json, got ${result.kind}`)
  expect(result.bodyText ?? JSON.stringify(result.body)).toBe(JSON.stringify(result.body))
  return result.body as ChatCompletion
}

describe('answerChat, structured', () => {
  it('generates content valid against response_format json_schema, the same bytes twice', () => {
    const first = answer({ response_format: jsonSchema }, {})
    const second = answer({ response_format: jsonSchema }, {})
    const content = completion(first).choices[0]?.message.content as string
    expect(checkSchema(PERSON, JSON.parse(content))).toEqual({ valid: true })
    expect(first.kind === 'json' && first.bodyText).toBe(second.kind === 'json' && second.bodyText)
    expect(first.headers['x-mocktopus-warning']).toBeUndefined()
  })

  it('gives json_object requests a small object', () => {
    const content = completion(answer({ response_format: { type: 'json_object' } }, {})).choices[0]
      ?.message.content as string
    expect(JSON.parse(content)).toEqual({ message: expect.any(String) })
  })

  it('sends respond.json serialised, and warns when it misses the schema', () => {
    const good = answer({ response_format: jsonSchema }, { json: { name: 'Ada', age: 36 } })
    expect(completion(good).choices[0]?.message.content).toBe('{"name":"Ada","age":36}')
    expect(good.headers['x-mocktopus-warning']).toBeUndefined()
    const bad = answer({ response_format: jsonSchema }, { json: { name: 'Ada', age: 'old' } })
    expect(completion(bad).choices[0]?.message.content).toBe('{"name":"Ada","age":"old"}')
    expect(bad.headers['x-mocktopus-warning']).toBe(
      'respond.json does not match the requested schema at /age: must be integer',
    )
    expect(bad.kind === 'json' && bad.warnings).toEqual([
      'respond.json does not match the requested schema at /age: must be integer',
    ])
  })

  it('warns when literal content is not JSON', () => {
    const result = answer({ response_format: jsonSchema }, { content: 'Ada, 36' })
    expect(result.headers['x-mocktopus-warning']).toBe(
      'respond.content is not JSON but the request asks for JSON',
    )
  })

  it('answers a forced tool with a call carrying generated arguments, finish_reason stop', () => {
    const body = {
      tools: [weatherTool],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    }
    const choice = completion(answer(body, {})).choices[0]
    expect(choice?.finish_reason).toBe('stop')
    expect(choice?.message.content).toBeNull()
    const call = choice?.message.tool_calls?.[0]
    expect(call?.function.name).toBe('get_weather')
    expect(JSON.parse(call?.function.arguments as string)).toEqual({
      city: expect.stringMatching(/^city \d+$/),
    })
  })

  it('generates the arguments a rule leaves out from the tool schema', () => {
    const result = answer(
      { tools: [weatherTool] },
      {
        tool_calls: [{ type: 'function', function: { name: 'get_weather' } }],
      },
    )
    const choice = completion(result).choices[0]
    expect(choice?.finish_reason).toBe('tool_calls')
    expect(
      JSON.parse(choice?.message.tool_calls?.[0]?.function.arguments as string),
    ).toHaveProperty('city')
  })

  it('sends a refusal as message.refusal with null content, and streams it as delta.refusal', async () => {
    const message = completion(answer({}, { refusal: "I can't help with that." })).choices[0]
      ?.message
    expect(message).toMatchObject({ content: null, refusal: "I can't help with that." })
    const streamed = answer({ stream: true }, { refusal: "I can't help with that.", chunk_size: 8 })
    if (streamed.kind !== 'stream') throw new Error('expected a stream')
    const chunks: ChatCompletionChunk[] = []
    for await (const chunk of streamed.chunks) chunks.push(chunk)
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: null, refusal: '' })
    const text = chunks.map((c) => c.choices[0]?.delta.refusal ?? '').join('')
    expect(text).toBe("I can't help with that.")
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop')
  })
})
