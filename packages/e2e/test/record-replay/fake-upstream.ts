/**
 * A stand-in for api.openai.com and api.anthropic.com on 127.0.0.1: chat completions (JSON,
 * and SSE with tool calls and usage), embeddings (float or base64), responses (JSON and SSE)
 * and Anthropic messages (JSON and SSE), with the providers' error envelopes. It remembers the
 * credentials each request carried, so tests can check what reached the "real" API. Faults on
 * demand, by prompt (chat completions and messages): "cut short" sends part of the answer
 * (JSON or stream) and then drops the connection, "stall" never answers, "not json" answers
 * 200 with an HTML page.
 */
import type { Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type HttpBindings, serve } from '@hono/node-server'
import { Hono } from 'hono'

export const UPSTREAM_OPENAI_KEY = 'sk-upstream-openai-7f3a9c21d4e5'
export const UPSTREAM_ANTHROPIC_KEY = 'sk-ant-upstream-5b8e2d1c9a77'

export interface SeenRequest {
  readonly path: string
  readonly authorization: string | null
  /** `x-api-key`, or the bearer token. */
  readonly apiKey: string | null
  readonly body: Record<string, unknown>
}

export interface FakeUpstream {
  readonly url: string
  readonly seen: SeenRequest[]
  /** Requests the upstream is holding without an answer ("stall"). */
  stalled(): number
  /** Lets a held stream (a prompt containing "slowly") send the rest of its chunks. */
  release(): void
  close(): Promise<void>
}

type Body = Record<string, unknown>
type Message = { role: string; content: string | { type: string; text?: string }[] }

const encoder = new TextEncoder()

function lastText(messages: readonly Message[]): string {
  const content = messages.at(-1)?.content ?? ''
  return typeof content === 'string' ? content : content.map((part) => part.text ?? '').join('')
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 20))
const never = () => new Promise<never>(() => {})

// A body that sends `parts` and then drops the connection, as an upstream dying mid-answer.
function cutShort(
  parts: readonly string[],
  connection: ServerResponse,
): ReadableStream<Uint8Array> {
  let next = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const part = parts[next++]
      if (part === undefined) {
        connection.destroy()
        return never()
      }
      controller.enqueue(encoder.encode(part))
      // Sent on its own, so the client has it before the connection drops.
      await pause()
    },
  })
}

function sse(frames: AsyncIterable<string> | Iterable<string>): Response {
  const iterator = (async function* () {
    yield* frames
  })()
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next()
      if (done) controller.close()
      else controller.enqueue(encoder.encode(value))
    },
  })
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'x-request-id': 'req_up_stream',
    },
  })
}

const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`
const event = (name: string, value: unknown) => `event: ${name}\ndata: ${JSON.stringify(value)}\n\n`

/** What the upstream answers to a prompt: the tests compare replays with these. */
export function upstreamAnswer(prompt: string): string {
  return `Upstream answer to "${prompt}"`
}

/** The vector the upstream gives a text (float32-exact values). */
export function upstreamVector(text: string): number[] {
  return [text.length / 8, 0.5, -0.25]
}

// What a prompt asks the upstream to do wrong, if anything.
function faultOf(prompt: string): 'cut' | 'stall' | 'not json' | undefined {
  if (prompt.includes('cut short')) return 'cut'
  if (prompt.includes('stall')) return 'stall'
  if (prompt.includes('not json')) return 'not json'
  return undefined
}

const GATEWAY_PAGE = '<html><head><title>Bad Gateway</title></head><body>nginx</body></html>'

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const seen: SeenRequest[] = []
  let stalled = 0
  // A stalled request waits for the upstream to close; it never gets an answer.
  const stall = () => {
    stalled += 1
    return never()
  }
  let release = () => {}
  let held = new Promise<void>((resolve) => {
    release = resolve
  })
  const app = new Hono<{ Bindings: HttpBindings }>()
  app.use('*', async (c, next) => {
    const body = (await c.req.raw
      .clone()
      .json()
      .catch(() => ({}))) as Body
    seen.push({
      path: c.req.path,
      authorization: c.req.header('authorization') ?? null,
      // The Anthropic SDK sends its key as x-api-key, or (since 1.x) as a bearer token.
      apiKey:
        c.req.header('x-api-key') ?? c.req.header('authorization')?.replace(/^Bearer /, '') ?? null,
      body,
    })
    await next()
  })

  const openaiAuth = (header: string | undefined) => header === `Bearer ${UPSTREAM_OPENAI_KEY}`
  const openaiError = (status: number, message: string, type: string, code: string | null) =>
    new Response(JSON.stringify({ error: { message, type, param: null, code } }), {
      status,
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'req_up_error',
        ...(status === 429 ? { 'retry-after': '1' } : {}),
      },
    })

  app.post('/v1/chat/completions', async (c) => {
    if (!openaiAuth(c.req.header('authorization'))) {
      const given = (c.req.header('authorization') ?? '').replace(/^Bearer /, '')
      return openaiError(
        401,
        `Incorrect API key provided: ${given.slice(0, 6)}****${given.slice(-4)}.`,
        'invalid_request_error',
        'invalid_api_key',
      )
    }
    const body = (await c.req.json()) as Body
    const messages = body.messages as Message[]
    const prompt = lastText(messages)
    const fault = faultOf(prompt)
    if (fault === 'stall') return stall()
    if (fault === 'not json') return c.html(GATEWAY_PAGE, 200)
    if (prompt.includes('overloaded')) {
      return openaiError(
        429,
        `Rate limit reached for ${body.model} on key ${UPSTREAM_OPENAI_KEY.slice(0, 6)}****${UPSTREAM_OPENAI_KEY.slice(-4)}.`,
        'requests',
        'rate_limit_exceeded',
      )
    }
    const usage = {
      prompt_tokens: 10 + messages.length,
      completion_tokens: 5,
      total_tokens: 15 + messages.length,
    }
    const weather = prompt.includes('weather')
    const toolCall = {
      id: 'call_up_weather',
      type: 'function',
      function: { name: 'get_weather', arguments: '{"city":"Lisbon","unit":"celsius"}' },
    }
    const content = upstreamAnswer(prompt)
    const head = {
      id: 'chatcmpl-upstream1',
      created: 1_760_000_000,
      model: 'gpt-4o-mini-2024-07-18',
      system_fingerprint: 'fp_up',
    }
    if (fault === 'cut' && !body.stream) {
      const part = `{"id":"${head.id}","object":"chat.completion","choi`
      return new Response(cutShort([part], c.env.outgoing), {
        headers: { 'content-type': 'application/json' },
      })
    }
    if (!body.stream) {
      return c.json(
        {
          ...head,
          object: 'chat.completion',
          choices: [
            {
              index: 0,
              message: weather
                ? { role: 'assistant', content: null, tool_calls: [toolCall], refusal: null }
                : { role: 'assistant', content, refusal: null },
              logprobs: null,
              finish_reason: weather ? 'tool_calls' : 'stop',
            },
          ],
          usage,
        },
        200,
        { 'x-request-id': 'req_up_chat' },
      )
    }
    const chunk = (delta: unknown, finish: string | null = null) => ({
      ...head,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    })
    const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)
      ?.include_usage
    return sse(
      (async function* () {
        if (weather) {
          yield data(
            chunk({
              role: 'assistant',
              content: null,
              tool_calls: [
                {
                  index: 0,
                  id: toolCall.id,
                  type: 'function',
                  function: { name: 'get_weather', arguments: '' },
                },
              ],
            }),
          )
          for (const piece of ['{"city":', '"Lisbon",', '"unit":"celsius"}']) {
            yield data(chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }))
          }
          yield data(chunk({}, 'tool_calls'))
        } else {
          const words = content.split(' ')
          yield data(chunk({ role: 'assistant', content: '', refusal: null }))
          yield data(chunk({ content: words[0] }))
          if (fault === 'cut') {
            // Half an event, then the connection drops.
            yield 'data: {"id":"chatcmpl-upstream1","obj'
            await pause()
            c.env.outgoing.destroy()
            await never()
          }
          if (prompt.includes('slowly')) await held
          for (const word of words.slice(1)) yield data(chunk({ content: ` ${word}` }))
          yield data(chunk({}, 'stop'))
        }
        if (includeUsage)
          yield data({ ...head, object: 'chat.completion.chunk', choices: [], usage })
        yield 'data: [DONE]\n\n'
      })(),
    )
  })

  app.post('/v1/embeddings', async (c) => {
    if (!openaiAuth(c.req.header('authorization')))
      return openaiError(
        401,
        'Incorrect API key provided.',
        'invalid_request_error',
        'invalid_api_key',
      )
    const body = (await c.req.json()) as Body
    const inputs = ([] as string[]).concat(body.input as string | string[])
    const base64 = body.encoding_format === 'base64'
    return c.json({
      object: 'list',
      model: 'text-embedding-3-small',
      data: inputs.map((text, index) => {
        const vector = upstreamVector(text)
        const bytes = new Uint8Array(new Float32Array(vector).buffer)
        return {
          object: 'embedding',
          index,
          embedding: base64 ? Buffer.from(bytes).toString('base64') : vector,
        }
      }),
      usage: { prompt_tokens: inputs.length * 2, total_tokens: inputs.length * 2 },
    })
  })

  app.post('/v1/responses', async (c) => {
    if (!openaiAuth(c.req.header('authorization')))
      return openaiError(
        401,
        'Incorrect API key provided.',
        'invalid_request_error',
        'invalid_api_key',
      )
    const body = (await c.req.json()) as Body
    const prompt = typeof body.input === 'string' ? body.input : lastText(body.input as Message[])
    const text = upstreamAnswer(prompt)
    const response = {
      id: 'resp_upstream1',
      object: 'response',
      created_at: 1_760_000_000,
      status: 'completed',
      error: null,
      incomplete_details: null,
      instructions: null,
      model: 'gpt-4.1-2025-04-14',
      output: [
        {
          type: 'message',
          id: 'msg_upstream1',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
        },
      ],
      parallel_tool_calls: true,
      tool_choice: 'auto',
      tools: [],
      usage: {
        input_tokens: 9,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: 6,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 15,
      },
    }
    if (!body.stream) return c.json(response)
    const pending = { ...response, status: 'in_progress', output: [], usage: null }
    return sse([
      event('response.created', {
        type: 'response.created',
        sequence_number: 0,
        response: pending,
      }),
      event('response.output_text.delta', {
        type: 'response.output_text.delta',
        sequence_number: 1,
        item_id: 'msg_upstream1',
        output_index: 0,
        content_index: 0,
        delta: text,
        logprobs: [],
      }),
      event('response.completed', { type: 'response.completed', sequence_number: 2, response }),
    ])
  })

  app.post('/v1/messages', async (c) => {
    const key = c.req.header('x-api-key') ?? c.req.header('authorization')?.replace(/^Bearer /, '')
    if (key !== UPSTREAM_ANTHROPIC_KEY) {
      return c.json(
        {
          type: 'error',
          error: { type: 'authentication_error', message: 'invalid x-api-key' },
          request_id: 'req_up_401',
        },
        401,
        { 'request-id': 'req_up_401' },
      )
    }
    const body = (await c.req.json()) as Body
    const prompt = lastText(body.messages as Message[])
    const fault = faultOf(prompt)
    if (fault === 'stall') return stall()
    if (fault === 'not json') return c.html(GATEWAY_PAGE, 200)
    const text = upstreamAnswer(prompt)
    const message = {
      id: 'msg_01Upstream',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [{ type: 'text', text }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 12, output_tokens: 7 },
    }
    const headers = { 'request-id': 'req_up_anthropic' }
    if (fault === 'cut') {
      const start = event('message_start', {
        type: 'message_start',
        message: { ...message, content: [], stop_reason: null },
      })
      const parts = body.stream ? [start] : ['{"id":"msg_01Upstream","ty']
      return new Response(cutShort(parts, c.env.outgoing), {
        headers: {
          ...headers,
          'content-type': body.stream ? 'text/event-stream; charset=utf-8' : 'application/json',
        },
      })
    }
    if (!body.stream) return c.json(message, 200, headers)
    const [first, ...rest] = text.split(' ')
    return sse([
      event('message_start', {
        type: 'message_start',
        message: {
          ...message,
          content: [],
          stop_reason: null,
          usage: { input_tokens: 12, output_tokens: 1 },
        },
      }),
      event('content_block_start', {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'text', text: '' },
      }),
      event('ping', { type: 'ping' }),
      event('content_block_delta', {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: first },
      }),
      ...rest.map((word) =>
        event('content_block_delta', {
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'text_delta', text: ` ${word}` },
        }),
      ),
      event('content_block_stop', { type: 'content_block_stop', index: 0 }),
      event('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: 7 },
      }),
      event('message_stop', { type: 'message_stop' }),
    ])
  })

  const server = await listen(app)
  let closing: Promise<void> | undefined
  return {
    url: server.url,
    seen,
    stalled: () => stalled,
    release: () => {
      release()
      held = new Promise<void>((resolve) => {
        release = resolve
      })
    },
    // Idempotent: a test may stop the upstream early and still run the shared clean-up.
    close: () => {
      closing ??= server.close()
      return closing
    },
  }
}

// The upstream is a plain Hono app on @hono/node-server: a stand-in for the real API, not a Mocktopus.
function listen(
  app: Hono<{ Bindings: HttpBindings }>,
): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              ;(server as Server).closeAllConnections()
              server.close(() => done())
            }),
        })
      },
    ) as Server
  })
}
