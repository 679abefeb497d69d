/**
 * Writes recordings into a scenario YAML file (Node only). Every change rewrites the file
 * through a temporary file and a rename, so a reader never sees half a file; changes to one
 * file are queued, so concurrent requests never interleave. The file is read again before
 * each change when it changed on disk, so comments and edits made by hand survive.
 */
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Document, isMap, isScalar, isSeq, type Node, parseDocument, visit, YAMLSeq } from 'yaml'
import { RecordingsError } from './errors.js'
import { type RecordedRule, recordingKey } from './to-rule.js'

export interface RecordingsFileOptions {
  /** The YAML file to write; created (with its directory) on the first recording. */
  readonly path: string
}

export interface RecordingsFile {
  readonly path: string
  /** Adds a rule, or replaces the rule recorded earlier for the same request. */
  add(rule: RecordedRule): Promise<void>
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
let sequence = 0

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
  /** What the file looked like when we last wrote it, to notice edits made since. */
  readonly mtimeMs: number
  readonly size: number
}

// The document as last written, per file: re-reading and re-parsing the whole file for every
// recording would make a long session quadratic.
const loaded = new Map<string, Loaded>()

function keyOf(item: unknown): string | undefined {
  const value = (item as Node | null)?.toJSON?.() as { type?: string; when?: unknown } | undefined
  return value?.type === undefined
    ? undefined
    : recordingKey({ type: value.type, when: value.when })
}

async function load(path: string): Promise<Omit<Loaded, 'mtimeMs' | 'size'>> {
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
  return { doc, items, keys: items.map(keyOf) }
}

async function writeRule(path: string, rule: RecordedRule): Promise<void> {
  const { doc, items, keys } = await load(path)
  // Changed in memory from here on: if the write fails, the next one reads the file again.
  loaded.delete(path)
  const node = doc.createNode(rule) as Node
  compact(node)
  const key = recordingKey(rule)
  const index = keys.indexOf(key)
  if (index === -1) {
    items.push(node)
    keys.push(key)
  } else {
    items[index] = node
  }

  await mkdir(dirname(path), { recursive: true })
  sequence += 1
  const temp = `${path}.${process.pid}.${sequence}.tmp`
  try {
    await writeFile(temp, doc.toString({ lineWidth: 100 }), 'utf8')
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  const written = await stat(path)
  loaded.set(path, { doc, items, keys, mtimeMs: written.mtimeMs, size: written.size })
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
  return {
    path,
    add(rule) {
      const previous = queues.get(path) ?? Promise.resolve()
      const next = previous.catch(() => {}).then(() => writeRule(path, rule))
      const settled = next.catch(() => {})
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
