/**
 * Search and replace with a scenario-style pattern (Python syntax, RE2 semantics), in time
 * linear in the text whatever the pattern: for patterns a user supplies that run on every
 * request, such as the `normalize:` patterns of a recordings directory.
 */
import { RE2JS, RE2JSException } from 're2js'
import { ScenarioRegexError } from './errors.js'
import { PatternRefusal, translatePattern } from './regex-syntax.js'

const LEADING_FLAGS = /^(?:\(\?[aimsux]+\))+/

/** A compiled pattern that replaces every match. */
export interface ScenarioReplacer {
  /** The pattern as written. */
  readonly pattern: string
  /** `text` with every match replaced by `replacement`, taken literally (no `$1`). */
  replaceAll(text: string, replacement: string): string
}

/**
 * Compiles a pattern for replacing: no flags unless it starts with them (`(?i)`, `(?s)`), the rest of
 * the syntax as `compileRegex` reads it. Throws a {@link ScenarioRegexError} for an invalid
 * pattern and for one the linear-time engine cannot express (back-references, lookaround).
 *
 * @example compileReplacer('ticket-\\d+').replaceAll('see ticket-42', '<ticket>') // 'see <ticket>'
 */
export function compileReplacer(pattern: string): ScenarioReplacer {
  // The translation drops leading flags (scenario regexes have i, m and s on): read them here.
  const flags = LEADING_FLAGS.exec(pattern)?.[0] ?? ''
  const options =
    (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) |
    (flags.includes('m') ? RE2JS.MULTILINE : 0) |
    (flags.includes('s') ? RE2JS.DOTALL : 0)
  let engine: RE2JS
  try {
    engine = RE2JS.compile(translatePattern(pattern), options)
  } catch (error) {
    if (error instanceof PatternRefusal) {
      throw new ScenarioRegexError(pattern, error.message, 'unsupported', { cause: error })
    }
    if (error instanceof RE2JSException) {
      throw new ScenarioRegexError(pattern, error.message, 'invalid', { cause: error })
    }
    throw error
  }
  return {
    pattern,
    replaceAll(text, replacement) {
      return engine.matcher(text).replaceAll(RE2JS.quoteReplacement(replacement))
    },
  }
}
