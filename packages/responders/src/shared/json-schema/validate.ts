/**
 * Validation of JSON values against the JSON Schemas requests carry (response formats, tool
 * parameters). Each distinct schema is compiled once by Ajv and kept in a small bounded cache.
 */
import { Ajv, type ValidateFunction } from 'ajv'

/** A JSON Schema as a request carries it. */
export type JSONSchema = Readonly<Record<string, unknown>> | boolean

// Regular expressions for the formats structured outputs allow; Ajv knows none by itself.
const FORMATS: Readonly<Record<string, RegExp>> = {
  'date-time': /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/,
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  hostname:
    /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/,
  ipv4: /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/,
}

let ajv: Ajv | undefined

function instance(): Ajv {
  if (ajv) return ajv
  // Not strict: request schemas carry keywords Ajv does not know (`strict`, `nullable`,
  // `title` in odd places), and an unknown format is ignored, as the API ignores it.
  ajv = new Ajv({ strict: false, allErrors: false, logger: false, multipleOfPrecision: 9 })
  for (const [name, regex] of Object.entries(FORMATS)) ajv.addFormat(name, regex)
  return ajv
}

/** How many compiled schemas are kept; the oldest is dropped past it. */
export const SCHEMA_CACHE_SIZE = 256

interface Compiled {
  /** The validator, or why the schema did not compile. */
  readonly validate: ValidateFunction | string
  /** The object Ajv keeps it under, to drop from Ajv's own cache with it. */
  readonly root: JSONSchema
}

const compiled = new Map<string, Compiled>()

// `$schema` names drafts (2020-12 from zod) this Ajv does not load, and two schemas sharing an
// `$id` cannot be added to one instance: both are dropped from the root before compiling.
function compile(schema: JSONSchema): ValidateFunction | string {
  const key = JSON.stringify(schema)
  const hit = compiled.get(key)
  if (hit !== undefined) {
    compiled.delete(key)
    compiled.set(key, hit)
    return hit.validate
  }
  let root: JSONSchema = schema
  if (typeof schema !== 'boolean') {
    const { $schema: _schema, $id: _id, ...rest } = schema
    root = rest
  }
  let validate: ValidateFunction | string
  try {
    validate = instance().compile(root)
  } catch (error) {
    validate = error instanceof Error ? error.message : String(error)
  }
  compiled.set(key, { validate, root })
  if (compiled.size > SCHEMA_CACHE_SIZE) {
    const [oldestKey, oldest] = compiled.entries().next().value as [string, Compiled]
    compiled.delete(oldestKey)
    // Ajv keeps every schema it compiled; without this its cache would grow without bound.
    if (typeof oldest.root !== 'boolean') instance().removeSchema(oldest.root)
  }
  return validate
}

/** What a check found: nothing when the value is valid. */
export interface SchemaCheck {
  readonly valid: boolean
  /** The first failure, as `<JSON pointer>: <message>` (`/` is the value itself). */
  readonly error?: string
}

/**
 * Checks `value` against `schema`. A schema Ajv cannot compile counts as valid, with the reason
 * in `error`, so a bad schema never turns a literal answer into a failure.
 *
 * @example checkSchema({ type: 'object', required: ['a'] }, {}).error // "/: must have required property 'a'"
 */
export function checkSchema(schema: JSONSchema, value: unknown): SchemaCheck {
  const validate = compile(schema)
  if (typeof validate === 'string') {
    return { valid: true, error: `the schema could not be compiled (${validate})` }
  }
  if (validate(value)) return { valid: true }
  const first = validate.errors?.[0]
  const where = first?.instancePath || '/'
  return { valid: false, error: `${where}: ${first?.message ?? 'is invalid'}` }
}
