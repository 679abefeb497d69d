/**
 * Code that a later start will run, run once before the code cache is saved (see
 * `code-cache.ts`): reading, checking and matching a scenario. The bytecode V8 saves is only
 * that of functions compiled so far, and a first run that served the built-in scenario (checked
 * when the package was built) or an empty recordings directory compiles none of it; a later
 * start on 400 recordings then compiled the reader and the schema's 170 KB validator on its way
 * to its first answer. Pure work on a string of our own: no file, no network.
 */
import { createMatcher, ENDPOINTS, parseScenario } from '@mocktopus/scenario'
import { EXAMPLE_TYPES, exampleText } from './scenarios.js'

/**
 * What a recordings file holds beyond the examples: quoted and escaped texts, a flow mapping,
 * the `recorded:` block. (No provider or API path named: the examples name those.)
 */
export const WARM_UP_SCENARIO = `version: 1
rules:
  - type: llm
    when:
      model: warm-up
      conversation:
        - role: system
          content: You are terse.
        - role: user
          content: "Warm up:\\n\\tthe \\"code\\" cache"
    respond:
      content: 'It''s warm'
      finish_reason: stop
      usage: { input_tokens: 12, output_tokens: 7, total_tokens: 19 }
      id: warm-up-1
      delay_ms: 3
    recorded:
      shape: choices[].finish_reason:"stop" id:string
`

/**
 * Reads, checks and matches a small scenario, so that the code doing it is compiled when the
 * code cache is saved. Throws what parsing throws: the cache's caller ignores it.
 */
export function warmUpCodeCache(): void {
  const matcher = createMatcher(parseScenario(WARM_UP_SCENARIO, { source: 'warm-up.yaml' }))
  matcher.match({
    endpoint: ENDPOINTS.chatCompletions,
    model: 'warm-up',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Warm up:\n\tthe "code" cache' },
    ],
  })
  // The shapes hand-written scenarios hold: globs, regexes, templates, tool calls, errors.
  for (const type of EXAMPLE_TYPES) {
    createMatcher(parseScenario(exampleText(type), { source: `${type}.yaml` }))
  }
}
