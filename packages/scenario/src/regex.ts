/**
 * Scenario regular expressions: Python syntax as the Python Mocktopus read it, matched by RE2
 * (re2js, pure JavaScript) in time linear in the text, whatever the pattern.
 */
import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js'
import { ScenarioRegexError } from './errors.js'
import { type LiteralPlan, literalPlan, planHolds, requiredLiteral } from './regex-literal.js'
import { PatternRefusal, translatePattern } from './regex-syntax.js'

const FLAGS = RE2JS.CASE_INSENSITIVE | RE2JS.MULTILINE | RE2JS.DOTALL
const NON_ASCII = /[^\0-\x7F]/
const FLAG_PREFIX = /^(?:\(\?[ims]\))+/

// RE2's parser errors in the words V8 used, which messages and tests already quote.
const REASONS: Readonly<Record<string, string>> = {
  'missing closing )': 'Unterminated group',
  'missing closing ]': 'Unterminated character class',
  'unexpected )': "Unmatched ')'",
  'missing argument to repetition operator': 'Nothing to repeat',
  'invalid nested repetition operator':
    'a repetition operator cannot follow another (possessive quantifiers such as *+ are not supported)',
  'invalid repeat count': 'Invalid repeat count (at most 1000)',
  'invalid character class range': 'Range out of order in character class',
  'invalid escape sequence': 'Invalid escape',
  'invalid named capture': 'Invalid capture group name',
  'duplicate capture group name': 'Duplicate capture group name',
  'trailing backslash at end of expression': '\\ at end of pattern',
  'invalid or unsupported Perl syntax': 'Invalid group',
  'expression nests too deeply': 'Nested too deeply',
  'expression too large': 'Pattern too large',
}

/** A compiled `messages_regex`. */
export interface ScenarioRegex {
  /** The pattern as written in the scenario. */
  readonly pattern: string
  /** The pattern in RE2 syntax, as the engine runs it (flags `i`, `m`, `s` are on). */
  readonly source: string
  /** Whether the pattern finds a match anywhere in `text`. */
  test(text: string): boolean
}

function compileEngine(pattern: string, source: string): RE2JS {
  try {
    return RE2JS.compile(source, FLAGS)
  } catch (error) {
    if (error instanceof RE2JSSyntaxException) {
      const description = error.getDescription()
      // re2js quotes the whole pattern with its flags spelled `(?m)(?s)(?i)` in front: no news.
      const fragment = error.getPattern()?.replace(FLAG_PREFIX, '')
      const where = fragment && fragment !== source ? ` \`${fragment}\`` : ''
      const reason = `${REASONS[description] ?? description}${where}`
      throw new ScenarioRegexError(pattern, reason, 'invalid', { cause: error })
    }
    if (error instanceof RE2JSException) {
      throw new ScenarioRegexError(pattern, error.message, 'invalid', { cause: error })
    }
    throw error
  }
}

// The matcher tests one request's text against every regex rule in turn: lower-case it once.
let lastText: string | undefined
let lastLower: string | undefined

function asciiLower(text: string): string | undefined {
  if (text !== lastText) {
    lastText = text
    lastLower = NON_ASCII.test(text) ? undefined : text.toLowerCase()
  }
  return lastLower
}

function build(pattern: string, eager: boolean): ScenarioRegex {
  let source: string
  try {
    source = translatePattern(pattern)
  } catch (error) {
    if (!(error instanceof PatternRefusal)) throw error
    throw new ScenarioRegexError(pattern, error.message, 'unsupported', { cause: error })
  }
  const plan: LiteralPlan | undefined = literalPlan(source)
  // A literal plan is valid RE2 by construction: its engine waits for a non-ASCII text.
  let engine = plan || !eager ? undefined : compileEngine(pattern, source)
  // Any other pattern is first checked for text every match contains, which rules out most
  // rules of a large scenario without running (or even building) their engines.
  const required = plan ? undefined : requiredLiteral(source)
  return {
    pattern,
    source,
    test(text: string): boolean {
      if (plan || required !== undefined) {
        const lower = asciiLower(text)
        if (lower !== undefined) {
          if (plan) return planHolds(plan, lower)
          if (!lower.includes(required as string)) return false
        }
      }
      engine ??= compileEngine(pattern, source)
      return engine.test(text)
    },
  }
}

/**
 * Compiles a `messages_regex`: case-insensitive, multiline, dot-all, in Python syntax (named
 * groups `(?P<name>...)`, `\A`, `\Z`, leading inline flags, `(?x)` verbose mode). Throws a
 * {@link ScenarioRegexError} for an invalid pattern, and for one the linear-time engine cannot
 * express (back-references, lookahead, lookbehind), naming the pattern and the reason.
 *
 * @example compileRegex('(?P<n>\\d+) apples').test('3 Apples') // true
 */
export function compileRegex(pattern: string): ScenarioRegex {
  return build(pattern, true)
}

/**
 * {@link compileRegex} for a pattern validation already compiled once: the engine is built on
 * the first text that needs it, so a matcher over thousands of regex rules starts at once and
 * holds engines only for the rules requests reach.
 * @internal
 */
export function compileValidatedRegex(pattern: string): ScenarioRegex {
  return build(pattern, false)
}
