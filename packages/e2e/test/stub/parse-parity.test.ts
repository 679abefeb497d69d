/**
 * The structured-output helpers: `chat.completions.parse` and `responses.parse` of the `openai`
 * SDK over the server (its in-process `fetch`) and of the stub, with formats and tools built by
 * `openai/helpers/zod` (zod 4) and plain JSON schemas. Results, `_request_id` and the errors
 * for a cut-short answer must be the same.
 */
import { fixedClock } from '@mocktopus/responders'
import { createMocktopus } from '@mocktopus/server'
import {
  ContentFilterFinishReasonError,
  createStubClient,
  LengthFinishReasonError,
} from '@mocktopus/stub'
import OpenAI from 'openai'
import {
  ContentFilterFinishReasonError as SDKContentFilterFinishReasonError,
  LengthFinishReasonError as SDKLengthFinishReasonError,
} from 'openai/error'
import { zodFunction, zodResponseFormat, zodTextFormat } from 'openai/helpers/zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

const SCENARIO = `
version: 1
rules:
  - type: llm
    when: { messages_contains: "weather report" }
    respond:
      content: '{"city":"Paris","temperature_c":22,"conditions":["sunny","calm"]}'
  - type: llm
    when: { messages_contains: "use the tool" }
    respond:
      tool_calls:
        - id: call_lookup_1
          type: function
          function: { name: lookup_weather, arguments: { city: Paris, days: 2 } }
  - type: llm
    when: { messages_contains: "cut short" }
    respond: { content: '{"city":"Par', finish_reason: length }
  - type: llm.openai
    when: { messages_contains: "filtered" }
    respond: { content: "", finish_reason: content_filter }
  - type: llm
    when: { messages_contains: "plain words" }
    respond: { content: "Just words, no JSON." }
  - type: llm
    when: { messages_contains: "structured" }
    respond: { json: { city: Lyon, temperature_c: 19, conditions: [rain] } }
  - type: llm
    when: { messages_contains: "refuse" }
    respond: { refusal: "I can't help with that." }
`

const Weather = z.object({
  city: z.string(),
  temperature_c: z.number(),
  conditions: z.array(z.string()),
})

const Lookup = z.object({ city: z.string(), days: z.number() })

const PLAIN_SCHEMA = {
  type: 'json_schema' as const,
  json_schema: {
    name: 'weather',
    strict: true,
    schema: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: true,
    },
  },
}

async function pair() {
  const clock = fixedClock(1_700_000_000, { instant: true })
  const mock = await createMocktopus({ scenario: SCENARIO, clock })
  const sdk = new OpenAI({
    apiKey: 'test',
    baseURL: 'http://mocktopus.local/v1',
    fetch: mock.fetch,
    maxRetries: 0,
  })
  return { sdk, stub: createStubClient(SCENARIO, { clock }) }
}

const ask = (content: string) => ({
  model: 'gpt-4o',
  messages: [{ role: 'user' as const, content }],
})

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: Error) => error,
  )
}

describe('chat.completions.parse on the SDK and the stub', () => {
  it('parses content with a zodResponseFormat through its parser, as the SDK does', async () => {
    const { sdk, stub } = await pair()
    const params = {
      ...ask('weather report please'),
      response_format: zodResponseFormat(Weather, 'weather'),
    }
    const viaSDK = await sdk.chat.completions.parse(params)
    const viaStub = await stub.chat.completions.parse(params)
    expect(viaStub).toEqual(viaSDK)
    expect(viaStub._request_id).toBe(viaSDK._request_id)
    const parsed = viaStub.choices[0]?.message.parsed
    expect(parsed).toEqual({ city: 'Paris', temperature_c: 22, conditions: ['sunny', 'calm'] })
    // Typed from the schema: this line type-checks only if `parsed` is the zod type.
    expect(parsed?.conditions.length).toBe(2)
  })

  it('parses respond.json and gives null for a refusal, on both APIs', async () => {
    const { sdk, stub } = await pair()
    for (const prompt of ['structured output', 'refuse this']) {
      const chat = { ...ask(prompt), response_format: zodResponseFormat(Weather, 'weather') }
      const viaSDK = await sdk.chat.completions.parse(chat)
      const viaStub = await stub.chat.completions.parse(chat)
      expect(viaStub, prompt).toEqual(viaSDK)
      const responses = {
        model: 'gpt-4o',
        input: prompt,
        text: { format: zodTextFormat(Weather, 'weather') },
      }
      const a = await sdk.responses.parse(responses)
      const b = await stub.responses.parse(responses)
      expect(b, prompt).toEqual(a)
      expect(b.output_parsed).toEqual(a.output_parsed)
    }
    const parsed = await stub.chat.completions.parse({
      ...ask('structured output'),
      response_format: zodResponseFormat(Weather, 'weather'),
    })
    expect(parsed.choices[0]?.message.parsed).toEqual({
      city: 'Lyon',
      temperature_c: 19,
      conditions: ['rain'],
    })
    const refused = await stub.chat.completions.parse({
      ...ask('refuse this'),
      response_format: zodResponseFormat(Weather, 'weather'),
    })
    expect(refused.choices[0]?.message).toMatchObject({
      refusal: "I can't help with that.",
      parsed: null,
    })
  })

  it('parses a plain json_schema with JSON.parse, and gives null without a schema', async () => {
    const { sdk, stub } = await pair()
    const plain = { ...ask('weather report'), response_format: PLAIN_SCHEMA }
    expect(await stub.chat.completions.parse(plain)).toEqual(
      await sdk.chat.completions.parse(plain),
    )
    const words = ask('plain words')
    const viaSDK = await sdk.chat.completions.parse(words)
    const viaStub = await stub.chat.completions.parse(words)
    expect(viaStub).toEqual(viaSDK)
    expect(viaStub.choices[0]?.message.parsed).toBeNull()
  })

  it('parses the arguments of zodFunction and strict tools', async () => {
    const { sdk, stub } = await pair()
    const zodTool = {
      ...ask('use the tool'),
      tools: [zodFunction({ name: 'lookup_weather', parameters: Lookup })],
    }
    const viaSDK = await sdk.chat.completions.parse(zodTool)
    const viaStub = await stub.chat.completions.parse(zodTool)
    expect(viaStub).toEqual(viaSDK)
    expect(viaStub.choices[0]?.message.tool_calls?.[0]?.function.parsed_arguments).toEqual({
      city: 'Paris',
      days: 2,
    })
    const strict = {
      ...ask('use the tool'),
      tools: [
        {
          type: 'function' as const,
          function: {
            name: 'lookup_weather',
            strict: true,
            parameters: { type: 'object', properties: {}, additionalProperties: true },
          },
        },
      ],
    }
    expect(await stub.chat.completions.parse(strict)).toEqual(
      await sdk.chat.completions.parse(strict),
    )
  })

  it('refuses a tool that is not strict before sending, with the same message', async () => {
    const { sdk, stub } = await pair()
    const loose = {
      ...ask('use the tool'),
      tools: [{ type: 'function' as const, function: { name: 'lookup_weather', parameters: {} } }],
    }
    // Thrown, not a rejected promise, in both.
    const thrown = (call: () => unknown) => {
      try {
        call()
      } catch (error) {
        return error as Error
      }
      throw new Error('expected a throw')
    }
    const a = thrown(() => sdk.chat.completions.parse(loose))
    const b = thrown(() => stub.chat.completions.parse(loose))
    expect(b.message).toBe(a.message)
    expect(stub.requests()).toEqual([])
  })

  it('throws LengthFinishReasonError and ContentFilterFinishReasonError as the SDK does', async () => {
    const { sdk, stub } = await pair()
    const format = { response_format: zodResponseFormat(Weather, 'weather') }
    const cases = [
      ['cut short', SDKLengthFinishReasonError, LengthFinishReasonError],
      ['filtered', SDKContentFilterFinishReasonError, ContentFilterFinishReasonError],
    ] as const
    for (const [prompt, SDKClass, StubClass] of cases) {
      const a = await failure(sdk.chat.completions.parse({ ...ask(prompt), ...format }))
      const b = await failure(stub.chat.completions.parse({ ...ask(prompt), ...format }))
      expect(a, prompt).toBeInstanceOf(SDKClass)
      expect(b, prompt).toBeInstanceOf(StubClass)
      expect([b.constructor.name, b.message]).toEqual([a.constructor.name, a.message])
    }
  })
})

describe('responses.parse on the SDK and the stub', () => {
  it('gives output_parsed through a zodTextFormat, and parsed on each output_text', async () => {
    const { sdk, stub } = await pair()
    const params = {
      model: 'gpt-4o',
      input: 'weather report',
      text: { format: zodTextFormat(Weather, 'weather') },
    }
    const viaSDK = await sdk.responses.parse(params)
    const viaStub = await stub.responses.parse(params)
    expect(viaStub).toEqual(viaSDK)
    expect(viaStub.output_parsed).toEqual(viaSDK.output_parsed)
    expect(viaStub.output_parsed?.city).toBe('Paris')
    expect(viaStub.output_text).toBe(viaSDK.output_text)
    expect(viaStub._request_id).toBe(viaSDK._request_id)
    expect(Object.keys(viaStub).sort()).toEqual(Object.keys(viaSDK).sort())
  })

  it('parses strict function-call arguments and leaves plain text unparsed', async () => {
    const { sdk, stub } = await pair()
    const tools = {
      model: 'gpt-4o',
      input: 'use the tool',
      tools: [
        {
          type: 'function' as const,
          name: 'lookup_weather',
          strict: true,
          parameters: { type: 'object', properties: {}, additionalProperties: true },
        },
      ],
    }
    const viaSDK = await sdk.responses.parse(tools)
    const viaStub = await stub.responses.parse(tools)
    expect(viaStub).toEqual(viaSDK)
    expect(viaStub.output[0]).toMatchObject({ parsed_arguments: { city: 'Paris', days: 2 } })
    const words = { model: 'gpt-4o', input: 'plain words' }
    const plain = [await sdk.responses.parse(words), await stub.responses.parse(words)]
    expect(plain[1]).toEqual(plain[0])
    expect(plain[1]?.output_parsed).toBeNull()
  })
})
