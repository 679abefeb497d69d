/**
 * Runs a CommonJS file from V8's code cache, as Node 22's `module.enableCompileCache()` does
 * for every module: the first run saves the bytecode V8 compiled (the file's top level and every
 * function it ran), and later runs hand it back to V8 instead of compiling half a megabyte of
 * bundle again, so `mocktopus serve` answers sooner. Anything unexpected (no cache yet, an
 * unusable directory, a cache V8 rejects) only means compiling as `require` would.
 */

import { isAscii } from 'node:buffer'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { Script } from 'node:vm'

/**
 * - `hit`: the file ran from the cache.
 * - `miss`: there was no cache for this file; `save()` writes one.
 * - `rejected`: V8 refused the cache (another V8 build or other flags); `save()` replaces it.
 * - `off`: no caching (`NODE_DISABLE_COMPILE_CACHE` is set, or no safe directory); the file was
 *   required as usual.
 */
export type CodeCacheStatus = 'hit' | 'miss' | 'rejected' | 'off'

export interface CodeCacheRun {
  readonly status: CodeCacheStatus
  /** Where the cache is (or would be) kept; undefined when `off`. */
  readonly cacheFile: string | undefined
  /**
   * Writes the cache for the next run, best effort, replacing older caches of the same file.
   * The cache holds every function compiled so far and still compiled: call it once start-up
   * is over, not much later, for V8 drops the bytecode of functions a long run no longer uses.
   * Does nothing
   * after a `hit`, when `off`, or the second time.
   */
  save(): void
}

/**
 * What a file run through the cache may export: `warmUpCodeCache()` runs just before the cache
 * is saved, so that code this run did not need but later runs will (reading a scenario, when
 * this run served the built-in one) is compiled, and saved with the rest.
 */
export interface CodeCacheWarmUp {
  warmUpCodeCache?(): void
}

export interface CodeCacheOptions {
  /** Default `process.env`; `NODE_DISABLE_COMPILE_CACHE` (Node's own switch) turns caching off. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Default `mocktopus-compile-cache-<uid>` in the OS temporary directory. */
  readonly directory?: string
  /**
   * Keeps a cache per variant (the launcher passes the command's name): a cache holds what the
   * run that saved it compiled, and `mocktopus --version` compiles little of what `serve` runs.
   * Letters and dashes only.
   */
  readonly variant?: string
}

// The wrapper Node's CommonJS loader puts around a module, on the same line as the code so
// that line numbers in stack traces stay right.
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { '
const WRAPPER_END = '\n})'

/**
 * Runs `file` (CommonJS) once, through the code cache when it can.
 *
 * @example
 * const run = runWithCodeCache(join(__dirname, 'command.cjs'), { variant: 'serve' })
 * setTimeout(() => run.save(), 1000).unref() // once start-up is over; a no-op after a hit
 */
export function runWithCodeCache(file: string, options: CodeCacheOptions = {}): CodeCacheRun {
  const env = options.env ?? process.env
  const directory = options.directory ?? defaultDirectory()
  const prefix = cachePrefix(file, options.variant)
  const prepared = env.NODE_DISABLE_COMPILE_CACHE ? undefined : prepare(file, directory, prefix)
  if (!prepared) {
    createRequire(file)(file)
    return { status: 'off', cacheFile: undefined, save: () => {} }
  }
  const { script, cacheFile, status } = prepared
  const module = { exports: {} }
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file))
  let saved = status === 'hit'
  return {
    status,
    cacheFile,
    save: () => {
      if (saved) return
      saved = true
      try {
        ;(module.exports as CodeCacheWarmUp).warmUpCodeCache?.()
      } catch {
        // Warming up only adds to the cache: a failure leaves it as this run made it.
      }
      saveCache(script, cacheFile, prefix)
    },
  }
}

interface Prepared {
  readonly script: Script
  readonly cacheFile: string
  readonly status: Exclude<CodeCacheStatus, 'off'>
}

// Everything that can fail before the file runs, so that a failure here falls back to
// `require` and the file never runs twice.
function prepare(file: string, directory: string, prefix: string): Prepared | undefined {
  try {
    if (!isPrivateDirectory(directory)) return undefined
    // Identity first: a file rewritten between the two reads then gets a name it no longer
    // has, never the new name with old bytecode.
    const { size, ino, ctimeNs } = statSync(file, { bigint: true })
    const bytes = readFileSync(file)
    // esbuild writes only ASCII: read as latin1, V8 gets a one-byte string without UTF-8 decoding.
    const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
    const cacheFile = join(directory, `${prefix}${size}-${ino}-${ctimeNs}.v8`)
    const cachedData = readCache(cacheFile)
    const script = new Script(WRAPPER_START + source + WRAPPER_END, {
      filename: file,
      ...(cachedData ? { cachedData } : {}),
    })
    const status = !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit'
    return { script, cacheFile, status }
  } catch {
    return undefined
  }
}

/**
 * The cache's name says which bytes and which V8 it holds: this prefix, then the file's
 * identity. V8 checks its own version and flags but, of the source, only its length; so the
 * name carries the file's identity as git's index does: any write to the file changes its
 * ctime (which, unlike mtime, no one can set back), a reinstall gives it a new inode. Hashing
 * the file instead would spend on node:crypto and the hash what the cache saves.
 */
function cachePrefix(file: string, variant = ''): string {
  const safe = /^[a-z-]{0,32}$/i.test(variant) ? variant : ''
  return `${basename(file)}-${safe}-${process.version}-${process.arch}-`
}

function defaultDirectory(): string {
  const user = process.getuid?.()
  return join(tmpdir(), `mocktopus-compile-cache${user === undefined ? '' : `-${user}`}`)
}

// Bytecode is code: use a cache only from a directory no one else can write to. A missing
// directory is fine (the first save creates it, private).
function isPrivateDirectory(directory: string): boolean {
  let stats: ReturnType<typeof statSync>
  try {
    stats = statSync(directory)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
  }
  if (!stats.isDirectory()) return false
  const user = process.getuid?.()
  return user === undefined || (stats.uid === user && (stats.mode & 0o022) === 0)
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return readFileSync(cacheFile)
  } catch {
    return undefined
  }
}

function saveCache(script: Script, cacheFile: string, prefix: string): void {
  try {
    const directory = dirname(cacheFile)
    // Not recursive: a temporary directory that does not exist is not ours to create.
    if (!existsSync(directory)) mkdirSync(directory, { mode: 0o700 })
    if (!isPrivateDirectory(directory)) return
    // Written aside and renamed, so a concurrent run never reads half a cache.
    const partial = `${cacheFile}.${process.pid}.partial`
    writeFileSync(partial, script.createCachedData())
    renameSync(partial, cacheFile)
    // Caches of earlier builds of this file, for this variant and Node, are of no further use.
    for (const name of readdirSync(directory)) {
      if (name.startsWith(prefix) && name.endsWith('.v8') && join(directory, name) !== cacheFile) {
        rmSync(join(directory, name), { force: true })
      }
    }
  } catch {
    // A cache is an optimisation: a full disk or a read-only temporary directory is no error.
  }
}
