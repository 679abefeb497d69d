/**
 * Scenario regular expressions: Python syntax as the Python Mocktopus read it, compiled to a
 * JavaScript RegExp with the flags `ims`.
 */

const REGEX_FLAGS = 'ims'
const INLINE_FLAGS = /^\(\?[ims]+\)/

// Rewrites the Python-only group syntax outside character classes and escapes:
// `(?P<name>` -> `(?<name>`, `(?P=name)` -> `\k<name>`.
function translatePythonGroups(pattern: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string
    if (char === '\\') {
      out += pattern.slice(i, i + 2)
      i++
      continue
    }
    if (inClass) {
      if (char === ']') inClass = false
      out += char
      continue
    }
    if (char === '[') {
      inClass = true
      out += char
      continue
    }
    if (char === '(' && pattern.startsWith('?P<', i + 1)) {
      out += '(?<'
      i += 3
      continue
    }
    if (char === '(' && pattern.startsWith('?P=', i + 1)) {
      const end = pattern.indexOf(')', i)
      if (end !== -1) {
        out += `\\k<${pattern.slice(i + 4, end)}>`
        i = end
        continue
      }
    }
    out += char
  }
  return out
}

/**
 * Compiles a `messages_regex`: case-insensitive, multiline, dot-all; Python named groups
 * `(?P<name>...)`, back-references `(?P=name)` and leading inline flags made of `i`, `m`, `s`
 * (already on) are accepted. Throws a `SyntaxError` for an invalid pattern.
 *
 * @example compileRegex('(?P<n>\\d+) apples').test('3 Apples') // true
 */
export function compileRegex(pattern: string): RegExp {
  return new RegExp(translatePythonGroups(pattern.replace(INLINE_FLAGS, '')), REGEX_FLAGS)
}
