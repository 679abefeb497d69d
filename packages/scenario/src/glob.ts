/** Globs over model ids and endpoints, where `*` must also cross `/`. */
import { braceExpand } from 'minimatch'

const GLOB_CHARS = /[*?[\]{}\\]/
const ONLY_STARS = /^\*+$/
const TRAILING_STARS = /\*+$/
// Caps `{1..1000}{1..1000}`-style patterns; no real model glob comes near.
const BRACE_OPTIONS = { nocomment: true, nonegate: true, braceExpandMax: 1000 } as const
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/

/** A compiled glob: call it with the value to test. */
export type GlobTest = (value: string | undefined) => boolean

// fnmatch-style translation of one brace-free alternative. minimatch's own matcher treats `/`
// as a path separator that `*` never crosses, and model ids are not paths
// (`meta-llama/Llama-3-8B`); a plain RegExp is also what keeps 10,000 rules fast.
function toRegexSource(glob: string): string {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string
    if (char === '\\' && i + 1 < glob.length) {
      const next = glob[++i] as string
      out += REGEX_SPECIAL.test(next) ? `\\${next}` : next
    } else if (char === '*') {
      while (glob[i + 1] === '*') i++
      out += '[^]*'
    } else if (char === '?') {
      out += '[^]'
    } else if (char === '[') {
      const end = glob.indexOf(']', i + 2)
      if (end === -1) {
        out += '\\['
        continue
      }
      let body = glob.slice(i + 1, end)
      const negated = body.startsWith('!') || body.startsWith('^')
      if (negated) body = body.slice(1)
      out += `[${negated ? '^' : ''}${body.replaceAll('\\', '\\\\').replaceAll('[', '\\[')}]`
      i = end
    } else {
      out += REGEX_SPECIAL.test(char) ? `\\${char}` : char
    }
  }
  return out
}

/**
 * Compiles a glob once: `*` any run of characters (also `/`), `?` one character, `[...]` a
 * class (`[!...]` negated), `{a,b}` alternatives, `\` escapes; case-sensitive. A string with no
 * glob characters compares with `===`. A pattern of only `*` also matches a missing value.
 * Throws a `SyntaxError` for a pattern that makes no valid expression (e.g. `[z-a]`).
 *
 * @example compileGlob('meta-llama/*')('meta-llama/Llama-3-8B') // true
 */
export function compileGlob(pattern: string): GlobTest {
  if (ONLY_STARS.test(pattern)) return () => true
  if (!GLOB_CHARS.test(pattern)) return (value) => value === pattern
  // `gpt-4*`, the common case, needs no RegExp.
  const stem = pattern.replace(TRAILING_STARS, '')
  if (!GLOB_CHARS.test(stem)) return (value) => value?.startsWith(stem) === true
  const alternatives = braceExpand(pattern, BRACE_OPTIONS).map(toRegexSource)
  const regex = new RegExp(`^(?:${alternatives.join('|')})$`)
  return (value) => value !== undefined && regex.test(value)
}

/** Whether a glob matches every value (`*`, `**`, ...). */
export function isMatchAll(pattern: string): boolean {
  return ONLY_STARS.test(pattern)
}
