/**
 * Structured answers, provider-neutral: what a request asks for (a JSON response format, the
 * tools' parameter schemas, a forced tool), and what a rule's `respond` becomes under it:
 * generated JSON when the rule gives no content, generated tool arguments when a call gives
 * none, and a warning for each literal that does not fit the requested schema.
 */
import type { Respond, ToolCallSpec } from '@mocktopus/scenario'
import { generateFromSchema } from './generate.js'
import { checkSchema, type JSONSchema } from './validate.js'

/** A response format that asks for JSON. */
export interface JSONFormat {
  /** What the JSON must satisfy; absent for `json_object`. */
  readonly schema?: JSONSchema
  /** The format's name, which strings at the root are made from. */
  readonly name?: string
}

/** What a request says about structure, read by each provider's parser. */
export interface StructuredRequest {
  /** Set when the request asks for JSON content. */
  readonly format?: JSONFormat
  /** Each function tool's parameter schema, by name (`undefined`: it has none). */
  readonly tools: ReadonlyMap<string, JSONSchema | undefined>
  /**
   * The tool `tool_choice` forces: the one it names, or the first tool offered when it asks
   * for any (`required`; Anthropic's `{ type: 'any' }`).
   */
  readonly forcedTool?: string
}

/** A request that asks for nothing structured. */
export const UNSTRUCTURED: StructuredRequest = { tools: new Map() }

/**
 * `{ structured }` for a request's params, or nothing when it asks for nothing structured.
 *
 * @example const params = { model, ...structuredParam(chatStructured(body)) }
 */
export function structuredParam(structured: StructuredRequest): {
  readonly structured?: StructuredRequest
} {
  return structured === UNSTRUCTURED ? {} : { structured }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const schemaOf = (value: unknown): JSONSchema | undefined =>
  isRecord(value) || typeof value === 'boolean' ? value : undefined

function toolMap(
  tools: unknown,
  read: (tool: Record<string, unknown>) => [string, unknown] | undefined,
): Map<string, JSONSchema | undefined> {
  const map = new Map<string, JSONSchema | undefined>()
  if (!Array.isArray(tools)) return map
  for (const tool of tools) {
    const entry = isRecord(tool) ? read(tool) : undefined
    if (entry) map.set(entry[0], schemaOf(entry[1]))
  }
  return map
}

function formatOf(
  format: unknown,
  inner: (f: Record<string, unknown>) => unknown,
): JSONFormat | undefined {
  if (!isRecord(format)) return undefined
  if (format.type === 'json_object') return {}
  if (format.type !== 'json_schema') return undefined
  const spec = inner(format)
  if (!isRecord(spec)) return {}
  const schema = schemaOf(spec.schema)
  const name = typeof spec.name === 'string' ? spec.name : undefined
  return { ...(schema === undefined ? {} : { schema }), ...(name === undefined ? {} : { name }) }
}

// The tool a request that must call one, but names none, gets: the first offered, as a model
// told "use a tool" with one obvious candidate would.
function firstTool(tools: ReadonlyMap<string, unknown>): string | undefined {
  return tools.keys().next().value
}

function structured(
  format: JSONFormat | undefined,
  tools: Map<string, JSONSchema | undefined>,
  forcedTool: unknown,
): StructuredRequest {
  if (!format && tools.size === 0 && typeof forcedTool !== 'string') return UNSTRUCTURED
  return {
    tools,
    ...(format ? { format } : {}),
    ...(typeof forcedTool === 'string' ? { forcedTool } : {}),
  }
}

/**
 * Chat completions: `response_format` (`json_schema` with `json_schema.schema`, or
 * `json_object`), `tools[].function.parameters`, `tool_choice: { type: 'function', function: { name } }`
 * or `'required'`.
 *
 * @example chatStructured(body).format?.schema
 */
export function chatStructured(body: Readonly<Record<string, unknown>>): StructuredRequest {
  const format = formatOf(body.response_format, (f) => f.json_schema)
  const tools = toolMap(body.tools, (tool) =>
    tool.type === 'function' && isRecord(tool.function) && typeof tool.function.name === 'string'
      ? [tool.function.name, tool.function.parameters]
      : undefined,
  )
  const choice = body.tool_choice
  const forced =
    isRecord(choice) && choice.type === 'function' && isRecord(choice.function)
      ? choice.function.name
      : choice === 'required'
        ? firstTool(tools)
        : undefined
  return structured(format, tools, forced)
}

/**
 * Responses API: `text.format` (`json_schema` with `schema` beside `type`, or `json_object`),
 * `tools[].parameters`, `tool_choice: { type: 'function', name }` or `'required'`.
 *
 * @example responsesStructured(body).forcedTool
 */
export function responsesStructured(body: Readonly<Record<string, unknown>>): StructuredRequest {
  const format = formatOf(isRecord(body.text) ? body.text.format : undefined, (f) => f)
  const tools = toolMap(body.tools, (tool) =>
    tool.type === 'function' && typeof tool.name === 'string'
      ? [tool.name, tool.parameters]
      : undefined,
  )
  const choice = body.tool_choice
  const forced =
    isRecord(choice) && choice.type === 'function'
      ? choice.name
      : choice === 'required'
        ? firstTool(tools)
        : undefined
  return structured(format, tools, forced)
}

/**
 * Messages API: `output_config.format` (`{ type: 'json_schema', schema }`; the beta's
 * top-level `output_format` too), `tools[].input_schema`, `tool_choice: { type: 'tool', name }`
 * or `{ type: 'any' }`.
 *
 * @example anthropicStructured(body).format?.schema
 */
export function anthropicStructured(body: Readonly<Record<string, unknown>>): StructuredRequest {
  const config = isRecord(body.output_config) ? body.output_config.format : undefined
  const format = formatOf(config ?? body.output_format, (f) => f)
  const tools = toolMap(body.tools, (tool) =>
    typeof tool.name === 'string' && (tool.type === undefined || tool.type === 'custom')
      ? [tool.name, tool.input_schema]
      : undefined,
  )
  const choice = body.tool_choice
  const forced = !isRecord(choice)
    ? undefined
    : choice.type === 'tool'
      ? choice.name
      : choice.type === 'any'
        ? firstTool(tools)
        : undefined
  return structured(format, tools, forced)
}

/** A rule's `respond` as sent under a structured request. */
export interface StructuredAnswer {
  /** `respond` with the content and tool calls to send (arguments always present). */
  readonly respond: Respond
  /** The refusal to send instead of content, if the rule gives one. */
  readonly refusal?: string
  /** Something was generated from the request, so the answer differs per request. */
  readonly generated: boolean
  /** The tool call was made up because `tool_choice` forced it. */
  readonly forced: boolean
  /** Literals that do not fit the requested schema, and what generation could not honour. */
  readonly warnings: readonly string[]
}

// A JSON object for `json_object` requests with no schema: small and the same every time.
const ANY_OBJECT: JSONSchema = {
  type: 'object',
  properties: { message: { type: 'string' } },
  required: ['message'],
}

function checkLiteral(
  where: string,
  text: string,
  schema: JSONSchema | undefined,
  warnings: string[],
): void {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    warnings.push(`${where} is not JSON but the request asks for JSON`)
    return
  }
  if (schema === undefined) return
  const check = checkSchema(schema, value)
  if (!check.valid) warnings.push(`${where} does not match the requested schema at ${check.error}`)
}

/**
 * What `respond` sends for a request: `respond.json` serialised as the content; content
 * generated from the requested schema when the rule gives none; a call to the forced tool
 * when there is no format and no content; arguments generated for calls that give none. The
 * same request gives the same bytes: everything generated is seeded from `seed`.
 *
 * @example
 * const { respond, warnings } = structuredAnswer(rule.respond, chatStructured(body), JSON.stringify(body))
 */
export function structuredAnswer(
  respond: Respond,
  request: StructuredRequest,
  seedOf: string | (() => string),
): StructuredAnswer {
  // Most answers are plain: no copy, no seed.
  if (
    request === UNSTRUCTURED &&
    respond.json === undefined &&
    respond.refusal === undefined &&
    (respond.tool_calls ?? []).every((call) => call.function.arguments !== undefined)
  ) {
    return PLAIN_ANSWERS.get(respond) ?? plainAnswer(respond)
  }
  let seedText: string | undefined
  const seed = () => (seedText ??= typeof seedOf === 'string' ? seedOf : seedOf())
  const warnings: string[] = []
  let generated = false
  let forced = false
  if (typeof respond.refusal === 'string') {
    const { content: _c, tool_calls: _t, json: _j, ...rest } = respond
    return {
      respond: { ...rest, content: null },
      refusal: respond.refusal,
      generated,
      forced,
      warnings,
    }
  }
  const { format } = request
  let content = respond.content
  if (respond.json !== undefined) {
    content = JSON.stringify(respond.json)
    if (format?.schema !== undefined) checkLiteral('respond.json', content, format.schema, warnings)
  } else if (typeof content === 'string' && format) {
    checkLiteral('respond.content', content, format.schema, warnings)
  } else if (content === undefined && !respond.tool_calls && format) {
    const result = generateFromSchema(format.schema ?? ANY_OBJECT, {
      seed: seed(),
      ...(format.name === undefined ? {} : { name: format.name }),
    })
    content = JSON.stringify(result.value)
    warnings.push(...result.warnings.map((w) => `generated content ${w}`))
    generated = true
  }
  let calls = respond.tool_calls
  if (content === undefined && !calls && request.forcedTool !== undefined) {
    calls = [{ type: 'function', function: { name: request.forcedTool } }]
    forced = true
  }
  const toolCalls = calls?.map((call, i): ToolCallSpec => {
    const { name } = call.function
    const schema = request.tools.get(name)
    const where = `respond.tool_calls[${i}].function.arguments`
    if (call.function.arguments !== undefined) {
      if (schema !== undefined) checkLiteral(where, call.function.arguments, schema, warnings)
      return call
    }
    generated = true
    if (schema === undefined) return { ...call, function: { name, arguments: '{}' } }
    const result = generateFromSchema(schema, { seed: `${seed()}|tool|${i}`, name })
    warnings.push(...result.warnings.map((w) => `generated ${where} ${w}`))
    return { ...call, function: { name, arguments: JSON.stringify(result.value) } }
  })
  const out: Record<string, unknown> = { ...respond }
  delete out.json
  if (content === undefined) delete out.content
  else out.content = content
  if (toolCalls) out.tool_calls = toolCalls
  return { respond: out as Respond, generated, forced, warnings }
}

// One answer object per plain respond, so a rule's hot path allocates nothing here.
const PLAIN_ANSWERS = new WeakMap<Respond, StructuredAnswer>()

function plainAnswer(respond: Respond): StructuredAnswer {
  const answer: StructuredAnswer = { respond, generated: false, forced: false, warnings: [] }
  PLAIN_ANSWERS.set(respond, answer)
  return answer
}

/** The header that carries an answer's warnings. */
export const WARNING_HEADER = 'x-mocktopus-warning'

/**
 * The warnings as one header value: printable ASCII only (a header cannot carry more), joined
 * by `; ` and cut at 1000 characters.
 *
 * @example warningHeader(['respond.json does not match']) // { 'x-mocktopus-warning': '...' }
 */
export function warningHeader(warnings: readonly string[]): Record<string, string> {
  if (warnings.length === 0) return {}
  const text = warnings.join('; ').replace(/[^\x20-\x7e]/g, '?')
  return { [WARNING_HEADER]: text.length > 1000 ? `${text.slice(0, 997)}...` : text }
}
