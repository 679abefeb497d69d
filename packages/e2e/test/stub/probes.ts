/**
 * Requests that exercise a scenario's rules: for each rule, a model its glob accepts and a
 * prompt its conditions accept (a `messages_contains` text, a sample of its regex, its exact
 * conversation or inputs). Each probe is checked against the rule with the matcher's
 * `explain`, so a probe that does not reach its rule is known rather than silently useless.
 */
import {
  compileRegex,
  createMatcher,
  type MatchRequest,
  type Rule,
  type Scenario,
} from '@mocktopus/scenario'

export interface Probe {
  /** The rule the probe was written for (0-based). */
  readonly rule: number
  readonly kind: 'chat' | 'embeddings'
  readonly model: string
  /** Chat: the conversation. */
  readonly messages?: readonly { role: string; content: string }[]
  /** Embeddings: the inputs. */
  readonly input?: readonly string[]
  /** Whether `explain` says the probe meets every condition of its rule. */
  readonly reachesRule: boolean
}

/**
 * A model id the glob accepts: `*` as nothing, `?` as one letter, a class as its first member;
 * a glob that accepts anything gets a real model id, since the API requires a non-empty one.
 */
export function sampleFromGlob(glob: string): string {
  const sample = glob
    .replace(/\[!?\^?([^\]])[^\]]*\]/g, '$1')
    .replace(/\*/g, '')
    .replace(/\?/g, 'x')
  return sample === '' ? 'gpt-4o-mini' : sample
}

/**
 * A string the regular expression probably matches: the first alternative, with classes and
 * escapes replaced by a member and quantifiers by one occurrence. `undefined` when the sample
 * does not match after all (the regex is too clever for this).
 */
export function sampleFromRegex(pattern: string): string | undefined {
  let out = ''
  let depth = 0
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string
    if (ch === '\\') {
      const next = pattern[++i] ?? ''
      out += { d: '2', s: ' ', w: 'w', b: '', B: '', n: '\n', t: '\t' }[next] ?? next
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2)
      const body = pattern.slice(i + 1, end)
      out += body.startsWith('^') ? 'z' : (body.replace(/^\\/, '')[0] ?? '')
      i = end
    } else if (ch === '(') {
      depth++
      const named = /^\(\?(?:P?<[A-Za-z_]\w*>|:|i:)?/.exec(pattern.slice(i))
      if (named) i += named[0].length - 1
    } else if (ch === ')') {
      depth--
    } else if (ch === '|') {
      if (depth === 0) break
      // Skip the other alternatives of this group.
      let level = 0
      while (i < pattern.length && !(pattern[i] === ')' && level === 0)) {
        if (pattern[i] === '(') level++
        if (pattern[i] === ')') level--
        i++
      }
      depth--
    } else if (ch === '{') {
      i = pattern.indexOf('}', i)
    } else if (ch === '.') {
      out += 'x'
    } else if (!'^$*+?'.includes(ch)) {
      out += ch
    }
  }
  return compileRegex(pattern).test(out) ? out : undefined
}

function prompt(rule: Rule): string {
  const { when } = rule
  const parts: string[] = []
  if (when.messages_contains) parts.push(when.messages_contains)
  if (when.messages_regex) {
    const sample = sampleFromRegex(when.messages_regex)
    if (sample !== undefined) parts.push(sample)
  }
  return parts.length > 0 ? parts.join(' ') : 'hello there'
}

function isEmbeddings(rule: Rule): boolean {
  return rule.type === 'embeddings' || rule.when.endpoint === '/v1/embeddings'
}

/**
 * One probe per rule that the OpenAI-shaped stub can answer (every type but `llm.anthropic`),
 * then one that should match nothing specific. With `provider: 'anthropic'`, one per rule the
 * Messages API can answer (`llm` and `llm.anthropic`), checked against `/v1/messages`.
 */
export function probesFor(
  scenario: Scenario,
  options: { readonly provider?: 'openai' | 'anthropic' } = {},
): Probe[] {
  const anthropic = options.provider === 'anthropic'
  const matcher = createMatcher(scenario)
  const probes: Probe[] = []
  for (const [index, rule] of scenario.rules.entries()) {
    if (
      anthropic
        ? rule.type !== 'llm' && rule.type !== 'llm.anthropic'
        : rule.type === 'llm.anthropic'
    )
      continue
    if (anthropic && (isEmbeddings(rule) || rule.when.endpoint !== undefined)) continue
    const embeddings = isEmbeddings(rule)
    const { when } = rule
    const model = when.model
      ? sampleFromGlob(when.model)
      : embeddings
        ? 'text-embedding-3-small'
        : 'gpt-4o-mini'
    const probe = embeddings
      ? { kind: 'embeddings' as const, model, input: when.input ?? [prompt(rule)] }
      : {
          kind: 'chat' as const,
          model,
          messages: (when.conversation ?? [{ role: 'user', content: prompt(rule) }]).map((m) => ({
            role: m.role,
            content: m.content,
          })),
        }
    const request: MatchRequest = embeddings
      ? { endpoint: '/v1/embeddings', model, input: probe.input }
      : {
          endpoint: anthropic ? '/v1/messages' : '/v1/chat/completions',
          model,
          messages: probe.messages,
        }
    const verdict = matcher.explain(request)[index]
    probes.push({ rule: index, ...probe, reachesRule: verdict?.matched === true })
  }
  probes.push({
    rule: -1,
    kind: 'chat',
    model: 'zz-unknown-model',
    messages: [{ role: 'user', content: 'zzz' }],
    reachesRule: false,
  })
  return probes
}
