/**
 * The shape of an upstream's answer: which fields it has, of which JSON types, and the values of
 * its enum-like fields (`finish_reason`, `object`, `role`, `type`, `stop_reason`, ...), never
 * its text. Record mode keeps it with each recording (`recorded.shape`) and `mocktopus drift`
 * compares it with the shape the upstream answers today, so a provider that drops `usage` or
 * starts sending a new `finish_reason` is noticed before the replays go stale.
 *
 * Written as one line of space-separated entries, `path:kinds`, sorted:
 *
 * ```
 * choices[].finish_reason:"stop" choices[].message.content:string usage.total_tokens:number
 * ```
 *
 * `[]` is any item of an array; kinds are `string`, `number`, `boolean`, `null`, `object` and
 * `array` (the last two only for an empty one: a field with children is an object by them),
 * and an enum field's values in double quotes, joined by `|`. A stream's entries start with
 * `@` and its event's name (`@message_start.message.role:"assistant"`), `@chunk` for events
 * without a name: the union over every event of that name.
 */

/** Fields whose string values are part of the shape, not of the text. */
const ENUM_KEYS = new Set([
  'finish_reason',
  'stop_reason',
  'object',
  'role',
  'type',
  'status',
  'finishReason',
  'done_reason',
  'blockReason',
  'reason',
])
// An enum value worth keeping: short and free of the characters the line format uses.
const ENUM_VALUE = /^[\w.:/-]{1,64}$/
// A key written as is; anything else is percent-encoded, so the line still splits on spaces.
const PLAIN_KEY = /^[\w$-]+$/
/** The prefix of events without a name (OpenAI chat, Gemini, Ollama lines). */
export const UNNAMED_EVENT = 'chunk'

type Shape = Map<string, Set<string>>

function keyPart(key: string): string {
  return PLAIN_KEY.test(key) ? key : encodeURIComponent(key)
}

function add(shape: Shape, path: string, kind: string): void {
  let kinds = shape.get(path)
  if (!kinds) {
    kinds = new Set()
    shape.set(path, kinds)
  }
  kinds.add(kind)
}

function walk(shape: Shape, path: string, key: string | undefined, value: unknown): void {
  if (Array.isArray(value)) {
    if (value.length === 0) add(shape, path, 'array')
    for (const item of value) walk(shape, `${path}[]`, key, item)
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) add(shape, path, 'object')
    for (const [name, item] of entries) {
      walk(shape, path === '' ? keyPart(name) : `${path}.${keyPart(name)}`, name, item)
    }
  } else if (typeof value === 'string') {
    const isEnum = key !== undefined && ENUM_KEYS.has(key) && ENUM_VALUE.test(value)
    add(shape, path, isEnum ? JSON.stringify(value) : 'string')
  } else {
    add(
      shape,
      path,
      typeof value === 'number' || typeof value === 'boolean' ? typeof value : 'null',
    )
  }
}

function format(shape: Shape): string {
  return [...shape]
    .filter(([path]) => path !== '')
    .map(([path, kinds]) => `${path}:${[...kinds].sort().join('|')}`)
    .sort()
    .join(' ')
}

/**
 * The shape of one JSON answer.
 *
 * @example answerShape({ object: 'list', data: [{ index: 0 }] }) // 'data[].index:number object:"list"'
 */
export function answerShape(value: unknown): string {
  const shape: Shape = new Map()
  walk(shape, '', undefined, value)
  return format(shape)
}

export interface ShapeCollector {
  /** One SSE event; data that is not JSON (`[DONE]`) is not part of the shape. */
  addEvent(event: { readonly event?: string; readonly data: string }): void
  /** One parsed chunk (an NDJSON line), under `@chunk`. */
  addChunk(value: unknown, name?: string): void
  /** The union over every event so far, or `undefined` when there was none. */
  result(): string | undefined
}

/**
 * Gathers the shape of a stream, event by event: the union over every event of a name.
 *
 * @example
 * const shape = createShapeCollector()
 * shape.addEvent({ event: 'ping', data: '{"type":"ping"}' })
 * shape.result() // '@ping.type:"ping"'
 */
export function createShapeCollector(): ShapeCollector {
  const shape: Shape = new Map()
  let count = 0
  const addChunk = (value: unknown, name = UNNAMED_EVENT): void => {
    count++
    walk(shape, `@${keyPart(name)}`, undefined, value)
  }
  return {
    addEvent(event) {
      let value: unknown
      try {
        value = JSON.parse(event.data)
      } catch {
        return // `[DONE]` and other sentinels are not part of the shape.
      }
      addChunk(value, event.event && event.event !== 'message' ? event.event : UNNAMED_EVENT)
    },
    addChunk,
    result: () => (count === 0 ? undefined : format(shape)),
  }
}

/**
 * The shape of an NDJSON stream (Ollama): every line that is JSON, under `@chunk`.
 *
 * @example ndjsonShape('{"done":false}\n{"done":true}\n') // '@chunk.done:boolean'
 */
export function ndjsonShape(text: string): string | undefined {
  const collector = createShapeCollector()
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    try {
      collector.addChunk(JSON.parse(line))
    } catch {
      // Not a line of the stream's JSON: not part of its shape.
    }
  }
  return collector.result()
}

/**
 * A shape line read back: each path's kinds. Paths that only have children are given the kind
 * `object` (or `array`) they imply.
 *
 * @example parseShape('usage.total_tokens:number').get('usage') // Set { 'object' }
 */
export function parseShape(line: string): ReadonlyMap<string, ReadonlySet<string>> {
  const shape: Shape = new Map()
  for (const entry of line.split(' ')) {
    // A path has no colon (odd keys are percent-encoded); an enum value may.
    const colon = entry.indexOf(':')
    if (colon <= 0) continue
    const path = entry.slice(0, colon)
    for (const kind of entry.slice(colon + 1).split('|')) if (kind !== '') add(shape, path, kind)
    // Every ancestor exists, as an object or an array.
    let child = path
    for (;;) {
      const cut = Math.max(child.lastIndexOf('.'), child.lastIndexOf('[]'))
      if (cut <= 0) break
      const parent = child.slice(0, cut)
      add(shape, parent, child.slice(cut).startsWith('[]') ? 'array' : 'object')
      child = parent
    }
  }
  return shape
}

export type ShapeChangeKind = 'added' | 'removed' | 'type-changed' | 'new-enum-value'

export interface ShapeChange {
  readonly kind: ShapeChangeKind
  /** The field's path (`usage`, `choices[].finish_reason`, `@message_delta.delta.stop_reason`). */
  readonly path: string
  /** The kinds or enum values recorded, and those seen now (for `added`, `removed`: one side). */
  readonly recorded: readonly string[]
  readonly now: readonly string[]
}

function kindOf(value: string): string {
  return value.startsWith('"') ? 'string' : value
}

// A change under a path already reported as added or removed is part of that change.
function under(path: string, reported: readonly string[]): boolean {
  return reported.some((top) => path.startsWith(`${top}.`) || path.startsWith(`${top}[]`))
}

/**
 * What differs between a recorded shape and the one seen now: fields added or removed (only
 * the outermost one when a whole object went), a field whose type is one it never had, and an
 * enum value never recorded. A kind recorded but not seen now (a field that was sometimes
 * `null`) is not a change: one answer need not show every kind.
 *
 * @example compareShapes('usage.total_tokens:number', '') // [{ kind: 'removed', path: 'usage', ... }]
 */
export function compareShapes(recorded: string, now: string): ShapeChange[] {
  const before = parseShape(recorded)
  const after = parseShape(now)
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort()
  const changes: ShapeChange[] = []
  const tops: string[] = []
  for (const path of paths) {
    if (under(path, tops)) continue
    const was = [...(before.get(path) ?? [])].sort()
    const is = [...(after.get(path) ?? [])].sort()
    if (was.length === 0 || is.length === 0) {
      tops.push(path)
      changes.push({ kind: was.length === 0 ? 'added' : 'removed', path, recorded: was, now: is })
      continue
    }
    const wasKinds = new Set(was.map(kindOf))
    if (is.some((value) => !wasKinds.has(kindOf(value)))) {
      changes.push({ kind: 'type-changed', path, recorded: was, now: is })
      // An object that is now `null` has lost its fields with it: one change, not one a field.
      if (!is.includes('object') && !is.includes('array')) tops.push(path)
      continue
    }
    // Only where values were recorded: a field recorded as any string has no enum to grow.
    const enumerated = was.some((value) => value.startsWith('"')) && !was.includes('string')
    if (enumerated && is.some((value) => value.startsWith('"') && !was.includes(value))) {
      changes.push({ kind: 'new-enum-value', path, recorded: was, now: is })
    }
  }
  return changes
}

/**
 * One change in words.
 *
 * @example describeShapeChange({ kind: 'removed', path: 'usage', recorded: ['object'], now: [] })
 * // 'usage: removed (was object)'
 */
export function describeShapeChange(change: ShapeChange): string {
  const was = change.recorded.join('|')
  const is = change.now.join('|')
  switch (change.kind) {
    case 'added':
      return `${change.path}: added (${is})`
    case 'removed':
      return `${change.path}: removed (was ${was})`
    case 'type-changed':
      return `${change.path}: type changed from ${was} to ${is}`
    case 'new-enum-value':
      return `${change.path}: new value ${change.now.filter((value) => !change.recorded.includes(value)).join('|')} (recorded ${was})`
  }
}
