/**
 * How record and replay plug into the request pipeline. The pipeline stays ignorant of
 * upstreams: it hands a request it will not answer from the scenario to `forward`, and asks
 * `describeMiss` for the 404 message when nothing matches.
 */
import type { ErrorEnvelope, WireResult, WireUsage } from '@mocktopus/responders'
import type { MatchRequest, RuleVerdict, Scenario } from '@mocktopus/scenario'

/** One request the pipeline hands to the upstream. */
export interface ForwardInfo {
  /** The client's request; its body has been read already, see `text`. */
  readonly request: Request
  /** The API path relative to the root, e.g. `/v1/messages`. */
  readonly endpoint: string
  /** The request body exactly as the client sent it. */
  readonly text: string
  /** The request as the route's parser normalized it; absent when the body did not parse. */
  readonly match?: MatchRequest
  /** The route's provider error envelope, for answers of our own (502). */
  readonly errors: ErrorEnvelope
  /** Answers through the pipeline's usual path (and reports the exchange), e.g. with a 502. */
  reply(wire: WireResult): Response
  /** Reports the forwarded exchange once its answer is complete (a stream's when it ends). */
  finish(outcome: ForwardOutcome): void
}

export interface ForwardOutcome {
  readonly status: number
  readonly stream: boolean
  readonly usage?: WireUsage
}

export interface RecordingHooks {
  /** `true` in record mode: every API request goes upstream, the scenario is not consulted. */
  readonly forwardAll?: boolean
  /** Sends a request upstream; in replay mode, only requests no recording matches. */
  readonly forward?: (info: ForwardInfo) => Promise<Response>
  /** The 404 message when nothing matches (replay names the closest recording). */
  readonly describeMiss?: (verdicts: readonly RuleVerdict[], scenario: Scenario) => string
  /**
   * The request as the recordings see it, before matching (replay: redacted values and
   * volatile text replaced as the recorder replaced them); `body` is the parsed request body.
   */
  readonly prepareMatch?: (match: MatchRequest, body: unknown) => MatchRequest
}
