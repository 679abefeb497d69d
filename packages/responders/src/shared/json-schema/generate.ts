/**
 * A small deterministic generator of JSON values from a JSON Schema: the value for a schema and
 * a seed is the same on every machine, and valid for the schemas structured outputs and tool
 * definitions use (objects, arrays, enums, unions, `$ref` to `$defs`, formats, bounds).
 * Choices are hashed from the seed and the value's path, so one field does not shift another.
 */
import { createDigester } from '../ids.js'
import { stringForPattern } from './pattern.js'
import { checkSchema, type JSONSchema } from './validate.js'

type Schema = Readonly<Record<string, unknown>>

export interface GenerateOptions {
  /** What the choices derive from, e.g. the request body. */
  readonly seed: string
  /** The name strings are made from at the root, e.g. the tool's or the format's name. */
  readonly name?: string
  /** How many `$ref`s deep to follow before only what is required is generated; default 6. */
  readonly maxDepth?: number
}

export interface Generated {
  readonly value: unknown
  /** What could not be honoured, each naming the path at fault. */
  readonly warnings: readonly string[]
}

interface Context {
  readonly root: Schema
  readonly pick: (path: string, n: number) => number
  readonly maxDepth: number
  readonly warnings: string[]
}

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// Decodes the base-62 digest of the path into a number below `n`.
function createPicker(seed: string): (path: string, n: number) => number {
  const digester = createDigester(seed)
  return (path, n) => {
    if (n <= 1) return 0
    const digest = digester.id('', 5, `|${path}`)
    let value = 0
    for (let i = 0; i < digest.length; i++) value = value * 62 + (digest.charCodeAt(i) % 62)
    return value % n
  }
}

function resolveRef(ctx: Context, ref: string, path: string): Schema | undefined {
  if (ref === '#') return ctx.root
  if (!ref.startsWith('#/')) {
    ctx.warnings.push(`${path}: $ref ${ref} is not local; generated a string`)
    return undefined
  }
  let node: unknown = ctx.root
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    node = isSchema(node) ? node[key] : undefined
  }
  if (!isSchema(node) && typeof node !== 'boolean') {
    ctx.warnings.push(`${path}: $ref ${ref} points at nothing; generated a string`)
    return undefined
  }
  return typeof node === 'boolean' ? {} : node
}

// allOf, merged simply: properties and required unioned, other keywords from the last member.
function mergeAllOf(ctx: Context, schema: Schema, path: string): Schema {
  const { allOf, ...rest } = schema
  let merged: Record<string, unknown> = { ...rest }
  for (const member of allOf as unknown[]) {
    let part = isSchema(member) ? member : {}
    if (typeof part.$ref === 'string') part = resolveRef(ctx, part.$ref, path) ?? {}
    if (Array.isArray(part.allOf)) part = mergeAllOf(ctx, part, path)
    const properties = { ...(merged.properties as Schema), ...(part.properties as Schema) }
    const required = [
      ...new Set([
        ...((merged.required as string[]) ?? []),
        ...((part.required as string[]) ?? []),
      ]),
    ]
    merged = { ...merged, ...part, properties, required }
  }
  return merged
}

function typeOf(schema: Schema): string | undefined {
  const { type } = schema
  if (typeof type === 'string') return type
  if (Array.isArray(type)) {
    const nonNull = type.filter((t) => t !== 'null')
    return (nonNull[0] as string | undefined) ?? (type.length > 0 ? 'null' : undefined)
  }
  if (isSchema(schema.properties) || schema.additionalProperties !== undefined) return 'object'
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array'
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number'
  return undefined
}

const isNullSchema = (branch: unknown) => isSchema(branch) && branch.type === 'null'

function gen(ctx: Context, input: JSONSchema, path: string, name: string, depth: number): unknown {
  if (input === true) return `${name} 1`
  if (input === false) {
    ctx.warnings.push(`${path}: the schema is false; no value is valid`)
    return null
  }
  let schema: Schema = input
  if (depth > ctx.maxDepth + 16) {
    ctx.warnings.push(
      `${path}: the schema recurses without an end (no optional, nullable or empty-array way out); sent null`,
    )
    return null
  }
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.enum[ctx.pick(path, schema.enum.length)]
  }
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(ctx, schema.$ref, path)
    if (!target) return `${name} 1`
    const { $ref: _ref, ...siblings } = schema
    return gen(ctx, { ...target, ...siblings }, path, name, depth + 1)
  }
  if (Array.isArray(schema.allOf)) schema = mergeAllOf(ctx, schema, path)
  const union = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined
  if (Array.isArray(union) && union.length > 0) {
    const { anyOf: _a, oneOf: _o, ...siblings } = schema
    // Past the depth limit a null branch ends a recursive structure; before it, a real value
    // shows more than null does.
    const nonNull = union.filter((branch) => !isNullSchema(branch))
    const deep = depth >= ctx.maxDepth
    const nullBranch = union.find(isNullSchema)
    const choices = deep && nullBranch ? [nullBranch] : nonNull.length > 0 ? nonNull : union
    const branch = choices[ctx.pick(`${path}|branch`, choices.length)]
    const merged = isSchema(branch) ? { ...siblings, ...branch } : (branch as JSONSchema)
    return gen(ctx, merged, path, name, depth)
  }
  switch (typeOf(schema)) {
    case 'object':
      return genObject(ctx, schema, path, depth)
    case 'array':
      return genArray(ctx, schema, path, name, depth)
    case 'integer':
      return genNumber(ctx, schema, path, true)
    case 'number':
      return genNumber(ctx, schema, path, false)
    case 'boolean':
      return ctx.pick(path, 2) === 0
    case 'null':
      return null
    default:
      return genString(ctx, schema, path, name)
  }
}

function genObject(ctx: Context, schema: Schema, path: string, depth: number): unknown {
  const properties = isSchema(schema.properties) ? schema.properties : {}
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
  const deep = depth >= ctx.maxDepth
  const keys = [...required]
  if (!deep) for (const key of Object.keys(properties)) if (!keys.includes(key)) keys.push(key)
  const out: Record<string, unknown> = {}
  const extra = schema.additionalProperties
  for (const key of keys) {
    const sub = properties[key] as JSONSchema | undefined
    const fallback = isSchema(extra) || typeof extra === 'boolean' ? extra : true
    out[key] = gen(ctx, sub ?? fallback, `${path}/${key}`, key, depth)
  }
  const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0
  for (let i = 1; Object.keys(out).length < minProperties; i++) {
    const key = `key${i}`
    if (key in out) continue
    out[key] = gen(ctx, isSchema(extra) ? extra : true, `${path}/${key}`, key, depth)
  }
  return out
}

function genArray(ctx: Context, schema: Schema, path: string, name: string, depth: number) {
  const tuple =
    (Array.isArray(schema.prefixItems) ? schema.prefixItems : undefined) ??
    (Array.isArray(schema.items) ? schema.items : undefined)
  const rest: JSONSchema =
    isSchema(schema.items) || typeof schema.items === 'boolean'
      ? schema.items
      : isSchema(schema.additionalItems)
        ? schema.additionalItems
        : true
  const min = typeof schema.minItems === 'number' ? schema.minItems : 0
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY
  const wanted = depth >= ctx.maxDepth ? min : Math.max(min, Math.min(2, max))
  const count = Math.max(wanted, Math.min(tuple?.length ?? 0, max))
  const item = name.endsWith('s') && name.length > 1 ? name.slice(0, -1) : name
  const out: unknown[] = []
  for (let i = 0; i < count; i++) {
    const sub = (tuple?.[i] as JSONSchema | undefined) ?? rest
    out.push(gen(ctx, sub, `${path}/${i}`, `${item} ${i + 1}`, depth + (sub === rest ? 1 : 0)))
  }
  return out
}

function genNumber(ctx: Context, schema: Schema, path: string, integer: boolean): number {
  const num = (key: string) =>
    typeof schema[key] === 'number' ? (schema[key] as number) : undefined
  // exclusiveMinimum is a number since draft 6, a flag on minimum before it.
  const exMin =
    num('exclusiveMinimum') ?? (schema.exclusiveMinimum === true ? num('minimum') : undefined)
  const exMax =
    num('exclusiveMaximum') ?? (schema.exclusiveMaximum === true ? num('maximum') : undefined)
  const step = num('multipleOf') ?? 1
  let low = schema.exclusiveMinimum === true ? undefined : num('minimum')
  let high = schema.exclusiveMaximum === true ? undefined : num('maximum')
  if (exMin !== undefined) low = Math.max(low ?? -Infinity, exMin + (integer ? 1 : step / 2))
  if (exMax !== undefined) high = Math.min(high ?? Infinity, exMax - (integer ? 1 : step / 2))
  if (low === undefined && high === undefined) low = 1
  if (low === undefined) low = (high as number) - 99
  if (high === undefined) high = low + 99
  const unit = integer && !Number.isInteger(step) ? 1 : step
  const first = Math.ceil(low / unit - 1e-9)
  const last = Math.floor(high / unit + 1e-9)
  if (last < first) {
    ctx.warnings.push(`${path}: no ${integer ? 'integer' : 'number'} fits the bounds`)
    return low
  }
  const k = first + ctx.pick(path, Math.min(last - first + 1, 100))
  const value = k * unit
  // 3 * 0.1 is 0.30000000000000004: round to the step's own decimals.
  const decimals = (String(unit).split('.')[1] ?? '').length
  return decimals > 0 ? Number(value.toFixed(decimals)) : value
}

const FORMATTED: Readonly<Record<string, (n: number, slug: string) => string>> = {
  'date-time': (n) =>
    `2024-${pad(1 + (n % 12))}-${pad(1 + (n % 28))}T${pad(n % 24)}:${pad(n % 60)}:00Z`,
  date: (n) => `2024-${pad(1 + (n % 12))}-${pad(1 + (n % 28))}`,
  time: (n) => `${pad(n % 24)}:${pad(n % 60)}:00`,
  email: (n, slug) => `${slug}${n}@example.com`,
  uri: (n, slug) => `https://example.com/${slug}/${n}`,
  url: (n, slug) => `https://example.com/${slug}/${n}`,
  hostname: (_n, slug) => `${slug}.example.com`,
  ipv4: (n) => `192.0.2.${n % 255}`,
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function uuid(ctx: Context, path: string): string {
  const hex = '0123456789abcdef'
  let out = ''
  for (let i = 0; i < 32; i++) out += hex[ctx.pick(`${path}|uuid|${i}`, 16)]
  // Version 4, variant 10xx, so strict validators accept it too.
  const variant = hex[8 + ctx.pick(`${path}|variant`, 4)]
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-4${out.slice(13, 16)}-${variant}${out.slice(17, 20)}-${out.slice(20)}`
}

function genString(ctx: Context, schema: Schema, path: string, name: string): string {
  const n = 1 + ctx.pick(path, 100)
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'value'
  let text: string
  const format = typeof schema.format === 'string' ? schema.format : undefined
  if (format === 'uuid') text = uuid(ctx, path)
  else if (format && FORMATTED[format])
    text = (FORMATTED[format] as (n: number, s: string) => string)(n, slug)
  else if (typeof schema.pattern === 'string') {
    let choice = 0
    const matched = stringForPattern(schema.pattern, (count) =>
      ctx.pick(`${path}|re|${choice++}`, count),
    )
    if (matched === undefined) {
      ctx.warnings.push(
        `${path}: pattern ${schema.pattern} is too complex to generate for; sent "${name} ${n}"`,
      )
      text = `${name} ${n}`
    } else {
      text = matched
    }
  } else {
    // Array items are already numbered ("tag 1", "tag 2").
    text = /\d$/.test(name) ? name : `${name} ${n}`
  }
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0
  const maxLength =
    typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY
  if ([...text].length < minLength) text = text.padEnd(minLength, text.length > 0 ? ' x' : 'x')
  if ([...text].length > maxLength) text = [...text].slice(0, maxLength).join('')
  return text
}

/**
 * A value for `schema`, the same for the same schema and seed. When the value cannot satisfy
 * the schema (an unsupported pattern, contradictory bounds) it is still returned, with warnings.
 *
 * @example
 * generateFromSchema({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, { seed: body })
 * // { value: { city: 'city 42' }, warnings: [] }
 */
export function generateFromSchema(schema: JSONSchema, options: GenerateOptions): Generated {
  const root: Schema = isSchema(schema) ? schema : {}
  let last: Generated | undefined
  // A choice can collide with another keyword (uniqueItems, oneOf overlap, not): a few reseeded
  // attempts, then the last one with its reason.
  for (let attempt = 0; attempt < 4; attempt++) {
    const ctx: Context = {
      root,
      pick: createPicker(attempt === 0 ? options.seed : `${options.seed}|attempt|${attempt}`),
      maxDepth: options.maxDepth ?? 6,
      warnings: [],
    }
    const value = gen(ctx, schema, '', options.name ?? 'value', 0)
    const check = checkSchema(schema, value)
    if (check.valid) return { value, warnings: ctx.warnings }
    last = {
      value,
      warnings: [...ctx.warnings, `the generated value is invalid at ${check.error}`],
    }
  }
  return last as Generated
}
