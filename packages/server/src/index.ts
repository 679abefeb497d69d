/**
 * @module @mocktopus/server
 *
 * `createMocktopus()`: the Hono app, an in-process `fetch` and the transport-neutral handler.
 * The Node server is `@mocktopus/server/node`; record and replay `@mocktopus/server/record`;
 * prices and metrics `@mocktopus/server/cost`.
 */
export type { Exchange } from '@mocktopus/responders'
export { createApp } from './app.js'
export { CHAOS_KEYS, type ChaosSettings, checkChaosSettings } from './chaos.js'
export { type CORSOptions, EXPOSED_HEADERS } from './cors.js'
export { createHandler, type Handler, type HandlerCore, type HttpRequest } from './handler.js'
export {
  createMocktopus,
  DEFAULT_BODY_LIMIT,
  type ExchangeListener,
  type Mocktopus,
  type MocktopusOptions,
  STORED_RESPONSES_LIMIT,
} from './mocktopus.js'
export {
  type JSONOutput,
  type Output,
  type ResponseOutput,
  RULE_HEADER,
  type StreamOutput,
  toResponse,
} from './output.js'
export {
  type ConnectOptions,
  connectMocktopus,
  type RemoteMocktopus,
  RemoteMocktopusError,
  type RemoteSession,
} from './remote.js'
export type { MocktopusSession, SessionAdmin } from './session-host.js'
export {
  DEFAULT_MAX_SESSIONS,
  DEFAULT_SESSION_IDLE_MS,
  SESSION_HEADER,
  SESSION_ID_PATTERN,
  SESSION_PREFIX,
  type Session,
  type SessionsOptions,
} from './sessions.js'
export {
  CHAOS_PATH,
  COST_REPORT_PATH,
  HEALTH_PATH,
  METRICS_PATH,
  REQUESTS_PATH,
  RESET_PATH,
  type ToolingRoute,
} from './tooling.js'
