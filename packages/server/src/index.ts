/** @module @mocktopus/server */

export { type CORSOptions, createApp, ROUTE_MODULES, type RouteModule } from './app.js'
export type { FinishOutput, MocktopusContext, RequestLine, RouteEntry } from './context.js'
export * from './cost/index.js'
export type { Exchange, ExchangeListener } from './exchange.js'
export {
  createJournal,
  DEFAULT_JOURNAL_SIZE,
  isJournaled,
  type Journal,
  type JournalOptions,
} from './journal.js'
export {
  createMocktopus,
  DEFAULT_BODY_LIMIT,
  type Mocktopus,
  type MocktopusOptions,
} from './mocktopus.js'
export {
  type AnswerInput,
  type ApiRoute,
  addApiRoute,
  addPlainRoute,
  type ExchangeStart,
  endpointOf,
  handleApiRequest,
  RULE_HEADER,
  startExchange,
  writeWire,
} from './pipeline.js'
export * from './record/index.js'
export { REQUESTS_PATH, RESET_PATH } from './routes/admin.js'
