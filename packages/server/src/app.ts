/**
 * Assembles the Hono app: CORS, the route modules, and a catch-all that answers unknown paths
 * (404) and wrong methods (405) in the provider's error envelope. The catch-all is a route,
 * not `notFound`, because `parent.route('/llm', mock.app)` keeps a sub-app's routes and
 * `onError` but drops its `notFound`.
 */
import { openaiError } from '@mocktopus/responders'
import { Hono } from 'hono'
import type { MocktopusContext, RouteEntry } from './context.js'
import { type CORSOptions, corsMiddleware, corsOptionsOf } from './cors.js'
import {
  finishOutput,
  internalError,
  startExchange,
  toResponse,
  wireKindOf,
  wireOutput,
  writeWire,
} from './pipeline.js'
import { registerAdmin } from './routes/admin.js'
import { registerAnthropicMessages } from './routes/anthropic-messages.js'
import { registerGuard } from './routes/guard.js'
import { registerHealth } from './routes/health.js'
import { registerModels } from './routes/models.js'
import { registerObservability } from './routes/observability.js'
import { registerOpenAIChat } from './routes/openai-chat.js'
import { registerOpenAICompletions } from './routes/openai-completions.js'
import { registerOpenAIEmbeddings } from './routes/openai-embeddings.js'
import { registerOpenAIResponses } from './routes/openai-responses.js'

export type { CORSOptions }

/** Registers one API's routes. Add yours to `ROUTE_MODULES`. */
export type RouteModule = (app: Hono, ctx: MocktopusContext) => void

/** Every route module, in registration order; the catch-all always comes after them. */
export const ROUTE_MODULES: readonly RouteModule[] = [
  registerGuard,
  registerHealth,
  registerObservability,
  registerOpenAIChat,
  registerOpenAIEmbeddings,
  registerOpenAIResponses,
  registerOpenAICompletions,
  registerAnthropicMessages,
  registerModels,
  registerAdmin,
]

function routePattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/')
  // A suffix match, so the app answers the same when mounted under a prefix.
  return new RegExp(`${source}$`)
}

function routesFor(routes: readonly RouteEntry[], path: string): RouteEntry[] {
  return routes.filter((route) => routePattern(route.path).test(path))
}

/**
 * The Mocktopus Hono app over a shared context.
 *
 * @example const app = createApp(ctx, { cors: true })
 */
export function createApp(
  ctx: MocktopusContext,
  options: { cors?: boolean | CORSOptions } = {},
): Hono {
  const app = new Hono()
  const corsOptions = corsOptionsOf(options.cors)
  if (corsOptions) {
    // writeWire's answers carry ctx.responseHeaders: the CORS headers when they are fixed.
    const preset = ctx.responseHeaders !== undefined
    app.use(
      '*',
      corsMiddleware(corsOptions, (c) => preset && wireKindOf(c.res) !== undefined),
    )
  }
  for (const register of ROUTE_MODULES) register(app, ctx)

  app.all('*', (c) => {
    const { method, path } = c.req
    const known = routesFor(ctx.routes, path)
    const start = startExchange(ctx, c, path)
    if (known.length > 0) {
      const allowed = [...new Set(known.map((route) => route.method))].join(', ')
      const entry = known[0] as RouteEntry
      const error = entry.errors({
        status: 405,
        message: `Invalid method for URL (${method} ${path}): use ${allowed}.`,
        code: 'method_not_allowed',
        headers: { allow: allowed },
      })
      const output = wireOutput(ctx, { ...start, endpoint: entry.path }, error)
      return toResponse(finishOutput(entry, output, start))
    }
    const error = openaiError({
      status: 404,
      message: `Invalid URL (${method} ${path})`,
      code: 'unknown_url',
    })
    return writeWire(ctx, start, error)
  })

  app.onError((err, c) => {
    const [entry] = routesFor(ctx.routes, c.req.path)
    const start = startExchange(ctx, c, c.req.path)
    const output = wireOutput(ctx, start, internalError(entry?.errors ?? openaiError, err))
    return toResponse(entry ? finishOutput(entry, output, start) : output)
  })
  return app
}
