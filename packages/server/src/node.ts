/** @module @mocktopus/server/node */
import type { AddressInfo } from 'node:net'
import { serve as serveNode } from '@hono/node-server'
import type { Mocktopus } from './mocktopus.js'

export { loadPricingFile } from './cost/load-pricing.js'
export * from './record/node.js'

export interface ServeOptions {
  /** Default 8080; 0 picks a free port. */
  readonly port?: number
  /** Default `127.0.0.1`: reachable from this machine only. */
  readonly hostname?: string
}

export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:8080` (the API is under `/v1`). */
  readonly url: string
  readonly port: number
  /** Stops accepting connections, ends open ones, and resolves when the server is closed. */
  close(): Promise<void>
}

/**
 * Runs a Mocktopus instance on Node's HTTP server.
 *
 * @example
 * const server = await serve(await createMocktopus({ scenarioFile: 'scenario.yaml' }), { port: 0 })
 * const openai = new OpenAI({ apiKey: 'test', baseURL: `${server.url}/v1` })
 */
export function serve(
  mock: Pick<Mocktopus, 'fetch'>,
  options: ServeOptions = {},
): Promise<RunningServer> {
  const { port = 8080, hostname = '127.0.0.1' } = options
  return new Promise((resolve, reject) => {
    const server = serveNode(
      { fetch: (request) => mock.fetch(request), port, hostname },
      (info: AddressInfo) => {
        server.off('error', reject)
        const host = info.address.includes(':') ? `[${info.address}]` : info.address
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()))
              // Streams and keep-alive sockets would otherwise hold close() open.
              if ('closeAllConnections' in server) server.closeAllConnections()
            }),
        })
      },
    )
    server.once('error', reject)
  })
}

export {
  type StartedMocktopus,
  type StartMocktopusOptions,
  startMocktopus,
} from './node-helpers.js'
