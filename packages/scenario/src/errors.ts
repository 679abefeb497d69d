import type { ScenarioIssue } from './types.js'

/** Base class of every error Mocktopus throws as a library (wire errors are data, not these). */
export class MocktopusError extends Error {
  readonly code: string = 'MOCKTOPUS_ERROR'
  override name = 'MocktopusError'
}

/** Options of {@link ScenarioError}: the file or label the issues belong to, and a cause. */
export interface ScenarioErrorOptions extends ErrorOptions {
  readonly source?: string
}

const DEFAULT_SOURCE = '<scenario>'

/**
 * One line per issue, `source:line:column path: message` (the position is left out when the
 * issue has none, e.g. for a scenario built in code).
 *
 * @example formatIssues([{ path: 'version', message: 'is required', line: 1, column: 1 }], 'a.yaml')
 * // 'a.yaml:1:1 version: is required'
 */
export function formatIssues(
  issues: readonly ScenarioIssue[],
  source: string = DEFAULT_SOURCE,
): string {
  return issues
    .map((issue) => {
      const where =
        issue.line === undefined ? source : `${source}:${issue.line}:${issue.column ?? 1}`
      return issue.path ? `${where} ${issue.path}: ${issue.message}` : `${where} ${issue.message}`
    })
    .join('\n')
}

/**
 * A scenario that cannot be used: YAML syntax, schema or semantic problems, each with its
 * position in the file.
 *
 * @example
 * try { parseScenario(text, { source: 'chat.yaml' }) } catch (error) {
 *   if (error instanceof ScenarioError) for (const issue of error.issues) console.log(issue.line)
 * }
 */
export class ScenarioError extends MocktopusError {
  override readonly code: string = 'SCENARIO_INVALID'
  override name = 'ScenarioError'
  readonly issues: readonly ScenarioIssue[]
  readonly source: string

  constructor(issues: readonly ScenarioIssue[], options: ScenarioErrorOptions = {}) {
    const source = options.source ?? DEFAULT_SOURCE
    super(formatIssues(issues, source), options.cause === undefined ? {} : { cause: options.cause })
    this.issues = issues
    this.source = source
  }
}

/**
 * `loadScenario` was given a path with no file behind it.
 *
 * @example await loadScenario('missing.yaml') // throws ScenarioNotFoundError
 */
export class ScenarioNotFoundError extends ScenarioError {
  override readonly code: string = 'SCENARIO_NOT_FOUND'
  override name = 'ScenarioNotFoundError'
  readonly path: string

  constructor(path: string, options: ErrorOptions = {}) {
    const message = `scenario file not found: ${path} (check the path and the working directory)`
    super([{ path: '', message }], { ...options, source: path })
    this.message = message
    this.path = path
  }
}

/**
 * A `messages_regex` that cannot be used: `invalid` when it is malformed, `unsupported` when
 * it needs backtracking (back-references, lookaround) that linear-time matching cannot do.
 *
 * @example
 * try { compileRegex('(a)\\1') } catch (error) {
 *   if (error instanceof ScenarioRegexError) console.log(error.code, error.reason)
 * }
 */
export class ScenarioRegexError extends MocktopusError {
  override readonly code: string
  override name = 'ScenarioRegexError'
  readonly pattern: string
  readonly reason: string
  readonly kind: 'invalid' | 'unsupported'

  constructor(
    pattern: string,
    reason: string,
    kind: 'invalid' | 'unsupported',
    options: ErrorOptions = {},
  ) {
    super(`${kind} regular expression ${JSON.stringify(pattern)}: ${reason}`, options)
    this.code = kind === 'invalid' ? 'SCENARIO_REGEX_INVALID' : 'SCENARIO_REGEX_UNSUPPORTED'
    this.pattern = pattern
    this.reason = reason
    this.kind = kind
  }
}
