/**
 * The rule that would answer a request no rule answered, as YAML to paste under `rules:`: its
 * conditions taken from the request (the endpoint, the model, the last user message or the
 * first embedding input) and a `respond` to fill in.
 */
import { EMBEDDINGS } from '@mocktopus/responders'
import { lastUserText, type MatchRequest } from '@mocktopus/scenario'
import { stringify } from 'yaml'

/** The longest `messages_contains` a suggestion quotes: a prefix is contained too. */
export const SUGGESTED_TEXT_LENGTH = 200

// The first `length` characters, never splitting a surrogate pair.
function prefix(text: string, length: number): string {
  if (text.length <= length) return text
  const code = text.charCodeAt(length - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length)
}

/**
 * The text a rule's `messages_contains` would look for in `request`: the last user message, or
 * for embeddings the first input.
 *
 * @example requestText({ endpoint: '/v1/chat/completions', messages: [{ role: 'user', content: 'hi' }] }) // 'hi'
 */
export function requestText(request: MatchRequest): string {
  if (request.endpoint === EMBEDDINGS.path) return request.input?.[0] ?? ''
  return lastUserText(request.messages)
}

/**
 * The suggested rule, indented as a list item under `rules:` (two spaces, as `mocktopus init`
 * writes scenarios).
 *
 * @example suggestRule({ endpoint: '/v1/chat/completions', model: 'gpt-4o', messages: [...] })
 */
export function suggestRule(request: MatchRequest): string {
  const embeddings = request.endpoint === EMBEDDINGS.path
  const text = prefix(requestText(request).trim(), SUGGESTED_TEXT_LENGTH)
  const when: Record<string, string> = { endpoint: request.endpoint }
  if (request.model !== undefined && !/[*?[\]{}]/.test(request.model)) when.model = request.model
  if (text !== '') when.messages_contains = text
  const rule = {
    type: embeddings ? 'embeddings' : 'llm',
    when,
    respond: embeddings ? {} : { content: 'TODO: the answer this request should get' },
  }
  const yaml = stringify([rule], { lineWidth: 0 })
  return yaml.replace(/^(?=.)/gm, '  ')
}
