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
   * One byte per rule: 1 where the rule's needle may occur in one of `texts`, 0 where it
   * certainly does not (one of its three-character pieces is missing from every text).
   */
  candidates(texts: readonly string[]): Uint8Array
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
 * index.candidates(['status of order 2.']) // Uint8Array [0, 1, 1]
 */
export function createContainsIndex(needles: readonly (string | undefined)[]): ContainsIndex {
  const pieces = needles.map((needle) => (needle === undefined ? undefined : grams(needle)))
  const frequency = new Map<string, number>()
  for (const set of pieces) {
    for (const gram of set ?? []) frequency.set(gram, (frequency.get(gram) ?? 0) + 1)
  }
  const always = new Uint8Array(needles.length)
  const byGram = new Map<string, number[]>()
  pieces.forEach((set, index) => {
    let rarest: string | undefined
    for (const gram of set ?? []) {
      if (rarest === undefined || (frequency.get(gram) ?? 0) < (frequency.get(rarest) ?? 0)) {
        rarest = gram
      }
    }
    if (rarest === undefined) {
      always[index] = 1
      return
    }
    const list = byGram.get(rarest)
    if (list) list.push(index)
    else byGram.set(rarest, [index])
  })

  return {
    candidates(texts) {
      const marks = always.slice()
      for (const text of texts) {
        for (let i = 0; i + GRAM <= text.length; i++) {
          const list = byGram.get(text.slice(i, i + GRAM))
          if (list) for (const index of list) marks[index] = 1
        }
      }
      return marks
    },
  }
}
