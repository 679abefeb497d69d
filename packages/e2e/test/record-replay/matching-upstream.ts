/**
 * A stand-in for api.openai.com's chat (and legacy) completions on 127.0.0.1, for the tests of what a
 * recording matches on, keeps and hides: each answer names the temperature and tools it was
 * asked with, `n` choices differ from one another, a stream waits between its chunks and stalls
 * once in the middle (so its timing is worth recording), and an answer quotes back the `x-customer-id` header and the
 * request's `metadata` (so redaction has something to hide).
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

export interface MatchingUpstream {
  readonly url: string
  /** How many chat requests reached it. */
  calls(): number
  close(): Promise<void>
}

/** The wait before a stream's first chunk and between its chunks, in ms. */
export const STREAM_FIRST_MS = 40
export const STREAM_GAP_MS = 30
/** A stream stalls this long before its chunk `STREAM_STALL_AT` (0-based) instead. */
export const STREAM_STALL_MS = 150
export const STREAM_STALL_AT = 3

type Body = Record<string, unknown>

const encoder = new TextEncoder()
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What the upstream answers for choice `index` of a request. */
export function matchingAnswer(body: Body, index: number, customer: string | undefined): string {
  const messages = body.messages as { content: string }[]
  const prompt = messages.at(-1)?.content ?? ''
  const tools = Array.isArray(body.tools) ? body.tools.length : 0
  const metadata = body.metadata ? ` for ${JSON.stringify(body.metadata)}` : ''
  const who = customer ? ` (customer ${customer})` : ''
  return `choice ${index} to "${prompt}" at temperature ${String(body.temperature)} with ${tools} tools${metadata}${who}`
}

/** What the upstream's legacy completions answer for choice `choice` of `prompt`, before any echo. */
export function completionAnswer(prompt: string, choice: number): string {
  return ` completion ${choice} of "${prompt}"`
}

export async function startMatchingUpstream(): Promise<MatchingUpstream> {
  let calls = 0
  const app = new Hono()
  // Legacy completions: `n` choices per prompt, prompt by prompt (choice i is prompt i / n's),
  // the text after its prompt with `echo`, as the API answers.
  app.post('/v1/completions', async (c) => {
    calls += 1
    const body = (await c.req.json()) as Body
    const n = typeof body.n === 'number' ? body.n : 1
    const prompts = Array.isArray(body.prompt) ? (body.prompt as string[]) : [String(body.prompt)]
    const choices = prompts.flatMap((prompt, p) =>
      Array.from({ length: n }, (_, choice) => ({
        text: `${body.echo ? prompt : ''}${completionAnswer(prompt, choice)}`,
        index: p * n + choice,
        logprobs: null,
        finish_reason: choice === 0 ? 'stop' : 'length',
      })),
    )
    return c.json({
      id: `cmpl-up${calls}`,
      object: 'text_completion',
      created: 1_760_000_000,
      model: 'gpt-3.5-turbo-instruct',
      choices,
      usage: { prompt_tokens: 4, completion_tokens: 6 * choices.length, total_tokens: 40 },
    })
  })
  app.post('/v1/chat/completions', async (c) => {
    calls += 1
    const body = (await c.req.json()) as Body
    const n = typeof body.n === 'number' ? body.n : 1
    const customer = c.req.header('x-customer-id')
    const head = { id: `chatcmpl-up${calls}`, created: 1_760_000_000, model: 'gpt-4o-mini' }
    const usage = { prompt_tokens: 12, completion_tokens: 9 * n, total_tokens: 12 + 9 * n }
    if (!body.stream) {
      return c.json({
        ...head,
        object: 'chat.completion',
        choices: Array.from({ length: n }, (_, index) => ({
          index,
          message: { role: 'assistant', content: matchingAnswer(body, index, customer) },
          logprobs: null,
          finish_reason: index === 0 ? 'stop' : 'length',
        })),
        usage,
      })
    }
    const chunk = (index: number, delta: unknown, finish: string | null = null) =>
      `data: ${JSON.stringify({ ...head, object: 'chat.completion.chunk', choices: [{ index, delta, logprobs: null, finish_reason: finish }] })}\n\n`
    const frames: string[] = []
    for (let index = 0; index < n; index++) {
      frames.push(chunk(index, { role: 'assistant', content: '' }))
      for (const word of matchingAnswer(body, index, customer).split(' ')) {
        frames.push(chunk(index, { content: `${word} ` }))
      }
      frames.push(chunk(index, {}, index === 0 ? 'stop' : 'length'))
    }
    frames.push('data: [DONE]\n\n')
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        await wait(STREAM_FIRST_MS)
        for (const [i, frame] of frames.entries()) {
          if (i > 0) await wait(i === STREAM_STALL_AT ? STREAM_STALL_MS : STREAM_GAP_MS)
          controller.enqueue(encoder.encode(frame))
        }
        controller.close()
      },
    })
    return new Response(stream, { headers: { 'content-type': 'text/event-stream' } })
  })
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          calls: () => calls,
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
