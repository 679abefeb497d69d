/**
 * A string for a `pattern`, for the simple regular expressions schemas use in practice
 * (`^[A-Z]{3}-\d{4}$`, `^(red|green)$`): literals, escapes (`\d \w \s`, escaped symbols),
 * classes (`[a-z0-9_]`, `[^...]` is not supported), groups with `|`, and the quantifiers
 * `? * + {n} {n,} {n,m}`. Anything else gives `undefined`, and the caller falls back.
 */

type Node =
  | { readonly kind: 'chars'; readonly chars: string }
  | { readonly kind: 'group'; readonly options: readonly (readonly Piece[])[] }

interface Piece {
  readonly node: Node
  readonly min: number
  readonly max: number
}

class Unsupported extends Error {}

const DIGITS = '0123456789'
const WORD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'

function escapeChars(c: string): string {
  if (c === 'd') return DIGITS
  if (c === 'w') return WORD
  if (c === 's') return ' '
  if (/[A-Za-z0-9]/.test(c)) throw new Unsupported(`\\${c}`)
  return c
}

function parseClass(source: string, start: number): [string, number] {
  let i = start
  if (source[i] === '^') throw new Unsupported('negated class')
  let chars = ''
  while (i < source.length && source[i] !== ']') {
    let c = source[i] as string
    if (c === '\\') {
      i++
      const escaped = escapeChars(source[i] ?? '')
      i++
      chars += escaped
      continue
    }
    if (source[i + 1] === '-' && source[i + 2] !== undefined && source[i + 2] !== ']') {
      const end = source[i + 2] as string
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) {
        chars += String.fromCharCode(code)
      }
      i += 3
      continue
    }
    chars += c
    c = ''
    i++
  }
  if (source[i] !== ']' || chars === '') throw new Unsupported('class')
  return [chars, i + 1]
}

function parseQuantifier(source: string, start: number): [number, number, number] {
  const c = source[start]
  if (c === '?') return [0, 1, start + 1]
  if (c === '*') return [0, 3, start + 1]
  if (c === '+') return [1, 3, start + 1]
  if (c === '{') {
    const close = source.indexOf('}', start)
    const body = close < 0 ? '' : source.slice(start + 1, close)
    const match = /^(\d+)(,(\d*))?$/.exec(body)
    if (!match) throw new Unsupported('quantifier')
    const min = Number(match[1])
    const max = match[2] === undefined ? min : match[3] === '' ? min + 3 : Number(match[3])
    return [min, max, close + 1]
  }
  return [1, 1, start]
}

// Parses alternatives up to `)` or the end; returns them and the index after.
function parseAlternatives(source: string, start: number): [Piece[][], number] {
  const options: Piece[][] = [[]]
  let i = start
  while (i < source.length && source[i] !== ')') {
    const c = source[i] as string
    let node: Node
    if (c === '|') {
      options.push([])
      i++
      continue
    }
    if (c === '^' || c === '$') {
      i++
      continue
    }
    if (c === '(') {
      let inner = i + 1
      if (source.startsWith('?:', inner)) inner += 2
      else if (source[inner] === '?') throw new Unsupported('lookaround')
      const [groupOptions, end] = parseAlternatives(source, inner)
      if (source[end] !== ')') throw new Unsupported('group')
      node = { kind: 'group', options: groupOptions }
      i = end + 1
    } else if (c === '[') {
      const [chars, end] = parseClass(source, i + 1)
      node = { kind: 'chars', chars }
      i = end
    } else if (c === '\\') {
      node = { kind: 'chars', chars: escapeChars(source[i + 1] ?? '') }
      i += 2
    } else if (c === '.') {
      node = { kind: 'chars', chars: WORD }
      i++
    } else if ('*+?{}]'.includes(c)) {
      throw new Unsupported(c)
    } else {
      node = { kind: 'chars', chars: c }
      i++
    }
    const [min, max, next] = parseQuantifier(source, i)
    i = next
    ;(options[options.length - 1] as Piece[]).push({ node, min, max })
  }
  return [options, i]
}

function render(pieces: readonly Piece[], pick: (n: number) => number): string {
  let out = ''
  for (const { node, min, max } of pieces) {
    const count = min + pick(max - min + 1)
    for (let k = 0; k < count; k++) {
      if (node.kind === 'chars') out += node.chars[pick(node.chars.length)] ?? ''
      else out += render(node.options[pick(node.options.length)] ?? [], pick)
    }
  }
  return out
}

/**
 * A string matching `pattern`, choosing with `pick(n)` (an integer below `n`), or `undefined`
 * when the pattern uses syntax this does not handle or the result does not match.
 *
 * @example stringForPattern('^[A-Z]{2}\\d$', (n) => 0) // 'AA0'
 */
export function stringForPattern(pattern: string, pick: (n: number) => number): string | undefined {
  let regex: RegExp
  try {
    regex = new RegExp(pattern, 'u')
  } catch {
    return undefined
  }
  try {
    const [options, end] = parseAlternatives(pattern, 0)
    if (end !== pattern.length) return undefined
    // A pattern is unanchored unless it says otherwise; a whole match satisfies it either way.
    const text = render(options[pick(options.length)] ?? [], pick)
    return regex.test(text) ? text : undefined
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
}
