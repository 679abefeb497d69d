/**
 * The `$schema` comment of a scenario `init` writes. The templates name the schema's published
 * address; when the project has the schema installed (`npm i -D mocktopus` brings
 * `@mocktopus/scenario`, which ships `schema.json`), the comment names that file by a path
 * relative to the scenario instead, so the editor finds it offline, at the installed version.
 */
import { createRequire } from 'node:module'
import { dirname, relative, sep } from 'node:path'

/** The address the templates carry: the schema of the latest published `@mocktopus/scenario`. */
export const SCHEMA_URL = 'https://unpkg.com/@mocktopus/scenario/schema.json'

const SCHEMA = '@mocktopus/scenario/schema.json'

/**
 * The installed schema as seen from `file` (a scenario's absolute path): through the project's
 * own `@mocktopus/scenario` (npm hoists it), else through its `mocktopus` (pnpm keeps the scoped
 * packages beside it). `undefined` when the project has neither.
 */
export function installedSchema(file: string): string | undefined {
  const fromFile = createRequire(file)
  const attempts = [
    () => fromFile.resolve(SCHEMA),
    () => createRequire(fromFile.resolve('mocktopus')).resolve(SCHEMA),
  ]
  for (const attempt of attempts) {
    try {
      const schema = attempt()
      if (inProjectOf(file, schema)) return schema
    } catch {}
  }
  return undefined
}

// Node also looks in NODE_PATH and ~/.node_modules, and an npx run's command sits in npm's
// cache: a schema found there is not the project's, and a path to it would not travel.
function inProjectOf(file: string, schema: string): boolean {
  const at = schema.indexOf(`${sep}node_modules${sep}`)
  if (at < 0) return false
  const owner = schema.slice(0, at + 1)
  return dirname(file).concat(sep).startsWith(owner)
}

/** `text` with its `$schema` address pointing at the installed schema, when there is one. */
export function withInstalledSchema(text: string, file: string): string {
  if (!text.includes(SCHEMA_URL)) return text
  const schema = installedSchema(file)
  if (!schema) return text
  const path = relative(dirname(file), schema).split(sep).join('/')
  return text.replace(SCHEMA_URL, path.startsWith('.') ? path : `./${path}`)
}
