/**
 * What an application sees from `@anthropic-ai/sdk` talking to a real server on 127.0.0.1 and
 * from the Anthropic stub, side by side on the same calls: messages, `_request_id`, stream
 * events (the SSE as the SDK parses it), `messages.stream()` listeners and final message,
 * token counts, model pages, and errors (class, status, message, body, request id, headers).
 */
import Anthropic from '@anthropic-ai/sdk'
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod'
import { fixedClock } from '@mocktopus/responders'
import { createMocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'
import {
  AnthropicErrors,
  type AnthropicStubClient,
  createAnthropicStubClient,
} from '@mocktopus/stub'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'

const SCENARIO = `
version: 1
rules:
  - type: llm.anthropic
    when: { messages_contains: weather, last_role: user }
    respond:
      content: Let me look that up.
      tool_calls:
        - type: function
          function: { name: get_weather, arguments: { city: Paris, unit: celsius } }
  - type: llm.anthropic
    when: { last_role: tool, has_tool_result: true }
    respond: { content: "It is 22C and sunny in Paris, a fine day for a long walk by the river." }
  - type: llm.anthropic
    when: { messages_contains: "cut short" }
    respond: { content: "This answer is cut", finish_reason: length }
  - type: llm.anthropic
    when: { messages_contains: "rate limit" }
    error: { error_type: rate_limit, retry_after: 3 }
  - type: llm.anthropic
    when: { messages_contains: overloaded }
    error: { error_type: server_error, status_code: 529 }
  - type: llm.anthropic
    when: { messages_contains: "server error" }
    error: { error_type: server_error }
  - type: llm.anthropic
    when: { messages_contains: "timeout" }
    error: { error_type: timeout, delay_ms: 10 }
  - type: llm.anthropic
    when: { messages_contains: "forbidden" }
    error: { error_type: authentication, status_code: 403 }
  - type: llm.anthropic
    when: { messages_contains: "bad key" }
    error: { error_type: authentication }
  - type: llm.anthropic
    when: { messages_contains: "invalid" }
    error: { error_type: invalid_request, message: "messages: bad shape" }
  - type: llm.anthropic
    when: { messages_contains: "plan the trip" }
    respond:
      tool_calls:
        - type: function
          function:
            name: plan_trip
            arguments:
              cities: [Paris, Lyon, "Saint-\u00c9tienne"]
              nights: 12
              budget: -1250.75
              rail: true
              car: null
              note: 'say "bonjour", then a \\ backslash'
              legs: [{ from: Paris, to: Lyon, hours: 2 }, { from: Lyon, to: Nice, hours: 4.5 }]
  - type: llm.anthropic
    when: { messages_contains: "extract" }
    respond: { json: { name: Ada Lovelace, born: 1815 } }
`

const Person = z.object({ name: z.string(), born: z.number() })

const TOOLS = [
  {
    name: 'get_weather',
    description: 'Weather in a city',
    input_schema: {
      type: 'object' as const,
      properties: { city: { type: 'string' }, unit: { type: 'string' } },
    },
  },
]

let server: RunningServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function pair(): Promise<{ sdk: Anthropic; stub: AnthropicStubClient }> {
  const clock = fixedClock(1_700_000_000, { instant: true })
  const mock = await createMocktopus({ scenario: SCENARIO, clock })
  server = await serve(mock, { port: 0 })
  const sdk = new Anthropic({ apiKey: 'sk-ant-test', baseURL: server.url, maxRetries: 0 })
  return { sdk, stub: createAnthropicStubClient(SCENARIO, { clock }) }
}

const ask = (content: string) => ({
  model: 'claude-sonnet-5-5',
  max_tokens: 256,
  tools: TOOLS,
  messages: [{ role: 'user' as const, content }],
})

// The second step of the agent loop: the model's tool call answered by a tool result.
function withToolResult(first: Anthropic.Message) {
  const call = first.content.find((block) => block.type === 'tool_use')
  if (!call) throw new Error('expected a tool_use block')
  return {
    ...ask('weather in Paris?'),
    messages: [
      { role: 'user' as const, content: 'weather in Paris?' },
      { role: 'assistant' as const, content: first.content },
      {
        role: 'user' as const,
        content: [{ type: 'tool_result' as const, tool_use_id: call.id, content: '22C, sunny' }],
      },
    ],
  }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error,
  )
}

describe('@anthropic-ai/sdk over a real server and the Anthropic stub', () => {
  it('return equal messages through a tool_use, tool_result, text round trip', async () => {
    const { sdk, stub } = await pair()
    const viaSDK = await sdk.messages.create(ask('weather in Paris?'))
    const viaStub = await stub.messages.create(ask('weather in Paris?'))
    expect(viaStub).toEqual(viaSDK)
    expect(viaSDK.stop_reason).toBe('tool_use')
    expect(viaStub._request_id).toBe(viaSDK._request_id)
    expect(viaStub._workspace_id).toBe(viaSDK._workspace_id)
    const next = withToolResult(viaSDK)
    const answerSDK = await sdk.messages.create(next)
    const answerStub = await stub.messages.create(next)
    expect(answerStub).toEqual(answerSDK)
    expect(answerSDK.content).toEqual([
      {
        type: 'text',
        text: 'It is 22C and sunny in Paris, a fine day for a long walk by the river.',
      },
    ])
    expect(answerStub._request_id).toBe(answerSDK._request_id)
  })

  it('yield the events the SDK parses from the SSE, ping left out alike', async () => {
    const { sdk, stub } = await pair()
    for (const params of [ask('weather in Paris?'), ask('cut short')]) {
      const viaSDK = await collect(await sdk.messages.create({ ...params, stream: true }))
      const viaStub = await collect(await stub.messages.create({ ...params, stream: true }))
      expect(viaStub).toEqual(viaSDK)
      expect(viaSDK.length).toBeGreaterThan(5)
    }
    const first = await sdk.messages.create(ask('weather in Paris?'))
    await stub.messages.create(ask('weather in Paris?'))
    const next = { ...withToolResult(first), stream: true as const }
    expect(await collect(await stub.messages.create(next))).toEqual(
      await collect(await sdk.messages.create(next)),
    )
  })

  it('build the same final message and listener calls in messages.stream()', async () => {
    const { sdk, stub } = await pair()
    for (const prompt of ['weather in Paris?', 'cut short', 'plan the trip']) {
      const params = ask(prompt)
      const seen = { sdk: [] as unknown[], stub: [] as unknown[] }
      // Snapshots are copied when seen: the SDK's grow in place.
      const copy = (value: unknown) => structuredClone(value)
      const a = sdk.messages
        .stream(params)
        .on('text', (delta, snapshot) => seen.sdk.push(['text', delta, snapshot]))
        .on('inputJson', (delta, snapshot) => seen.sdk.push(['json', delta, copy(snapshot)]))
        .on('contentBlock', (block) => seen.sdk.push(['block', copy(block)]))
      const b = stub.messages
        .stream(params)
        .on('text', (delta, snapshot) => seen.stub.push(['text', delta, snapshot]))
        .on('inputJson', (delta, snapshot) => seen.stub.push(['json', delta, copy(snapshot)]))
        .on('contentBlock', (block) => seen.stub.push(['block', copy(block)]))
      const [finalSDK, finalStub] = [await a.finalMessage(), await b.finalMessage()]
      expect(finalStub).toEqual(finalSDK)
      expect(seen.stub).toEqual(seen.sdk)
      expect(b.request_id).toBe(a.request_id)
      expect(b.messages).toEqual(a.messages)
      if (prompt === 'plan the trip') {
        // The tool input grows key by key while it streams, and the stub reads each fragment
        // as the SDK does: many distinct snapshots, the last one whole.
        const snapshots = seen.stub.flatMap((event) => {
          const [kind, , snapshot] = event as [string, string, unknown]
          return kind === 'json' ? [JSON.stringify(snapshot)] : []
        })
        expect(new Set(snapshots).size).toBeGreaterThan(8)
        expect(JSON.parse(snapshots.at(-1) ?? '{}')).toMatchObject({ nights: 12, car: null })
      }
    }
    const text = [
      await sdk.messages.stream(ask('cut short')).finalText(),
      await stub.messages.stream(ask('cut short')).finalText(),
    ]
    expect(text[1]).toBe(text[0])
  })

  it('parse structured output alike: messages.parse and messages.stream with zodOutputFormat', async () => {
    const { sdk, stub } = await pair()
    const params = {
      model: 'claude-sonnet-5-5',
      max_tokens: 256,
      messages: [{ role: 'user' as const, content: 'extract the person' }],
      output_config: { format: zodOutputFormat(Person) },
    }
    const viaSDK = await sdk.messages.parse(params)
    const viaStub = await stub.messages.parse(params)
    expect(viaStub).toEqual(viaSDK)
    expect(viaStub.parsed_output).toEqual({ name: 'Ada Lovelace', born: 1815 })
    // Typed from the schema: this line type-checks only if `parsed_output` is the zod type.
    expect(viaStub.parsed_output?.born).toBe(1815)
    // The SDK's parse spreads the message into a new object: no `_request_id` on either.
    expect(Object.hasOwn(viaStub, '_request_id')).toBe(Object.hasOwn(viaSDK, '_request_id'))
    const block = (message: { content: readonly object[] }) =>
      (message.content[0] as { parsed_output?: unknown }).parsed_output
    expect(block(viaStub)).toEqual(block(viaSDK))
    const streamed = [
      await sdk.messages.stream(params).finalMessage(),
      await stub.messages.stream(params).finalMessage(),
    ]
    expect(streamed[1]).toEqual(streamed[0])
    expect(streamed[1]?.parsed_output).toEqual({ name: 'Ada Lovelace', born: 1815 })
    const plain = { ...params, output_config: undefined }
    expect(await stub.messages.stream(plain).finalMessage()).toEqual(
      await sdk.messages.stream(plain).finalMessage(),
    )
  })

  it('count tokens and page models alike', async () => {
    const { sdk, stub } = await pair()
    const count = { model: 'claude-sonnet-5-5', messages: ask('how many tokens?').messages }
    const [countSDK, countStub] = [
      await sdk.messages.countTokens(count),
      await stub.messages.countTokens(count),
    ]
    expect(countStub).toEqual(countSDK)
    expect(countStub._request_id).toBe(countSDK._request_id)
    const [pageSDK, pageStub] = [
      await sdk.models.list({ limit: 2 }),
      await stub.models.list({ limit: 2 }),
    ]
    expect([pageStub.data, pageStub.has_more, pageStub.first_id, pageStub.last_id]).toEqual([
      pageSDK.data,
      pageSDK.has_more,
      pageSDK.first_id,
      pageSDK.last_id,
    ])
    expect(pageStub.hasNextPage()).toBe(pageSDK.hasNextPage())
    const all = [
      await collect(sdk.models.list({ limit: 2 })),
      await collect(stub.models.list({ limit: 2 })),
    ]
    expect(all[1]).toEqual(all[0])
    const id = all[0]?.[0]?.id ?? ''
    expect(await stub.models.retrieve(id)).toEqual(await sdk.models.retrieve(id))
  })

  it('throw errors of the same class with the same fields', async () => {
    const { sdk, stub } = await pair()
    const prompts = [
      'rate limit',
      'overloaded',
      'server error',
      'timeout',
      'forbidden',
      'bad key',
      'invalid',
      'nothing matches this',
    ]
    for (const prompt of prompts) {
      for (const stream of [false, true]) {
        const params = { ...ask(prompt), stream }
        const a = (await failure(sdk.messages.create(params))) as InstanceType<
          typeof Anthropic.APIError
        >
        const b = (await failure(stub.messages.create(params))) as InstanceType<
          typeof AnthropicErrors.APIError
        >
        expect(a, prompt).toBeInstanceOf(Anthropic.APIError)
        expect(b, prompt).toBeInstanceOf(AnthropicErrors.APIError)
        const name = b instanceof AnthropicErrors.NoMatchingRuleError ? 'NotFoundError' : b.name
        expect(name, prompt).toBe(a.constructor.name)
        expect(name).toBe(a.name)
        expect(
          [b.status, b.message, b.type, b.apiMessage, b.requestID, b.errorCode, b.details],
          prompt,
        ).toEqual([a.status, a.message, a.type, a.apiMessage, a.requestID, a.errorCode, a.details])
        expect(b.error).toEqual(a.error)
        expect(b.workspaceID).toBe(a.workspaceID)
        expect(b.headers?.get('retry-after')).toBe(a.headers?.get('retry-after') ?? null)
      }
    }
  })

  it('refuse a long non-streamed call before sending, unless streamed or given a timeout', async () => {
    const { sdk, stub } = await pair()
    const long = { ...ask('weather in Paris?'), max_tokens: 64_000 }
    const thrown = (call: () => unknown) => {
      try {
        call()
      } catch (error) {
        return error as Error
      }
      throw new Error('expected a throw')
    }
    const a = thrown(() => sdk.messages.create(long))
    const b = thrown(() => stub.messages.create(long))
    expect([b.name, b.message]).toEqual([a.name, a.message])
    expect(b).toBeInstanceOf(AnthropicErrors.AnthropicError)
    expect(stub.requests()).toEqual([])
    const given = [
      await sdk.messages.create(long, { timeout: 60_000 }),
      await stub.messages.create(long, { timeout: 60_000 }),
    ]
    expect(given[1]).toEqual(given[0])
    const streamed = { ...long, stream: true as const }
    expect(await collect(await stub.messages.create(streamed))).toEqual(
      await collect(await sdk.messages.create(streamed)),
    )
  })

  it('reject a malformed request with the same error', async () => {
    const { sdk, stub } = await pair()
    const bad = { model: 'claude-sonnet-5-5', messages: [{ role: 'robot', content: 'x' }] }
    const a = (await failure(sdk.messages.create(bad as never))) as InstanceType<
      typeof Anthropic.APIError
    >
    const b = (await failure(stub.messages.create(bad as never))) as InstanceType<
      typeof AnthropicErrors.APIError
    >
    expect([b.name, b.status, b.message, b.requestID]).toEqual([
      a.constructor.name,
      a.status,
      a.message,
      a.requestID,
    ])
  })
})
