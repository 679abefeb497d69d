/**
 * The fast path of `messages_regex`: a pattern made only of ASCII literals, `.*` and top-level
 * `|` is decided by `indexOf` on the lower-cased text. On an ASCII text this is exactly what
 * the engine answers (case folding of ASCII letters reaches outside ASCII only through `ſ` and
 * the Kelvin sign, which an ASCII text lacks), at the cost of a substring search.
 */

/** Alternatives, each a list of lower-case pieces that must occur in this order. */
export type LiteralPlan = readonly (readonly string[])[]

const META = '^$.|?*+()[]{}'
const ALNUM = /[A-Za-z0-9]/

/**
 * The plan of a pattern in RE2 syntax, or `undefined` when it is more than literals, `.*`
 * (dot-all, so "anything") and top-level alternatives.
 *
 * @example literalPlan('Weather|name is.*my name') // [['weather'], ['name is', 'my name']]
 */
export function literalPlan(source: string): LiteralPlan | undefined {
  const alternatives: string[][] = []
  let pieces: string[] = []
  let piece = ''
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string
    if (char.charCodeAt(0) > 0x7f) return undefined
    if (char === '\\') {
      // An escaped ASCII punctuation or space is itself; escaped letters and digits are classes.
      const next = source[i + 1]
      if (next === undefined || next.charCodeAt(0) > 0x7f || ALNUM.test(next)) return undefined
      piece += next
      i++
    } else if (char === '.' && source[i + 1] === '*') {
      pieces.push(piece.toLowerCase())
      piece = ''
      i += source[i + 2] === '?' ? 2 : 1
    } else if (char === '|') {
      pieces.push(piece.toLowerCase())
      alternatives.push(pieces)
      pieces = []
      piece = ''
    } else if (META.includes(char)) {
      return undefined
    } else {
      piece += char
    }
  }
  pieces.push(piece.toLowerCase())
  alternatives.push(pieces)
  return alternatives
}

/**
 * Whether one alternative's pieces occur in order in `lower` (the text, lower-cased). Taking
 * each piece's first occurrence after the previous one is optimal, so this is linear.
 *
 * @example planHolds([['name is', 'my name']], 'my name is ada. what is my name?') // true
 */
export function planHolds(plan: LiteralPlan, lower: string): boolean {
  for (const pieces of plan) {
    let at = 0
    let found = true
    for (const piece of pieces) {
      const index = lower.indexOf(piece, at)
      if (index === -1) {
        found = false
        break
      }
      at = index + piece.length
    }
    if (found) return true
  }
  return false
}
