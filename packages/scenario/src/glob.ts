/** Globs over model ids and endpoints, where `*` must also cross `/`. */
import { Minimatch } from 'minimatch'

// minimatch treats `/` as a path separator that `*` never crosses. Model ids are not paths
// (`meta-llama/Llama-3-8B`), so both sides swap `/` for a character no id or path contains.
const SLASH_STAND_IN = '\u0000'
const GLOB_CHARS = /[*?[\]{}\\]/
const ONLY_STARS = /^\*+$/

const OPTIONS = { dot: true, nonegate: true, nocomment: true, noext: true } as const

/** A compiled glob: call it with the value to test. */
export type GlobTest = (value: string | undefined) => boolean

/**
 * Compiles a glob once: `*` any run of characters (also `/`), `?` one character, `[...]` a
 * class, `{a,b}` alternatives; case-sensitive. A string with no glob characters compares with
 * `===`. A pattern of only `*` also matches a missing value.
 *
 * @example compileGlob('meta-llama/*')('meta-llama/Llama-3-8B') // true
 */
export function compileGlob(pattern: string): GlobTest {
  if (ONLY_STARS.test(pattern)) return () => true
  if (!GLOB_CHARS.test(pattern)) return (value) => value === pattern
  const matcher = new Minimatch(pattern.replaceAll('/', SLASH_STAND_IN), OPTIONS)
  return (value) => {
    if (value === undefined) return false
    return matcher.match(value.includes('/') ? value.replaceAll('/', SLASH_STAND_IN) : value)
  }
}

/** Whether a glob matches every value (`*`, `**`, ...). */
export function isMatchAll(pattern: string): boolean {
  return ONLY_STARS.test(pattern)
}
