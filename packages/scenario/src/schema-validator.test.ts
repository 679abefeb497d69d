import { Ajv } from 'ajv'
import standaloneCode from 'ajv/dist/standalone/index.js'
import { describe, expect, it } from 'vitest'
import { scenarioSchema } from './schema.js'
import { validate } from './schema-validator.generated.js'

const HEADER = `// Generated from scenarioSchema (schema.ts) by ajv standalone; do not edit.
// After changing the schema, run \`pnpm exec vitest run packages/scenario -u\` to regenerate.
// biome-ignore-all format: generated
// biome-ignore-all lint: generated
// biome-ignore-all assist: generated
`

function generate(): string {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
    // `required` inside the respond-or-error `oneOf` names properties defined one level up.
    strictRequired: false,
    code: { source: true, esm: true, lines: true },
  })
  return `${HEADER}${standaloneCode(ajv, ajv.compile(scenarioSchema))}\n`
}

describe('the generated schema validator', () => {
  it('is ajv standalone output for the current scenarioSchema', async () => {
    await expect(generate()).toMatchFileSnapshot('./schema-validator.generated.js')
  })

  it('imports nothing, so it runs wherever the package runs', async () => {
    const { readFile } = await import('node:fs/promises')
    const code = await readFile(new URL('./schema-validator.generated.js', import.meta.url), 'utf8')
    expect(code).not.toMatch(/\brequire\(|^import /m)
  })

  it('validates with every error and the failing schema', () => {
    expect(validate({ version: 1, rules: [] })).toBe(true)
    expect(validate({ version: 2, rules: [{ type: 'x' }] })).toBe(false)
    expect(validate.errors?.map((error) => error.keyword)).toEqual([
      'const',
      'required',
      'required',
      'oneOf',
      'enum',
    ])
    expect(validate.errors?.[0]?.parentSchema).toMatchObject({ const: 1 })
  })
})
