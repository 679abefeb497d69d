/**
 * Python `re` syntax, as scenario files write `messages_regex`, rewritten into the RE2 syntax
 * of the linear-time engine, and refused where RE2 cannot follow it.
 */

/** Why a pattern cannot run on a linear-time engine, or is malformed in a way RE2 misses. */
export class PatternRefusal extends Error {
  override name = 'PatternRefusal'
}

// JavaScript's `\s` (what scenarios meant until now, and close to Python's Unicode `\s`):
// RE2's own `\s` is only `[\t\n\f\r ]`. NON_SPACE is its complement, for use inside a class.
const SPACE =
  '\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}'
const NON_SPACE =
  '\\x00-\\x08\\x0E-\\x1F\\x21-\\x{9F}\\x{A1}-\\x{167F}\\x{1681}-\\x{1FFF}\\x{200B}-\\x{2027}\\x{202A}-\\x{202E}\\x{2030}-\\x{205E}\\x{2060}-\\x{2FFF}\\x{3001}-\\x{FEFE}\\x{FF00}-\\x{10FFFF}'

// Python accepts global flags only at the start; i, m and s are on anyway, a and u change
// nothing the engine does, x turns on verbose mode.
const LEADING_FLAGS = /^\(\?([aimsux]+)\)/
const VERBOSE_WHITESPACE = ' \t\n\r\f\v'
const HEX4 = /^[0-9A-Fa-f]{4}/
const HEX8 = /^[0-9A-Fa-f]{8}/
const INLINE_X = /^\(\?[A-Za-z]*x[A-Za-z-]*[:)]|^\(\?[A-Za-z]*-[A-Za-z]*x[A-Za-z]*[:)]/

function refuse(what: string): never {
  throw new PatternRefusal(
    `${what} is not supported: matching runs in linear time, which cannot express it; rewrite the pattern without it`,
  )
}

function stripLeadingFlags(pattern: string): { body: string; verbose: boolean } {
  let body = pattern
  let verbose = false
  for (let found = LEADING_FLAGS.exec(body); found; found = LEADING_FLAGS.exec(body)) {
    if ((found[1] as string).includes('x')) verbose = true
    body = body.slice(found[0].length)
  }
  return { body, verbose }
}

// What follows `(?` decides what a group is; the constructs RE2 lacks are refused by name.
function checkGroup(body: string, i: number): void {
  const head = body.slice(i, i + 4)
  if (head.startsWith('(?=') || head.startsWith('(?!')) refuse(`lookahead ${head.slice(0, 3)}...)`)
  if (head.startsWith('(?<=') || head.startsWith('(?<!')) refuse(`lookbehind ${head}...)`)
  if (head.startsWith('(?P=')) {
    const end = body.indexOf(')', i)
    refuse(`the back-reference ${end === -1 ? head : body.slice(i, end + 1)}`)
  }
  if (head.startsWith('(?(')) refuse('the conditional group (?(...)...)')
  if (head.startsWith('(?>')) refuse('the atomic group (?>...)')
  if (INLINE_X.test(body.slice(i, i + 12))) {
    throw new PatternRefusal(
      'verbose mode (?x) is accepted only as a flag at the very start of the pattern',
    )
  }
}

/**
 * The RE2 form of a Python-syntax pattern: leading flags dropped (verbose mode applied), `\Z`
 * as `\z`, `\s` and `\S` as JavaScript's sets, `\uXXXX` as `\x{XXXX}`, `(?#...)` comments
 * removed. Throws a {@link PatternRefusal} for back-references, lookaround, conditional and
 * atomic groups, and an inline `(?x)` past the start. Syntax errors are left to RE2.
 *
 * @example translatePattern('(?x) \\A hello \\s+ \\Z  # greeting') // '\\Ahello[...]+\\z'
 */
export function translatePattern(pattern: string): string {
  const { body, verbose } = stripLeadingFlags(pattern)
  let out = ''
  let inClass = false
  let classStart = -1
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string
    if (char === '\\') {
      const next = body[i + 1]
      if (next === undefined) {
        out += char
        continue
      }
      i++
      if (!inClass && next >= '1' && next <= '9') {
        refuse(`the back-reference \\${/^\d+/.exec(body.slice(i))?.[0]}`)
      }
      if (!inClass && next === 'k' && body[i + 1] === '<') refuse('the back-reference \\k<...>')
      if (next === 'Z') out += '\\z'
      else if (next === 's') out += inClass ? SPACE : `[${SPACE}]`
      else if (next === 'S') out += inClass ? NON_SPACE : `[${NON_SPACE}]`
      else if (next === 'u' && HEX4.test(body.slice(i + 1, i + 5))) {
        out += `\\x{${body.slice(i + 1, i + 5)}}`
        i += 4
      } else if (next === 'U' && HEX8.test(body.slice(i + 1, i + 9))) {
        out += `\\x{${body.slice(i + 1, i + 9)}}`
        i += 8
      } else out += char + next
      continue
    }
    if (inClass) {
      // `]` first in a class (after an optional `^`) is a literal, as in Python and RE2.
      if (char === ']' && i > classStart) inClass = false
      if (char === '[' && body[i + 1] === ':') {
        const end = body.indexOf(':]', i + 2)
        if (end !== -1) {
          out += body.slice(i, end + 2)
          i = end + 1
          continue
        }
      }
      out += char
      continue
    }
    if (verbose && VERBOSE_WHITESPACE.includes(char)) continue
    if (verbose && char === '#') {
      const end = body.indexOf('\n', i)
      i = end === -1 ? body.length : end
      continue
    }
    if (char === '[') {
      inClass = true
      classStart = body[i + 1] === '^' ? i + 2 : i + 1
      out += char
      continue
    }
    if (char === '(' && body[i + 1] === '?') {
      if (body[i + 2] === '#') {
        const end = body.indexOf(')', i)
        if (end !== -1) {
          i = end
          continue
        }
      }
      checkGroup(body, i)
    }
    out += char
  }
  return out
}
