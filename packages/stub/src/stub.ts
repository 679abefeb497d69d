/**
 * One stub, two SDK shapes: `createStub()` gives an OpenAI-shaped and an Anthropic-shaped client
 * over one engine, so an agent that calls both providers is tested against one scenario whose
 * rules' `times`, stored responses and journal the two share.
 */
import type { Scenario } from '@mocktopus/scenario'
import { type AnthropicStubClient, anthropicClient } from './anthropic.js'
import { openaiClient, type StubClient } from './client.js'
import { createStubEngine, type StubClientOptions, type StubRequest } from './engine.js'

export interface Stub {
  /** Shaped like `new OpenAI()`: chat completions, embeddings, responses. */
  readonly openai: StubClient
  /** Shaped like `new Anthropic()`: messages (created, streamed, counted), models. */
  readonly anthropic: AnthropicStubClient
  /** The scenario both answer from. */
  readonly scenario: Scenario
  /** The calls both answered, oldest first, in one journal. */
  requests(): StubRequest[]
  /** Restores every rule's `times`, forgets stored responses and clears `requests()`. */
  reset(): void
}

/**
 * An OpenAI-shaped and an Anthropic-shaped client answering from one scenario with one engine:
 * a rule with `times: 1` answers once, whichever client asks.
 *
 * @example
 * const { openai, anthropic, requests } = createStub(readFileSync('agent.yaml', 'utf8'))
 * const agent = createAgent({ planner: anthropic, writer: openai })
 */
export function createStub(scenario: Scenario | string, options: StubClientOptions = {}): Stub {
  const engine = createStubEngine(scenario, options)
  return {
    openai: openaiClient(engine),
    anthropic: anthropicClient(engine),
    scenario: engine.scenario,
    requests: engine.requests,
    reset: engine.reset,
  }
}
