/**
 * Record mode's OpenAI knowledge as a provider trait: where the upstream is, how the key
 * travels, what an answer of each endpoint becomes as a rule's `respond`, and how its streams
 * fold (`record-stream.ts`); a provider without a `record` (Azure) gets this one.
 */
import { ENDPOINTS } from '@mocktopus/scenario'
import type { ProviderRecord } from '../engine/endpoint.js'
import { type Data, isRecord, optional, text, usageOf } from '../internal/recorded-answer.js'
import { openaiStreamAssembler } from './record-stream.js'

/** The OpenAI API root, `/v1` included, as the SDK's `baseURL`. */
export const DEFAULT_OPENAI_UPSTREAM = 'https://api.openai.com/v1'

function openaiToolCalls(raw: unknown): Data[] {
  if (!Array.isArray(raw)) return []
  return raw.filter(isRecord).map((call) => {
    const fn = isRecord(call.function) ? call.function : {}
    return {
      ...(text(call.id) ? { id: call.id } : {}),
      type: 'function',
      function: { name: text(fn.name) ?? '', arguments: text(fn.arguments) ?? '' },
    }
  })
}

// One choice's answer: its text or tool calls, and why it ended.
function chatChoice(choice: Data): Data {
  const message = isRecord(choice.message) ? choice.message : {}
  const calls = openaiToolCalls(message.tool_calls)
  return {
    ...(text(message.content) !== undefined || calls.length === 0
      ? { content: text(message.content) ?? null }
      : {}),
    ...(calls.length > 0 ? { tool_calls: calls } : {}),
    ...(text(choice.finish_reason) ? { finish_reason: choice.finish_reason } : {}),
  }
}

function chatRespond(body: Data): Data | string {
  const choices = Array.isArray(body.choices)
    ? body.choices.filter(isRecord).sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0))
    : []
  const choice = choices[0]
  if (!choice) return 'the chat completion has no choices'
  return {
    ...chatChoice(choice),
    // `n` > 1: every choice, the first one too, so replay answers each as it was.
    ...(choices.length > 1 ? { choices: choices.map(chatChoice) } : {}),
    ...optional(
      'usage',
      usageOf(body.usage, { input: 'prompt_tokens', output: 'completion_tokens' }),
    ),
    ...(text(body.id) ? { id: body.id } : {}),
  }
}

// The prompts a completion request sent, in order, when it asked for them back (`echo`).
function echoedPrompts(request: unknown): string[] | undefined {
  if (!isRecord(request) || request.echo !== true) return undefined
  const { prompt } = request
  if (typeof prompt === 'string') return [prompt]
  if (Array.isArray(prompt) && prompt.every((item) => typeof item === 'string')) return prompt
  return undefined
}

function completionRespond(body: Data, request: unknown): Data | string {
  const choices = Array.isArray(body.choices)
    ? body.choices.filter(isRecord).sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0))
    : []
  if (choices.length === 0) return 'the completion has no choices'
  // With `echo`, each text starts with its prompt, which replay puts back from the request:
  // kept once, not twice. Choice i answers prompt i / n (`n` choices per prompt).
  const prompts = echoedPrompts(request)
  const perPrompt = prompts ? Math.max(1, Math.round(choices.length / prompts.length)) : 1
  const choice = (item: Data, i: number): Data => {
    const full = text(item.text) ?? ''
    const prompt = prompts?.[Math.floor(i / perPrompt)]
    return {
      content: prompt !== undefined && full.startsWith(prompt) ? full.slice(prompt.length) : full,
      ...(text(item.finish_reason) ? { finish_reason: item.finish_reason } : {}),
    }
  }
  const all = choices.map(choice)
  return {
    ...all[0],
    // `n` > 1 or several prompts: every choice, the first one too, so replay answers each.
    ...(all.length > 1 ? { choices: all } : {}),
    ...optional(
      'usage',
      usageOf(body.usage, { input: 'prompt_tokens', output: 'completion_tokens' }),
    ),
    ...(text(body.id) ? { id: body.id } : {}),
  }
}

function responsesRespond(body: Data): Data | string {
  if (!Array.isArray(body.output)) return 'the response has no output'
  const texts: string[] = []
  const calls: Data[] = []
  for (const item of body.output.filter(isRecord)) {
    if (item.type === 'message' && Array.isArray(item.content)) {
      for (const part of item.content.filter(isRecord)) {
        if (part.type === 'output_text' && typeof part.text === 'string') texts.push(part.text)
      }
    } else if (item.type === 'function_call') {
      calls.push({
        ...(text(item.call_id) ? { id: item.call_id } : {}),
        type: 'function',
        function: { name: text(item.name) ?? '', arguments: text(item.arguments) ?? '' },
      })
    }
  }
  const incomplete = isRecord(body.incomplete_details) ? body.incomplete_details.reason : undefined
  const finish =
    incomplete === 'max_output_tokens'
      ? 'length'
      : incomplete === 'content_filter'
        ? 'content_filter'
        : calls.length > 0
          ? 'tool_calls'
          : 'stop'
  return {
    ...(texts.length > 0 || calls.length === 0 ? { content: texts.join('') } : {}),
    ...(calls.length > 0 ? { tool_calls: calls } : {}),
    finish_reason: finish,
    ...optional('usage', usageOf(body.usage, { input: 'input_tokens', output: 'output_tokens' })),
    ...(text(body.id) ? { id: body.id } : {}),
  }
}

/**
 * Float32 vectors from the base64 the SDK asks for by default, as the API encodes them:
 * little-endian float32.
 *
 * @example decodeFloat32Base64('AACAPw==') // [1]
 */
export function decodeFloat32Base64(encoded: string): number[] {
  const binary = atob(encoded)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const view = new DataView(bytes.buffer)
  const values: number[] = []
  for (let offset = 0; offset + 4 <= bytes.length; offset += 4) {
    values.push(view.getFloat32(offset, true))
  }
  return values
}

function embeddingsRespond(body: Data): Data | string {
  if (!Array.isArray(body.data)) return 'the embeddings answer has no data'
  const items = body.data.filter(isRecord).sort((a, b) => Number(a.index) - Number(b.index))
  const embeddings = items.map((item) => ({
    embedding:
      typeof item.embedding === 'string'
        ? decodeFloat32Base64(item.embedding)
        : Array.isArray(item.embedding)
          ? item.embedding.map(Number)
          : [],
  }))
  return {
    embeddings,
    ...optional('usage', usageOf(body.usage, { input: 'prompt_tokens' })),
  }
}

/**
 * A rule's `respond` from an OpenAI answer, by endpoint: a chat completion, a completion, a
 * response, or else an embeddings answer; a string says why it cannot be one. `request`, the
 * body sent, tells a completion's echoed prompts from its text.
 *
 * @example openaiRecordedRespond({ choices: [{ message: { content: 'Hi' } }] }, ENDPOINTS.chatCompletions) // { content: 'Hi' }
 */
export function openaiRecordedRespond(
  body: Data,
  endpoint: string,
  request?: unknown,
): Data | string {
  if (endpoint === ENDPOINTS.chatCompletions) return chatRespond(body)
  if (endpoint === ENDPOINTS.completions) return completionRespond(body, request)
  if (endpoint === ENDPOINTS.responses) return responsesRespond(body)
  return embeddingsRespond(body)
}

export const OPENAI_RECORD: ProviderRecord = {
  defaultUpstream: DEFAULT_OPENAI_UPSTREAM,
  upstreamOption: 'upstream',
  ruleType: 'llm.openai',
  key: { option: 'openaiKey', header: 'authorization', env: ['OPENAI_API_KEY'] },
  respond: openaiRecordedRespond,
  assemble: { kind: 'events', create: openaiStreamAssembler },
}
