import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The main entry must run wherever Hono runs: nothing it reaches may import a Node built-in.
// Node-only code lives behind `@mocktopus/server/node`.
const NODE_IMPORT = /(?:from\s+|import\s*\(\s*)['"](node:[^'"]+)['"]/g
const RELATIVE_IMPORT = /from\s+['"](\.{1,2}\/[^'"]+)\.js['"]/g

function reachable(entry: string): string[] {
  const seen = new Set<string>()
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(file), `${m[1]}.ts`)
      queue.push(target)
    }
  }
  return [...seen]
}

function nodeImports(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(NODE_IMPORT)].map(
      (m) => `${relative(import.meta.dirname, file)} imports ${m[1]}`,
    ),
  )
}

describe('Web-standard entries', () => {
  it.each(['index.ts', 'record/index.ts', 'cost/index.ts'])(
    'the server entry %s reaches no Node built-in',
    (entry) => {
      expect(nodeImports(reachable(join(import.meta.dirname, entry)))).toEqual([])
    },
  )

  it('the responders import no Node built-in', () => {
    const dir = join(import.meta.dirname, '../../responders/src')
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .map((name) => join(dir, name))
    expect(files.length).toBeGreaterThan(5)
    expect(nodeImports(files)).toEqual([])
  })

  it('the check finds a Node import when there is one', () => {
    expect(nodeImports([join(import.meta.dirname, 'node/serve.ts')])).not.toEqual([])
  })
})
