/**
 * @module mocktopus: the main entry points of Mocktopus in one package: the server
 * (`@mocktopus/server`), the in-process stub clients (`@mocktopus/stub`) and scenario loading
 * (`@mocktopus/scenario`). Web-standard like `@mocktopus/server`; the Node server is `mocktopus/node`.
 */
export { loadScenario, MocktopusError, ScenarioError } from '@mocktopus/scenario'
export {
  connectMocktopus,
  createApp,
  createHandler,
  createMocktopus,
  RemoteMocktopusError,
} from '@mocktopus/server'
export { createAnthropicStubClient, createStub, createStubClient } from '@mocktopus/stub'
