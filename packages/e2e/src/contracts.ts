/**
 * Access to the material outside the repository that contract tests check against: the
 * official OpenAI OpenAPI spec and the Python-era example scenarios. Paths come from the
 * environment, with the project's sibling `../shared/` as the default.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { parse } from 'yaml'

const repoRoot = resolve(import.meta.dirname, '../../..')

export const OPENAI_SPEC_PATH: string = resolve(
  process.env.MOCKTOPUS_OPENAI_SPEC ?? join(repoRoot, '../shared/contracts/openai-openapi.yaml'),
)
export const COMPAT_DIR: string = resolve(
  process.env.MOCKTOPUS_COMPAT_DIR ?? join(repoRoot, '../shared/compat/python-mocktopus-examples'),
)

function requireFile(path: string, what: string, envVar: string, origin: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${what} not found at ${path}. Set ${envVar} to its path, or get it from ${origin}.`,
    )
  }
}

/** Reads a Python-era example scenario by file name (e.g. `chat-basic.yaml`). */
export function readCompatExample(name: string): string {
  const path = join(COMPAT_DIR, name)
  requireFile(
    path,
    'Python Mocktopus example scenario',
    'MOCKTOPUS_COMPAT_DIR',
    'the evalops/mocktopus repository (examples/, commit 2610f99)',
  )
  return readFileSync(path, 'utf8')
}

// OpenAPI 3.0's `nullable` survives in parts of the 3.1 spec; ajv's 2020 dialect rejects it
// without a sibling `type`. Rewrite it into plain JSON Schema before compiling.
function fixNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fixNullable)
  if (node === null || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node)) out[k] = fixNullable(v)
  if (out.nullable === true) {
    delete out.nullable
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null']
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
      return out
    }
    return { anyOf: [out, { type: 'null' }] }
  }
  if ('nullable' in out) delete out.nullable
  return out
}

let ajv: Ajv2020 | undefined
const SPEC_ID = 'https://mocktopus.local/openai-openapi.json'
const cache = new Map<string, ValidateFunction>()

function compiler(): Ajv2020 {
  if (ajv) return ajv
  requireFile(
    OPENAI_SPEC_PATH,
    'OpenAI OpenAPI spec',
    'MOCKTOPUS_OPENAI_SPEC',
    'the openai/openai-openapi repository (openapi.yaml)',
  )
  const spec = parse(readFileSync(OPENAI_SPEC_PATH, 'utf8'), { maxAliasCount: -1 }) as {
    components: unknown
  }
  ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
  ajv.addSchema({ $id: SPEC_ID, components: fixNullable(spec.components) })
  return ajv
}

/** A validator for `components.schemas.<name>` of the OpenAI spec. */
export function openaiSchema(name: string): ValidateFunction {
  let validate = cache.get(name)
  if (!validate) {
    const found = compiler().getSchema(`${SPEC_ID}#/components/schemas/${name}`)
    if (!found) throw new Error(`The OpenAI spec has no schema named ${name}`)
    validate = found
    cache.set(name, validate)
  }
  return validate
}

/** Validates `data` against a named OpenAI schema; returns ajv's errors as readable lines. */
export function openaiErrors(name: string, data: unknown): string[] {
  const validate = openaiSchema(name)
  if (validate(data)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
}
