/**
 * Templates in a rule's answer: `{{ last_user_message }}`, `{{ tool_result }}`, `{{ model }}`
 * and `{{ request.<path> }}` inside `content`, tool call `arguments` and the strings of `json`. No code runs:
 * a template is literal text and placeholders, parsed once when the scenario loads.
 */
import { closestName } from './suggest.js'
import type { Respond, ToolCallSpec } from './types.js'

/** The names a placeholder may use; `request` takes a dotted path. */
export const TEMPLATE_NAMES: readonly string[] = [
  'last_user_message',
  'tool_result',
  'model',
  'request.<path>',
]

/** One piece of a template: literal text, or a value to insert. */
export type TemplatePart =
  | string
  | { readonly name: 'last_user_message' | 'tool_result' | 'model' }
  | { readonly name: 'request'; readonly path: readonly string[] }

/** A parsed template: its parts in order. */
export interface Template {
  readonly parts: readonly TemplatePart[]
}

/** The values a template reads, asked for only when a placeholder needs them. */
export interface TemplateValues {
  /** The text of the last user message (`''` when there is none). */
  lastUserMessage(): string
  /** The text of the latest tool result (`''` when there is none). */
  toolResult(): string
  /** The model the request names (`''` when it names none). */
  model(): string
  /** The parsed request body, for `request.<path>`. */
  readonly body: unknown
}

/** `parseTemplate`'s answer: the template (none for text without `{{`), or why it is wrong. */
export type TemplateParse =
  | { readonly ok: true; readonly template: Template | undefined }
  | { readonly ok: false; readonly message: string }

const SIMPLE_NAMES = ['last_user_message', 'tool_result', 'model'] as const
const PATH_SEGMENT = /^[^.\s{}'"]+$/
const isSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n'
const LITERAL_HINT = `write {{ '{{' }} for a literal "{{"`

function parseExpression(expression: string): TemplatePart | string {
  if ((SIMPLE_NAMES as readonly string[]).includes(expression)) {
    return { name: expression as (typeof SIMPLE_NAMES)[number] }
  }
  if (expression === 'request' || expression.startsWith('request.')) {
    const path = expression.split('.').slice(1)
    if (path.length === 0 || !path.every((segment) => PATH_SEGMENT.test(segment))) {
      return `"${expression}" is not a request path; write request.<key>.<key>, list items by index, e.g. {{ request.messages.0.content }}`
    }
    return { name: 'request', path }
  }
  const head = expression.split('.')[0] ?? expression
  const names = [...SIMPLE_NAMES, 'request']
  // `last_user_msg`, `tool_output`: the first word is right more often than the spelling is near.
  const word = head.includes('_') ? head.split('_')[0] : undefined
  const near = closestName(head, names) ?? names.find((name) => name.split('_')[0] === word)
  const hint = near ? `did you mean "${near}"? ` : ''
  return `unknown template name ${JSON.stringify(expression)}; ${hint}the names are ${TEMPLATE_NAMES.join(', ')}`
}

/**
 * Parses a template. Text without `{{` has no template (`template: undefined`), so it costs
 * nothing when a request is answered. `{{ 'text' }}` inserts `text` as is: `{{ '{{' }}` is a
 * literal `{{`.
 *
 * @example parseTemplate('You said: {{ last_user_message }}') // { ok: true, template: {...} }
 */
export function parseTemplate(text: string): TemplateParse {
  let open = text.indexOf('{{')
  if (open === -1) return { ok: true, template: undefined }
  const parts: TemplatePart[] = []
  let literal = ''
  let from = 0
  while (open !== -1) {
    literal += text.slice(from, open)
    let at = open + 2
    while (isSpace(text[at])) at++
    let close: number
    if (text[at] === "'") {
      const quote = text.indexOf("'", at + 1)
      let end = quote + 1
      while (isSpace(text[end])) end++
      if (quote === -1 || !text.startsWith('}}', end)) {
        return {
          ok: false,
          message: `the quoted text at character ${open + 1} needs a closing ' and then "}}"`,
        }
      }
      literal += text.slice(at + 1, quote)
      close = end
    } else {
      close = text.indexOf('}}', at)
      if (close === -1) {
        return {
          ok: false,
          message: `"{{" at character ${open + 1} is not closed by "}}"; ${LITERAL_HINT}`,
        }
      }
      const expression = text.slice(at, close).trim()
      if (expression === '') {
        return {
          ok: false,
          message: `"{{ }}" at character ${open + 1} names nothing; ${LITERAL_HINT}`,
        }
      }
      const part = parseExpression(expression)
      if (typeof part === 'string') return { ok: false, message: part }
      if (literal) parts.push(literal)
      literal = ''
      parts.push(part)
    }
    from = close + 2
    open = text.indexOf('{{', from)
  }
  literal += text.slice(from)
  if (literal) parts.push(literal)
  return { ok: true, template: { parts } }
}

/**
 * `text` as a template that renders to `text` itself: every `{{` written as `{{ '{{' }}`. For
 * texts that must be sent as they are, such as a recorded answer that quotes template code.
 *
 * @example escapeTemplate('Hello {{ name }}') // "Hello {{ '{{' }} name }}"
 */
export function escapeTemplate(text: string): string {
  return text.includes('{{') ? text.replaceAll('{{', "{{ '{{' }}") : text
}

/**
 * The value at a dotted path in parsed JSON: keys of objects, indexes of lists. Only own
 * properties count, so `constructor` or `__proto__` find nothing.
 *
 * @example valueAt({ messages: [{ content: 'hi' }] }, ['messages', '0', 'content']) // 'hi'
 */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let node = value
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(key)) return undefined
      node = node[Number(key)]
    } else {
      if (!Object.hasOwn(node, key)) return undefined
      node = (node as Record<string, unknown>)[key]
    }
  }
  return node
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/**
 * Renders a template. In `json` mode (tool call arguments, a JSON text) each inserted value is
 * escaped as the inside of a JSON string, so the text stays valid JSON; the literal parts are
 * left as written.
 *
 * @example renderTemplate(template, values, 'json')
 */
export function renderTemplate(
  template: Template,
  values: TemplateValues,
  mode: 'text' | 'json' = 'text',
): string {
  let out = ''
  for (const part of template.parts) {
    if (typeof part === 'string') {
      out += part
      continue
    }
    let value: string
    switch (part.name) {
      case 'last_user_message':
        value = values.lastUserMessage()
        break
      case 'tool_result':
        value = values.toolResult()
        break
      case 'model':
        value = values.model()
        break
      case 'request':
        value = textOf(valueAt(values.body, part.path))
        break
    }
    out += mode === 'json' ? JSON.stringify(value).slice(1, -1) : value
  }
  return out
}

/** A `respond` with templates in it, parsed: `render` gives the respond for one request. */
export interface RespondTemplate {
  render(values: TemplateValues): Respond
}

// A template for a text known to be valid (the scenario passed validation, or will fail at use).
function compiled(text: unknown): Template | undefined {
  if (typeof text !== 'string' || !text.includes('{{')) return undefined
  const parsed = parseTemplate(text)
  if (!parsed.ok) throw new Error(`invalid template ${JSON.stringify(text)}: ${parsed.message}`)
  return parsed.template
}

type ValueTemplate = (values: TemplateValues) => unknown

// `json` is any JSON value: placeholders in its strings (not its keys) are filled in.
function compileValue(value: unknown): ValueTemplate | undefined {
  if (typeof value === 'string') {
    const template = compiled(value)
    return template && ((values) => renderTemplate(template, values))
  }
  if (typeof value !== 'object' || value === null) return undefined
  if (Array.isArray(value)) {
    const items = value.map(compileValue)
    if (!items.some((item) => item !== undefined)) return undefined
    return (values) => value.map((item, i) => items[i]?.(values) ?? item)
  }
  const entries = Object.entries(value).map(
    ([key, item]) => [key, item, compileValue(item)] as const,
  )
  if (!entries.some(([, , template]) => template !== undefined)) return undefined
  return (values) => {
    const out: Record<string, unknown> = {}
    for (const [key, item, template] of entries) out[key] = template ? template(values) : item
    return out
  }
}

function compileRespond(respond: Respond): RespondTemplate | null {
  const content = compiled(respond.content)
  const json = compileValue(respond.json)
  const calls = respond.tool_calls?.map((call) => compiled(call.function.arguments))
  const anyCall = calls?.some((template) => template !== undefined) ?? false
  if (!content && !json && !anyCall) return null
  return {
    render(values: TemplateValues): Respond {
      const out: Record<string, unknown> = { ...respond }
      if (content) out.content = renderTemplate(content, values)
      if (json) out.json = json(values)
      if (anyCall && respond.tool_calls) {
        out.tool_calls = respond.tool_calls.map((call, i): ToolCallSpec => {
          const template = calls?.[i]
          if (!template) return call
          const args = renderTemplate(template, values, 'json')
          return { ...call, function: { ...call.function, arguments: args } }
        })
      }
      return out as Respond
    },
  }
}

// By respond object: scenarios are frozen, so a respond's templates never change.
const TEMPLATES = new WeakMap<Respond, RespondTemplate | null>()

/**
 * The templates of a `respond`, parsed once per respond object (a scenario's are parsed when it
 * loads), or `undefined` when it has none and is sent as written.
 *
 * @example respondTemplate(rule.respond)?.render(values) ?? rule.respond
 */
export function respondTemplate(respond: Respond): RespondTemplate | undefined {
  let template = TEMPLATES.get(respond)
  if (template === undefined) {
    template = compileRespond(respond)
    TEMPLATES.set(respond, template)
  }
  return template ?? undefined
}

/**
 * Whether any text of `respond` may hold a placeholder: a check for `{{`, no parsing.
 * @internal
 */
export function mayHaveTemplates(respond: Respond): boolean {
  if (typeof respond.content === 'string' && respond.content.includes('{{')) return true
  if (respond.json !== undefined && JSON.stringify(respond.json).includes('{{')) return true
  return respond.tool_calls?.some((call) => call.function.arguments?.includes('{{')) ?? false
}
