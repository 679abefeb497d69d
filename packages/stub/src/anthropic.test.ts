import { describe, expect, it } from 'vitest'
import { createAnthropicStubClient } from './anthropic.js'
import { AnthropicErrors } from './anthropic-errors.js'
import type { AnthropicStreamEvent } from './anthropic-types.js'
import { createStub } from './stub.js'

const NOW = 1_700_000_000

const AGENT = `
version: 1
rules:
  - type: llm.anthropic
    when: { messages_contains: weather, last_role: user }
    respond:
      tool_calls:
        - id: toolu_weather_1
          type: function
          function: { name: get_weather, arguments: { city: Paris } }
  - type: llm.anthropic
    when: { last_role: tool, has_tool_result: true, tool_result_contains: "22C" }
    respond: { content: "It is 22C and sunny in Paris." }
  - type: llm.anthropic
    when: { messages_contains: "rate limit" }
    error: { error_type: rate_limit, retry_after: 5 }
  - type: llm.anthropic
    when: { messages_contains: overloaded }
    error: { error_type: server_error, status_code: 529 }
  - type: llm.anthropic
    when: { messages_contains: "server" }
    error: { error_type: server_error }
  - type: llm.anthropic
    when: { messages_contains: "timeout" }
    error: { error_type: timeout }
  - type: llm.anthropic
    when: { messages_contains: "forbidden" }
    error: { error_type: authentication, status_code: 403 }
  - type: llm.anthropic
    when: { messages_contains: "auth" }
    error: { error_type: authentication }
  - type: llm.anthropic
    when: { messages_contains: "invalid" }
    error: { error_type: invalid_request, message: "messages: bad shape" }
  - type: llm
    when: { messages_contains: "once" }
    times: 1
    respond: { content: "only once" }
  - type: llm.anthropic
    when: { messages_contains: "extract" }
    respond: { content: '{"name":"Ada","born":1815}' }
`

const TOOLS = [
  {
    name: 'get_weather',
    description: 'Weather in a city',
    input_schema: { type: 'object', properties: { city: { type: 'string' } } },
  },
]

const ask = (content: string) => ({
  model: 'claude-sonnet-5-5',
  max_tokens: 256,
  messages: [{ role: 'user' as const, content }],
})

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

async function rejection(
  promise: Promise<unknown>,
): Promise<InstanceType<typeof AnthropicErrors.APIError>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof AnthropicErrors.APIError))
    throw new Error(`expected an APIError, got ${error}`)
  return error
}

describe('createAnthropicStubClient: messages.create', () => {
  it('runs a tool_use, tool_result, text round trip through two rules', async () => {
    const anthropic = createAnthropicStubClient(AGENT, { fixedTime: NOW })
    const question = { role: 'user' as const, content: 'What is the weather in Paris?' }
    const first = await anthropic.messages.create({
      model: 'claude-sonnet-5-5',
      max_tokens: 256,
      tools: TOOLS,
      messages: [question],
    })
    expect(first).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-5-5',
      stop_reason: 'tool_use',
      stop_sequence: null,
      content: [
        { type: 'tool_use', id: 'toolu_weather_1', name: 'get_weather', input: { city: 'Paris' } },
      ],
    })
    expect(first.id).toMatch(/^msg_/)
    const toolUse = first.content[0]
    if (toolUse?.type !== 'tool_use') throw new Error('expected a tool_use block')
    const second = await anthropic.messages.create({
      model: 'claude-sonnet-5-5',
      max_tokens: 256,
      tools: TOOLS,
      messages: [
        question,
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: '22C, sunny' }],
        },
      ],
    })
    expect(second.stop_reason).toBe('end_turn')
    expect(second.content).toEqual([{ type: 'text', text: 'It is 22C and sunny in Paris.' }])
    expect(anthropic.requests().map((r) => [r.ruleIndex, r.status])).toEqual([
      [0, 200],
      [1, 200],
    ])
  })

  it('carries the request-id as non-enumerable _request_id and _workspace_id', async () => {
    const message = await createAnthropicStubClient(AGENT).messages.create(ask('weather?'))
    expect(message._request_id).toMatch(/^req_[A-Za-z0-9]{24}$/)
    expect(message._workspace_id).toBeNull()
    expect(Object.keys(message)).not.toContain('_request_id')
  })

  it('streams the SDK events, without ping, adding up to the message', async () => {
    const anthropic = createAnthropicStubClient(AGENT, { fixedTime: NOW })
    const message = await anthropic.messages.create(ask('weather?'))
    anthropic.reset()
    const events = await collect(
      await anthropic.messages.create({ ...ask('weather?'), stream: true }),
    )
    expect(events.map((e) => e.type)).toEqual([
      'message_start',
      'content_block_start',
      ...events.slice(2, -3).map(() => 'content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
    const start = events[0] as Extract<AnthropicStreamEvent, { type: 'message_start' }>
    expect(start.message).toMatchObject({ model: message.model, content: [], stop_reason: null })
    const json = events
      .flatMap((e) =>
        e.type === 'content_block_delta' && e.delta.type === 'input_json_delta'
          ? [e.delta.partial_json]
          : [],
      )
      .join('')
    expect(JSON.parse(json)).toEqual({ city: 'Paris' })
  })

  it('counts tokens and lists models', async () => {
    const anthropic = createAnthropicStubClient(AGENT)
    const count = await anthropic.messages.countTokens({
      model: 'claude-sonnet-5-5',
      messages: [{ role: 'user', content: 'hello there' }],
    })
    expect(count.input_tokens).toBeGreaterThan(0)
    expect(count._request_id).toMatch(/^req_/)
    const page = await anthropic.models.list({ limit: 2 })
    expect(page.data.map((m) => m.type)).toEqual(['model', 'model'])
    expect(page.has_more).toBe(true)
    const all = await collect(anthropic.models.list({ limit: 2 }))
    expect(all.length).toBeGreaterThan(2)
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length)
    const one = await anthropic.models.retrieve(all[0]?.id ?? '')
    expect(one).toEqual(all[0])
    const missing = await rejection(anthropic.models.retrieve('gpt-4o'))
    expect(missing).toBeInstanceOf(AnthropicErrors.NotFoundError)
  })
})

describe('createAnthropicStubClient: errors', () => {
  it('throws the class the SDK picks for each status, with its fields', async () => {
    const anthropic = createAnthropicStubClient(AGENT)
    const cases = [
      ['rate limit', 'RateLimitError', 429, 'rate_limit_error'],
      ['overloaded', 'OverloadedError', 529, 'overloaded_error'],
      ['server', 'InternalServerError', 500, 'api_error'],
      ['timeout', 'GatewayTimeoutError', 504, 'timeout_error'],
      ['forbidden', 'PermissionDeniedError', 403, 'permission_error'],
      ['auth', 'AuthenticationError', 401, 'authentication_error'],
      ['invalid', 'BadRequestError', 400, 'invalid_request_error'],
    ] as const
    for (const [prompt, name, status, type] of cases) {
      const error = await rejection(anthropic.messages.create(ask(prompt)))
      expect(error, prompt).toBeInstanceOf(AnthropicErrors[name])
      expect(error.name).toBe(name)
      expect(error.constructor.name).toBe(name)
      expect(error.status).toBe(status)
      expect(error.type).toBe(type)
      expect(error.requestID).toMatch(/^req_[A-Za-z0-9]{24}$/)
      expect(error.error).toEqual({
        type: 'error',
        error: { type, message: error.apiMessage },
        request_id: error.requestID,
      })
      expect(error.message).toBe(`${status} ${JSON.stringify(error.error)}`)
      expect(error.errorCode).toBeNull()
      expect(error.details).toBeNull()
    }
    const limited = await rejection(anthropic.messages.create(ask('rate limit')))
    expect(limited.headers?.get('retry-after')).toBe('5')
    const invalid = await rejection(anthropic.messages.create(ask('invalid')))
    expect(invalid.apiMessage).toBe('messages: bad shape')
  })

  it('gives messages.stream() withResponse(): the stream, its Response and request id', async () => {
    const anthropic = createAnthropicStubClient(AGENT)
    const stream = anthropic.messages.stream(ask('weather?'))
    const { data, response, request_id } = await stream.withResponse()
    expect(data).toBe(stream)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    expect(request_id).toMatch(/^req_/)
    expect(stream.request_id).toBe(request_id)
    expect(stream.response).toBe(response)
    expect(await data.finalMessage()).toMatchObject({ role: 'assistant' })
    const failing = anthropic.messages.stream(ask('rate limit'))
    const error = await rejection(failing.withResponse())
    expect(error).toBeInstanceOf(AnthropicErrors.RateLimitError)
    await rejection(failing.finalMessage())
  })

  it('throws an error rule for stream: true and from messages.stream()', async () => {
    const anthropic = createAnthropicStubClient(AGENT)
    const streamed = await rejection(anthropic.messages.create({ ...ask('auth'), stream: true }))
    expect(streamed).toBeInstanceOf(AnthropicErrors.AuthenticationError)
    const helper = await rejection(anthropic.messages.stream(ask('auth')).finalMessage())
    expect(helper).toBeInstanceOf(AnthropicErrors.AuthenticationError)
  })

  it('throws NoMatchingRuleError, a NotFoundError with the verdicts', async () => {
    const error = await rejection(
      createAnthropicStubClient(AGENT).messages.create(ask('nothing here')),
    )
    expect(error).toBeInstanceOf(AnthropicErrors.NoMatchingRuleError)
    expect(error).toBeInstanceOf(AnthropicErrors.NotFoundError)
    expect(error.status).toBe(404)
    expect(error.type).toBe('not_found_error')
    expect(error.apiMessage).toMatch(/^no rule matched; rules\[\d+\] came closest/)
    const { verdicts } = error as InstanceType<typeof AnthropicErrors.NoMatchingRuleError>
    expect(verdicts).toHaveLength(11)
  })

  it('rejects a malformed request as the server does', async () => {
    const error = await rejection(
      createAnthropicStubClient(AGENT).messages.create({
        model: 'claude-sonnet-5-5',
        messages: [{ role: 'user', content: 'hi' }],
      } as unknown as ReturnType<typeof ask>),
    )
    expect(error).toBeInstanceOf(AnthropicErrors.BadRequestError)
    expect(error.apiMessage).toContain('max_tokens')
  })

  it('rejects at once with APIUserAbortError when the signal is already aborted', async () => {
    const anthropic = createAnthropicStubClient(AGENT)
    const controller = new AbortController()
    controller.abort()
    const error = await anthropic.messages
      .create(ask('weather?'), { signal: controller.signal })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AnthropicErrors.APIUserAbortError)
    expect((error as Error).message).toBe('Request was aborted.')
    expect(anthropic.requests()).toEqual([])
  })
})

describe('createAnthropicStubClient: messages.parse', () => {
  it('parses output_config.format through its parse function, else JSON.parse', async () => {
    const anthropic = createAnthropicStubClient(AGENT)
    const format = {
      type: 'json_schema' as const,
      schema: { type: 'object' },
      parse: (text: string) => ({ upper: text.toUpperCase() }),
    }
    const params = { ...ask('extract'), output_config: { format } }
    const parsed = await anthropic.messages.parse(params)
    expect(parsed.parsed_output).toEqual({ upper: '{"NAME":"ADA","BORN":1815}' })
    expect(anthropic.requests()[0]?.body).toMatchObject({
      output_config: { format: { type: 'json_schema' } },
    })
    const plain = await anthropic.messages.parse({
      ...ask('extract'),
      output_config: { format: { type: 'json_schema', schema: {} } },
    })
    expect(plain.parsed_output).toEqual({ name: 'Ada', born: 1815 })
    const none = await anthropic.messages.parse(ask('extract'))
    expect(none.parsed_output).toBeNull()
    const streamed = await anthropic.messages.stream(params).finalMessage()
    expect(streamed.parsed_output).toEqual({ upper: '{"NAME":"ADA","BORN":1815}' })
    await expect(
      anthropic.messages.parse({
        ...ask('weather?'),
        output_config: { format: { type: 'json_schema', schema: {} } },
      }),
    ).resolves.toMatchObject({ parsed_output: null })
  })
})

describe('createAnthropicStubClient: messages.stream', () => {
  it('emits text and gives the final message and text', async () => {
    const anthropic = createAnthropicStubClient(AGENT, { fixedTime: NOW })
    const conversation = [
      { role: 'user' as const, content: 'weather?' },
      {
        role: 'assistant' as const,
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: {} }],
      },
      {
        role: 'user' as const,
        content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '22C' }],
      },
    ]
    const params = { model: 'claude-sonnet-5-5', max_tokens: 256, messages: conversation }
    const created = await anthropic.messages.create(params)
    anthropic.reset()
    const deltas: string[] = []
    const stream = anthropic.messages.stream(params).on('text', (delta) => deltas.push(delta))
    const message = await stream.finalMessage()
    expect(deltas.join('')).toBe('It is 22C and sunny in Paris.')
    // The same message but its id, which derives from the body (`stream: true` is in it).
    expect(message).toEqual({ ...created, id: message.id, parsed_output: null })
    expect(message.id).toMatch(/^msg_/)
    expect(await stream.finalText()).toBe('It is 22C and sunny in Paris.')
    expect(stream.request_id).toMatch(/^req_/)
    expect(stream.messages).toHaveLength(4)
  })

  it('builds tool input and yields events when iterated', async () => {
    const anthropic = createAnthropicStubClient(AGENT)
    const blocks: unknown[] = []
    const stream = anthropic.messages
      .stream(ask('weather?'))
      .on('contentBlock', (block) => blocks.push(block))
    const events = await collect(stream)
    expect(events[0]?.type).toBe('message_start')
    expect(events.at(-1)?.type).toBe('message_stop')
    expect(blocks).toEqual([
      { type: 'tool_use', id: 'toolu_weather_1', name: 'get_weather', input: { city: 'Paris' } },
    ])
    expect((await stream.finalMessage()).stop_reason).toBe('tool_use')
  })

  it('emits error then end for an error answer, and nothing after', async () => {
    const events: string[] = []
    const stream = createAnthropicStubClient(AGENT)
      .messages.stream(ask('rate limit'))
      .on('error', (error) => events.push(`error ${error.name}`))
      .on('end', () => events.push('end'))
      .on('connect', () => events.push('connect'))
    await expect(stream.done()).rejects.toBeInstanceOf(AnthropicErrors.RateLimitError)
    expect(events).toEqual(['error RateLimitError', 'end'])
    expect([stream.ended, stream.errored, stream.aborted]).toEqual([true, true, false])
  })

  it('emits abort then end when aborted mid-stream', async () => {
    const events: string[] = []
    const stream = createAnthropicStubClient(AGENT).messages.stream(ask('weather?'))
    stream
      .on('streamEvent', (event) => {
        events.push(event.type)
        if (event.type === 'content_block_start') stream.abort()
      })
      .on('abort', (error) => events.push(error.name))
      .on('end', () => events.push('end'))
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(AnthropicErrors.APIUserAbortError)
    expect(events).toEqual(['message_start', 'content_block_start', 'APIUserAbortError', 'end'])
  })

  it('resolves emitted(event) with its first argument, and gives the events as JSON lines', async () => {
    const anthropic = createAnthropicStubClient(AGENT)
    const message = await anthropic.messages.stream(ask('weather?')).emitted('message')
    expect(message.stop_reason).toBe('tool_use')
    const failing = anthropic.messages.stream(ask('rate limit')).emitted('message')
    await expect(failing).rejects.toBeInstanceOf(AnthropicErrors.RateLimitError)
    const text = await new Response(
      anthropic.messages.stream(ask('weather?')).toReadableStream(),
    ).text()
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines[0].type).toBe('message_start')
    expect(lines.at(-1).type).toBe('message_stop')
  })

  it('rejects done() with APIUserAbortError when aborted', async () => {
    const stream = createAnthropicStubClient(AGENT).messages.stream(ask('weather?'))
    stream.abort()
    await expect(stream.done()).rejects.toBeInstanceOf(AnthropicErrors.APIUserAbortError)
    expect(stream.aborted).toBe(true)
  })
})

describe('createStub', () => {
  it('shares rules, counters and the journal between the OpenAI and Anthropic clients', async () => {
    const { openai, anthropic, requests, reset } = createStub(AGENT, { fixedTime: NOW })
    const chat = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'once' }],
    })
    expect(chat.choices[0]?.message.content).toBe('only once')
    const used = await rejection(anthropic.messages.create(ask('once')))
    expect(used).toBeInstanceOf(AnthropicErrors.NoMatchingRuleError)
    expect(requests().map((r) => [r.path, r.ruleIndex])).toEqual([
      ['/v1/chat/completions', 9],
      ['/v1/messages', null],
    ])
    reset()
    const again = await anthropic.messages.create(ask('once'))
    expect(again.content).toEqual([{ type: 'text', text: 'only once' }])
    expect(openai.requests()).toEqual(anthropic.requests())
  })
})
