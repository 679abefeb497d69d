/**
 * Writes recordings into a scenario YAML file (Node only). A new recording is appended: its
 * rule's YAML goes, in one write, after the last item of the file's `rules:` sequence (the last
 * top-level key in every file written here), so a recording costs the same whatever the file's
 * size and what is already on disk is never rewritten. Re-recording a request replaces its rule
 * in place, and a file that cannot be appended to (a new one, `rules: []`, another key after
 * `rules`) is rewritten whole: through a temporary file (a random name, created exclusively)
 * and a rename, so a reader never sees half a file. Changes to one file are queued, so
 * concurrent requests never interleave. The file is read again when it changed on disk since
 * the last write, so comments and edits made by hand survive. No file grows past what replay
 * reads (`MAX_SCENARIO_SIZE`): the next recordings go to `recordings-2.yaml`,
 * `recordings-3.yaml`, ... beside it.
 */
import { randomUUID } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, statSync, writeSync } from 'node:fs'
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
import { MAX_SCENARIO_SIZE, readSimpleYaml } from '@mocktopus/scenario'
import { Document, isSeq, type Node, parseDocument, YAMLSeq } from 'yaml'
import { RecordingsError } from '../../record/errors.js'
import {
  ruleItemYAML,
  ruleItemYAMLByDocument,
  ruleNode,
  SCENARIO_TO_STRING,
} from '../../record/rule-yaml.js'
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
   * file written, once the recording is on disk. Rejects when the rule cannot be written, or
   * alone is over `maxSize`.
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

/**
 * What is known of a file as last read or written. Only a file that changed on disk since
 * (an edit by hand, another program) is read again: re-reading and re-parsing the whole file
 * for every recording would make a long session quadratic.
 */
interface FileState {
  /** Whether the file exists. */
  readonly exists: boolean
  readonly mtimeMs: number
  readonly size: number
  /** The file's length in characters, which `maxSize` counts. */
  readonly chars: number
  /** The recording key of every rule in the file. */
  readonly keys: Set<string>
  /**
   * The column of the items of `rules:` when the file ends with that sequence, so a new rule
   * can be appended; `undefined` when the file has to be rewritten to take one.
   */
  readonly itemIndent: number | undefined
  readonly endsWithNewline: boolean
}

const states = new Map<string, FileState>()

const MISSING: FileState = {
  exists: false,
  mtimeMs: 0,
  size: 0,
  chars: 0,
  keys: new Set(),
  itemIndent: undefined,
  endsWithNewline: true,
}

function keyOf(item: unknown): string | undefined {
  const value = item as { type?: unknown; when?: unknown } | null
  return typeof value?.type !== 'string'
    ? undefined
    : recordingKey({ type: value.type, when: value.when })
}

// The data of a recordings file: the scenario package's fast reader takes the YAML written
// here at a fraction of `yaml`'s cost; anything else goes through `yaml`, which names errors.
function readData(path: string, text: string): unknown {
  const fast = readSimpleYaml(text)
  if (fast) return fast.data
  const doc = parseDocument(text)
  if (doc.errors.length > 0) {
    throw new RecordingsError(
      `${path} is not valid YAML (${doc.errors[0]?.message.split('\n')[0]}); fix it or move it away, then record again`,
    )
  }
  return doc.toJS()
}

/**
 * The column of the items of a block `rules:` sequence that ends the file (only comments and
 * blank lines after it), or `undefined`.
 */
export function appendColumn(text: string): number | undefined {
  const rules = /^rules:[ ]*(?:#.*)?$/gm
  let found: RegExpExecArray | null = null
  for (let next = rules.exec(text); next; next = rules.exec(text)) found = next
  if (!found) return undefined
  let column: number | undefined
  for (const line of text.slice(found.index + found[0].length).split('\n')) {
    const content = line.trimStart()
    if (content === '' || content.startsWith('#')) continue
    const indent = line.length - content.length
    if (column === undefined) {
      // The first item: a dash, then a space or the end of the line.
      if (!/^-(?: |$)/.test(content)) return undefined
      column = indent
    } else if (indent < column || (indent === column && !/^-(?: |$)/.test(content))) {
      return undefined
    }
  }
  return column
}

function stateOf(path: string, text: string, info: { mtimeMs: number; size: number }): FileState {
  const items = (readData(path, text) as { rules?: unknown } | null)?.rules
  const keys = new Set<string>()
  if (Array.isArray(items)) {
    for (const item of items) {
      const key = keyOf(item)
      if (key !== undefined) keys.add(key)
    }
  }
  return {
    exists: true,
    mtimeMs: info.mtimeMs,
    size: info.size,
    chars: text.length,
    keys,
    itemIndent: Array.isArray(items) && items.length > 0 ? appendColumn(text) : undefined,
    endsWithNewline: text.endsWith('\n'),
  }
}

// The file's mtime and size, or `undefined` when it does not exist. Synchronous: it is checked
// before every recording, and a `stat` of a local file takes microseconds where the async call
// is a thread-pool round trip that the client waits for.
function statOf(path: string): { mtimeMs: number; size: number } | undefined {
  try {
    return statSync(path)
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return undefined
    throw error
  }
}

async function load(path: string): Promise<FileState> {
  const info = statOf(path)
  if (!info) {
    states.delete(path)
    return MISSING
  }
  const cached = states.get(path)
  if (cached && info.mtimeMs === cached.mtimeMs && info.size === cached.size) return cached
  const text = await readFile(path, 'utf8')
  const state = stateOf(path, text, info)
  states.set(path, state)
  return state
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

/**
 * The YAML of one rule as an item of `rules:` at `column`, ending with a newline: written
 * directly (about a tenth of the CPU), else (data the direct writer is not sure of) by `yaml`.
 */
function itemText(rule: RecordedRule, column: number): string {
  return ruleItemYAML(rule, column) ?? ruleItemYAMLByDocument(rule, column)
}

const APPEND_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW

// Every byte of `bytes`, however many writes it takes (a write may take only part of them).
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) {
    const written = writeSync(fd, bytes, done, bytes.length - done)
    // Never spin on a write that takes nothing: the recording is reported lost instead.
    if (written <= 0) throw new Error(`writing ${bytes.length} bytes stopped after ${done}`)
    done += written
  }
}

/**
 * Appends `text` with one write, after checking the file is still the one last read (a file
 * replaced by a symlink is refused by `O_NOFOLLOW`: the caller rewrites instead).
 *
 * Synchronous, on purpose: the client waits for its recording to be on disk (so a crash between
 * requests loses none already answered), and a small append to a local file takes
 * microseconds, while each async fs call (open, write, stat, close) is a round trip through
 * libuv's thread pool that the client would wait for too.
 */
function append(path: string, state: FileState, text: string, key: string): void {
  states.delete(path)
  const fd = openSync(path, APPEND_FLAGS)
  try {
    writeAll(fd, Buffer.from(text, 'utf8'))
    const written = fstatSync(fd)
    const keys = state.keys
    keys.add(key)
    states.set(path, {
      ...state,
      mtimeMs: written.mtimeMs,
      size: written.size,
      chars: state.chars + text.length,
      keys,
      endsWithNewline: true,
    })
  } finally {
    closeSync(fd)
  }
}

/** The whole file again, with `rule` in place of the rule with the same key, else at the end. */
function rewritten(
  text: string | undefined,
  rule: RecordedRule | undefined,
  key: string,
): string | undefined {
  const doc = text === undefined ? new Document({ version: 1, rules: [] }) : parseDocument(text)
  if (text === undefined) doc.commentBefore = HEADER
  let rules = doc.get('rules', true)
  if (!isSeq(rules)) {
    rules = new YAMLSeq()
    doc.set('rules', rules)
  }
  const { items } = rules as YAMLSeq<unknown>
  const index = items.findIndex((item) => keyOf((item as Node | null)?.toJSON?.()) === key)
  if (rule === undefined) {
    if (index === -1) return undefined
    items.splice(index, 1)
  } else if (index === -1) items.push(ruleNode(doc, rule))
  else {
    // The comments around the old rule stay with the new one: a note written above a recording
    // (or the comment an append left before it) survives its re-recording.
    const before = items[index] as Node
    const node = ruleNode(doc, rule)
    node.commentBefore = before.commentBefore
    node.spaceBefore = before.spaceBefore
    node.comment = before.comment
    items[index] = node
  }
  return doc.toString(SCENARIO_TO_STRING)
}

async function rewrite(path: string, text: string): Promise<void> {
  states.delete(path)
  await writeText(path, text)
  states.set(path, stateOf(path, text, await stat(path)))
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
  const state = await load(path)
  if (!state.keys.has(key) && state.itemIndent !== undefined) {
    const item = itemText(rule, state.itemIndent)
    const text = state.endsWithNewline ? item : `\n${item}`
    const size = state.chars + text.length
    if (size > maxSize) return { written: false, size }
    try {
      append(path, state, text, key)
      return { written: true }
    } catch (error) {
      // A symlink where the file was: rewritten below, through a rename, never written through.
      if (!(isNodeError(error) && error.code === 'ELOOP')) throw error
    }
  }
  const current = state.exists ? await readFile(path, 'utf8') : undefined
  const next = rewritten(current, rule, key)
  if (!next) return { written: true }
  if (next.length > maxSize) return { written: false, size: next.length }
  await rewrite(path, next)
  return { written: true }
}

async function remove(path: string, key: string): Promise<void> {
  const state = await load(path)
  if (!state.keys.has(key)) return
  const next = rewritten(await readFile(path, 'utf8'), undefined, key)
  if (next !== undefined) await rewrite(path, next)
}

// The files of each series as last listed: only this writer starts a new one, so the directory
// is listed once (at `prepare`, or the first recording), not for every recording.
const listed = new Map<string, string[]>()

async function writeRule(path: string, rule: RecordedRule, maxSize: number): Promise<string> {
  const key = recordingKey(rule)
  let series = listed.get(path)
  if (!series) {
    series = await seriesOf(path)
    listed.set(path, series)
  }
  let holder: string | undefined
  for (const file of series) {
    if ((await load(file)).keys.has(key)) {
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
      if (!series.includes(target)) listed.set(path, [...series, target])
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
  const series = await seriesOf(path)
  listed.set(path, series)
  for (const file of series) {
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
