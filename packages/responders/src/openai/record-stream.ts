/**
 * Record mode's OpenAI streams: the JSON body an upstream would have sent for a request made
 * without `stream`, rebuilt from the events of the stream it did send (content, tool calls,
 * usage and finish reason) for chat completions, legacy completions and responses.
 */
import { ENDPOINTS } from '@mocktopus/scenario'
import type { StreamAssembler } from '../engine/endpoint.js'
import { type Data, errorReason, isRecord, parseData } from '../internal/recorded-answer.js'

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
    // Replay paces every chunk; `[DONE]` follows the last one at once.
    paces: (event) => event.data !== '[DONE]',
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
// The events a Responses stream's replay paces: its deltas (`responses/stream.ts`).
const RESPONSES_DELTAS = new Set([
  'response.output_text.delta',
  'response.refusal.delta',
  'response.function_call_arguments.delta',
])

function responsesAssembler(): StreamAssembler {
  let response: Data | undefined
  let failure: string | undefined
  return {
    paces: (event) => event.event !== undefined && RESPONSES_DELTAS.has(event.event),
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

/**
 * The assembler for an OpenAI endpoint's stream, or `undefined` for one that does not stream.
 *
 * @example openaiStreamAssembler(ENDPOINTS.chatCompletions)?.add({ data: '{"choices":[]}' })
 */
export function openaiStreamAssembler(endpoint: string): StreamAssembler | undefined {
  if (endpoint === ENDPOINTS.chatCompletions) return chatAssembler()
  if (endpoint === ENDPOINTS.completions) return completionsAssembler()
  if (endpoint === ENDPOINTS.responses) return responsesAssembler()
  return undefined
}
