/**
 * Gemini's schemas as JSON Schema. `responseSchema` and a declaration's `parameters` use the
 * API's OpenAPI-style `Schema` (`type: 'OBJECT'`, `nullable: true`, integers as strings);
 * `responseJsonSchema` and `parametersJsonSchema` are JSON Schema already.
 */
import { type StructuredRequest, UNSTRUCTURED } from '../shared/json-schema/structured.js'
import type { JSONSchema } from '../shared/json-schema/validate.js'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// The keywords of Gemini's `Schema` that mean the same in JSON Schema; the rest
// (`propertyOrdering`, `example`, ...) are dropped so a strict validator accepts the result.
const KEPT = new Set(['description', 'format', 'enum', 'required', 'pattern', 'title', 'default'])
const NUMBERS = new Set([
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minProperties',
  'maxProperties',
  'minimum',
  'maximum',
])

/**
 * A Gemini `Schema` as JSON Schema: upper-case types lower-cased, `nullable` as a `null` type,
 * int64 strings (`"minItems": "1"`) as numbers, unknown keywords dropped.
 *
 * @example geminiSchemaToJSONSchema({ type: 'OBJECT', properties: { city: { type: 'STRING' } } })
 * // { type: 'object', properties: { city: { type: 'string' } } }
 */
export function geminiSchemaToJSONSchema(schema: unknown): JSONSchema | undefined {
  if (!isRecord(schema)) return undefined
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (KEPT.has(key)) out[key] = value
    else if (NUMBERS.has(key)) out[key] = typeof value === 'string' ? Number(value) : value
  }
  if (typeof schema.type === 'string' && schema.type !== 'TYPE_UNSPECIFIED') {
    const type = schema.type.toLowerCase()
    out.type = schema.nullable === true ? [type, 'null'] : type
  }
  if (isRecord(schema.properties)) {
    const properties: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(schema.properties)) {
      properties[name] = geminiSchemaToJSONSchema(value) ?? {}
    }
    out.properties = properties
  }
  if (schema.items !== undefined) out.items = geminiSchemaToJSONSchema(schema.items) ?? {}
  if (Array.isArray(schema.anyOf)) {
    out.anyOf = schema.anyOf.map((item) => geminiSchemaToJSONSchema(item) ?? {})
  }
  return out
}

const jsonSchemaOf = (value: unknown): JSONSchema | undefined =>
  isRecord(value) || typeof value === 'boolean' ? value : undefined

/**
 * What a `generateContent` body asks for in structure: `generationConfig.responseMimeType:
 * 'application/json'` with `responseJsonSchema` or `responseSchema`; each
 * `functionDeclarations[]` entry's `parametersJsonSchema` or `parameters`; and a forced call
 * (`toolConfig.functionCallingConfig.mode: 'ANY'` with one allowed function, or one declared).
 *
 * @example geminiStructured(body).format?.schema
 */
export function geminiStructured(body: Readonly<Record<string, unknown>>): StructuredRequest {
  const config = isRecord(body.generationConfig) ? body.generationConfig : {}
  const json = config.responseMimeType === 'application/json'
  const schema =
    jsonSchemaOf(config.responseJsonSchema) ??
    jsonSchemaOf(config._responseJsonSchema) ??
    geminiSchemaToJSONSchema(config.responseSchema)
  const tools = new Map<string, JSONSchema | undefined>()
  if (Array.isArray(body.tools)) {
    for (const tool of body.tools) {
      if (!isRecord(tool) || !Array.isArray(tool.functionDeclarations)) continue
      for (const declaration of tool.functionDeclarations) {
        if (!isRecord(declaration) || typeof declaration.name !== 'string') continue
        tools.set(
          declaration.name,
          jsonSchemaOf(declaration.parametersJsonSchema) ??
            geminiSchemaToJSONSchema(declaration.parameters),
        )
      }
    }
  }
  const calling = isRecord(body.toolConfig) ? body.toolConfig.functionCallingConfig : undefined
  let forcedTool: string | undefined
  if (isRecord(calling) && calling.mode === 'ANY') {
    const allowed = Array.isArray(calling.allowedFunctionNames) ? calling.allowedFunctionNames : []
    if (allowed.length === 1 && typeof allowed[0] === 'string') forcedTool = allowed[0]
    else if (allowed.length === 0 && tools.size === 1) forcedTool = [...tools.keys()][0]
  }
  if (!json && tools.size === 0 && forcedTool === undefined) return UNSTRUCTURED
  return {
    tools,
    ...(json ? { format: schema === undefined ? {} : { schema } } : {}),
    ...(forcedTool === undefined ? {} : { forcedTool }),
  }
}
