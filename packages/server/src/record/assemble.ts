/**
 * Rebuilds the JSON body an upstream would have sent for a request made without `stream`,
 * from the events of the stream it did send: content, tool calls, usage and finish reason
 * for OpenAI chat completions, legacy completions and responses, and Anthropic messages.
 * The recorder turns that body into a rule exactly as it does a non-streamed answer.
 */
import {
  CHAT_COMPLETIONS,
  COMPLETIONS,
  MESSAGES,
  RESPONSES,
  RULE_ENDPOINTS,
} from '@mocktopus/responders'
import type { SSEEvent } from './sse-parse.js'

/** The rebuilt body, or why there is none (the stream failed or carried an error). */
export type AssembledStream =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly reason: string }

export interface StreamAssembler {
  add(event: SSEEvent): void
  result(): AssembledStream
}

type Data = Record<string, unknown>

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseData(event: SSEEvent): Data | undefined {
  if (event.data === '[DONE]') return undefined
  try {
    const value: unknown = JSON.parse(event.data)
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}

function errorReason(data: Data): string | undefined {
  if (!isRecord(data.error)) return undefined
  const message = data.error.message
  return `the stream carried an error: ${typeof message === 'string' ? message : 'no message'}`
}

interface ToolCallParts {
  id?: string
  name: string
  arguments: string
}

/** What one kind of OpenAI chunk stream adds up in one choice. */
interface ChoiceAssembler {
  add(choice: Data): void
  /** The choice's fields after `index`, as the non-streamed body carries them. */
  result(): Data
}

// Chat and legacy completion streams share their framing: the first chunk names id, created
// and model, usage arrives in a chunk of its own, and each choice (`n` of them) its deltas by
// `index`. Only what a choice accumulates differs.
function openAIChunksAssembler(
  object: string,
  createChoice: () => ChoiceAssembler,
): StreamAssembler {
  let head: Data | undefined
  let usage: unknown
  let failure: string | undefined
  const choices = new Map<number, ChoiceAssembler>()
  return {
    add(event) {
      const data = parseData(event)
      if (!data) return
      failure ??= errorReason(data)
      head ??= { id: data.id, created: data.created, model: data.model }
      if (data.usage) usage = data.usage
      if (!Array.isArray(data.choices)) return
      for (const part of data.choices as unknown[]) {
        if (!isRecord(part)) continue
        const index = typeof part.index === 'number' ? part.index : 0
        let choice = choices.get(index)
        if (!choice) {
          choice = createChoice()
          choices.set(index, choice)
        }
        choice.add(part)
      }
    },
    result() {
      if (failure) return { ok: false, reason: failure }
      if (choices.size === 0) choices.set(0, createChoice())
      return {
        ok: true,
        body: {
          ...head,
          object,
          choices: [...choices.entries()]
            .sort(([a], [b]) => a - b)
            .map(([index, choice]) => ({ index, ...choice.result() })),
          ...(usage ? { usage } : {}),
        },
      }
    },
  }
}

function chatAssembler(): StreamAssembler {
  return openAIChunksAssembler('chat.completion', chatChoiceAssembler)
}

function chatChoiceAssembler(): ChoiceAssembler {
  let content: string | undefined
  let refusal: string | undefined
  let finish: unknown = null
  const calls = new Map<number, ToolCallParts>()
  return {
    add(choice) {
      if (choice.finish_reason) finish = choice.finish_reason
      const delta = isRecord(choice.delta) ? choice.delta : {}
      if (typeof delta.content === 'string') content = (content ?? '') + delta.content
      if (typeof delta.refusal === 'string') refusal = (refusal ?? '') + delta.refusal
      if (!Array.isArray(delta.tool_calls)) return
      for (const part of delta.tool_calls as unknown[]) {
        if (!isRecord(part)) continue
        const index = typeof part.index === 'number' ? part.index : calls.size
        const call = calls.get(index) ?? { name: '', arguments: '' }
        if (typeof part.id === 'string') call.id = part.id
        const fn = isRecord(part.function) ? part.function : {}
        if (typeof fn.name === 'string') call.name += fn.name
        if (typeof fn.arguments === 'string') call.arguments += fn.arguments
        calls.set(index, call)
      }
    },
    result() {
      const toolCalls = [...calls.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, call]) => ({
          ...(call.id === undefined ? {} : { id: call.id }),
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        }))
      const message: Data = { role: 'assistant', content: content ?? null }
      if (refusal !== undefined) message.refusal = refusal
      if (toolCalls.length > 0) message.tool_calls = toolCalls
      return { message, finish_reason: finish }
    },
  }
}

function completionsAssembler(): StreamAssembler {
  return openAIChunksAssembler('text_completion', () => {
    let text = ''
    let finish: unknown = null
    return {
      add(choice) {
        if (typeof choice.text === 'string') text += choice.text
        if (choice.finish_reason) finish = choice.finish_reason
      },
      result: () => ({ text, finish_reason: finish }),
    }
  })
}

// Every Responses stream ends with an event carrying the whole response object.
function responsesAssembler(): StreamAssembler {
  let response: Data | undefined
  let failure: string | undefined
  return {
    add(event) {
      const data = parseData(event)
      if (!data) return
      if (data.type === 'error' || event.event === 'error') {
        const message = data.message ?? (isRecord(data.error) ? data.error.message : undefined)
        failure ??= `the stream carried an error: ${String(message ?? 'no message')}`
      }
      if (data.type === 'response.failed') failure ??= 'the response failed upstream'
      if (isRecord(data.response)) response = data.response
    },
    result() {
      if (failure) return { ok: false, reason: failure }
      if (!response) return { ok: false, reason: 'the stream ended before the response did' }
      return { ok: true, body: response }
    },
  }
}

interface AnthropicBlock {
  type: string
  text: string
  json: string
  data: Data
}

function anthropicAssembler(): StreamAssembler {
  let message: Data | undefined
  let usage: Data = {}
  let stopReason: unknown = null
  let stopSequence: unknown = null
  let failure: string | undefined
  let stopped = false
  const blocks = new Map<number, AnthropicBlock>()
  return {
    add(event) {
      const data = parseData(event)
      if (!data) return
      switch (data.type) {
        case 'error':
          failure ??= errorReason(data) ?? 'the stream carried an error'
          break
        case 'message_start':
          if (isRecord(data.message)) {
            message = data.message
            if (isRecord(data.message.usage)) usage = { ...data.message.usage }
          }
          break
        case 'content_block_start': {
          const block = isRecord(data.content_block) ? data.content_block : {}
          blocks.set(Number(data.index), {
            type: String(block.type),
            text: typeof block.text === 'string' ? block.text : '',
            json: '',
            data: block,
          })
          break
        }
        case 'content_block_delta': {
          const block = blocks.get(Number(data.index))
          const delta = isRecord(data.delta) ? data.delta : {}
          if (!block) break
          if (typeof delta.text === 'string') block.text += delta.text
          if (typeof delta.partial_json === 'string') block.json += delta.partial_json
          break
        }
        case 'message_delta': {
          const delta = isRecord(data.delta) ? data.delta : {}
          if ('stop_reason' in delta) stopReason = delta.stop_reason
          if ('stop_sequence' in delta) stopSequence = delta.stop_sequence
          if (isRecord(data.usage)) usage = { ...usage, ...data.usage }
          break
        }
        case 'message_stop':
          stopped = true
          break
      }
    },
    result() {
      if (failure) return { ok: false, reason: failure }
      if (!message || !stopped) return { ok: false, reason: 'the stream ended before message_stop' }
      const content = [...blocks.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, block]) => {
          if (block.type === 'text') return { ...block.data, text: block.text }
          if (block.type === 'tool_use') {
            let input: unknown = {}
            try {
              input = block.json === '' ? {} : JSON.parse(block.json)
            } catch {
              input = {}
            }
            return { ...block.data, input }
          }
          return block.data
        })
      return {
        ok: true,
        body: { ...message, content, stop_reason: stopReason, stop_sequence: stopSequence, usage },
      }
    },
  }
}

/**
 * The assembler for an endpoint's stream, or `undefined` for an endpoint that does not stream.
 *
 * @example
 * const assembler = createStreamAssembler(CHAT_COMPLETIONS.path)
 * for (const event of parser.push(text)) assembler?.add(event)
 * assembler?.result() // { ok: true, body: { object: 'chat.completion', choices: [...] } }
 */
export function createStreamAssembler(endpoint: string): StreamAssembler | undefined {
  const row = RULE_ENDPOINTS.find((candidate) => candidate.path === endpoint)
  return row && ASSEMBLERS[row.id]?.()
}

// By endpoint table row: how each streaming endpoint's events fold back into its JSON answer.
const ASSEMBLERS: Readonly<Record<string, () => StreamAssembler>> = {
  [CHAT_COMPLETIONS.id]: chatAssembler,
  [COMPLETIONS.id]: completionsAssembler,
  [RESPONSES.id]: responsesAssembler,
  [MESSAGES.id]: anthropicAssembler,
}
