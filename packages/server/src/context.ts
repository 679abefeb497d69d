/**
 * The state every route module shares: the current matcher (swapped on hot reload), the clock,
 * the resolved options, the exchange hook, and the table of registered API routes.
 */
import type { Clock, ErrorEnvelope } from '@mocktopus/responders'
import type { Matcher, Scenario } from '@mocktopus/scenario'
import type { CostObserver } from './cost/observer.js'
import type { Exchange } from './exchange.js'
import type { Journal } from './journal.js'
import type { ApiRoute } from './pipeline.js'
import type { RecordingHooks } from './record/hooks.js'
import type { JSONOutput, WireOutput } from './wire-output.js'

/** A route the Node runner may answer without the app: an API route, or a fixed JSON answer. */
export type DirectRoute =
  | { readonly kind: 'api'; readonly route: ApiRoute<unknown> }
  | { readonly kind: 'plain'; answer(): JSONOutput }

/** The request an answer is for, as a route's `finish` sees it. */
export interface RequestLine {
  readonly method: string
  readonly path: string
}

/**
 * A route's last word on an answer before it is sent, on either path: Anthropic's request ids.
 * It may change the answer's own header record (every answer has its own) or give another.
 */
export type FinishOutput = (output: WireOutput, request: RequestLine) => WireOutput

/** One registered API route, so the fallback can answer 405 (and in the right envelope). */
export interface RouteEntry {
  readonly method: string
  /** A Hono path pattern relative to the API root, e.g. `/v1/models/:id`. */
  readonly path: string
  readonly errors: ErrorEnvelope
  /** Given every answer on the route's path: its own, a wrong method's, an internal error's. */
  readonly finish?: FinishOutput
}

export interface MocktopusContext {
  /** The matcher of the current scenario; replaced, not mutated, by `setScenario()`. */
  readonly matcher: Matcher
  readonly scenario: Scenario
  readonly clock: Clock
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit: number
  /** Headers every answer `writeWire` writes carries: the CORS headers, when they are fixed. */
  readonly responseHeaders?: Readonly<Record<string, string>>
  /** Tells every observer about one finished exchange; observer errors never reach the client. */
  emit(exchange: Exchange): void
  /** Cost tracking and metrics, fed by every exchange; read by `/health`, `/cost-report` and `/_mocktopus/metrics`. */
  readonly costs: CostObserver
  /** The mode `/health` reports: `mock` (the default), `record` or `replay`. */
  readonly mode?: string
  /** Record and replay: where requests go upstream, and the replay 404 message. */
  readonly recording?: RecordingHooks
  /** When set, every route but `/health` requires this token (bearer or `x-api-key`). */
  readonly authToken?: string
  /** `false` turns off the admin routes under `/_mocktopus/`. */
  readonly admin?: boolean
  readonly routes: RouteEntry[]
  /**
   * What the Node runner may answer without the app, by `METHOD /path`: the API routes and
   * `GET /health`.
   */
  readonly directRoutes: Map<string, DirectRoute>
  /** Registers state a route module keeps (e.g. stored responses) to clear on `reset()`. */
  onReset(clear: () => void): void
  /** The last API exchanges, for `GET /_mocktopus/requests`. */
  readonly journal: Journal<Exchange>
  /** What `mock.reset()` does, for `POST /_mocktopus/reset`. */
  reset(): void
}

// The context of a Mocktopus whose API routes the Node runner may answer directly: kept on the
// instance under a symbol, so `serve(mock)` can find it while the public type stays as it is.
const DIRECT_CONTEXT = Symbol.for('mocktopus.directContext')

/**
 * Lets the Node runner answer `mock`'s API routes without its app (see ../node-direct.ts).
 *
 * @example return allowDirect(mock, ctx)
 */
export function allowDirect<T extends object>(mock: T, ctx: MocktopusContext): T {
  Object.defineProperty(mock, DIRECT_CONTEXT, { value: ctx })
  return mock
}

/**
 * The context the Node runner may answer `mock`'s API routes with, if any.
 *
 * @example const ctx = directContextOf(mock)
 */
export function directContextOf(mock: object): MocktopusContext | undefined {
  return (mock as { [DIRECT_CONTEXT]?: MocktopusContext })[DIRECT_CONTEXT]
}
