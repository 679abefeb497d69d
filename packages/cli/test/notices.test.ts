import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ESM build script, without types
import { writeNotices } from '../scripts/third-party-notices.mjs'

const root = join(import.meta.dirname, '..')
const work = mkdtempSync(join(tmpdir(), 'mocktopus-notices-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('third-party notices for the bundled bin', () => {
  it('lists every bundled package once, with its license text, and none of ours', () => {
    const metafile = join(work, 'metafile.json')
    writeFileSync(
      metafile,
      JSON.stringify({
        inputs: {
          'src/bin.ts': {},
          '../scenario/src/parse.ts': {},
          'node_modules/yaml/dist/index.js': {},
          'node_modules/yaml/dist/parse/lexer.js': {},
          'node_modules/@hono/node-server/dist/index.mjs': {},
          'node_modules/@mocktopus/server/dist/index.js': {},
        },
      }),
    )
    const out = join(work, 'NOTICES.md')
    const cwd = process.cwd()
    process.chdir(root)
    let listed: string[]
    try {
      listed = writeNotices(metafile, out)
    } finally {
      process.chdir(cwd)
    }
    expect(listed.map((entry) => entry.replace(/@[^@]+$/, ''))).toEqual([
      '@hono/node-server',
      'yaml',
    ])
    const text = readFileSync(out, 'utf8')
    expect(text.match(/^## yaml /gm)).toHaveLength(1)
    expect(text).toMatch(/## yaml [\d.]+\n\nLicense: ISC\n\n```\nCopyright/)
    expect(text).toMatch(/## @hono\/node-server [\d.]+\n\nLicense: MIT\n\n```\n/)
    expect(text).not.toContain('@mocktopus')
  })
})
