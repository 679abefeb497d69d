/**
 * Deterministic ids. The same request and rule use give the same id in every process, so
 * recorded fixtures and snapshots stay byte-identical; nothing here is random.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

// cyrb53-style mixing, run twice with different seeds for 106 bits: plenty for ids that only
// need to differ between requests, and far cheaper than a cryptographic hash per request.
type MixState = [h1: number, h2: number]

function mixStart(seed: number): MixState {
  // Spread the seed over the high bits so it cannot cancel against the first character.
  const spread = Math.imul(seed, 0x9e3779b1)
  return [0xdeadbeef ^ spread, 0x41c6ce57 ^ spread]
}

function mixFeed(state: MixState, text: string): MixState {
  let [h1, h2] = state
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  return [h1, h2]
}

function mixFinish([h1, h2]: MixState): [number, number] {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return [h1 >>> 0, h2 >>> 0]
}

const ALPHABET_CODES = Array.from(ALPHABET, (char) => char.charCodeAt(0))

function digestOf(length: number, mix: (seed: number) => [number, number]): string {
  // Character codes, made a string once: one string per id, not one per character.
  const codes: number[] = new Array(length)
  let k = 0
  let seed = 0
  while (k < length) {
    const [a, b] = mix(seed++)
    let n = a
    for (let i = 0; i < 5 && k < length; i++) {
      // n - q * 62, not n % 62: past V8's small integers `%` is a floating-point call.
      const q = Math.floor(n / 62)
      codes[k++] = ALPHABET_CODES[n - q * 62] as number
      n = q
    }
    n = b
    for (let i = 0; i < 5 && k < length; i++) {
      const q = Math.floor(n / 62)
      codes[k++] = ALPHABET_CODES[n - q * 62] as number
      n = q
    }
  }
  return String.fromCharCode(...codes)
}

/**
 * A stable alphanumeric digest of `text`, `length` characters long.
 *
 * @example stableDigest('hello', 8) // the same 8 characters on every machine
 */
export function stableDigest(text: string, length = 24): string {
  const lanes = feedFourSeeds(text)
  return digestOf(length, (seed) => mixFinish(lanes[seed] ?? mixFeed(mixStart(seed), text)))
}

// The states of seeds 0 to 3 (ids up to 40 characters) in one pass over the text instead of
// one pass per seed: the same numbers as mixFeed(mixStart(seed), text).
function feedFourSeeds(text: string): MixState[] {
  let [a1, a2] = mixStart(0)
  let [b1, b2] = mixStart(1)
  let [c1, c2] = mixStart(2)
  let [d1, d2] = mixStart(3)
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    a1 = Math.imul(a1 ^ ch, 2654435761)
    a2 = Math.imul(a2 ^ ch, 1597334677)
    b1 = Math.imul(b1 ^ ch, 2654435761)
    b2 = Math.imul(b2 ^ ch, 1597334677)
    c1 = Math.imul(c1 ^ ch, 2654435761)
    c2 = Math.imul(c2 ^ ch, 1597334677)
    d1 = Math.imul(d1 ^ ch, 2654435761)
    d2 = Math.imul(d2 ^ ch, 1597334677)
  }
  return [
    [a1, a2],
    [b1, b2],
    [c1, c2],
    [d1, d2],
  ]
}

/** The ids of one answer, all derived from one seed that is hashed once. */
export interface Digester {
  /** `prefix` + `stableDigest(seed + suffix, length)`. */
  id(prefix: string, length?: number, suffix?: string): string
}

/**
 * A digester for one answer's seed (typically the request body, the rule and its use): every
 * id it gives costs one pass over the seed in all, not one pass each.
 *
 * @example const ids = createDigester(seed); ids.id('chatcmpl-', 29); ids.id('call_', 24, '|tool|0')
 */
export function createDigester(seed: string): Digester {
  let lanes: MixState[] | undefined
  const laneOf = (index: number): MixState => {
    lanes ??= feedFourSeeds(seed)
    let state = lanes[index]
    if (!state) {
      state = mixFeed(mixStart(index), seed)
      lanes[index] = state
    }
    return state
  }
  return {
    id: (prefix, length = 24, suffix = '') =>
      prefix + digestOf(length, (index) => mixFinish(mixFeed(laneOf(index), suffix))),
  }
}

/**
 * `stableDigest(prefix + suffix, length)` for many suffixes after one long prefix, hashing the
 * prefix once.
 *
 * @example createPrefixedDigest(body)('|input|3', 48) === stableDigest(`${body}|input|3`, 48)
 */
export function createPrefixedDigest(prefix: string): (suffix: string, length?: number) => string {
  const digester = createDigester(prefix)
  return (suffix, length = 24) => digester.id('', length, suffix)
}

/**
 * An id such as `chatcmpl-…`, `msg_…` or `resp_…` derived from what identifies one answer:
 * typically the request body, the rule index and that rule's use count.
 *
 * @example deterministicId('chatcmpl-', `${body}|${ruleIndex}|${useCount}`)
 */
export function deterministicId(prefix: string, seed: string, length = 24): string {
  return prefix + stableDigest(seed, length)
}
