/** The scenario the Anthropic SDK tests run against, and a server on a free port. */

import Anthropic from '@anthropic-ai/sdk'
import { fixedClock } from '@mocktopus/responders'
import { createMocktopus } from '@mocktopus/server'
import { type RunningServer, serve } from '@mocktopus/server/node'

export const SCENARIO = `
version: 1
rules:
  - type: llm.anthropic
    when:
      model: "claude-*"
      messages_contains: "capital of France"
    respond:
      content: "The capital of France is Paris."
      usage: { input_tokens: 14, output_tokens: 8 }
  - type: llm
    when:
      messages_contains: "weather"
    respond:
      content: "Let me check the weather."
      tool_calls:
        - type: function
          function:
            name: get_weather
            arguments:
              location: San Francisco, CA
              unit: fahrenheit
  - type: llm.openai
    when:
      messages_contains: "Sunny"
    respond:
      content: "It is sunny in San Francisco."
  - type: llm.anthropic
    when:
      messages_contains: "long answer"
    respond:
      content: "This answer is cut short"
      finish_reason: length
  - type: llm.anthropic
    when: { messages_contains: "error:invalid_request" }
    error: { error_type: invalid_request, message: "messages: bad shape" }
  - type: llm.anthropic
    when: { messages_contains: "error:authentication" }
    error: { error_type: authentication }
  - type: llm.anthropic
    when: { messages_contains: "error:rate_limit" }
    error: { error_type: rate_limit, retry_after: 3 }
  - type: llm.anthropic
    when: { messages_contains: "error:server_error" }
    error: { error_type: server_error }
  - type: llm.anthropic
    when: { messages_contains: "error:timeout" }
    error: { error_type: timeout, delay_ms: 10 }
  - type: llm.anthropic
    when: { messages_contains: "error:content_filter" }
    error: { error_type: content_filter }
  - type: llm.anthropic
    when: { messages_contains: "error:overloaded" }
    error: { error_type: server_error, status_code: 529, message: Overloaded }
`

export interface Harness {
  readonly server: RunningServer
  readonly client: Anthropic
}

/** Starts Mocktopus on 127.0.0.1 (port 0) and an SDK client that never retries. */
export async function startHarness(): Promise<Harness> {
  const mock = await createMocktopus({
    scenario: SCENARIO,
    clock: fixedClock(1_700_000_000, { instant: true }),
  })
  const server = await serve(mock, { port: 0 })
  const client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: server.url, maxRetries: 0 })
  return { server, client }
}
