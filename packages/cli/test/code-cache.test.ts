import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import type { CodeCacheStatus } from '../src/code-cache.js'

interface ChildRun {
  readonly status?: CodeCacheStatus
  readonly cacheFile?: string
  readonly error?: string
  readonly stack?: string
  /** What the module recorded, once per time it ran. */
  readonly runs: string[]
}

// Each run is a process of its own, as each `mocktopus` is: within one process V8 keeps what
// it compiled and never reads a cache twice.
const CHILD = `
const { runWithCodeCache } = require(process.argv[1])
const { file, removeBetweenSaves, ...options } = JSON.parse(process.argv[2])
globalThis.__codeCacheRuns = []
let result
try {
  const run = runWithCodeCache(file, options)
  run.save()
  if (removeBetweenSaves && run.cacheFile) {
    require('node:fs').rmSync(run.cacheFile, { force: true })
    run.save()
  }
  result = { status: run.status, cacheFile: run.cacheFile }
} catch (error) {
  result = { error: error.message, stack: error.stack }
}
console.log(JSON.stringify({ ...result, runs: globalThis.__codeCacheRuns }))
`

let work: string
let cacheDir: string
let file: string

function run(
  options: { variant?: string; removeBetweenSaves?: boolean } = {},
  env: Record<string, string> = {},
): ChildRun {
  const child = spawnSync(
    process.execPath,
    [
      '-e',
      CHILD,
      inject('codeCacheModule'),
      JSON.stringify({ file, directory: cacheDir, ...options }),
    ],
    { encoding: 'utf8', env: { ...process.env, ...env } },
  )
  if (child.status !== 0) throw new Error(`child failed (${child.status}):\n${child.stderr}`)
  return JSON.parse(child.stdout) as ChildRun
}

// A CommonJS module that records each run, with what the loader gave it.
function writeModule(tag: string): void {
  writeFileSync(
    file,
    [
      `const { sep } = require('node:path')`,
      `globalThis.__codeCacheRuns.push([${JSON.stringify(tag)}, typeof sep, __filename, __dirname, typeof module.exports].join(' '))`,
      '',
    ].join('\n'),
  )
}

const cacheFiles = () => readdirSync(cacheDir).sort()

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'mocktopus-code-cache-'))
  cacheDir = join(work, 'cache')
  file = join(work, 'command.cjs')
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

describe('runWithCodeCache', () => {
  it('runs the file as CommonJS, saves a cache and runs from it next time', () => {
    writeModule('one')
    const first = run()
    expect(first).toMatchObject({ status: 'miss', runs: [`one string ${file} ${work} object`] })
    expect(cacheFiles().map((name) => join(cacheDir, name))).toEqual([first.cacheFile])

    const second = run()
    expect(second).toMatchObject({ status: 'hit', cacheFile: first.cacheFile })
    expect(second.runs).toEqual(first.runs)
  })

  it('keeps text that is not ASCII as it is, from the cache too', () => {
    writeModule('été ☃ 😀')
    expect(run().runs[0]?.startsWith('été ☃ 😀 string')).toBe(true)
    const cached = run()
    expect(cached.status).toBe('hit')
    expect(cached.runs[0]?.startsWith('été ☃ 😀 string')).toBe(true)
  })

  it("runs the file's warmUpCodeCache() before it saves, once; a failing one still saves", () => {
    writeFileSync(
      file,
      `exports.warmUpCodeCache = () => { globalThis.__codeCacheRuns.push('warm-up') }\n`,
    )
    expect(run()).toMatchObject({ status: 'miss', runs: ['warm-up'] })
    expect(cacheFiles()).toHaveLength(1)
    // A hit saves nothing, so it warms nothing up either.
    expect(run()).toMatchObject({ status: 'hit', runs: [] })

    rmSync(cacheDir, { recursive: true, force: true })
    writeFileSync(file, `exports.warmUpCodeCache = () => { throw new Error('cold') }\n`)
    expect(run().status).toBe('miss')
    expect(cacheFiles()).toHaveLength(1)
  })

  it('saves once: a second save() writes nothing', () => {
    writeModule('one')
    expect(run({ removeBetweenSaves: true }).status).toBe('miss')
    expect(cacheFiles()).toEqual([])
  })

  it('creates its own directory, never the folders above it', () => {
    writeModule('one')
    cacheDir = join(work, 'no-such-tmp', 'cache')
    expect(run().status).toBe('miss')
    expect(() => readdirSync(join(work, 'no-such-tmp'))).toThrow(/ENOENT/)
  })

  it('creates the directory private to the user', () => {
    writeModule('one')
    run()
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700)
  })

  it('never runs a stale cache: a rewritten file of the same length gets its own', () => {
    writeModule('one')
    const first = run()
    writeModule('two')
    const second = run()
    expect(second.status).toBe('miss')
    expect(second.cacheFile).not.toBe(first.cacheFile)
    expect(second.runs[0]?.split(' ')[0]).toBe('two')
    // The first build's cache is of no further use, and is gone.
    expect(cacheFiles().map((name) => join(cacheDir, name))).toEqual([second.cacheFile])
  })

  it('replaces a cache V8 rejects, and the file still runs', () => {
    writeModule('one')
    const first = run()
    writeFileSync(first.cacheFile ?? '', 'not bytecode')
    const second = run()
    expect(second.status).toBe('rejected')
    expect(second.runs).toHaveLength(1)
    expect(run().status).toBe('hit')
  })

  it('keeps one cache per variant', () => {
    writeModule('one')
    run({ variant: 'serve' })
    run({ variant: 'validate' })
    expect(cacheFiles()).toHaveLength(2)
    expect(run({ variant: 'serve' }).status).toBe('hit')
    // Anything but letters and dashes is no variant, never part of a path.
    expect(run({ variant: '../x' }).cacheFile).toMatch(/\/cache\/command\.cjs--v/)
  })

  it('is off under NODE_DISABLE_COMPILE_CACHE: the file runs, nothing is written', () => {
    writeModule('one')
    const off = run({}, { NODE_DISABLE_COMPILE_CACHE: '1' })
    expect(off.status).toBe('off')
    expect(off.runs).toHaveLength(1)
    expect(() => readdirSync(cacheDir)).toThrow(/ENOENT/)
  })

  // POSIX permissions; CI runs on Linux.
  it('never reads a cache from a directory others can write to', () => {
    writeModule('one')
    run()
    chmodSync(cacheDir, 0o777)
    const unsafe = run()
    expect(unsafe.status).toBe('off')
    expect(unsafe.runs).toHaveLength(1)
  })

  it('runs a file that throws once, with the right line in its stack', () => {
    writeFileSync(file, 'globalThis.__codeCacheRuns.push("ran")\n\nthrow new Error("line three")\n')
    const thrown = run()
    expect(thrown.error).toBe('line three')
    expect(thrown.stack).toContain(`${file}:3:`)
    expect(thrown.runs).toEqual(['ran'])
  })
})
