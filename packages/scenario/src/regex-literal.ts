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

const QUANTIFIERS = '*?{'
const ESCAPE_ARGUMENT = /^(?:[xpP]\{[^}]*\}|x[0-9A-Fa-f]{0,2}|[pP][A-Za-z]?|[0-7]{1,3}|[A-Za-z])/

/**
 * The longest ASCII text every match must contain, lower-cased: a necessary condition checked
 * with `indexOf` before the engine runs. Only plain characters outside groups, classes and
 * alternatives count, and one followed by `*`, `?` or `{` does not; `undefined` when no run
 * of even one character is certain.
 *
 * @example requiredLiteral('\\bticket (?:no\\.)? ?(\\d+)\\b') // 'ticket '
 */
export function requiredLiteral(source: string): string | undefined {
  if (source.includes('[:') || source.includes('\\Q')) return undefined
  let best = ''
  let run = ''
  const close = () => {
    if (run.length > best.length) best = run
    run = ''
  }
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string
    if (char === '|') return undefined
    if (QUANTIFIERS.includes(char)) {
      // The character before is optional (or repeated a number of times): not required.
      run = run.slice(0, -1)
      close()
      if (char === '{') i = Math.max(i, source.indexOf('}', i))
      continue
    }
    if (char === '+') {
      close()
      continue
    }
    if (char === '\\') {
      const next = source[i + 1] ?? ''
      if (next.charCodeAt(0) < 0x80 && !ALNUM.test(next) && next !== '') {
        run += next
        i++
        continue
      }
      close()
      i += ESCAPE_ARGUMENT.exec(source.slice(i + 1, i + 16))?.[0].length ?? 1
      continue
    }
    if (char === '(' || char === '[') {
      close()
      i = skipGroup(source, i)
      if (i === -1) return undefined
      continue
    }
    if (char.charCodeAt(0) > 0x7f || '.^$)]}'.includes(char)) {
      close()
      continue
    }
    run += char
  }
  close()
  return best === '' ? undefined : best.toLowerCase()
}

// The index of the `)` or `]` closing the group or class at `start`, skipping escapes, nested
// groups and classes (where `]` first is a member); -1 when it is not closed.
function skipGroup(source: string, start: number): number {
  let depth = 0
  for (let i = start; i < source.length; i++) {
    const char = source[i]
    if (char === '\\') {
      i++
    } else if (char === '[') {
      let j = i + 1
      if (source[j] === '^') j++
      if (source[j] === ']') j++
      for (; j < source.length && source[j] !== ']'; j++) if (source[j] === '\\') j++
      if (j >= source.length) return -1
      if (depth === 0) return j
      i = j
    } else if (char === '(') {
      depth++
    } else if (char === ')') {
      depth--
      if (depth === 0) return i
    }
  }
  return -1
}
