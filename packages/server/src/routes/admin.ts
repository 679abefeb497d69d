/**
 * The admin routes tests use to look at and rewind a running server: `GET /_mocktopus/requests`
 * serves the request journal, `POST /_mocktopus/reset` does what `mock.reset()` does. Like
 * `/health` they are not API exchanges, so they never appear in the journal themselves.
 */
import type { Hono } from 'hono'
import type { MocktopusContext } from '../context.js'

/** The path of the request journal. */
export const REQUESTS_PATH = '/_mocktopus/requests'
/** The path that restores `times` counters and clears the journal and stored responses. */
export const RESET_PATH = '/_mocktopus/reset'

export function registerAdmin(app: Hono, ctx: MocktopusContext): void {
  app.get(REQUESTS_PATH, (c) =>
    c.json({ requests: ctx.journal.entries() }, 200, { 'cache-control': 'no-store' }),
  )
  app.post(RESET_PATH, (c) => {
    ctx.reset()
    return c.json({ reset: true })
  })
}
