/**
 * A filter that lets the matcher skip, without a substring search each, the rules whose
 * `messages_contains` cannot occur in a text: what keeps a scenario of thousands of rules about
 * as fast as a small one.
 */

// Three characters: short enough that most needles have one, long enough to be selective.
const GRAM = 3

/** Rules whose needle is shorter than a gram, or who have none, are never skipped. */
export interface ContainsIndex {
  /**
   * The rules whose needle may occur in one of `texts`, in increasing order: all but those one
   * of whose three-character pieces is missing from every text. A list, not a byte per rule:
   * with thousands of rules, visiting each rule's byte cost more than the rest of the match.
   */
  candidates(texts: readonly string[]): number[]
}

function grams(text: string): Set<string> {
  const found = new Set<string>()
  for (let i = 0; i + GRAM <= text.length; i++) found.add(text.slice(i, i + GRAM))
  return found
}

/**
 * Indexes each needle under its rarest three-character piece. `needles[i]` is rule `i`'s needle
 * as it is compared (already lower-cased for `ignore_case`), or `undefined`.
 *
 * @example
 * const index = createContainsIndex(['order 1.', 'order 2.', undefined])
 * index.candidates(['status of order 2.']) // [1, 2]
 */
export function createContainsIndex(needles: readonly (string | undefined)[]): ContainsIndex {
  const pieces = needles.map((needle) => (needle === undefined ? undefined : grams(needle)))
  const frequency = new Map<string, number>()
  for (const set of pieces) {
    for (const gram of set ?? []) frequency.set(gram, (frequency.get(gram) ?? 0) + 1)
  }
  const always: number[] = []
  const byGram = new Map<string, number[]>()
  pieces.forEach((set, index) => {
    let rarest: string | undefined
    for (const gram of set ?? []) {
      if (rarest === undefined || (frequency.get(gram) ?? 0) < (frequency.get(rarest) ?? 0)) {
        rarest = gram
      }
    }
    if (rarest === undefined) {
      always.push(index)
      return
    }
    const list = byGram.get(rarest)
    if (list) list.push(index)
    else byGram.set(rarest, [index])
  })

  return {
    candidates(texts) {
      const hits: number[] = []
      for (const text of texts) {
        for (let i = 0; i + GRAM <= text.length; i++) {
          const list = byGram.get(text.slice(i, i + GRAM))
          if (list) for (const index of list) hits.push(index)
        }
      }
      if (hits.length === 0) return always.slice()
      return mergeSorted(
        always,
        hits.sort((a, b) => a - b),
      )
    },
  }
}

// Two ascending lists as one, each index once (a gram may occur in the texts many times).
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const next =
      j >= b.length || (i < a.length && (a[i] as number) < (b[j] as number))
        ? (a[i++] as number)
        : (b[j++] as number)
    if (merged[merged.length - 1] !== next) merged.push(next)
  }
  return merged
}
