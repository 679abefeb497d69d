/**
 * A cache of what the scenario package's fast reader read from large recordings files (Node
 * only), so that a replay server started again on the same files (a test suite starts one per
 * file, or per worker) spends a `JSON.parse` on them instead of reading the YAML again: for 400
 * recordings, ~2 ms instead of ~30 ms of code that is still cold at start-up. What it holds is
 * validated like any read, so a cache can make a start faster, never make a scenario valid.
 *
 * An entry belongs to one file by path and identity (size, mtime, ctime, inode, device, taken
 * before the text was read, as git's index does): any write to the file changes its ctime, so
 * an edited file is read again. Entries live in a directory private to the user
 * (`mocktopus-read-cache-<uid>` in the temporary directory, as the CLI's code cache), are
 * written aside and renamed, and the directory is kept under a size in bytes, oldest out first.
 */
import { createHash } from 'node:crypto'
import {
  type BigIntStats,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FAST_READ_FORMAT, type FastRead, readSimpleYaml } from '@mocktopus/scenario'

export interface ReadCacheOptions {
  /** Default `mocktopus-read-cache-<uid>` in the OS temporary directory. */
  readonly directory?: string
  /** Default `process.env`; `MOCKTOPUS_NO_READ_CACHE` set to anything turns the cache off. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** The most the directory holds, in bytes; default 64 MiB. */
  readonly maxBytes?: number
  /** Files shorter than this (characters) are read without the cache; default 32 KiB. */
  readonly minChars?: number
  /**
   * When a new entry is written: default a second after the read (a timer that does not
   * keep the process alive), or at exit: off the start-up's path and its first requests.
   */
  readonly schedule?: (write: () => void) => void
}

export interface ReadCache {
  /**
   * The fast reader for the file at `path`, whose identity `stats` was taken before its text
   * was read: it gives the cached read when there is one for that identity, else reads and
   * keeps the read for the next start.
   */
  reader(path: string, stats: BigIntStats): (text: string) => FastRead | undefined
  /**
   * Reads the file at `path` now and keeps the read (at once, not scheduled): what a recorder
   * does with the files it wrote as it stops, so that the first replay of them on this machine
   * starts as a later one does. Best effort: a file that cannot be read is left alone.
   */
  keep(path: string): void
}

/** The reader without a cache. */
const PLAIN: ReadCache = { reader: () => readSimpleYaml, keep: () => {} }

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024
const DEFAULT_MIN_CHARS = 32 * 1024
const WRITE_DELAY_MS = 1000
const ENTRY = /^recordings-[0-9a-f]{40}\.json$/

function defaultDirectory(): string {
  const user = process.getuid?.()
  return join(tmpdir(), `mocktopus-read-cache${user === undefined ? '' : `-${user}`}`)
}

// What the cache holds is a copy of the user's recordings: only a directory owned by the user
// that no one else can write to (or read: it is created 0700) is used.
function isPrivateDirectory(directory: string): boolean {
  let stats: ReturnType<typeof statSync>
  try {
    stats = statSync(directory)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
  }
  if (!stats.isDirectory()) return false
  const user = process.getuid?.()
  return user === undefined || (stats.uid === user && (stats.mode & 0o077) === 0)
}

/**
 * The first line of an entry: everything that must match for its read to be the file's, and
 * the file's path, so that an entry whose file is gone can be told.
 */
function headerOf(path: string, stats: BigIntStats, chars: number): string {
  return JSON.stringify({
    path: resolve(path),
    format: FAST_READ_FORMAT,
    chars,
    size: String(stats.size),
    mtime: String(stats.mtimeNs),
    ctime: String(stats.ctimeNs),
    ino: String(stats.ino),
    dev: String(stats.dev),
  })
}

// Room for the header line of any entry: its path and a few numbers.
const HEADER_BYTES = 8192

/** Whether the file an entry was read from is gone (an unreadable entry is not said to be). */
function orphaned(entry: string): boolean {
  let fd: number | undefined
  try {
    fd = openSync(entry, 'r')
    const bytes = Buffer.alloc(HEADER_BYTES)
    const length = readSync(fd, bytes, 0, HEADER_BYTES, 0)
    const line = bytes.subarray(0, length).toString('utf8')
    const newline = line.indexOf('\n')
    if (newline === -1) return false
    const { path } = JSON.parse(line.slice(0, newline)) as { path?: unknown }
    return typeof path === 'string' && !existsSync(path)
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

// JSON has no NaN, Infinity or -0 (YAML's `.nan`, `.inf`, `-0`): a read holding one is not kept.
function toJSON(read: FastRead): string | undefined {
  let exact = true
  const text = JSON.stringify(read, (_key, value: unknown) => {
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) {
      exact = false
    }
    return value
  })
  return exact ? text : undefined
}

function defaultSchedule(write: () => void): void {
  let done = false
  const once = () => {
    if (done) return
    done = true
    process.off('exit', once)
    write()
  }
  setTimeout(once, WRITE_DELAY_MS).unref()
  process.once('exit', once)
}

/**
 * The read cache, or a plain reader when it is turned off or its directory is not private.
 *
 * @example
 * const cache = createReadCache()
 * const stats = await stat(path, { bigint: true })
 * const scenario = parseScenario(await readFile(path, 'utf8'), { read: cache.reader(path, stats) })
 */
export function createReadCache(options: ReadCacheOptions = {}): ReadCache {
  const env = options.env ?? process.env
  if (env.MOCKTOPUS_NO_READ_CACHE) return PLAIN
  const directory = options.directory ?? defaultDirectory()
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const minChars = options.minChars ?? DEFAULT_MIN_CHARS
  const schedule = options.schedule ?? defaultSchedule

  // Entries whose file is gone out (a test suite's temporary recordings leave many), then the
  // oldest until the directory is under its size; best effort, as all of it.
  const trim = (): void => {
    const entries = readdirSync(directory)
      .filter((name) => ENTRY.test(name))
      .map((name) => {
        const path = join(directory, name)
        const stats = statSync(path)
        return { path, size: stats.size, mtimeMs: stats.mtimeMs }
      })
      .filter((entry) => {
        if (!orphaned(entry.path)) return true
        rmSync(entry.path, { force: true })
        return false
      })
      .sort((a, b) => b.mtimeMs - a.mtimeMs)
    let total = 0
    for (const entry of entries) {
      total += entry.size
      if (total > maxBytes) rmSync(entry.path, { force: true })
    }
  }

  const save = (file: string, header: string, read: FastRead): void => {
    try {
      const body = toJSON(read)
      if (body === undefined || header.length + body.length > maxBytes / 2) return
      if (!existsSync(directory)) mkdirSync(directory, { mode: 0o700 })
      if (!isPrivateDirectory(directory)) return
      const partial = `${file}.${process.pid}.partial`
      writeFileSync(partial, `${header}\n${body}`, { mode: 0o600 })
      renameSync(partial, file)
      trim()
    } catch {
      // A cache is an optimisation: a full disk or a read-only directory is no error.
    }
  }

  const entryOf = (path: string): string =>
    join(directory, `recordings-${createHash('sha1').update(resolve(path)).digest('hex')}.json`)

  return {
    keep(path) {
      try {
        // Identity first, as for a read at start.
        const stats = statSync(path, { bigint: true })
        const text = readFileSync(path, 'utf8')
        if (text.length < minChars) return
        const read = readSimpleYaml(text)
        if (read) save(entryOf(path), headerOf(path, stats, text.length), read)
      } catch {
        // Nothing to keep: the next start reads the file.
      }
    },
    reader(path, stats) {
      return (text) => {
        if (text.length < minChars || !isPrivateDirectory(directory)) return readSimpleYaml(text)
        const file = entryOf(path)
        const header = headerOf(path, stats, text.length)
        try {
          const entry = readFileSync(file, 'utf8')
          const newline = entry.indexOf('\n')
          if (newline !== -1 && entry.slice(0, newline) === header) {
            return JSON.parse(entry.slice(newline + 1)) as FastRead
          }
        } catch {
          // No entry, or one that cannot be read: read the file.
        }
        const read = readSimpleYaml(text)
        if (read) schedule(() => save(file, header, read))
        return read
      }
    },
  }
}
