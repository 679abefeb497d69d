/**
 * Code that a later start will run, run once before the code cache is saved (see
 * `code-cache.ts`): reading, checking and matching a scenario. The bytecode V8 saves is only
 * that of functions compiled so far, and a first run that served the built-in scenario (checked
 * when the package was built) or an empty recordings directory compiles none of it; a later
 * start on 400 recordings then compiled the reader and the schema's 170 KB validator on its way
 * to its first answer. Pure work on a string of our own: no file, no network.
 */
import { createMatcher, parseScenario } from '@mocktopus/scenario'

/** The shapes a recordings file and a hand-written scenario hold: quoted and escaped texts,
flow collections, numbers, globs, a regex, a template, an error rule. */
export const WARM_UP_SCENARIO = `version: 1
rules:
  - type: llm.openai
    when:
      endpoint: /v1/chat/completions
      model: gpt-4o-mini
      conversation:
        - role: system
          content: You are terse.
        - role: user
          content: "Warm up:\\n\\tthe \\"code\\" cache"
    respond:
      content: 'It''s warm'
      finish_reason: stop
      usage: { input_tokens: 12, output_tokens: 7, total_tokens: 19 }
      id: chatcmpl-warm
      delay_ms: 3
    recorded:
      shape: choices[].finish_reason:"stop" id:string
  - type: llm.openai
    when:
      model: "gpt-*"
      messages_regex: "(?i)weather in \\\\w+"
    respond:
      tool_calls:
        - id: call_warm
          type: function
          function:
            name: get_weather
            arguments: '{"city": "Paris"}'
  - type: llm.anthropic
    when: { endpoint: /v1/messages, messages_contains: hello }
    respond: { content: "Hello {{ last_user_message }}", finish_reason: stop }
  - type: llm.openai
    times: 1
    when: { endpoint: /v1/embeddings }
    respond:
      embeddings:
        - embedding: [0.1, -0.2, 3e-3]
  - type: llm.openai
    when: { endpoint: /v1/chat/completions, model: o1 }
    error: { error_type: rate_limit, message: Slow down, retry_after: 1 }
`

/**
 * Reads, checks and matches a small scenario, so that the code doing it is compiled when the
 * code cache is saved. Throws what parsing throws: the cache's caller ignores it.
 */
export function warmUpCodeCache(): void {
  const matcher = createMatcher(parseScenario(WARM_UP_SCENARIO, { source: 'warm-up.yaml' }))
  matcher.match({
    endpoint: '/v1/chat/completions',
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Warm up:\n\tthe "code" cache' },
    ],
  })
  matcher.match({ endpoint: '/v1/embeddings', model: 'text-embedding-3-small', input: ['a'] })
}
