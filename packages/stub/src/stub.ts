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
  /**
   * The session `id` (docs/sessions.md): both clients over the same compiled rules, with
   * `times`, stored responses and a journal of the session's own; the same id, the same session.
   */
  session(id: string): StubSession
}

/** One session of a stub, as `mock.session(id)` is one of a server. */
export interface StubSession {
  readonly id: string
  readonly openai: StubClient
  readonly anthropic: AnthropicStubClient
  /** This session's calls, oldest first; each names the session. */
  requests(): StubRequest[]
  /** Restores this session's `times`, forgets its stored responses and clears its journal. */
  reset(): void
  /** Answers this session from its own scenario (YAML or JSON text, or an object). */
  useScenario(scenario: Scenario | string | object): void
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
    session(id) {
      const own = engine.session(id)
      return {
        id,
        openai: openaiClient(own),
        anthropic: anthropicClient(own),
        requests: own.requests,
        reset: own.reset,
        useScenario: own.useScenario,
      }
    },
  }
}
