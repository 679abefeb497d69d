/**
 * Writes recordings into a scenario YAML file (Node only). Every change rewrites the file
 * through a temporary file (a random name, created exclusively) and a rename, so a reader never
 * sees half a file; changes to one file are queued, so concurrent requests never interleave.
 * The file is read again before each change when it changed on disk, so comments and edits
 * made by hand survive. No file grows past what replay reads (`MAX_SCENARIO_SIZE`): the next
 * recordings go to `recordings-2.yaml`, `recordings-3.yaml`, ... beside it.
 */
import { randomUUID } from 'node:crypto'
import {
  type FileHandle,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  stat,
  unlink,
} from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { MAX_SCENARIO_SIZE } from '@mocktopus/scenario'
import { Document, isMap, isScalar, isSeq, type Node, parseDocument, visit, YAMLSeq } from 'yaml'
import { RecordingsError } from '../../record/errors.js'
import { type RecordedRule, recordingKey } from '../../record/to-rule.js'

export interface RecordingsFileOptions {
  /** The YAML file to write; created (with its directory) on the first recording. */
  readonly path: string
  /**
   * The longest file written, in characters. Default `MAX_SCENARIO_SIZE` (16 MiB), the most
   * replay reads in one file; a recording that would push the file past it goes to the next
   * file of the series (`recordings-2.yaml`, ...).
   */
  readonly maxSize?: number
}

export interface RecordingsFile {
  readonly path: string
  /**
   * Creates the directory and test-writes a file in it, and reads the recordings already
   * there; rejects with a `RecordingsError` naming the directory or file that cannot be used.
   */
  prepare(): Promise<void>
  /**
   * Adds a rule, or replaces the rule recorded earlier for the same request; resolves to the
   * file written. Rejects when the rule cannot be written, or alone is over `maxSize`.
   */
  add(rule: RecordedRule): Promise<string>
  /** Resolves once every change asked for so far is on disk. */
  flush(): Promise<void>
}

const HEADER = [
  ' Recorded by Mocktopus (mocktopus serve --mode record). Each rule replays one request:',
  ' `when` is the request exactly, `respond` (or `error`) what the upstream answered.',
  ' Review and edit freely, commit it, and replay with:',
  '   mocktopus serve --mode replay --recordings-dir <this directory>',
].join('\n')

// One queue per file across every writer in this process.
const queues = new Map<string, Promise<void>>()

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return undefined
    throw error
  }
}

// Vectors and usage on one line each: an embedding is 1536 numbers.
function compact(node: Node): void {
  visit(node, {
    Seq(_, seq) {
      if (
        seq.items.length > 0 &&
        seq.items.every((item) => isScalar(item) && typeof item.value === 'number')
      ) {
        seq.flow = true
      }
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'usage' && isMap(pair.value))
        pair.value.flow = true
    },
  })
}

function emptyDocument(): Document {
  const doc = new Document({ version: 1, rules: [] })
  doc.commentBefore = HEADER
  return doc
}

interface Loaded {
  readonly doc: Document
  readonly items: unknown[]
  /** The recording key of each rule, by position. */
  readonly keys: (string | undefined)[]
}

interface Cached extends Loaded {
  /** What the file looked like when we last read or wrote it, to notice edits made since. */
  readonly mtimeMs: number
  readonly size: number
}

// The document as last read or written, per file: re-reading and re-parsing the whole file for
// every recording would make a long session quadratic. Whoever changes a document in memory
// takes it out of here until the change is on disk.
const loaded = new Map<string, Cached>()

function keyOf(item: unknown): string | undefined {
  const value = (item as Node | null)?.toJSON?.() as { type?: string; when?: unknown } | undefined
  return value?.type === undefined
    ? undefined
    : recordingKey({ type: value.type, when: value.when })
}

async function load(path: string): Promise<Loaded> {
  const info = await stat(path).catch((error: unknown) => {
    if (isNodeError(error) && error.code === 'ENOENT') return undefined
    throw error
  })
  const cached = loaded.get(path)
  if (cached && info && info.mtimeMs === cached.mtimeMs && info.size === cached.size) return cached
  const text = info ? await readText(path) : undefined
  const doc = text === undefined ? emptyDocument() : parseDocument(text)
  if (doc.errors.length > 0) {
    throw new RecordingsError(
      `${path} is not valid YAML (${doc.errors[0]?.message.split('\n')[0]}); fix it or move it away, then record again`,
    )
  }
  let rules = doc.get('rules', true)
  if (!isSeq(rules)) {
    rules = new YAMLSeq()
    doc.set('rules', rules)
  }
  const { items } = rules as YAMLSeq<unknown>
  const result = { doc, items, keys: items.map(keyOf) }
  if (info && text !== undefined) {
    loaded.set(path, { ...result, mtimeMs: info.mtimeMs, size: info.size })
  }
  return result
}

/**
 * The files of a series, in order: `recordings.yaml`, then `recordings-2.yaml`,
 * `recordings-3.yaml`, ... as found beside it.
 */
async function seriesOf(path: string): Promise<string[]> {
  const dir = dirname(path)
  const ext = extname(path)
  const stem = basename(path, ext)
  const numbered = new RegExp(`^${escapeRegExp(stem)}-(\\d+)${escapeRegExp(ext)}$`)
  const names = await readdir(dir).catch((error: unknown) => {
    if (isNodeError(error) && error.code === 'ENOENT') return [] as string[]
    throw error
  })
  const found = names
    .map((name) => ({ name, n: Number(numbered.exec(name)?.[1] ?? Number.NaN) }))
    .filter(({ n }) => Number.isSafeInteger(n) && n >= 2)
    .sort((a, b) => a.n - b.n)
  return [path, ...found.map(({ name }) => join(dir, name))]
}

function nextInSeries(path: string, series: readonly string[]): string {
  const ext = extname(path)
  const last = series.at(-1) as string
  const n = last === path ? 1 : Number(/-(\d+)$/.exec(basename(last, ext))?.[1])
  return join(dirname(path), `${basename(path, ext)}-${n + 1}${ext}`)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// The temporary file gets a name no one can guess and is created exclusively (`wx`): a file or
// symlink planted beside the recordings is never written through.
async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temp = `${path}.${randomUUID()}.tmp`
  let handle: FileHandle | undefined
  let created = false
  try {
    handle = await open(temp, 'wx')
    created = true
    await handle.writeFile(text, 'utf8')
    await handle.close()
    handle = undefined
    await rename(temp, path)
  } catch (error) {
    await handle?.close().catch(() => {})
    if (created) await unlink(temp).catch(() => {})
    throw error
  }
}

async function save(
  path: string,
  doc: Document,
  items: unknown[],
  keys: (string | undefined)[],
  text: string,
): Promise<void> {
  loaded.delete(path)
  await writeText(path, text)
  const written = await stat(path)
  loaded.set(path, { doc, items, keys, mtimeMs: written.mtimeMs, size: written.size })
}

/**
 * Puts `rule` into `path` (in place of the rule with the same key, else at the end) when the
 * file stays within `maxSize`; otherwise leaves the file as it was and gives the size it would
 * have had.
 */
async function put(
  path: string,
  rule: RecordedRule,
  key: string,
  maxSize: number,
): Promise<{ readonly written: true } | { readonly written: false; readonly size: number }> {
  const { doc, items, keys } = await load(path)
  // Plain nodes, never anchors and aliases: replay refuses a file with too many of those.
  const node = doc.createNode(rule, { aliasDuplicateObjects: false }) as Node
  compact(node)
  const index = keys.indexOf(key)
  const previous = items[index]
  if (index === -1) {
    items.push(node)
    keys.push(key)
  } else items[index] = node
  const text = doc.toString({ lineWidth: 100 })
  if (text.length > maxSize) {
    if (index === -1) {
      items.pop()
      keys.pop()
    } else items[index] = previous
    return { written: false, size: text.length }
  }
  await save(path, doc, items, keys, text)
  return { written: true }
}

async function remove(path: string, key: string): Promise<void> {
  const { doc, items, keys } = await load(path)
  const index = keys.indexOf(key)
  if (index === -1) return
  items.splice(index, 1)
  keys.splice(index, 1)
  await save(path, doc, items, keys, doc.toString({ lineWidth: 100 }))
}

async function writeRule(path: string, rule: RecordedRule, maxSize: number): Promise<string> {
  const key = recordingKey(rule)
  const series = await seriesOf(path)
  let holder: string | undefined
  for (const file of series) {
    if ((await load(file)).keys.includes(key)) {
      holder = file
      break
    }
  }
  if (holder && (await put(holder, rule, key, maxSize)).written) return holder
  const last = series.at(-1) as string
  const targets =
    last === holder ? [nextInSeries(path, series)] : [last, nextInSeries(path, series)]
  let size = 0
  for (const target of targets) {
    const result = await put(target, rule, key, maxSize)
    if (result.written) {
      // Written first, removed second: a failure in between leaves two copies, never none.
      if (holder) await remove(holder, key)
      return target
    }
    size = result.size
  }
  throw new RecordingsError(
    `the recording would make a file of ${size} characters on its own, over the ${maxSize} that replay reads in one file; it was not written`,
  )
}

async function prepare(path: string): Promise<void> {
  const dir = dirname(path)
  try {
    await mkdir(dir, { recursive: true })
  } catch (cause) {
    throw new RecordingsError(
      `cannot create the recordings directory ${dir} (${(cause as Error).message}); choose another directory`,
      { cause },
    )
  }
  const probe = join(dir, `.mocktopus-write-test-${randomUUID()}.tmp`)
  let created = false
  try {
    const handle = await open(probe, 'wx')
    created = true
    try {
      await handle.writeFile('mocktopus write test\n', 'utf8')
    } finally {
      await handle.close()
    }
  } catch (cause) {
    throw new RecordingsError(
      `cannot write in the recordings directory ${dir} (${(cause as Error).message}); fix its permissions or choose another directory`,
      { cause },
    )
  } finally {
    if (created) await unlink(probe).catch(() => {})
  }
  for (const file of await seriesOf(path)) {
    try {
      await load(file)
    } catch (cause) {
      if (cause instanceof RecordingsError) throw cause
      throw new RecordingsError(
        `cannot read the recordings file ${file} (${(cause as Error).message}); fix it or move it away`,
        { cause },
      )
    }
  }
}

/**
 * A recordings file.
 *
 * @example
 * const file = createRecordingsFile({ path: 'recordings/recordings.yaml' })
 * await file.add({ type: 'llm.openai', when: { endpoint: ENDPOINTS.chatCompletions }, respond: { content: 'Hi' } })
 */
export function createRecordingsFile(options: RecordingsFileOptions): RecordingsFile {
  const { path } = options
  const maxSize = options.maxSize ?? MAX_SCENARIO_SIZE
  return {
    path,
    prepare: () => prepare(path),
    add(rule) {
      const previous = queues.get(path) ?? Promise.resolve()
      const next = previous.catch(() => {}).then(() => writeRule(path, rule, maxSize))
      const settled = next.then(
        () => {},
        () => {},
      )
      queues.set(path, settled)
      void settled.then(() => {
        if (queues.get(path) === settled) queues.delete(path)
      })
      return next
    },
    async flush() {
      await (queues.get(path) ?? Promise.resolve())
    },
  }
}
