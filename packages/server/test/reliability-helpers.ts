/** What the corpus test and the shutdown test share: a scenario and envelope checks. */
import { expect } from 'vitest'

export type Provider = 'openai' | 'anthropic' | 'gemini' | 'ollama'

/** Answers every chat-like endpoint and embeddings, so a valid request always gets a 200. */
export const CORPUS_SCENARIO = `
version: 1
rules:
  - type: llm
    when: { messages_contains: "please fail" }
    error: { error_type: server_error }
  - type: llm
    respond: { content: "Hello from the corpus." }
  - type: embeddings
    respond: {}
`

/** `{"a":{"a":...}}` nested `depth` deep, built without recursion. */
export function deepObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

/** `[[[...]]]` nested `depth` deep. */
export function deepArray(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`
}

const isString = (value: unknown) => typeof value === 'string'
const isNullableString = (value: unknown) => value === null || typeof value === 'string'

/**
 * Whether a parsed body is exactly the provider's error envelope: OpenAI's
 * `{ error: { message, type, param, code } }` or Anthropic's `{ type: 'error', error, request_id }`.
 */
export function isEnvelope(body: unknown, provider: Provider): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false
  const { error } = body as { error?: unknown }
  // Ollama: `{ error: "message" }`.
  if (provider === 'ollama') return Object.keys(body).join() === 'error' && isString(error)
  if (typeof error !== 'object' || error === null) return false
  const e = error as Record<string, unknown>
  if (provider === 'openai') {
    return (
      Object.keys(body).join() === 'error' &&
      isString(e.message) &&
      isString(e.type) &&
      isNullableString(e.param) &&
      isNullableString(e.code)
    )
  }
  if (provider === 'gemini') {
    return (
      Object.keys(body).join() === 'error' &&
      Object.keys(e).join() === 'code,message,status' &&
      typeof e.code === 'number' &&
      isString(e.message) &&
      isString(e.status)
    )
  }
  const b = body as Record<string, unknown>
  return b.type === 'error' && isString(e.type) && isString(e.message) && isString(b.request_id)
}

/** Asserts a JSON error response in the provider's envelope and returns its body. */
export async function expectEnvelope(res: Response, provider: Provider): Promise<unknown> {
  expect(res.headers.get('content-type')).toBe('application/json')
  const text = await res.text()
  const body: unknown = JSON.parse(text)
  expect(isEnvelope(body, provider), `${res.status} ${text.slice(0, 300)}`).toBe(true)
  if (provider === 'anthropic') {
    expect(res.headers.get('request-id')).toBe((body as { request_id: string }).request_id)
  }
  return body
}
