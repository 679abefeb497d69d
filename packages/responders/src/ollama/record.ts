/**
 * Record mode's Ollama knowledge: a streamed answer's NDJSON lines folded back into the one
 * object `stream: false` gives, an upstream answer turned into a rule's `respond`, and where
 * the upstream is (`OLLAMA_RECORD`, the provider's `record` trait).
 */
import type { ProviderRecord } from '../engine/endpoint.js'

type Data = Record<string, unknown>

const isRecord = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The `stream: false` body an NDJSON stream adds up to: the text and tool calls of every line,
 * the timings of the `done` line; or why there is none (an error line, no `done` line).
 *
 * @example assembleOllamaStream('{"message":{"role":"assistant","content":"Hi"},"done":false}\n...')
 */
export function assembleOllamaStream(
  text: string,
): { readonly ok: true; readonly body: Data } | { readonly ok: false; readonly reason: string } {
  let content = ''
  let response = ''
  let chat = false
  const calls: unknown[] = []
  let last: Data | undefined
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      return {
        ok: false,
        reason: `the stream carried a line that is not JSON: ${line.slice(0, 60)}`,
      }
    }
    if (!isRecord(value)) continue
    if (typeof value.error === 'string') {
      return { ok: false, reason: `the stream carried an error: ${value.error}` }
    }
    if (isRecord(value.message)) {
      chat = true
      if (typeof value.message.content === 'string') content += value.message.content
      if (Array.isArray(value.message.tool_calls)) calls.push(...value.message.tool_calls)
    }
    if (typeof value.response === 'string') response += value.response
    if (value.done === true) last = value
  }
  if (!last) return { ok: false, reason: 'the stream ended without its done line' }
  if (!chat) return { ok: true, body: { ...last, response } }
  const message = { role: 'assistant', content, ...(calls.length > 0 ? { tool_calls: calls } : {}) }
  return { ok: true, body: { ...last, message } }
}

/**
 * A rule's `respond` from an Ollama answer: chat (`message`), generate (`response`), embed
 * (`embeddings`) or embeddings (`embedding`); a string says why it cannot be one.
 *
 * @example ollamaRecordedRespond({ message: { role: 'assistant', content: 'Hi' }, done: true }) // { content: 'Hi', finish_reason: 'stop' }
 */
export function ollamaRecordedRespond(body: Data): Data | string {
  if (Array.isArray(body.embeddings)) {
    return {
      embeddings: body.embeddings.map((vector) => ({
        embedding: Array.isArray(vector) ? vector.map(Number) : [],
      })),
      ...(typeof body.prompt_eval_count === 'number'
        ? { usage: { input_tokens: body.prompt_eval_count } }
        : {}),
    }
  }
  if (Array.isArray(body.embedding))
    return { embeddings: [{ embedding: body.embedding.map(Number) }] }
  const message = isRecord(body.message) ? body.message : undefined
  const content = message ? message.content : body.response
  if (typeof content !== 'string') return 'the answer has neither message nor response'
  const calls = Array.isArray(message?.tool_calls)
    ? message.tool_calls.filter(isRecord).map((call) => {
        const fn = isRecord(call.function) ? call.function : {}
        return {
          type: 'function',
          // Arguments are an object on this API; a mapping reads better in YAML than a string.
          function: {
            name: typeof fn.name === 'string' ? fn.name : '',
            arguments: isRecord(fn.arguments) ? fn.arguments : {},
          },
        }
      })
    : []
  const usage = {
    ...(typeof body.prompt_eval_count === 'number' ? { input_tokens: body.prompt_eval_count } : {}),
    ...(typeof body.eval_count === 'number' ? { output_tokens: body.eval_count } : {}),
  }
  return {
    ...(content !== '' || calls.length === 0 ? { content } : {}),
    ...(calls.length > 0 ? { tool_calls: calls } : {}),
    ...(typeof body.done_reason === 'string' ? { finish_reason: body.done_reason } : {}),
    ...(Object.keys(usage).length > 0 ? { usage } : {}),
  }
}

/** A local Ollama, the root of its `/api/...` paths. */
export const DEFAULT_OLLAMA_UPSTREAM = 'http://127.0.0.1:11434'

// Ollama takes no key: whatever the client sent goes as it is.
export const OLLAMA_RECORD: ProviderRecord = {
  defaultUpstream: DEFAULT_OLLAMA_UPSTREAM,
  upstreamOption: 'ollamaUpstream',
  ruleType: 'llm.ollama',
  respond: ollamaRecordedRespond,
  assemble: { kind: 'ndjson', fold: assembleOllamaStream },
}
